/**
 * Cases taken from AWS's documentation as docs/reference/sts-facts.md records it (§2–§9), each
 * checked with the exact wire code and, where sts-facts quotes one, the exact message.
 */
import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import type { CallRequest } from './api-support';
import { messages } from './aws-errors';
import { createSimulator, type SimState } from './simulator';
import { issue, later, outcomeOf, worldFrom } from './test-worlds';

const A = '111111111111';
const B = '222222222222';
const WORLD = `
start: 2026-01-01T12:00:00Z
accounts:
  - id: "${A}"
    root: { mfa: true }
    users:
      - name: alice
        mfa: true
        policies:
          - { Effect: Allow, Action: "sts:AssumeRole", Resource: "*" }
          - { Effect: Allow, Action: "s3:GetObject", Resource: "*", Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } } }
      - name: named
      - name: nopolicy
      - name: denyassume
        policies:
          - { Effect: Allow, Action: "*", Resource: "*" }
          - { Effect: Deny, Action: "sts:AssumeRole", Resource: "*" }
      - name: denyall
        policies:
          - { Effect: Deny, Action: "*", Resource: "*" }
      - name: broker
        policies:
          - { Effect: Allow, Action: "s3:*", Resource: "*" }
      - name: fedbroker
        policies:
          - { Effect: Allow, Action: ["sts:GetFederationToken", "s3:*"], Resource: "*" }
      - name: feddenied
        policies:
          - { Effect: Allow, Action: "*", Resource: "*" }
          - { Effect: Deny, Action: "sts:GetFederationToken", Resource: "*" }
      - name: mfabool
        policies:
          - { Effect: Allow, Action: "s3:*", Resource: "*" }
          - { Effect: Deny, Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }
      - name: mfaboolifexists
        policies:
          - { Effect: Allow, Action: "s3:*", Resource: "*" }
          - { Effect: Deny, Action: "s3:*", Resource: "*", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }
    roles:
      - name: TrustsAccount
        maxSessionDuration: 43200
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { AWS: "arn:aws:iam::${A}:root" }, Action: sts:AssumeRole }
        policies:
          - { Effect: Allow, Action: "s3:GetObject", Resource: "*", Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } } }
      - name: NamesUsers
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { AWS: ["arn:aws:iam::${A}:user/named", "arn:aws:iam::${A}:user/denyassume", "arn:aws:iam::${A}:user/denyall"] }
              Action: sts:AssumeRole
      - name: RecentMfa
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { AWS: "arn:aws:iam::${A}:root" }
              Action: sts:AssumeRole
              Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } }
  - id: "${B}"
    roles:
      - name: NamesNoPolicyUser
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { AWS: "arn:aws:iam::${A}:user/nopolicy" }, Action: sts:AssumeRole }
      - name: TrustsA
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { AWS: "arn:aws:iam::${A}:root" }, Action: sts:AssumeRole }
`;
const state = (): SimState => createSimulator(worldFrom(WORLD), { seed: 11 });
const user = (name: string) => `user:${A}/${name}`;
const userArn = (name: string) => `arn:aws:iam::${A}:user/${name}`;
const role = (name: string, account = A) => `arn:aws:iam::${account}:role/${name}`;
const assume = (
	as: string,
	roleArn: string,
	params: Record<string, unknown> = {},
	extra: Partial<CallRequest> = {}
): CallRequest => ({
	as,
	call: 'AssumeRole',
	params: { RoleArn: roleArn, RoleSessionName: 'doc-case', ...params },
	...extra
});
const lifetime = (o: { at: number; facts: { expiresAt?: number } }) => o.facts.expiresAt! - o.at;
const validation = (value: string, member: string, constraint: string) =>
	`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must ${constraint}`;

