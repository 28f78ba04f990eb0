import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import {
	READ_ONLY_ARN,
	baseState,
	inlinePolicyOfLength,
	issue,
	later,
	outcomeOf,
	roleArn,
	run
} from './test-worlds';
import { mfaCode } from './mfa-device';

const ALICE = 'user:111111111111/alice';
const assume = (arn: string, extra: Record<string, unknown> = {}) => ({
	RoleArn: arn,
	RoleSessionName: 'sess',
	...extra
});

describe('AssumeRole: success', () => {
	it('returns ASIA credentials, the assumed-role ARN without the path, AROA…:session and 1 h by default (§1, §2, §3)', () => {
		const s = baseState();
		const o = outcomeOf(s, {
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'ForBob', '/team/'))
		});
		expect(o.ok).toBe(true);
		expect(o.facts.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
		expect(o.facts.arn).toBe('arn:aws:sts::111111111111:assumed-role/ForBob/sess');
		expect(o.facts.userId).toMatch(/^AROA[A-Z2-7]{17}:sess$/);
		expect(o.facts.expiresAt! - o.at).toBe(3600);
		const creds = o.response!.Credentials!;
		expect(creds.SecretAccessKey).toHaveLength(40);
		expect(creds.Expiration).toBe('2026-01-01T13:00:00Z');
	});

	it('same account: a trust policy naming the user suffices without any identity policy (§7)', () => {
		const o = outcomeOf(baseState(), {
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'ForBob', '/team/'))
		});
		expect(o.ok).toBe(true);
		expect(o.explanation.details.join(' ')).toContain('no identity policy is needed');
	});

	it('cross-account: trust + identity policy both allow (§7)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Remote'))
		});
		expect(o.ok).toBe(true);
		expect(o.facts.arn).toBe('arn:aws:sts::222222222222:assumed-role/Remote/sess');
		expect(o.facts.account).toBe('222222222222');
	});

	it('accepts DurationSeconds up to MaxSessionDuration (§2.1)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Remote'), { DurationSeconds: 7200 })
		});
		expect(o.facts.expiresAt! - o.at).toBe(7200);
	});

	it('the correct ExternalId satisfies sts:ExternalId (§8)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Vendor'), { ExternalId: 'Cust-12345' })
		});
		expect(o.ok).toBe(true);
	});

	it('MFA via the shorthand and via explicit SerialNumber + TokenCode satisfies the trust condition (§2.4)', () => {
		const s = baseState();
		expect(
			outcomeOf(s, {
				as: ALICE,
				call: 'AssumeRole',
				mfa: true,
				params: assume(roleArn('222222222222', 'NeedsMfa'))
			}).ok
		).toBe(true);
		const explicit = outcomeOf(s, {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'NeedsMfa'), {
				SerialNumber: 'arn:aws:iam::111111111111:mfa/alice',
				TokenCode: mfaCode('arn:aws:iam::111111111111:mfa/alice', s.now)
			})
		});
		expect(explicit.ok).toBe(true);
	});
});

