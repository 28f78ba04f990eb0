import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import { accountEncodedInKeyId } from './access-key-account';
import { createSimulator } from './simulator';
import { issue, later, outcomeOf, worldFrom } from './test-worlds';

const WORLD = `
start: 2026-03-02T10:00:00Z
accounts:
  - id: "111111111111"
    root: {}
    users:
      - name: admin
        policies:
          - { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] }
      - name: s3only
        policies:
          - { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "s3:*", Resource: "*" } ] }
      - name: ec2user
        policies:
          - Version: "2012-10-17"
            Statement:
              - { Effect: Allow, Action: "ec2:Describe*", Resource: "*" }
              - { Sid: NoTerminate, Effect: Deny, Action: "ec2:TerminateInstances", Resource: "*" }
    roles:
      - name: Ops
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "sts:AssumeRole" }
        policies:
          - { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] }
  - id: "222222222222"
    root: {}
    users:
      - name: dev
        policies:
          - { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] }
`;

const state = () => createSimulator(worldFrom(WORLD), { seed: 7 });
const admin = 'user:111111111111/admin';

describe('accountEncodedInKeyId', () => {
	it('reads the account number a newer key ID carries (the published example)', () => {
		expect(accountEncodedInKeyId('ASIAY34FZKBOKMUTVV7A')).toBe('609629065308');
	});
	it('is undefined for IDs that are too short or not base32 after the prefix', () => {
		expect(accountEncodedInKeyId('AKIA12345')).toBeUndefined();
		expect(accountEncodedInKeyId('AKIA0000000000000000')).toBeUndefined();
	});
});

describe('GetAccessKeyInfo (API-GAKI, §10, §13)', () => {
	it("answers the owner's account for long-term keys of users and root", () => {
		const s = state();
		const devKey = s.world.accounts['222222222222'].users.dev.accessKeyId;
		const rootKey = s.world.accounts['111111111111'].root!.accessKeyId;
		const o1 = outcomeOf(s, {
			as: admin,
			call: 'GetAccessKeyInfo',
			params: { AccessKeyId: devKey }
		});
		expect(o1.response).toEqual({ Account: '222222222222' });
		expect(o1.explanation.summary).toContain('user/dev');
		const o2 = outcomeOf(s, {
			as: admin,
			call: 'GetAccessKeyInfo',
			params: { AccessKeyId: rootKey }
		});
		expect(o2.facts.account).toBe('111111111111');
	});

	it("answers the role's account for an assumed-role ASIA key, even after it expired", () => {
		let s = issue(state(), {
			as: 'user:222222222222/dev',
			call: 'AssumeRole',
			params: { RoleArn: 'arn:aws:iam::111111111111:role/Ops', RoleSessionName: 'xo' },
			save: 'ops'
		});
		const key = s.credentials[0].accessKeyId;
		expect(key.startsWith('ASIA')).toBe(true);
		s = later(s, 7200);
		const o = outcomeOf(s, { as: admin, call: 'GetAccessKeyInfo', params: { AccessKeyId: key } });
		expect(o.ok).toBe(true);
		expect(o.response).toEqual({ Account: '111111111111' });
		expect(o.explanation.summary).toContain('AssumeRole');
	});

	it('needs sts:GetAccessKeyInfo, and GetSessionToken credentials may not call it', () => {
		const s = state();
		const denied = outcomeOf(s, {
			as: 'user:111111111111/s3only',
			call: 'GetAccessKeyInfo',
			params: { AccessKeyId: 'ASIAY34FZKBOKMUTVV7A' }
		});
		expect(denied.error?.code).toBe('AccessDenied');
		expect(denied.allowed).toBe(false);
		const withGst = issue(s, { as: admin, call: 'GetSessionToken', save: 'g' });
		expect(
			outcomeOf(withGst, {
				as: 'creds:g',
				call: 'GetAccessKeyInfo',
				params: { AccessKeyId: 'ASIAY34FZKBOKMUTVV7A' }
			}).error?.message
		).toContain('sts:GetAccessKeyInfo');
	});
});

