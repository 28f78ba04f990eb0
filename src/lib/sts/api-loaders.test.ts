import { beforeEach, describe, expect, it, vi } from 'vitest';

// Each test gets fresh modules, so the handler registry starts as the browser's does: only
// GetCallerIdentity registered (no all-apis.ts import here).
beforeEach(() => vi.resetModules());

async function engine() {
	const worlds = await import('./test-worlds');
	const loaders = await import('./api-loaders');
	const handlers = await import('./api-handlers');
	return { ...worlds, ...loaders, ...handlers };
}

const BOB = 'user:111111111111/bob';

describe('loading STS operations on demand', () => {
	it('GetCallerIdentity needs no loading (it evaluates no policy)', async () => {
		const { baseState, outcomeOf, canCallNow } = await engine();
		expect(canCallNow('GetCallerIdentity')).toBe(true);
		expect(canCallNow('sts:GetCallerIdentity')).toBe(true);
		expect(outcomeOf(baseState(), { as: BOB, call: 'GetCallerIdentity' }).ok).toBe(true);
	});

	it('AssumeRole and service actions load on demand, with the policy evaluation library', async () => {
		const { baseState, outcomeOf, canCallNow, loadApis, isActionAuthorizerLoaded, roleArn } =
			await engine();
		const assume = {
			as: BOB,
			call: 'AssumeRole',
			params: { RoleArn: roleArn('111111111111', 'ForBob', '/team/'), RoleSessionName: 'session' }
		};
		const read = { as: BOB, call: 's3:GetObject', params: { Resource: 'arn:aws:s3:::b/k' } };
		expect(canCallNow('AssumeRole')).toBe(false);
		expect(canCallNow('s3:GetObject')).toBe(false);
		expect(outcomeOf(baseState(), assume).simulatorError).toMatch(/AssumeRole is not loaded/);
		expect(outcomeOf(baseState(), read).simulatorError).toMatch(
			/service-action authorisation is not loaded/
		);
		await loadApis(['AssumeRole']);
		expect(canCallNow('AssumeRole')).toBe(true);
		expect(isActionAuthorizerLoaded()).toBe(false);
		expect(outcomeOf(baseState(), assume).ok).toBe(true);
		await loadApis(['s3:GetObject']);
		expect(canCallNow('s3:GetObject')).toBe(true);
		expect(canCallNow('iam:ListUsers')).toBe(true);
		const o = outcomeOf(baseState(), read);
		expect(o.simulatorError).toBeUndefined();
		expect(typeof o.allowed).toBe('boolean');
	});

	it('a call to an operation not loaded yet is a simulator error, not a wrong AWS answer', async () => {
		const { baseState, outcomeOf, canCallNow, isApiLoaded } = await engine();
		expect(isApiLoaded('GetSessionToken')).toBe(false);
		expect(canCallNow('GetSessionToken')).toBe(false);
		const o = outcomeOf(baseState(), { as: BOB, call: 'GetSessionToken' });
		expect(o.ok).toBe(false);
		expect(o.simulatorError).toMatch(/GetSessionToken is not loaded/);
		expect(o.error).toBeUndefined();
	});

	it('loadApis registers exactly the operations named, with or without the sts: prefix', async () => {
		const { baseState, outcomeOf, loadApis, isApiLoaded } = await engine();
		await loadApis(['sts:GetSessionToken']);
		expect(isApiLoaded('GetSessionToken')).toBe(true);
		expect(isApiLoaded('AssumeRole')).toBe(false);
		expect(isApiLoaded('GetFederationToken')).toBe(false);
		expect(isApiLoaded('AssumeRoleWithSAML')).toBe(false);
		expect(isApiLoaded('AssumeRoleWithWebIdentity')).toBe(false);
		const o = outcomeOf(baseState(), { as: BOB, call: 'GetSessionToken' });
		expect(o.ok).toBe(true);
		expect(o.facts.accessKeyId).toMatch(/^ASIA/);
	});

	it('every optional operation loads', async () => {
		const { loadApis, isApiLoaded, OPTIONAL_APIS } = await engine();
		await loadApis(OPTIONAL_APIS);
		for (const api of OPTIONAL_APIS) expect(isApiLoaded(api)).toBe(true);
	});

	it('finds the calls of a scenario and of a saved snapshot', async () => {
		const { scenarioCalls, snapshotCalls } = await engine();
		expect(
			scenarioCalls({
				steps: [
					{ call: 'AssumeRoleWithSAML', as: 'anonymous' },
					{ advance: 60 },
					{ call: 's3:GetObject', as: BOB }
				]
			} as never)
		).toEqual(['AssumeRoleWithSAML', 's3:GetObject']);
		expect(
			snapshotCalls({
				context: {
					timeline: [{ type: 'call', request: { call: 'GetFederationToken', as: BOB } }],
					sim: { log: [{ kind: 'call', request: { call: 'sts:GetSessionToken' } }] }
				}
			})
		).toEqual(['GetFederationToken', 'sts:GetSessionToken']);
	});

	it('the administrative actions load on demand; before that, one is a simulator error', async () => {
		const { baseState, canAdminNow, loadAdminActions } = await engine();
		const { revoke } = await import('./simulator');
		const role = Object.values(baseState().world.accounts).flatMap((a) =>
			Object.values(a.roles)
		)[0];
		expect(canAdminNow()).toBe(false);
		const before = revoke(baseState(), role.arn).outcome;
		expect(before.ok).toBe(false);
		expect(before.error).toMatch(/^internal error: the administrative actions are not loaded/);
		await loadAdminActions();
		expect(canAdminNow()).toBe(true);
		const after = revoke(baseState(), role.arn);
		expect(after.outcome.ok).toBe(true);
		const policies = Object.values(after.state.world.accounts)
			.flatMap((a) => Object.values(a.roles))
			.find((r) => r.arn === role.arn)!.policies;
		expect(policies.map((p) => p.name)).toContain('AWSRevokeOlderSessions');
	});

	it('finds administrative actions in a scenario and in a saved snapshot', async () => {
		const { scenarioUsesAdmin, snapshotUsesAdmin } = await engine();
		expect(
			scenarioUsesAdmin({ steps: [{ call: 'AssumeRole', as: BOB }, { advance: 60 }] } as never)
		).toBe(false);
		expect(
			scenarioUsesAdmin({ steps: [{ advance: 60 }, { revoke: 'arn:aws:iam::1:role/r' }] } as never)
		).toBe(true);
		expect(scenarioUsesAdmin({ steps: [{ attach: { to: 'x', policy: [] } }] } as never)).toBe(true);
		const timeline = (...entries: unknown[]) => ({ context: { timeline: entries } });
		expect(
			snapshotUsesAdmin(timeline({ type: 'step', index: 0 }, { type: 'advance', seconds: 5 }))
		).toBe(false);
		for (const type of ['revoke', 'attach', 'edit'])
			expect(snapshotUsesAdmin(timeline({ type: 'call', request: {} }, { type }))).toBe(true);
	});

	it('the policy parser loads on demand; before that, a session policy is a simulator error', async () => {
		const { baseState, outcomeOf, canParsePolicyNow, loadPolicyParser, roleArn, loadApis } =
			await engine();
		await loadApis(['AssumeRole']);
		const request = (Policy: unknown) => ({
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: {
				RoleArn: roleArn('111111111111', 'ForBob', '/team/'),
				RoleSessionName: 'session',
				Policy
			}
		});
		const policy = {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]
		};
		expect(canParsePolicyNow()).toBe(false);
		const before = outcomeOf(baseState(), request(policy));
		expect(before.ok).toBe(false);
		expect(before.simulatorError).toMatch(/the policy parser is not loaded/);
		expect(before.error).toBeUndefined();
		// Without a session policy the call needs no parser.
		expect(outcomeOf(baseState(), request(undefined)).ok).toBe(true);
		await loadPolicyParser();
		expect(canParsePolicyNow()).toBe(true);
		expect(outcomeOf(baseState(), request(policy)).ok).toBe(true);
		expect(outcomeOf(baseState(), request('{not json')).error?.code).toBe(
			'MalformedPolicyDocument'
		);
	});

	it('the further AWS managed policy stand-ins load with the parser', async () => {
		const { baseState, outcomeOf, loadPolicyParser, roleArn, loadApis } = await engine();
		await loadApis(['AssumeRole']);
		const request = {
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: {
				RoleArn: roleArn('111111111111', 'ForBob', '/team/'),
				RoleSessionName: 'session',
				PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]
			}
		};
		expect(outcomeOf(baseState(), request).simulatorError).toMatch(/unknown managed policy/);
		await loadPolicyParser();
		expect(outcomeOf(baseState(), request).ok).toBe(true);
	});

	it('loading the administrative actions loads the policy parser too (edits and attachments parse)', async () => {
		const { canParsePolicyNow, loadAdminActions } = await engine();
		expect(canParsePolicyNow()).toBe(false);
		await loadAdminActions();
		expect(canParsePolicyNow()).toBe(true);
	});

	it('finds session policies in a call, a scenario and a saved snapshot', async () => {
		const { callUsesPolicy, scenarioUsesPolicy, snapshotUsesPolicy } = await engine();
		expect(callUsesPolicy({ params: { Policy: '{}' } })).toBe(true);
		// PolicyArns may name the AWS managed stand-ins that load with the parser.
		expect(callUsesPolicy({ params: { PolicyArns: [] } })).toBe(true);
		expect(callUsesPolicy({ params: { RoleSessionName: 'session' } })).toBe(false);
		expect(callUsesPolicy({})).toBe(false);
		expect(
			scenarioUsesPolicy({
				world: { accounts: [] },
				steps: [{ advance: 5 }, { call: 'AssumeRole', as: BOB, params: { Policy: '{}' } }]
			} as never)
		).toBe(true);
		const world = (policies: unknown[] = []) => ({
			accounts: [{ id: '1', roles: [{ policies }] }]
		});
		expect(
			scenarioUsesPolicy({
				world: world(),
				steps: [{ call: 'AssumeRole', as: BOB, params: {} }]
			} as never)
		).toBe(false);
		// An AWS managed policy named by ARN in the world or in an attach step needs its stand-in.
		const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
		expect(scenarioUsesPolicy({ world: world([arn]), steps: [] } as never)).toBe(true);
		expect(
			scenarioUsesPolicy({
				world: world([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
				steps: [{ attach: { to: 'arn:aws:iam::1:role/R', policy: arn } }]
			} as never)
		).toBe(true);
		const call = (params: unknown) => ({
			context: { timeline: [{ type: 'call', request: { call: 'AssumeRole', params } }] }
		});
		expect(snapshotUsesPolicy(call({ Policy: { Statement: [] } }))).toBe(true);
		expect(
			snapshotUsesPolicy(call({ PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }))
		).toBe(true);
		expect(snapshotUsesPolicy(call({ RoleSessionName: 'session' }))).toBe(false);
	});
});