describe('AssumeRole: errors', () => {
	it('root cannot assume roles (§2, §4)', () => {
		const o = outcomeOf(baseState(), {
			as: 'root:111111111111',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'))
		});
		expect(o.error).toMatchObject({
			code: 'AccessDenied',
			httpStatus: 403,
			message: 'Roles may not be assumed by root accounts.'
		});
	});

	it('a wrong ExternalId is AccessDenied with the AWS wording (§4, §8)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Vendor'), { ExternalId: 'Cust-99999' })
		});
		expect(o.error?.code).toBe('AccessDenied');
		expect(o.error?.message).toBe(
			'User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Vendor'
		);
		expect(o.allowed).toBe(false);
		expect(o.explanation.details.join('\n')).toContain(
			'StringEquals sts:ExternalId "Cust-12345" did not hold: you sent "Cust-99999"'
		);
	});

	it('a missing ExternalId fails the condition too (§5: absent key → false)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Vendor'))
		});
		expect(o.error?.code).toBe('AccessDenied');
		expect(o.explanation.details.join('\n')).toContain('the request had no sts:ExternalId');
	});

	it('cross-account without an identity policy is denied even though the trust policy allows (§7)', () => {
		const o = outcomeOf(baseState(), {
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Remote'))
		});
		expect(o.error?.code).toBe('AccessDenied');
		expect(o.explanation.details.join(' ')).toContain('cross-account');
	});

	it('same account, trust names the account: the identity policy is required (§7)', () => {
		const o = outcomeOf(baseState(), {
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'))
		});
		expect(o.error?.code).toBe('AccessDenied');
	});

	it('an explicit deny in the identity policy wins over the trust policy (§7)', () => {
		const o = outcomeOf(baseState(), {
			as: 'user:111111111111/denied',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'))
		});
		expect(o.error?.code).toBe('AccessDenied');
		expect(o.explanation.details.join(' ')).toContain('explicitly deny');
	});

	it('a role that does not exist gives the same AccessDenied (§4)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Nope'))
		});
		expect(o.error?.message).toContain(
			'is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Nope'
		);
	});

	it('a RoleArn with the wrong path names no role (IAM-IDS, §3)', () => {
		const o = outcomeOf(baseState(), {
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'ForBob'))
		});
		expect(o.error?.code).toBe('AccessDenied');
	});

	it('a trust policy requiring MFA denies a call without it (§5)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'NeedsMfa'))
		});
		expect(o.error?.code).toBe('AccessDenied');
	});

	it('a wrong MFA code is AccessDenied with the MFA message (§4)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			mfa: 'wrong',
			params: assume(roleArn('222222222222', 'NeedsMfa'))
		});
		expect(o.error).toMatchObject({
			code: 'AccessDenied',
			message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.'
		});
	});

	it("another user's MFA device is rejected (§4)", () => {
		const s = baseState();
		const o = outcomeOf(s, {
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'ForBob', '/team/'), {
				SerialNumber: 'arn:aws:iam::111111111111:mfa/alice',
				TokenCode: mfaCode('arn:aws:iam::111111111111:mfa/alice', s.now)
			})
		});
		expect(o.error?.message).toBe(
			'MultiFactorAuthentication failed with invalid MFA one time pass code.'
		);
	});

	it('DurationSeconds above MaxSessionDuration is a ValidationError (§2.1)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Remote'), { DurationSeconds: 7201 })
		});
		expect(o.error).toMatchObject({
			code: 'ValidationError',
			httpStatus: 400,
			message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
		});
	});

	it('a role with the default MaxSessionDuration allows only 1 h (§2.1)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'NoTags'), { DurationSeconds: 3601 })
		});
		expect(o.error?.message).toBe(
			'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
		);
	});

	it('a chained request over both the role maximum and the 1-hour cap names the role maximum, and says raising it would not help (§2.1, §2.2)', () => {
		const s = issue(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local')),
			save: 'local'
		});
		const both = outcomeOf(s, {
			as: 'creds:local',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'NoTags'), { DurationSeconds: 7200 })
		});
		expect(both.error?.message).toBe(
			'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
		);
		expect(both.explanation.summary + both.explanation.details.join(' ')).toContain(
			'Raising it would not help this caller'
		);
		// Within the role's 12 h maximum, the chaining cap is what the request meets.
		const capped = outcomeOf(s, {
			as: 'creds:local',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), { DurationSeconds: 7200 })
		});
		expect(capped.error?.message).toBe(
			'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
		);
	});

	it('DurationSeconds below 900 or above 43200 breaks the model constraint (§3)', () => {
		const low = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), { DurationSeconds: 899 })
		});
		expect(low.error?.message).toBe(
			"1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
		);
		const high = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), { DurationSeconds: 43201 })
		});
		expect(high.error?.message).toContain('Member must have value less than or equal to 43200');
	});

	it('RoleSessionName pattern and length (§3)', () => {
		const bad = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: { RoleArn: roleArn('111111111111', 'Local'), RoleSessionName: 'Session1:2' }
		});
		expect(bad.error?.message).toBe(
			"1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"
		);
		const long = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: { RoleArn: roleArn('111111111111', 'Local'), RoleSessionName: 'x'.repeat(65) }
		});
		expect(long.error?.message).toContain('Member must have length less than or equal to 64');
		const missing = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: { RoleArn: roleArn('111111111111', 'Local') }
		});
		expect(missing.error?.message).toBe(
			"1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null"
		);
	});

	it('a RoleArn that is not an ARN (§4)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: { RoleArn: 'nothing-valid-in-here', RoleSessionName: 'x1' }
		});
		expect(o.error).toMatchObject({
			code: 'ValidationError',
			message: 'nothing-valid-in-here is invalid'
		});
	});

	it('ExternalId constraints (§3, §8)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Vendor'), { ExternalId: 'has space' })
		});
		expect(o.error?.message).toContain(
			"at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*"
		);
	});

	it('RegionDisabledException when the role account deactivated the Region (§10)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			region: 'eu-west-1',
			params: assume(roleArn('222222222222', 'Remote'))
		});
		expect(o.error).toMatchObject({
			code: 'RegionDisabledException',
			httpStatus: 403,
			message:
				'STS is not activated in this region for account:222222222222. Your account administrator can activate STS in this region using the IAM Console.'
		});
		// The caller's account is irrelevant: 111111111111 → own role in eu-west-1 works.
		expect(
			outcomeOf(baseState(), {
				as: ALICE,
				call: 'AssumeRole',
				region: 'eu-west-1',
				params: assume(roleArn('111111111111', 'Local'))
			}).ok
		).toBe(true);
	});

	it('unknown access keys and anonymous callers are rejected before anything else (§4)', () => {
		const unknown = outcomeOf(baseState(), {
			as: 'key:AKIAUNKNOWNKEY000000',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'))
		});
		expect(unknown.error).toMatchObject({
			code: 'InvalidClientTokenId',
			message: 'The security token included in the request is invalid.'
		});
		const anon = outcomeOf(baseState(), {
			as: 'anonymous',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'))
		});
		expect(anon.error?.code).toBe('MissingAuthenticationToken');
	});
});