describe('GetSessionToken durations: IAM users vs the root user (§2, §3.1)', () => {
	const gst = (as: string, DurationSeconds?: number) =>
		outcomeOf(state(), {
			as,
			call: 'GetSessionToken',
			...(DurationSeconds === undefined ? {} : { params: { DurationSeconds } })
		});

	it('IAM user: default 43200, range 900..129600', () => {
		expect(lifetime(gst(user('broker')))).toBe(43200);
		expect(lifetime(gst(user('broker'), 900))).toBe(900);
		expect(lifetime(gst(user('broker'), 129600))).toBe(129600);
		expect(gst(user('broker'), 899).error?.message).toBe(
			validation('899', 'durationSeconds', 'have value greater than or equal to 900')
		);
		expect(gst(user('broker'), 129601).error?.message).toBe(
			validation('129601', 'durationSeconds', 'have value less than or equal to 129600')
		);
	});

	it('root: default 3600; longer requests silently reduced to 3600; the model range still applies', () => {
		expect(lifetime(gst(`root:${A}`))).toBe(3600);
		expect(lifetime(gst(`root:${A}`, 900))).toBe(900);
		expect(lifetime(gst(`root:${A}`, 7200))).toBe(3600);
		expect(lifetime(gst(`root:${A}`, 129600))).toBe(3600);
		expect(gst(`root:${A}`, 899).error?.code).toBe('ValidationError');
		expect(gst(`root:${A}`, 129601).error?.code).toBe('ValidationError');
	});

	it('GetFederationToken follows the same duration rules (§2)', () => {
		const gft = (as: string, DurationSeconds?: number) =>
			outcomeOf(state(), {
				as,
				call: 'GetFederationToken',
				params: { Name: 'fed', ...(DurationSeconds ? { DurationSeconds } : {}) }
			});
		expect(lifetime(gft(user('fedbroker')))).toBe(43200);
		expect(lifetime(gft(user('fedbroker'), 129600))).toBe(129600);
		expect(lifetime(gft(`root:${A}`))).toBe(3600);
		expect(lifetime(gft(`root:${A}`, 43200))).toBe(3600);
		expect(gft(user('fedbroker'), 899).error?.message).toBe(
			validation('899', 'durationSeconds', 'have value greater than or equal to 900')
		);
	});
});

describe('GetFederationToken permissions and its sessions (§2.4, §7)', () => {
	it('without sts:GetFederationToken allowed: AccessDenied naming the federated-user ARN', () => {
		const o = outcomeOf(state(), {
			as: user('broker'),
			call: 'GetFederationToken',
			params: { Name: 'fed' }
		});
		expect(o.error).toMatchObject({
			code: 'AccessDenied',
			message: messages.notAuthorized(
				userArn('broker'),
				'sts:GetFederationToken',
				`arn:aws:sts::${A}:federated-user/fed`
			)
		});
	});

	it('an explicit deny on sts:GetFederationToken wins over Allow *', () => {
		const o = outcomeOf(state(), {
			as: user('feddenied'),
			call: 'GetFederationToken',
			params: { Name: 'fed' }
		});
		expect(o.error?.code).toBe('AccessDenied');
	});

	it('a GetFederationToken session calling AssumeRole: AccessDenied', () => {
		const s = issue(state(), {
			as: user('fedbroker'),
			call: 'GetFederationToken',
			params: {
				Name: 'fed',
				Policy:
					'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'
			},
			save: 'fed'
		});
		const o = outcomeOf(s, assume('creds:fed', role('TrustsAccount')));
		expect(o.error).toMatchObject({
			code: 'AccessDenied',
			message: messages.notAuthorized(
				`arn:aws:sts::${A}:federated-user/fed`,
				'sts:AssumeRole',
				role('TrustsAccount')
			)
		});
		expect(outcomeOf(s, { as: 'creds:fed', call: 'GetCallerIdentity' }).ok).toBe(true);
	});
});

