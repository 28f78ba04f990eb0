import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/content/scenario-loader';
import {
	advance,
	applyEntry,
	call,
	createSimulator,
	mfaCode,
	revoke,
	replay,
	runScenario,
	startSession,
	type CallOutcome
} from '$lib/sts';
import {
	adminCommand,
	announcement,
	callerNote,
	clockText,
	condensedLog,
	freeClockMove,
	mfaDeviceFor,
	nextExpiry,
	outcomeHeadline,
	policyEditError,
	nextStepOffScript,
	playedOffScript,
	predictionTally,
	predictionVerdict,
	requestId,
	resultCaller,
	stepRequest,
	timeOfDay,
	timelineView
} from './sim-view';
import {
	callerGroups,
	cliErrorLine,
	errorResponseXml,
	maskSecret,
	remaining,
	resourceSuggestions,
	truncateToken
} from './panel-view';

const load = (name: string) =>
	parseScenario(readFileSync(`content/scenarios/${name}.yaml`, 'utf8'), `${name}.yaml`);
const vendor = load('vendor-external-id');
const mfa = load('mfa-protected-api-calls');

function vendorSession() {
	let sim = createSimulator(vendor.world, { seed: 7 });
	const assume = call(sim, {
		as: 'user:999988887777/cost-scanner',
		call: 'AssumeRole',
		params: {
			RoleArn: 'arn:aws:iam::111122223333:role/CloudCostAuditRole',
			RoleSessionName: 'scan',
			ExternalId: 'ExCorp-7731'
		},
		save: 'audit'
	});
	sim = assume.state;
	return { sim, outcome: assume.outcome };
}