describe('AssumeRole: role chaining and session credentials (§2.2)', () => {
	const hub = (s = baseState()) =>
		issue(s, {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local')),
			save: 'hub'
		});

	it('a role session asking for more than 1 h fails with the chaining message', () => {
		const o = outcomeOf(hub(), {
			as: 'creds:hub',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), { DurationSeconds: 7200 })
		});
		expect(o.error).toMatchObject({
			code: 'ValidationError',
			message:
				'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
		});
	});

	it('chaining with the default duration works and gets 1 h', () => {
		const s = hub();
		const o = outcomeOf(s, {
			as: 'creds:hub',
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Remote'))
		});
		expect(o.ok).toBe(true);
		expect(o.facts.expiresAt! - o.at).toBe(3600);
	});

	it('GetSessionToken credentials are capped the same way (§2.2 obs)', () => {
		const s = issue(baseState(), { as: ALICE, call: 'GetSessionToken', save: 'gst' });
		const o = outcomeOf(s, {
			as: 'creds:gst',
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Remote'), { DurationSeconds: 7200 })
		});
		expect(o.error?.message).toBe(
			'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
		);
		// The explanation keeps AWS's definition apart from the observed cap.
		expect(o.explanation.summary).toContain('not role chaining by the definition');
		expect(o.explanation.summary).not.toContain('so this is role chaining');
		const { explanation } = outcomeOf(s, {
			as: 'creds:gst',
			call: 'AssumeRole',
			params: assume(roleArn('222222222222', 'Remote'))
		});
		expect(explanation.details.join(' ')).toContain("not role chaining by AWS's definition");
	});

	it('GetSessionToken+MFA credentials satisfy an MFA trust condition (the aws-vault pattern, §2.4)', () => {
		const s = issue(baseState(), { as: ALICE, call: 'GetSessionToken', mfa: true, save: 'gst' });
		expect(
			outcomeOf(s, {
				as: 'creds:gst',
				call: 'AssumeRole',
				params: assume(roleArn('222222222222', 'NeedsMfa'))
			}).ok
		).toBe(true);
	});

	it('roles do not trust themselves implicitly: a session of a role not trusted by its own trust policy cannot re-assume it (§7)', () => {
		const s = issue(baseState(), {
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'ForBob', '/team/')),
			save: 'forbob'
		});
		const o = outcomeOf(s, {
			as: 'creds:forbob',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'ForBob', '/team/'))
		});
		expect(o.error?.code).toBe('AccessDenied');
	});

	it('federated-user sessions cannot call AssumeRole (§2.4)', () => {
		const s = issue(baseState(), {
			as: 'user:111111111111/broker',
			call: 'GetFederationToken',
			params: {
				Name: 'fed',
				Policy: {
					Version: '2012-10-17',
					Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }]
				}
			},
			save: 'fed'
		});
		const o = outcomeOf(s, {
			as: 'creds:fed',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'))
		});
		expect(o.error?.code).toBe('AccessDenied');
		expect(o.error?.message).toContain(
			'federated-user/fed is not authorized to perform: sts:AssumeRole'
		);
	});

	it('expired credentials get ExpiredToken, not a policy answer (§1)', () => {
		const s = later(hub(), 3600);
		const o = outcomeOf(s, {
			as: 'creds:hub',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'))
		});
		expect(o.error).toMatchObject({
			code: 'ExpiredToken',
			httpStatus: 403,
			message: 'The security token included in the request is expired'
		});
	});

	it('MFA context is not carried into the role session (§2.4)', () => {
		const s = issue(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			mfa: true,
			params: assume(roleArn('222222222222', 'NeedsMfa')),
			save: 'mfa'
		});
		const o = outcomeOf(s, { as: 'creds:mfa', call: 'iam:ListUsers' });
		expect(o.allowed).toBe(false);
	});
});