describe('who may assume a role (§7)', () => {
	it('a role that trusts its own account root: a user without an identity policy is denied', () => {
		const o = outcomeOf(state(), assume(user('nopolicy'), role('TrustsAccount')));
		expect(o.error).toMatchObject({
			code: 'AccessDenied',
			message: messages.notAuthorized(userArn('nopolicy'), 'sts:AssumeRole', role('TrustsAccount'))
		});
	});

	it('a user named directly in a same-account trust policy needs no identity policy', () => {
		const o = outcomeOf(state(), assume(user('named'), role('NamesUsers')));
		expect(o.ok).toBe(true);
		expect(o.facts.arn).toBe(`arn:aws:sts::${A}:assumed-role/NamesUsers/doc-case`);
	});

	it('cross-account, naming the user directly is not enough: the identity policy is required too', () => {
		const o = outcomeOf(state(), assume(user('nopolicy'), role('NamesNoPolicyUser', B)));
		expect(o.error?.code).toBe('AccessDenied');
		expect(outcomeOf(state(), assume(user('alice'), role('TrustsA', B))).ok).toBe(true);
	});

	it('an explicit Deny on sts:AssumeRole in the identity policy wins although the trust policy allows', () => {
		for (const name of ['denyassume', 'denyall']) {
			const o = outcomeOf(state(), assume(user(name), role('NamesUsers')));
			expect(o.error).toMatchObject({
				code: 'AccessDenied',
				message: messages.notAuthorized(userArn(name), 'sts:AssumeRole', role('NamesUsers'))
			});
			expect(o.explanation.details.join(' ')).toContain('explicitly deny');
		}
		expect(outcomeOf(state(), assume(user('denyassume'), role('TrustsA', B))).error?.code).toBe(
			'AccessDenied'
		);
	});
});

describe('aws:MultiFactorAuthAge with NumericLessThan (§2.4, §5)', () => {
	it('in a trust policy: satisfied by SerialNumber + TokenCode at assume time, false without MFA', () => {
		const s = state();
		expect(outcomeOf(s, assume(user('alice'), role('RecentMfa'))).error?.code).toBe('AccessDenied');
		expect(outcomeOf(s, assume(user('alice'), role('RecentMfa'), {}, { mfa: true })).ok).toBe(true);
	});

	it('with GetSessionToken+MFA credentials: holds while the MFA is younger than the limit', () => {
		let s = issue(state(), { as: user('alice'), call: 'GetSessionToken', mfa: true, save: 'gst' });
		expect(outcomeOf(s, { as: 'creds:gst', call: 's3:GetObject' }).allowed).toBe(true);
		expect(outcomeOf(s, assume('creds:gst', role('RecentMfa'))).ok).toBe(true);
		s = later(s, 3599);
		expect(outcomeOf(s, { as: 'creds:gst', call: 's3:GetObject' }).allowed).toBe(true);
		s = later(s, 1);
		expect(outcomeOf(s, { as: 'creds:gst', call: 's3:GetObject' }).allowed).toBe(false);
		expect(outcomeOf(s, assume('creds:gst', role('RecentMfa'))).error?.code).toBe('AccessDenied');
	});

	it('absent (so false) for long-term keys and for role sessions, even ones assumed with MFA', () => {
		const s = issue(state(), {
			...assume(user('alice'), role('TrustsAccount'), {}, { mfa: true }),
			save: 'mfa-role'
		});
		expect(outcomeOf(s, { as: user('alice'), call: 's3:GetObject' }).allowed).toBe(false);
		expect(outcomeOf(s, { as: 'creds:mfa-role', call: 's3:GetObject' }).allowed).toBe(false);
	});
});

describe('aws:MultiFactorAuthPresent for long-term keys (§5)', () => {
	it('"Deny if Bool false" does not block long-term keys; BoolIfExists does', () => {
		const s = state();
		expect(outcomeOf(s, { as: user('mfabool'), call: 's3:GetObject' }).allowed).toBe(true);
		const denied = outcomeOf(s, { as: user('mfaboolifexists'), call: 's3:GetObject' });
		expect(denied.allowed).toBe(false);
		expect(denied.error?.message).toBe(
			`User: ${userArn('mfaboolifexists')} is not authorized to perform: s3:GetObject with an explicit deny in an identity-based policy`
		);
	});
});