describe('formatting', () => {
	it('shows times, remaining time and masked secrets', () => {
		expect(clockText(Date.parse('2026-03-02T08:00:05Z') / 1000)).toBe('2026-03-02 08:00:05 UTC');
		expect(remaining(4000, 400)).toBe('expires in 1 h');
		expect(remaining(100, 400)).toBe('expired 5 min ago');
		expect(remaining(400, 400)).toBe('expired just now');
		expect(maskSecret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(
			'••••••••••••••••OKEY'.replace('OKEY', 'EKEY')
		);
		expect(truncateToken('x'.repeat(30))).toBe(`${'x'.repeat(24)}…`);
		expect(truncateToken('short')).toBe('short');
	});
});

describe('callerGroups', () => {
	it('offers long-term keys, saved credentials with their status, anonymous and a typed key', () => {
		const { sim } = vendorSession();
		const groups = callerGroups(sim);
		expect(groups.map((g) => g.label)).toEqual([
			'Long-term access keys',
			'Saved temporary credentials',
			'Other callers'
		]);
		expect(groups[0].options.map((o) => o.value)).toEqual([
			'user:999988887777/cost-scanner',
			'user:444455556666/mallory'
		]);
		expect(groups[1].options[0]).toMatchObject({ value: 'creds:audit' });
		expect(groups[1].options[0].label).toContain('active, 1 h left');
		const later = advance(sim, 3600).state;
		expect(callerGroups(later)[1].options[0].label).toContain('(expired)');
		expect(groups[2].options.map((o) => o.value)).toEqual(['anonymous', 'key:']);
	});
});

describe('callerNote', () => {
	it('says in words what a caller string stands for, above all a saved name such as creds:audit', () => {
		const { sim } = vendorSession();
		const key = sim.saved.audit;
		expect(callerNote(sim, 'creds:audit')).toBe(
			'the temporary credentials saved as “audit” when AssumeRole issued them ' +
				'(arn:aws:sts::111122223333:assumed-role/CloudCostAuditRole/scan)'
		);
		expect(callerNote(sim, `key:${key}`)).toBe(
			`the temporary credentials with access key ID ${key}, from AssumeRole ` +
				'(arn:aws:sts::111122223333:assumed-role/CloudCostAuditRole/scan)'
		);
		expect(callerNote(createSimulator(vendor.world, { seed: 7 }), 'creds:audit')).toBe(
			'the temporary credentials an earlier step saves as “audit” (not issued yet)'
		);
		expect(callerNote(sim, 'user:999988887777/cost-scanner')).toBe(
			'IAM user cost-scanner in account 999988887777, with its long-term access key'
		);
		expect(callerNote(sim, 'root:111122223333')).toBe('the root user of account 111122223333');
		expect(callerNote(sim, 'service:ec2.amazonaws.com')).toBe(
			'the AWS service ec2.amazonaws.com, on your behalf'
		);
		expect(callerNote(sim, 'anonymous')).toBe('nobody: the request is not signed');
		expect(callerNote(sim, 'key:AKIAUNKNOWN0000000')).toBe('the access key ID AKIAUNKNOWN0000000');
	});
});

describe('resultCaller', () => {
	it("names a result's caller in callerNote's words, not the notation creds:audit", () => {
		const { sim, outcome } = vendorSession();
		expect(resultCaller(sim, outcome)).toBe(
			'as IAM user cost-scanner in account 999988887777, with its long-term access key'
		);
		const who = call(sim, { as: 'creds:audit', call: 'GetCallerIdentity', params: {} });
		expect(resultCaller(who.state, who.outcome)).toBe(
			'as the temporary credentials saved as “audit”'
		);
		// An older result keeps its words when a later call saves other credentials as "audit".
		const again = call(who.state, {
			as: 'user:999988887777/cost-scanner',
			call: 'GetSessionToken',
			params: {},
			save: 'audit'
		});
		expect(resultCaller(again.state, who.outcome)).toBe(
			'as the temporary credentials saved as “audit”'
		);
		expect(resultCaller(sim, advance(sim, 60).outcome)).toBeUndefined();
	});
});

describe('freeClockMove', () => {
	it("says what the learner's own clock moves did, as a guided clock step is announced", () => {
		let session = startSession({ scenario: vendor, seed: 7 });
		for (const index of [0, 1, 2]) session = applyEntry(session, { type: 'step', index });
		const start = session.sim.world.start;
		expect(freeClockMove(session.timeline, session.sim.log, start)).toBeUndefined();
		// Two moves in a row ("To next expiry", then +30 min) are one move.
		session = applyEntry(session, { type: 'advance', seconds: 1800 });
		session = applyEntry(session, { type: 'advance', seconds: 1800 });
		expect(freeClockMove(session.timeline, session.sim.log, start)).toBe(
			'Clock advanced 1 h to 09:00:00. 1 credential set expired. The result below is from before it.'
		);
		// The same after a reload, whose replay makes the merged move one outcome.
		const replayed = replay(session, session.timeline);
		expect(freeClockMove(replayed.timeline, replayed.sim.log, start)).toBe(
			freeClockMove(session.timeline, session.sim.log, start)
		);
		// Nothing else to show: the result panel shows the move itself.
		const only = applyEntry(startSession({ scenario: vendor, seed: 7 }), {
			type: 'advance',
			seconds: 60
		});
		expect(freeClockMove(only.timeline, only.sim.log, start)).toBeUndefined();
		// The next action is shown as usual.
		const after = applyEntry(session, { type: 'step', index: 3 });
		expect(freeClockMove(after.timeline, after.sim.log, start)).toBeUndefined();
	});
});

describe('mfaDeviceFor', () => {
	it("finds the caller's device and its current code; role sessions have none", () => {
		const sim = createSimulator(mfa.world, { seed: 1 });
		const user = Object.values(sim.world.accounts)
			.flatMap((a) => Object.values(a.users))
			.find((u) => u.mfaSerial)!;
		const as = `user:${user.account}/${user.name}`;
		const device = mfaDeviceFor(sim, as);
		expect(device).toMatchObject({
			serial: user.mfaSerial,
			code: mfaCode(user.mfaSerial!, sim.now)
		});
		expect(device?.wrong).toMatch(/^\d{6}$/);
		expect(device?.wrong).not.toBe(device?.code);
		expect(mfaDeviceFor(sim, `key:${user.accessKeyId}`)?.serial).toBe(user.mfaSerial);
		expect(mfaDeviceFor(vendorSession().sim, 'creds:audit')).toBeUndefined();
		expect(mfaDeviceFor(sim, 'anonymous')).toBeUndefined();
	});
});

describe('timelineView and nextExpiry', () => {
	it('places each credential set on the simulated clock', () => {
		const { sim } = vendorSession();
		const view = timelineView(sim);
		expect(view.rows).toHaveLength(1);
		expect(view.rows[0]).toMatchObject({ label: 'audit', status: 'active', left: 0 });
		expect(view.rows[0].width).toBeGreaterThan(90);
		expect(view.nowAt).toBe(0);
		expect(nextExpiry(sim)).toBe(sim.now + 3600);
		const later = advance(sim, 3600).state;
		expect(timelineView(later).rows[0].status).toBe('expired');
		expect(nextExpiry(later)).toBeUndefined();
	});

	it('shows revoked sessions as revoked', () => {
		const { sim } = vendorSession();
		const revoked = revoke(
			advance(sim, 60).state,
			'arn:aws:iam::111122223333:role/CloudCostAuditRole'
		).state;
		expect(timelineView(revoked).rows[0].status).toBe('revoked');
	});
});

describe('timeOfDay', () => {
	const start = Date.parse('2026-01-01T09:00:00Z') / 1000;
	it('shows only the time on the simulated start day, and the date on any other day', () => {
		expect(timeOfDay(start + 3600, start)).toBe('10:00:00');
		expect(timeOfDay(start + 129600, start)).toBe('Jan 2 21:00:00');
		expect(timeOfDay(start + 40 * 86400, start)).toBe('Feb 10 09:00:00');
		// Without a start, the time of day alone (as before).
		expect(timeOfDay(start + 129600)).toBe('21:00:00');
	});

	it('a 36-hour GetSessionToken reads with its date on the timeline and in the headline', () => {
		// The world starts 2026-02-16 09:00:00 UTC.
		const { state, outcome } = call(createSimulator(mfa.world, { seed: 3 }), {
			as: 'user:111122223333/ops-ana',
			call: 'GetSessionToken',
			params: { DurationSeconds: 129600 }
		});
		expect(outcome.ok).toBe(true);
		const view = timelineView(state);
		const row = view.rows[0];
		const from = view.from;
		expect(`${timeOfDay(row.issuedAt, from)} → ${timeOfDay(row.expiresAt, from)}`).toBe(
			'09:00:00 → Feb 17 21:00:00'
		);
		expect(timeOfDay(view.to, from)).toMatch(/^Feb 17 22:/);
		expect(timeOfDay(nextExpiry(state)!, from)).toBe('Feb 17 21:00:00');
		expect(announcement(outcome, undefined, undefined, from)).toBe(
			`GetSessionToken succeeded: credentials expire at ${timeOfDay(row.expiresAt, from)}.`
		);
	});
});

describe('outcomes', () => {
	it('announces successes, errors and clock moves in one sentence', () => {
		const { sim, outcome } = vendorSession();
		expect(announcement(outcome)).toBe(
			`AssumeRole succeeded: credentials expire at ${clockText(sim.now + 3600).slice(11, 19)}.`
		);
		const denied = call(sim, {
			as: 'creds:audit',
			call: 's3:PutObject',
			resource: 'arn:aws:s3:::examplecorp-cur-reports/x'
		}).outcome;
		expect(announcement(denied)).toMatch(
			/^AccessDenied: User: arn:aws:sts::111122223333:assumed-role/
		);
		expect(outcomeHeadline(denied)).toBe('s3:PutObject: AccessDenied');
		expect(cliErrorLine(denied)).toMatch(
			/^An error occurred \(AccessDenied\) when calling the PutObject operation: User: /
		);
		const moved = advance(sim, 3600).outcome;
		expect(announcement(moved)).toBe('Clock advanced 1 h to 09:00:00. 1 credential set expired.');
		expect(outcomeHeadline(moved)).toBe('Clock +1 h → 09:00:00');
	});

	it('prefixes scenario steps with their number and whether the expectation held', () => {
		const report = runScenario(vendor).steps[0];
		expect(announcement(report.outcome, report, vendor.steps.length)).toMatch(
			/^Step 1 of 7: AccessDenied: .* As the scenario expected\.$/
		);
		// An AWS message without a full stop gets one before the next sentence.
		const expired = {
			...report,
			outcome: {
				...report.outcome,
				error: {
					code: 'ExpiredToken',
					httpStatus: 400,
					message: 'The security token included in the request is expired'
				}
			}
		} as typeof report;
		expect(announcement(expired.outcome, expired, 7)).toBe(
			'Step 1 of 7: ExpiredToken: The security token included in the request is expired. As the scenario expected.'
		);
	});

	it('reports rejected policy edits as IAM errors', () => {
		const edit = {
			kind: 'policy-edit' as const,
			at: 0,
			target: 'arn:aws:iam::111122223333:role/CloudCostAuditRole',
			ok: false,
			error: 'This policy contains invalid Json',
			explanation: {
				summary: 'IAM refuses the trust policy: the policy is not valid JSON (Unexpected end).',
				details: [],
				statements: [],
				facts: []
			}
		};
		expect(policyEditError(edit)).toEqual({
			code: 'MalformedPolicyDocument',
			httpStatus: 400,
			message: 'This policy contains invalid Json',
			detail: 'IAM refuses the trust policy: the policy is not valid JSON (Unexpected end).'
		});
		expect(policyEditError({ ...edit, error: 'no role arn:x' })?.code).toBe('NoSuchEntity');
		expect(announcement(edit)).toBe(`MalformedPolicyDocument: ${edit.error}`);
	});

	it('renders an STS error response as XML with the HTTP status', () => {
		const xml = errorResponseXml(
			{ code: 'ExpiredToken', httpStatus: 403, message: 'a <b> & c' },
			'id-1'
		);
		expect(xml.split('\n')[0]).toBe('HTTP/1.1 403 Forbidden');
		expect(xml).toContain('<Code>ExpiredToken</Code>');
		expect(xml).toContain('<Message>a &lt;b&gt; &amp; c</Message>');
		expect(xml).toContain('<RequestId>id-1</RequestId>');
		expect(requestId({ kind: 'call', at: 1 }, 'x')).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/
		);
		expect(requestId({ kind: 'call', at: 1 }, 'x')).toBe(requestId({ kind: 'call', at: 1 }, 'x'));
	});

	it('condenses consecutive clock moves in the log', () => {
		let sim = vendorSession().sim;
		sim = advance(sim, 60).state;
		sim = advance(sim, 60).state;
		const log = condensedLog(sim.log);
		expect(log.map((e) => e.outcome.kind)).toEqual(['call', 'advance']);
		expect((log[1].outcome as { seconds: number }).seconds).toBe(120);
		expect(log[1].index).toBe(2);
	});
});

