/**
 * Issue #3: the HTTP status and response fields AWS documents for each outcome (sts-facts §3, §3.1,
 * §4 table "Code (wire) | HTTP"), checked on real simulator calls rather than on the error table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import { loadActionCatalog } from './action-catalog';
import type { CallRequest } from './api-support';
import { createSimulator, type SimState } from './simulator';
import { issue, later, outcomeOf, worldFrom } from './test-worlds';

const A = '111111111111';
const WORLD = `
start: 2026-01-01T12:00:00Z
accounts:
  - id: "${A}"
    stsDisabledRegions: [eu-west-1]
    identityProviders:
      - oidc: token.actions.githubusercontent.com
        clientIds: [sts.amazonaws.com]
    users:
      - name: alice
        policies:
          - { Effect: Allow, Action: ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity", "sts:GetFederationToken", "s3:*"], Resource: "*" }
    roles:
      - name: App
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { AWS: "arn:aws:iam::${A}:root" }, Action: ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"] }
        policies:
          - { Effect: Allow, Action: "s3:*", Resource: "*" }
      - name: Deploy
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: "arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com" }
              Action: sts:AssumeRoleWithWebIdentity
`;

beforeAll(async () => {
	await loadActionCatalog();
});

const state = (): SimState => createSimulator(worldFrom(WORLD), { seed: 3 });
const alice = `user:${A}/alice`;
const app = `arn:aws:iam::${A}:role/App`;
const assume = (params: Record<string, unknown> = {}, extra: Partial<CallRequest> = {}) =>
	({
		as: alice,
		call: 'AssumeRole',
		params: { RoleArn: app, RoleSessionName: 'status', ...params },
		...extra
	}) satisfies CallRequest;
const token = (expiresIn: number, aud = 'sts.amazonaws.com') =>
	({
		as: 'anonymous',
		call: 'AssumeRoleWithWebIdentity',
		idToken: {
			iss: 'https://token.actions.githubusercontent.com',
			aud,
			sub: 'repo:a/b',
			expiresIn
		},
		params: { RoleArn: `arn:aws:iam::${A}:role/Deploy`, RoleSessionName: 'gha' }
	}) satisfies CallRequest;

describe('HTTP status of each error code (sts-facts §4)', () => {
	const cases: [string, CallRequest, string, number][] = [
		[
			'role does not exist',
			assume({ RoleArn: `arn:aws:iam::${A}:role/Nope` }),
			'AccessDenied',
			403
		],
		['DurationSeconds 899', assume({ DurationSeconds: 899 }), 'ValidationError', 400],
		['above MaxSessionDuration', assume({ DurationSeconds: 7200 }), 'ValidationError', 400],
		[
			'duplicate tag keys',
			assume({
				Tags: [
					{ Key: 'a', Value: '1' },
					{ Key: 'A', Value: '2' }
				]
			}),
			'InvalidParameterValue',
			400
		],
		['session policy not JSON', assume({ Policy: '{"Version":' }), 'MalformedPolicyDocument', 400],
		[
			'session tags too large',
			assume({
				Tags: Array.from({ length: 50 }, (_, i) => ({
					Key: `k${String(i).padStart(2, '0')}${'k'.repeat(120)}`,
					Value: 'v'.repeat(256)
				}))
			}),
			'PackedPolicyTooLarge',
			400
		],
		['Region deactivated', assume({}, { region: 'eu-west-1' }), 'RegionDisabledException', 403],
		[
			'unknown access key',
			{ as: 'key:AKIAUNKNOWN000000000', call: 'GetCallerIdentity' },
			'InvalidClientTokenId',
			403
		],
		['expired ID token', token(-301), 'ExpiredTokenException', 400],
		['wrong audience', token(300, 'other'), 'InvalidIdentityToken', 400]
	];
	for (const [name, request, code, status] of cases) {
		it(`${name}: ${code} ${status}`, () => {
			const outcome = outcomeOf(state(), request);
			expect(outcome.ok).toBe(false);
			expect(outcome.error?.code).toBe(code);
			expect(outcome.error?.httpStatus).toBe(status);
		});
	}

	it('expired credentials: ExpiredToken 403, for GetCallerIdentity too (§1, §9)', () => {
		const s = later(issue(state(), { ...assume({ DurationSeconds: 900 }), save: 'short' }), 900);
		const outcome = outcomeOf(s, { as: 'creds:short', call: 'GetCallerIdentity' });
		expect(outcome.error).toEqual({
			code: 'ExpiredToken',
			httpStatus: 403,
			message: 'The security token included in the request is expired'
		});
	});
});

describe('response fields (sts-facts §3, §3.1)', () => {
	it('AssumeRole: AssumedRoleUser, PackedPolicySize with tags, SourceIdentity, an ISO-8601 Expiration', () => {
		const outcome = outcomeOf(
			state(),
			assume({ Tags: [{ Key: 'Project', Value: 'x' }], SourceIdentity: 'alice' })
		);
		expect(outcome.ok).toBe(true);
		const r = outcome.response as unknown as {
			AssumedRoleUser: { Arn: string; AssumedRoleId: string };
			PackedPolicySize: number;
			SourceIdentity: string;
			Credentials: { AccessKeyId: string; Expiration: string };
		};
		expect(r.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${A}:assumed-role/App/status`);
		expect(r.AssumedRoleUser.AssumedRoleId).toMatch(/^AROA[A-Z0-9]+:status$/);
		expect(r.PackedPolicySize).toBeGreaterThan(0);
		expect(r.PackedPolicySize).toBeLessThanOrEqual(100);
		expect(r.SourceIdentity).toBe('alice');
		expect(r.Credentials.AccessKeyId).toMatch(/^ASIA/);
		expect(r.Credentials.Expiration).toBe('2026-01-01T13:00:00Z');
	});

	it('GetFederationToken without a policy: PackedPolicySize 0 and the FederatedUser pair', () => {
		const outcome = outcomeOf(state(), {
			as: alice,
			call: 'GetFederationToken',
			params: { Name: 'carol' }
		});
		expect(outcome.response).toMatchObject({
			PackedPolicySize: 0,
			FederatedUser: {
				FederatedUserId: `${A}:carol`,
				Arn: `arn:aws:sts::${A}:federated-user/carol`
			}
		});
	});
});
