import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/content/scenario-loader';
import { call, createSimulator } from '$lib/sts';
import { statementVerdicts } from './statement-verdicts';

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