describe('AssumeRole: session policies and tags (§3.2, §3.3)', () => {
	it('a session policy narrows the session', () => {
		const { state } = run(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				Policy: JSON.stringify({
					Version: '2012-10-17',
					Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]
				})
			}),
			save: 'narrow'
		});
		expect(
			outcomeOf(state, { as: 'creds:narrow', call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' })
				.allowed
		).toBe(true);
		const put = outcomeOf(state, {
			as: 'creds:narrow',
			call: 's3:PutObject',
			resource: 'arn:aws:s3:::b/k'
		});
		expect(put.allowed).toBe(false);
		expect(put.error?.message).toContain(
			'because no session policy allows the s3:PutObject action'
		);
	});

	it('a session policy cannot grant more than the role has', () => {
		const s = issue(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				Policy: {
					Version: '2012-10-17',
					Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]
				}
			}),
			save: 'wide'
		});
		expect(outcomeOf(s, { as: 'creds:wide', call: 'iam:ListUsers' }).allowed).toBe(false);
	});

	it('managed session policies through PolicyArns', () => {
		const s = issue(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }]
			}),
			save: 'ro'
		});
		expect(
			outcomeOf(s, { as: 'creds:ro', call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }).allowed
		).toBe(true);
		expect(
			outcomeOf(s, { as: 'creds:ro', call: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }).allowed
		).toBe(false);
	});

	it('malformed session policy JSON is MalformedPolicyDocument', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				Policy: '{"Version": "2012-10-17", "Statement": ['
			})
		});
		expect(o.error).toMatchObject({ code: 'MalformedPolicyDocument', httpStatus: 400 });
		const grammar = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				Policy: { Statement: [{ Effect: 'Maybe', Action: 's3:*', Resource: '*' }] }
			})
		});
		expect(grammar.error?.code).toBe('MalformedPolicyDocument');
	});

	it('a policy longer than 2048 characters breaks the plaintext limit (§3, §3.2)', () => {
		const resources = Array.from({ length: 100 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`);
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				Policy: {
					Version: '2012-10-17',
					Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resources }]
				}
			})
		});
		expect(o.error?.code).toBe('ValidationError');
		// No model constraint (the model's max went in 2023): the documented plaintext limit answers.
		expect(o.error?.message).toMatch(
			/^The plaintext that you use for both inline and managed session policies can't exceed 2,048 characters; this request uses \d+\.$/
		);
	});

	it('the inline policy and the managed policy ARNs share the 2048-character plaintext limit (§3, §3.2)', () => {
		const managed = READ_ONLY_ARN;
		const inlineOf = inlinePolicyOfLength;
		const call = (Policy: string) =>
			outcomeOf(baseState(), {
				as: ALICE,
				call: 'AssumeRole',
				params: assume(roleArn('111111111111', 'Local'), { Policy, PolicyArns: [{ arn: managed }] })
			});
		const atLimit = call(inlineOf(2048 - managed.length));
		expect(atLimit.error).toBeUndefined();
		const over = call(inlineOf(2048 - managed.length + 1));
		expect(over.error?.code).toBe('ValidationError');
		expect(over.error?.message).toContain("can't exceed 2,048 characters; this request uses 2049");
		// Insignificant whitespace is not plaintext: the same policy pretty-printed still fits.
		const pretty = JSON.stringify(JSON.parse(inlineOf(2048 - managed.length)), null, 1);
		expect(call(pretty).error).toBeUndefined();
	});

	it('too many long session tags are PackedPolicyTooLarge (§3.2)', () => {
		const Tags = Array.from({ length: 20 }, (_, i) => ({
			Key: `key-${i}-${'k'.repeat(40)}`,
			Value: 'v'.repeat(100)
		}));
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), { Tags })
		});
		expect(o.error?.code).toBe('PackedPolicyTooLarge');
		expect(o.error?.message).toMatch(
			/^Packed size of session tags consumes \d+% of allotted space\.$/
		);
	});

	it('session tags need sts:TagSession in the trust policy (§7)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'NoTags'), { Tags: [{ Key: 'team', Value: 'blue' }] })
		});
		expect(o.error?.message).toBe(
			'User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:TagSession on resource: arn:aws:iam::111111111111:role/NoTags'
		);
		// The explanation cites the session-tags source, not the source-identity one.
		const text = [o.explanation.summary, ...o.explanation.details].join(' ');
		expect(text).toContain('IAM "Passing session tags in AWS STS"');
		expect(text).toContain('https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html');
		expect(text).not.toContain('set source identity');
		expect(o.explanation.facts).toContain('§3.3');
		const ok = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), { Tags: [{ Key: 'team', Value: 'blue' }] })
		});
		expect(ok.ok).toBe(true);
	});

	it('tag rules from real AWS: duplicates, transitive keys (§3.3)', () => {
		const dup = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				Tags: [
					{ Key: 'A', Value: '1' },
					{ Key: 'a', Value: '2' }
				]
			})
		});
		expect(dup.error).toMatchObject({
			code: 'InvalidParameterValue',
			message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.'
		});
		const missing = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				Tags: [{ Key: 'A', Value: '1' }],
				TransitiveTagKeys: ['B']
			})
		});
		expect(missing.error?.message).toBe(
			'The specified transitive tag key must be included in the requested tags.'
		);
		const caseless = outcomeOf(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				Tags: [{ Key: 'SessionTag1', Value: '1' }],
				TransitiveTagKeys: ['sessiontag1']
			})
		});
		expect(caseless.ok).toBe(true);
	});

	it('transitive tags persist along a chain and cannot be overridden (§2.2, §3.3)', () => {
		const s = issue(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				Tags: [{ Key: 'Project', Value: 'x' }],
				TransitiveTagKeys: ['Project']
			}),
			save: 't'
		});
		const conflict = outcomeOf(s, {
			as: 'creds:t',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), { Tags: [{ Key: 'project', Value: 'y' }] })
		});
		expect(conflict.error?.message).toBe(
			"One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session."
		);
		const { state } = run(s, {
			as: 'creds:t',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local')),
			save: 't2'
		});
		const chained = state.credentials.find((c) => c.savedAs === 't2');
		expect(chained?.tags).toEqual({ Project: 'x' });
	});

	it('carrying transitive tags into the next role needs sts:TagSession there (observed)', () => {
		// mattrobinsonsre/terrapod#1546, aws/eks-pod-identity-agent#80: a chained AssumeRole from a
		// session with transitive tags is refused "is not authorized to perform: sts:TagSession".
		const tagged = issue(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), {
				Tags: [{ Key: 'Project', Value: 'x' }],
				TransitiveTagKeys: ['Project']
			}),
			save: 't'
		});
		const refused = outcomeOf(tagged, {
			as: 'creds:t',
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'NoTags'))
		});
		expect(refused.error?.code).toBe('AccessDenied');
		expect(refused.error?.message).toContain(
			'is not authorized to perform: sts:TagSession on resource: arn:aws:iam::111111111111:role/NoTags'
		);
		// Non-transitive tags stay behind: the same hop needs no sts:TagSession.
		const local = issue(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: assume(roleArn('111111111111', 'Local'), { Tags: [{ Key: 'Project', Value: 'x' }] }),
			save: 'l'
		});
		expect(
			outcomeOf(local, {
				as: 'creds:l',
				call: 'AssumeRole',
				params: assume(roleArn('111111111111', 'NoTags'))
			}).ok
		).toBe(true);
	});
});