describe('request validation in AWS wording (§3, §3.2, §4)', () => {
	it('a session policy that is not JSON: MalformedPolicyDocument (AssumeRole and GetFederationToken)', () => {
		const s = state();
		const ar = outcomeOf(
			s,
			assume(user('alice'), role('TrustsAccount'), { Policy: 'not a policy' })
		);
		expect(ar.error?.code).toBe('MalformedPolicyDocument');
		expect(ar.error?.httpStatus).toBe(400);
		const gft = outcomeOf(s, {
			as: user('fedbroker'),
			call: 'GetFederationToken',
			params: { Name: 'fed', Policy: '{"Version": "2012-10-17", "Statement": [' }
		});
		expect(gft.error?.code).toBe('MalformedPolicyDocument');
	});

	it('DurationSeconds 899 and 43201 on AssumeRole name the member durationSeconds', () => {
		const s = state();
		expect(
			outcomeOf(s, assume(user('alice'), role('TrustsAccount'), { DurationSeconds: 899 })).error
		).toEqual({
			code: 'ValidationError',
			httpStatus: 400,
			message: validation('899', 'durationSeconds', 'have value greater than or equal to 900')
		});
		expect(
			outcomeOf(s, assume(user('alice'), role('TrustsAccount'), { DurationSeconds: 43201 })).error
				?.message
		).toBe(validation('43201', 'durationSeconds', 'have value less than or equal to 43200'));
	});

	it('RoleSessionName with a space or a colon breaks the pattern', () => {
		for (const name of ['my session', 'Session1:2']) {
			const o = outcomeOf(
				state(),
				assume(user('alice'), role('TrustsAccount'), { RoleSessionName: name })
			);
			expect(o.error?.message).toBe(
				validation(name, 'roleSessionName', 'satisfy regular expression pattern: [\\w+=,.@-]*')
			);
		}
	});

	it('TokenCode must be exactly six digits (AssumeRole and GetSessionToken)', () => {
		const serial = `arn:aws:iam::${A}:mfa/alice`;
		const short = validation('12345', 'tokenCode', 'have length greater than or equal to 6');
		expect(
			outcomeOf(
				state(),
				assume(user('alice'), role('TrustsAccount'), { SerialNumber: serial, TokenCode: '12345' })
			).error?.message
		).toBe(short);
		expect(
			outcomeOf(state(), {
				as: user('alice'),
				call: 'GetSessionToken',
				params: { SerialNumber: serial, TokenCode: '12345' }
			}).error?.message
		).toBe(short);
		expect(
			outcomeOf(state(), {
				as: user('alice'),
				call: 'GetSessionToken',
				params: { SerialNumber: serial, TokenCode: 'abcdef' }
			}).error?.message
		).toBe(validation('abcdef', 'tokenCode', 'satisfy regular expression pattern: [\\d]*'));
	});
});

describe('GetCallerIdentity and restricted session credentials (§2.4, §4, §9)', () => {
	it('an explicit Deny on everything does not stop GetCallerIdentity', () => {
		const s = state();
		const o = outcomeOf(s, { as: user('denyall'), call: 'GetCallerIdentity' });
		expect(o.ok).toBe(true);
		expect(o.response).toMatchObject({ Arn: userArn('denyall'), Account: A });
		expect(outcomeOf(s, { as: user('denyall'), call: 'sts:GetCallerIdentity' }).ok).toBe(true);
	});

	it('GetSessionToken credentials without MFA: IAM says InvalidClientTokenId; other STS actions are denied', () => {
		const s = issue(state(), { as: user('denyassume'), call: 'GetSessionToken', save: 'gst' });
		expect(outcomeOf(s, { as: 'creds:gst', call: 'iam:ListUsers' }).error).toEqual({
			code: 'InvalidClientTokenId',
			httpStatus: 403,
			message: 'The security token included in the request is invalid.'
		});
		expect(
			outcomeOf(s, { as: 'creds:gst', call: 'sts:DecodeAuthorizationMessage' }).error?.message
		).toBe(
			`User: ${userArn('denyassume')} is not authorized to perform: sts:DecodeAuthorizationMessage`
		);
		expect(
			outcomeOf(s, { as: 'creds:gst', call: 'GetFederationToken', params: { Name: 'x1' } }).error
				?.message
		).toBe('Cannot call GetFederationToken with session credentials');
	});
});
