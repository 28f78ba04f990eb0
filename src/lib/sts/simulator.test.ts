import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation and admin action registered)
import { REVOKE_POLICY_NAME } from './admin-actions';
import { advance, applyStep, attach, call, edit, revoke, statusOf } from './simulator';
import { baseState, issue, later, outcomeOf, roleArn } from './test-worlds';

const ALICE = 'user:111111111111/alice';
const LOCAL = roleArn('111111111111', 'Local');
const assumeLocal = (name: string, DurationSeconds = 3600) => ({
	as: ALICE,
	call: 'AssumeRole',
	params: { RoleArn: LOCAL, RoleSessionName: name, DurationSeconds },
	save: name
});

describe('simulator state', () => {
	it('is deterministic for a seed and plain JSON', () => {
		const a = call(baseState(5), assumeLocal('x1')).state;
		const b = call(baseState(5), assumeLocal('x1')).state;
		expect(a.credentials[0].accessKeyId).toBe(b.credentials[0].accessKeyId);
		expect(call(baseState(6), assumeLocal('x1')).state.credentials[0].accessKeyId).not.toBe(
			a.credentials[0].accessKeyId
		);
		expect(JSON.parse(JSON.stringify(a))).toEqual(a);
	});

	it('never mutates the previous state', () => {
		const s0 = baseState();
		const frozen = JSON.stringify(s0);
		const s1 = call(s0, assumeLocal('x1')).state;
		revoke(advance(s1, 10).state, LOCAL);
		expect(JSON.stringify(s0)).toBe(frozen);
		expect(s1.credentials).toHaveLength(1);
	});

	it('saves issued credentials by name and logs every outcome', () => {
		const { state, outcome } = call(baseState(), assumeLocal('x1'));
		expect(state.saved.x1).toBe(outcome.issued);
		expect(state.credentials[0].savedAs).toBe('x1');
		expect(state.log).toHaveLength(1);
		expect(advance(state, 5).state.log.map((o) => o.kind)).toEqual(['call', 'advance']);
	});

	it('a failed call saves nothing; using that name is a simulator error, not an AWS error', () => {
		const { state } = call(baseState(), {
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: { RoleArn: LOCAL, RoleSessionName: 'x1' },
			save: 'nope'
		});
		expect(state.saved.nope).toBeUndefined();
		const o = outcomeOf(state, { as: 'creds:nope', call: 'GetCallerIdentity' });
		expect(o.simulatorError).toContain('no credentials were saved as nope');
		expect(o.error).toBeUndefined();
	});

	it('advance reports the credentials that expired (§1)', () => {
		const s = issue(baseState(), assumeLocal('short', 900));
		expect(advance(s, 899).outcome.expired).toEqual([]);
		const { outcome } = advance(s, 900);
		expect(outcome.expired).toEqual([s.saved.short]);
		expect(outcome.explanation.summary).toContain('ExpiredToken');
	});

	it('revocation: inline AWSRevokeOlderSessions with the current time; clicking again refreshes it (§6)', () => {
		let s = later(issue(baseState(), assumeLocal('early')), 60);
		s = revoke(s, LOCAL).state;
		const policy = s.world.accounts['111111111111'].roles.Local.policies.find(
			(p) => p.name === REVOKE_POLICY_NAME
		);
		expect(policy?.document).toEqual({
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Deny',
					Action: '*',
					Resource: '*',
					Condition: { DateLessThan: { 'aws:TokenIssueTime': '2026-01-01T12:01:00Z' } }
				}
			]
		});
		expect(statusOf(s, s.credentials[0])).toBe('revoked');
		s = later(issue(s, assumeLocal('middle')), 60);
		expect(statusOf(s, s.credentials[1])).toBe('active');
		const again = revoke(s, LOCAL);
		expect(again.outcome.explanation.summary).toMatch(/^Refreshed/);
		expect(
			again.state.world.accounts['111111111111'].roles.Local.policies.filter(
				(p) => p.name === REVOKE_POLICY_NAME
			)
		).toHaveLength(1);
		expect(statusOf(again.state, again.state.credentials[1])).toBe('revoked');
		expect(revoke(s, roleArn('111111111111', 'Nope')).outcome.ok).toBe(false);
	});

	it('revocation orders steps inside one simulated second: before it revoked, after it not (§6)', () => {
		// No clock advance between the steps: the order of the steps decides.
		let s = issue(baseState(), assumeLocal('before'));
		s = revoke(s, LOCAL).state;
		s = issue(s, assumeLocal('after'));
		const policy = s.world.accounts['111111111111'].roles.Local.policies.find(
			(p) => p.name === REVOKE_POLICY_NAME
		);
		// The cut-off carries the revocation's place in its second as milliseconds, as the console's does.
		expect(policy?.document.Statement).toEqual([
			expect.objectContaining({
				Condition: { DateLessThan: { 'aws:TokenIssueTime': '2026-01-01T12:00:00.001Z' } }
			})
		]);
		expect(s.credentials.map((c) => c.issuedTick)).toEqual([undefined, 2]);
		expect(statusOf(s, s.credentials[0])).toBe('revoked');
		expect(statusOf(s, s.credentials[1])).toBe('active');
		const use = (name: string) =>
			outcomeOf(s, { as: `creds:${name}`, call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
		expect(use('before').allowed).toBe(false);
		expect(use('after').allowed).toBe(true);
	});
	it('attach adds a named policy; edit replaces, removes and validates (§7)', () => {
		let s = attach(baseState(), 'arn:aws:iam::111111111111:user/bob', {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]
		}).state;
		expect(s.world.accounts['111111111111'].users.bob.policies.map((p) => p.name)).toEqual([
			'attached-1'
		]);
		expect(
			outcomeOf(s, {
				as: 'user:111111111111/bob',
				call: 's3:GetObject',
				resource: 'arn:aws:s3:::b/k'
			}).allowed
		).toBe(true);
		s = edit(s, {
			kind: 'identity-remove',
			arn: 'arn:aws:iam::111111111111:user/bob',
			name: 'attached-1'
		}).state;
		expect(
			outcomeOf(s, {
				as: 'user:111111111111/bob',
				call: 's3:GetObject',
				resource: 'arn:aws:s3:::b/k'
			}).allowed
		).toBe(false);
		const bad = edit(s, {
			kind: 'identity',
			arn: 'arn:aws:iam::111111111111:user/bob',
			name: 'p',
			document: '{"Statement":[{"Effect":"Allow","Action":"s3:*"}]}'
		});
		// IAM's message, and what exactly is wrong in the explanation.
		expect(bad.outcome).toMatchObject({
			ok: false,
			error: 'Policy statement must contain resources.'
		});
		expect(bad.outcome.explanation.summary).toContain('needs a Resource');
		const trust = edit(s, {
			kind: 'trust',
			roleArn: LOCAL,
			document: {
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Principal: { AWS: 'arn:aws:iam::111111111111:user/bob' },
						Action: 'sts:AssumeRole'
					}
				]
			}
		});
		expect(trust.outcome.ok).toBe(true);
		expect(
			outcomeOf(trust.state, {
				as: 'user:111111111111/bob',
				call: 'AssumeRole',
				params: { RoleArn: LOCAL, RoleSessionName: 'b1' }
			}).ok
		).toBe(true);
	});

	it('applyStep plays each step kind', () => {
		let s = baseState();
		s = applyStep(s, {
			as: ALICE,
			call: 'AssumeRole',
			params: { RoleArn: LOCAL, RoleSessionName: 'x1' },
			save: 'x',
			expect: { ok: true },
			title: 't'
		}).state;
		s = applyStep(s, { advance: 30 }).state;
		s = applyStep(s, { revoke: LOCAL }).state;
		s = applyStep(s, {
			attach: {
				to: LOCAL,
				policy: { Effect: 'Deny', Action: 's3:*', Resource: '*' },
				name: 'no-s3'
			}
		}).state;
		expect(s.log.map((o) => o.kind)).toEqual(['call', 'advance', 'revoke', 'attach']);
		expect(s.world.accounts['111111111111'].roles.Local.policies.map((p) => p.name)).toContain(
			'no-s3'
		);
		expect('expect' in (s.log[0] as { request: object }).request).toBe(false);
	});

	it('statusOf: expiringSoon in the last five minutes, then expired', () => {
		const s = issue(baseState(), assumeLocal('x1', 900));
		expect(statusOf(later(s, 599), s.credentials[0])).toBe('active');
		expect(statusOf(later(s, 600), s.credentials[0])).toBe('expiringSoon');
		expect(statusOf(later(s, 900), s.credentials[0])).toBe('expired');
	});
});