describe('DecodeAuthorizationMessage (MODEL, §4, §13)', () => {
	it('needs the permission; with it, a message AWS did not issue is invalid', () => {
		const s = state();
		const denied = outcomeOf(s, {
			as: 'user:111111111111/s3only',
			call: 'DecodeAuthorizationMessage',
			params: { EncodedMessage: 'abc' }
		});
		expect(denied.error?.code).toBe('AccessDenied');
		const invalid = outcomeOf(s, {
			as: admin,
			call: 'DecodeAuthorizationMessage',
			params: { EncodedMessage: 'abc' }
		});
		expect(invalid.error).toMatchObject({
			code: 'InvalidAuthorizationMessageException',
			httpStatus: 400
		});
	});
});

describe('DecodeAuthorizationMessage: line breaks', () => {
	it('a message AWS issued, broken by a line break, is invalid (MODEL: "such as line breaks")', () => {
		const s = state();
		const ec2 = outcomeOf(s, {
			as: 'user:111111111111/ec2user',
			call: 'ec2:TerminateInstances',
			resource: '*'
		});
		const encoded = /Encoded authorization failure message: (\S+)$/.exec(
			ec2.error?.message ?? ''
		)?.[1];
		expect(encoded).toBeTruthy();
		const decode = (EncodedMessage: string) =>
			outcomeOf(s, { as: admin, call: 'DecodeAuthorizationMessage', params: { EncodedMessage } });
		expect(decode(encoded!).ok).toBe(true);
		const broken = `${encoded!.slice(0, 20)}\n${encoded!.slice(20)}`;
		expect(decode(broken).error?.code).toBe('InvalidAuthorizationMessageException');
	});
});

describe('encoded authorization failure messages (EC2) and decoding them', () => {
	const encodedIn = (message = '') =>
		/Encoded authorization failure message: (\S+)$/.exec(message)?.[1] ?? '';

	it('a denied ec2 action carries one; an allowed principal decodes it (missing allow)', () => {
		const s = state();
		const denied = outcomeOf(s, {
			as: 'user:111111111111/ec2user',
			call: 'ec2:RunInstances',
			resource: 'arn:aws:ec2:us-east-1:111111111111:instance/*'
		});
		expect(denied.allowed).toBe(false);
		expect(denied.error?.code).toBe('AccessDenied');
		expect(denied.error?.message).toMatch(
			/^You are not authorized to perform this operation\. User: arn:aws:iam::111111111111:user\/ec2user is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111111111111:instance\/\* because no identity-based policy allows the ec2:RunInstances action\. Encoded authorization failure message: /
		);
		expect(denied.explanation.details.join(' ')).toContain(
			'EC2 itself names this error UnauthorizedOperation'
		);
		const encoded = encodedIn(denied.error?.message);
		expect(encoded.length).toBeGreaterThan(20);
		expect(encoded.length).toBeLessThanOrEqual(10240);
		const decoded = outcomeOf(s, {
			as: admin,
			call: 'DecodeAuthorizationMessage',
			params: { EncodedMessage: encoded }
		});
		expect(decoded.ok).toBe(true);
		const m = JSON.parse(String(decoded.response?.DecodedMessage));
		expect(m).toMatchObject({
			allowed: false,
			explicitDeny: false,
			matchedStatements: { items: [] },
			context: {
				principal: { name: 'ec2user', arn: 'arn:aws:iam::111111111111:user/ec2user' },
				action: 'ec2:RunInstances',
				resource: 'arn:aws:ec2:us-east-1:111111111111:instance/*'
			}
		});
		expect(m.context.conditions.items.map((i: { key: string }) => i.key)).toContain(
			'aws:RequestedRegion'
		);
		expect(decoded.explanation.summary).toContain('no policy allowed it');
		// The caller needs sts:DecodeAuthorizationMessage, even for its own denial.
		expect(
			outcomeOf(s, {
				as: 'user:111111111111/ec2user',
				call: 'DecodeAuthorizationMessage',
				params: { EncodedMessage: encoded }
			}).error?.code
		).toBe('AccessDenied');
		// A cut or altered message was not issued by AWS.
		expect(
			outcomeOf(s, {
				as: admin,
				call: 'DecodeAuthorizationMessage',
				params: { EncodedMessage: encoded.slice(0, -8) }
			}).error?.code
		).toBe('InvalidAuthorizationMessageException');
	});

	it('an explicit deny names the statement that matched', () => {
		const s = state();
		const denied = outcomeOf(s, {
			as: 'user:111111111111/ec2user',
			call: 'ec2:TerminateInstances'
		});
		const m = JSON.parse(
			String(
				outcomeOf(s, {
					as: admin,
					call: 'DecodeAuthorizationMessage',
					params: { EncodedMessage: encodedIn(denied.error?.message) }
				}).response?.DecodedMessage
			)
		);
		expect(m.explicitDeny).toBe(true);
		expect(m.matchedStatements.items).toEqual([
			expect.objectContaining({
				statementId: 'NoTerminate',
				effect: 'DENY',
				actions: { items: [{ value: 'ec2:TerminateInstances' }] }
			})
		]);
	});

	it('other services deny without an encoded message', () => {
		const o = outcomeOf(state(), { as: 'user:111111111111/ec2user', call: 's3:GetObject' });
		expect(o.error?.message).not.toContain('Encoded authorization failure message');
	});
});

