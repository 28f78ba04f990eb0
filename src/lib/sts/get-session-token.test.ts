import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import { baseState, issue, outcomeOf, roleArn } from './test-worlds';
import { mfaCode } from './mfa-device';

const ALICE = 'user:111111111111/alice';

describe('GetSessionToken', () => {
	it('IAM user: 12 h by default, ASIA key, no permission needed (§2, §2.4)', () => {
		const o = outcomeOf(baseState(), { as: 'user:111111111111/bob', call: 'GetSessionToken' });
		expect(o.ok).toBe(true);
		expect(o.facts.expiresAt! - o.at).toBe(43200);
		expect(o.facts.accessKeyId).toMatch(/^ASIA/);
		expect(o.facts.arn).toBe('arn:aws:iam::111111111111:user/bob');
	});

	it('even an explicit deny does not stop it (§2.4: policies cannot control authentication operations)', () => {
		expect(
			outcomeOf(baseState(), { as: 'user:111111111111/denied', call: 'GetSessionToken' }).ok
		).toBe(true);
	});

	it('duration range 900..129600 (§3.1)', () => {
		expect(
			outcomeOf(baseState(), {
				as: ALICE,
				call: 'GetSessionToken',
				params: { DurationSeconds: 129600 }
			}).ok
		).toBe(true);
		expect(
			outcomeOf(baseState(), {
				as: ALICE,
				call: 'GetSessionToken',
				params: { DurationSeconds: 129601 }
			}).error?.message
		).toBe(
			"1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600"
		);
		expect(
			outcomeOf(baseState(), {
				as: ALICE,
				call: 'GetSessionToken',
				params: { DurationSeconds: 600 }
			}).error?.code
		).toBe('ValidationError');
	});

	it('root: defaults to 1 h and silently reduces longer requests (§2)', () => {
		const d = outcomeOf(baseState(), { as: 'root:111111111111', call: 'GetSessionToken' });
		expect(d.facts.expiresAt! - d.at).toBe(3600);
		const long = outcomeOf(baseState(), {
			as: 'root:111111111111',
			call: 'GetSessionToken',
			params: { DurationSeconds: 7200 }
		});
		expect(long.ok).toBe(true);
		expect(long.facts.expiresAt! - long.at).toBe(3600);
		expect(long.facts.arn).toBe('arn:aws:iam::111111111111:root');
	});

	it('session credentials cannot call it (§2.4, §4)', () => {
		const s = issue(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: { RoleArn: roleArn('111111111111', 'Local'), RoleSessionName: 's1' },
			save: 'role'
		});
		expect(outcomeOf(s, { as: 'creds:role', call: 'GetSessionToken' }).error).toMatchObject({
			code: 'AccessDenied',
			message: 'Cannot call GetSessionToken with session credentials'
		});
		const g = issue(baseState(), { as: ALICE, call: 'GetSessionToken', save: 'gst' });
		expect(outcomeOf(g, { as: 'creds:gst', call: 'GetSessionToken' }).error?.message).toBe(
			'Cannot call GetSessionToken with session credentials'
		);
	});

	it('MFA: a valid code adds MFA context; a bad code or serial is AccessDenied (§2.4, §4)', () => {
		const s = baseState();
		const ok = outcomeOf(s, {
			as: ALICE,
			call: 'GetSessionToken',
			params: {
				SerialNumber: 'arn:aws:iam::111111111111:mfa/alice',
				TokenCode: mfaCode('arn:aws:iam::111111111111:mfa/alice', s.now)
			}
		});
		expect(ok.ok).toBe(true);
		const msg =
			'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.';
		expect(outcomeOf(s, { as: ALICE, call: 'GetSessionToken', mfa: 'wrong' }).error).toMatchObject({
			code: 'AccessDenied',
			message: msg
		});
		expect(
			outcomeOf(s, {
				as: 'user:111111111111/bob',
				call: 'GetSessionToken',
				params: { SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '123456' }
			}).error?.message
		).toBe(msg);
	});

	it('TokenCode must be 6 digits (§3)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'GetSessionToken',
			params: { SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '12ab56' }
		});
		expect(o.error?.message).toBe(
			"1 validation error detected: Value '12ab56' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]*"
		);
	});

	it('without MFA the credentials cannot call IAM: InvalidClientTokenId (§2.4, §4)', () => {
		const s = issue(baseState(), { as: ALICE, call: 'GetSessionToken', save: 'gst' });
		const o = outcomeOf(s, { as: 'creds:gst', call: 'iam:ListUsers' });
		expect(o.error).toMatchObject({ code: 'InvalidClientTokenId', httpStatus: 403 });
		expect(o.error?.message).toContain('The security token included in the request is invalid');
		expect(o.allowed).toBe(false);
	});

	it('with MFA they can call IAM, and carry MFA context into policies (§2.4, §5)', () => {
		const s = issue(baseState(), { as: ALICE, call: 'GetSessionToken', mfa: true, save: 'gst' });
		expect(outcomeOf(s, { as: 'creds:gst', call: 'iam:ListUsers' }).allowed).toBe(true);
	});

	it('they may call only AssumeRole and GetCallerIdentity of STS (§2.4)', () => {
		const s = issue(baseState(), { as: ALICE, call: 'GetSessionToken', save: 'gst' });
		expect(outcomeOf(s, { as: 'creds:gst', call: 'GetCallerIdentity' }).facts.arn).toBe(
			'arn:aws:iam::111111111111:user/alice'
		);
		expect(
			outcomeOf(s, { as: 'creds:gst', call: 'GetFederationToken', params: { Name: 'x1' } }).error
				?.message
		).toBe('Cannot call GetFederationToken with session credentials');
		expect(
			outcomeOf(s, { as: 'creds:gst', call: 'sts:DecodeAuthorizationMessage' }).error?.code
		).toBe('AccessDenied');
	});

	it('RegionDisabledException for the user account (§10)', () => {
		expect(
			outcomeOf(baseState(), {
				as: 'user:222222222222/carol',
				call: 'GetSessionToken',
				region: 'eu-west-1'
			}).error?.code
		).toBe('RegionDisabledException');
	});

	it('anonymous callers are rejected', () => {
		expect(outcomeOf(baseState(), { as: 'anonymous', call: 'GetSessionToken' }).error?.code).toBe(
			'MissingAuthenticationToken'
		);
	});
});
