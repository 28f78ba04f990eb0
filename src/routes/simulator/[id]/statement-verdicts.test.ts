import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/content/scenario-loader';
import { call, createSimulator, runScenario } from '$lib/sts';
import { statementVerdicts, whyView } from './statement-verdicts';

const load = (name: string) =>
	parseScenario(readFileSync(`content/scenarios/${name}.yaml`, 'utf8'), `${name}.yaml`);

const labelsBySid = (outcome: ReturnType<typeof call>['outcome']) => {
	const verdicts = statementVerdicts(outcome.explanation.statements, outcome.allowed === false);
	return Object.fromEntries(
		outcome.explanation.statements.map((s, i) => [
			s.sid ?? `${s.placement}#${s.index}`,
			verdicts[i]
		])
	);
};

describe('statementVerdicts', () => {
	it('a matching Allow does not "decide" a request denied because no session policy allows it', () => {
		const world = load('identity-broker-federation-token').world;
		let sim = createSimulator(world, { seed: 1 });
		const gft = call(sim, {
			as: 'user:777788889999/partner-broker',
			call: 'GetFederationToken',
			params: { Name: 'partner-17' },
			save: 'p17'
		});
		expect(gft.outcome.ok).toBe(true);
		sim = gft.state;
		const get = call(sim, {
			as: 'creds:p17',
			call: 's3:GetObject',
			resource: 'arn:aws:s3:::studio-edits/a.mov'
		}).outcome;
		expect(get.allowed).toBe(false);
		const labels = labelsBySid(get);
		expect(labels.UpperBoundForPartners).toEqual({
			label: 'Allow: matches (not enough on its own)',
			tone: 'neutral'
		});
		expect(Object.values(labels).map((v) => v.label)).not.toContain('Allow: decides');
	});

	it("the caller's Allow does not decide an AssumeRole the trust policy refuses", () => {
		const world = load('vendor-external-id').world;
		const o = call(createSimulator(world, { seed: 7 }), {
			as: 'user:999988887777/cost-scanner',
			call: 'AssumeRole',
			params: {
				RoleArn: 'arn:aws:iam::111122223333:role/CloudCostAuditRole',
				RoleSessionName: 'scan'
			}
		}).outcome;
		expect(o.error?.code).toBe('AccessDenied');
		const verdicts = statementVerdicts(o.explanation.statements, o.allowed === false);
		const identityAllows = o.explanation.statements
			.map((s, i) => ({ s, v: verdicts[i] }))
			.filter(({ s }) => s.placement === 'identity' && s.matches && s.effect === 'Allow');
		expect(identityAllows.length).toBeGreaterThan(0);
		for (const { v } of identityAllows)
			expect(v.label).toBe('Allow: matches (not enough on its own)');
	});

	it('a matching Allow decides an allowed request; a matching Deny decides and overrules', () => {
		const base = {
			policy: 'p',
			placement: 'identity' as const,
			conditions: [],
			text: ''
		};
		const allow = { ...base, index: 0, effect: 'Allow' as const, matches: true };
		const deny = { ...base, index: 1, effect: 'Deny' as const, matches: true };
		const other = {
			...base,
			index: 2,
			effect: 'Allow' as const,
			matches: false,
			mismatch: 'resource' as const
		};
		expect(statementVerdicts([allow, other], false).map((v) => v.label)).toEqual([
			'Allow: decides',
			'Not applicable (resource)'
		]);
		expect(statementVerdicts([allow, deny], true)).toEqual([
			{ label: 'Allow: applies, overruled', tone: 'neutral' },
			{ label: 'Deny: decides', tone: 'deny' }
		]);
	});
});

describe('whyView', () => {
	it('shows a statement quoted in a detail once: its entry refers to "Why"', () => {
		const report = runScenario(load('credentials-expire-and-refresh'));
		const explanation = report.steps[0].outcome.explanation;
		const trust = explanation.statements.findIndex((s) => s.placement === 'trust');
		const view = whyView(explanation);
		const quoting = view.details.filter((d) => d.includes(explanation.statements[trust].text));
		expect(quoting).toEqual([
			expect.stringMatching(/^The trust policy of NightlyReportWriter allows it: /)
		]);
		expect(view.quoted[trust]).toBe(true);
		for (const [i, s] of explanation.statements.entries()) {
			const inWhy = [explanation.summary, ...view.details].filter((p) => p.includes(s.text));
			// Said once: either in "Why" (and the entry refers to it) or in the entry alone.
			expect(inWhy.length + (view.quoted[i] ? 0 : 1)).toBe(1);
		}
	});

	it('drops a detail that is only a statement\'s text; a bullet quoting one stays in "Why"', () => {
		const statements = [
			{ text: 'R trust policy statement 1 (Allow sts:AssumeRole) does not name this principal' },
			{ text: 'R-policy-1 statement 1 applies: Allow s3:GetObject' }
		];
		const view = whyView({
			summary: 'AccessDenied: no statement of the trust policy allows it.',
			details: [
				'The trust policy of R has no statement that allows sts:AssumeRole for P:',
				`• ${statements[0].text}`,
				statements[1].text
			],
			statements
		});
		expect(view.details).toEqual([
			'The trust policy of R has no statement that allows sts:AssumeRole for P:',
			`• ${statements[0].text}`
		]);
		expect(view.quoted).toEqual([true, false]);
	});
});