describe('AssumeRoot (API-ROOT, §2, §13)', () => {
	const params = {
		TargetPrincipal: '222222222222',
		TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy' }
	};
	it('refuses root credentials, and root GetSessionToken credentials', () => {
		const s = state();
		expect(outcomeOf(s, { as: 'root:111111111111', call: 'AssumeRoot', params }).error?.code).toBe(
			'AccessDenied'
		);
		const rootSession = issue(s, { as: 'root:111111111111', call: 'GetSessionToken', save: 'r' });
		expect(outcomeOf(rootSession, { as: 'creds:r', call: 'AssumeRoot', params }).error?.code).toBe(
			'AccessDenied'
		);
	});
	it('accepts only the five task policies and 0–900 seconds', () => {
		const s = state();
		const other = outcomeOf(s, {
			as: admin,
			call: 'AssumeRoot',
			params: { ...params, TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } }
		});
		expect(other.error?.code).toBe('ValidationError');
		expect(other.error?.message).toContain('root-task/IAMAuditRootUserCredentials');
		expect(
			outcomeOf(s, { as: admin, call: 'AssumeRoot', params: { ...params, DurationSeconds: 0 } })
				.error?.code
		).toBe('AccessDenied'); // 0 is valid: it reaches the organisation check
	});
	it('without Organizations in the world, a permitted call is still denied, and explains why', () => {
		const o = outcomeOf(state(), { as: admin, call: 'AssumeRoot', params });
		expect(o.error?.code).toBe('AccessDenied');
		expect(o.explanation.summary).toContain('Organizations');
	});
});

describe('GetWebIdentityToken (MODEL, §13)', () => {
	it('checks the signing algorithm, then the permission, then outbound federation', () => {
		const s = state();
		const base = { Audience: ['https://api.example.com'], SigningAlgorithm: 'RS256' };
		const alg = outcomeOf(s, {
			as: admin,
			call: 'GetWebIdentityToken',
			params: { ...base, SigningAlgorithm: 'HS256' }
		});
		expect(alg.error?.message).toContain('Member must satisfy enum value set: [RS256, ES384]');
		expect(
			outcomeOf(s, { as: 'user:111111111111/s3only', call: 'GetWebIdentityToken', params: base })
				.error?.code
		).toBe('AccessDenied');
		expect(
			outcomeOf(s, { as: admin, call: 'GetWebIdentityToken', params: base }).error
		).toMatchObject({ code: 'OutboundWebIdentityFederationDisabledException', httpStatus: 403 });
	});
});