describe('predictions', () => {
	it('compare the guess with what AWS answered', () => {
		const { outcome } = vendorSession();
		expect(predictionVerdict('works', outcome)).toBe('You predicted it would work: right.');
		expect(predictionVerdict('refused', outcome)).toBe(
			'You predicted AWS would refuse it, but it worked.'
		);
		const report = runScenario(vendor).steps[0];
		expect(predictionVerdict('refused', report.outcome)).toBe(
			'You predicted AWS would refuse it: right.'
		);
		expect(predictionVerdict('works', advance(vendorSession().sim, 60).outcome)).toBeUndefined();
	});

	it('know when a step ran after the learner changed the world (off script)', () => {
		const timeline = [
			{ type: 'step', index: 0 },
			{ type: 'step', index: 1 },
			{ type: 'advance', seconds: 3600 },
			{ type: 'step', index: 2 }
		] as const;
		expect(playedOffScript(timeline, 0)).toBe(false);
		expect(playedOffScript(timeline, 1)).toBe(false);
		expect(playedOffScript(timeline, 2)).toBe(true);
		expect(playedOffScript(timeline, 3)).toBe(false); // not played
		expect(nextStepOffScript(timeline)).toBe(true);
		expect(nextStepOffScript(timeline.slice(0, 2))).toBe(false);
	});

	it('are tallied over the played steps the learner predicted', () => {
		const steps = runScenario(vendor).steps; // refused, refused, works, works, …
		expect(predictionTally(steps, {})).toEqual({ predicted: 0, right: 0 });
		expect(predictionTally(steps, { 0: 'refused', 1: 'works', 2: 'works' })).toEqual({
			predicted: 3,
			right: 2
		});
		// A guess for a step not played yet does not count.
		expect(predictionTally(steps.slice(0, 1), { 0: 'refused', 5: 'works' })).toEqual({
			predicted: 1,
			right: 1
		});
	});
});