describe('GetWebIdentityToken: its condition keys and sts:TagGetWebIdentityToken (SAR; IAM outbound policies)', () => {
	const worldWith = (statements: string) =>
		createSimulator(
			worldFrom(`
start: 2026-03-02T10:00:00Z
accounts:
  - id: "111111111111"
    users:
      - name: u
        policies:
          - Version: "2012-10-17"
            Statement:
${statements}
`)
		);
	const call = (s: ReturnType<typeof worldWith>, params: Record<string, unknown>) =>
		outcomeOf(s, {
			as: 'user:111111111111/u',
			call: 'GetWebIdentityToken',
			params: { Audience: ['https://api.example.com'], SigningAlgorithm: 'RS256', ...params }
		}).error?.code;
	const PERMITTED = 'OutboundWebIdentityFederationDisabledException';

	it('sts:IdentityTokenAudience, sts:DurationSeconds (default 300) and sts:SigningAlgorithm', () => {
		const s = worldWith(`              - Effect: Allow
                Action: sts:GetWebIdentityToken
                Resource: "*"
                Condition:
                  ForAllValues:StringEquals: { sts:IdentityTokenAudience: ["https://api.example.com"] }
                  NumericLessThanEquals: { sts:DurationSeconds: 300 }
                  StringEquals: { sts:SigningAlgorithm: RS256 }`);
		expect(call(s, {})).toBe(PERMITTED);
		expect(call(s, { DurationSeconds: 300 })).toBe(PERMITTED);
		expect(call(s, { DurationSeconds: 301 })).toBe('AccessDenied');
		expect(call(s, { SigningAlgorithm: 'ES384' })).toBe('AccessDenied');
		expect(call(s, { Audience: ['https://api.example.com', 'https://other.example'] })).toBe(
			'AccessDenied'
		);
	});

	it('Tags need sts:TagGetWebIdentityToken too, with aws:RequestTag / aws:TagKeys', () => {
		const only = worldWith(
			'              - { Effect: Allow, Action: "sts:GetWebIdentityToken", Resource: "*" }'
		);
		const tags = { Tags: [{ Key: 'team', Value: 'blue' }] };
		expect(call(only, {})).toBe(PERMITTED);
		expect(call(only, tags)).toBe('AccessDenied');
		const both =
			worldWith(`              - { Effect: Allow, Action: "sts:GetWebIdentityToken", Resource: "*" }
              - Effect: Allow
                Action: sts:TagGetWebIdentityToken
                Resource: "*"
                Condition: { StringEquals: { aws:RequestTag/team: blue } }`);
		expect(call(both, tags)).toBe(PERMITTED);
		expect(call(both, { Tags: [{ Key: 'team', Value: 'red' }] })).toBe('AccessDenied');
	});
});

describe('AssumeRoot authorised as an action', () => {
	it("an identity policy alone reaches a member account's root user (no resource-based policy)", () => {
		const o = outcomeOf(state(), {
			as: admin,
			call: 'sts:AssumeRoot',
			resource: 'arn:aws:iam::222222222222:root'
		});
		expect(o.allowed).toBe(true);
	});
});

describe('GetDelegatedAccessToken (MODEL, §13)', () => {
	it('validates TradeInToken, then reports that the world has no delegation requests', () => {
		const s = state();
		expect(
			outcomeOf(s, { as: admin, call: 'GetDelegatedAccessToken', params: {} }).error?.code
		).toBe('ValidationError');
		const o = outcomeOf(s, {
			as: admin,
			call: 'GetDelegatedAccessToken',
			params: { TradeInToken: 't' }
		});
		expect(o.simulatorError).toContain('no temporary delegation requests');
	});
});