describe('resourceSuggestions', () => {
	it("offers the ARNs the world's policies name, wildcards filled in", () => {
		const sim = createSimulator(vendor.world, { seed: 1 });
		expect(resourceSuggestions(sim.world)).toEqual([
			'arn:aws:iam::*:role/CloudCostAuditRole',
			'arn:aws:s3:::examplecorp-cur-reports',
			'arn:aws:s3:::examplecorp-cur-reports/example'
		]);
	});
});

describe('steps', () => {
	it('strips narration and expectations from call steps and prints admin steps as CLI', () => {
		const request = stepRequest(vendor.steps[2]) as CallOutcome['request'];
		expect(request).toEqual({
			as: 'user:999988887777/cost-scanner',
			call: 'AssumeRole',
			params: {
				RoleArn: 'arn:aws:iam::111122223333:role/CloudCostAuditRole',
				RoleSessionName: 'cloudcost-examplecorp',
				ExternalId: 'ExCorp-7731'
			},
			save: 'audit'
		});
		expect(adminCommand({ advance: 3600 })).toBe('# wait 1 h (simulated time)');
		expect(adminCommand({ revoke: 'arn:aws:iam::1:role/Ops' })).toContain(
			'aws iam put-role-policy'
		);
		expect(adminCommand({ revoke: 'arn:aws:iam::1:user/bob' })).toContain('--user-name bob');
		expect(
			adminCommand({
				attach: { to: 'arn:aws:iam::1:role/Ops', policy: 'arn:aws:iam::aws:policy/AWSDenyAll' }
			})
		).toBe(
			'aws iam attach-role-policy \\\n  --role-name Ops \\\n  --policy-arn arn:aws:iam::aws:policy/AWSDenyAll'
		);
	});
});
