import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import type { SamlAssertionSpec } from '../content/scenario-schema';
import { encodeSamlAssertion } from './identity-tokens';
import { createSimulator } from './simulator';
import { inlinePolicyOfLength, issue, outcomeOf, READ_ONLY_ARN, worldFrom } from './test-worlds';

const world = worldFrom(`
start: 2026-01-01T12:00:00Z
accounts:
  - id: "111111111111"
    stsDisabledRegions: [eu-west-2]
    identityProviders:
      - saml: Okta
      - saml: Other
    roles:
      - name: SamlDev
        maxSessionDuration: 28800
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/Okta" }
              Action: sts:AssumeRoleWithSAML
              Condition: { StringEquals: { "saml:aud": "https://signin.aws.amazon.com/saml" } }
        policies:
          - { Effect: Allow, Action: "s3:*", Resource: "*" }
`);

const state = () => createSimulator(world);
const ROLE = 'arn:aws:iam::111111111111:role/SamlDev';
const PROVIDER = 'arn:aws:iam::111111111111:saml-provider/Okta';
const assertion = (over: Partial<SamlAssertionSpec> = {}): SamlAssertionSpec => ({
	provider: 'Okta',
	roleSessionName: 'jdoe@example.com',
	audience: 'https://signin.aws.amazon.com/saml',
	notOnOrAfterIn: 300,
	signedBy: 'provider',
	...over
});
const saml = (over: Partial<SamlAssertionSpec> = {}, params: Record<string, unknown> = {}) =>
	outcomeOf(state(), {
		as: 'anonymous',
		call: 'AssumeRoleWithSAML',
		samlAssertion: assertion(over),
		params: { RoleArn: ROLE, PrincipalArn: PROVIDER, ...params }
	});

describe('AssumeRoleWithSAML', () => {
	it('needs no AWS credentials and returns an assumed-role session named by the RoleSessionName attribute (§2, §11)', () => {
		const o = saml();
		expect(o.ok).toBe(true);
		expect(o.facts.arn).toBe('arn:aws:sts::111111111111:assumed-role/SamlDev/jdoe@example.com');
		expect(o.facts.accessKeyId).toMatch(/^ASIA/);
		expect(o.facts.expiresAt! - o.at).toBe(3600);
		expect(o.response).toMatchObject({
			Audience: 'https://signin.aws.amazon.com/saml',
			SubjectType: 'persistent'
		});
		// Plain about what had no credentials: the call, not the session it returned.
		expect(o.explanation.summary).toContain(
			'session of SamlDev; the call itself was unsigned, as AssumeRoleWithSAML needs no AWS credentials.'
		);
		expect(o.explanation.summary).not.toMatch(/session of \S+ without/);
	});

	it('ignores whatever credentials the step names: the operation is unsigned (MODEL noAuth)', () => {
		const o = outcomeOf(state(), {
			as: 'key:AKIAUNKNOWN000000000',
			call: 'AssumeRoleWithSAML',
			samlAssertion: assertion(),
			params: { RoleArn: ROLE, PrincipalArn: PROVIDER }
		});
		expect(o.ok).toBe(true);
	});

	it('SourceIdentity and PrincipalTag attributes need sts:SetSourceIdentity / sts:TagSession in the trust policy', () => {
		// SamlDev's trust policy allows sts:AssumeRoleWithSAML only.
		expect(saml({ sourceIdentity: 'jdoe' }).error?.code).toBe('AccessDenied');
		expect(saml({ principalTags: { Project: 'Automation' } }).error?.code).toBe('AccessDenied');
		expect(saml({ sourceIdentity: 'aws:jdoe' }).error).toMatchObject({
			code: 'InvalidIdentityToken',
			message: 'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"'
		});
		const tagging = createSimulator(
			worldFrom(`
start: 2026-01-01T12:00:00Z
accounts:
  - id: "111111111111"
    identityProviders:
      - saml: Okta
    roles:
      - name: SamlDev
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/Okta" }
              Action: [sts:AssumeRoleWithSAML, sts:TagSession, sts:SetSourceIdentity]
`)
		);
		const after = issue(tagging, {
			as: 'anonymous',
			call: 'AssumeRoleWithSAML',
			samlAssertion: assertion({
				sourceIdentity: 'jdoe',
				principalTags: { Project: 'Automation', CostCenter: '12345' },
				transitiveTagKeys: ['Project']
			}),
			params: { RoleArn: ROLE, PrincipalArn: PROVIDER },
			save: 's'
		});
		expect(after.credentials.at(-1)).toMatchObject({
			sourceIdentity: 'jdoe',
			tags: { Project: 'Automation', CostCenter: '12345' },
			transitiveTagKeys: ['Project']
		});
	});

	it('lasts min(DurationSeconds, SessionNotOnOrAfter) (§2, §11)', () => {
		expect(
			saml({ sessionNotOnOrAfterIn: 7200 }, { DurationSeconds: 14400 }).facts.expiresAt! -
				1767268800
		).toBe(7200);
		const o = saml({ sessionNotOnOrAfterIn: 7200 }, { DurationSeconds: 3600 });
		expect(o.facts.expiresAt! - o.at).toBe(3600);
	});

	it('the SessionDuration attribute can only shorten the session (§2.3)', () => {
		const o = saml({ sessionDuration: 1800 }, { DurationSeconds: 7200 });
		expect(o.facts.expiresAt! - o.at).toBe(1800);
	});

	it('DurationSeconds above MaxSessionDuration is a ValidationError (§2.1)', () => {
		expect(saml({}, { DurationSeconds: 28801 }).error?.message).toBe(
			'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
		);
	});

	it('an assertion signed with another key: InvalidIdentityToken "Response signature invalid" (§4)', () => {
		expect(saml({ signedBy: 'other' }).error).toMatchObject({
			code: 'InvalidIdentityToken',
			httpStatus: 400,
			message: 'Response signature invalid'
		});
		expect(saml({ provider: 'Other' }).error?.message).toBe('Response signature invalid');
	});

	it('an expired assertion: ExpiredTokenException "Response has expired" (§4)', () => {
		expect(saml({ notOnOrAfterIn: -1 }).error).toMatchObject({
			code: 'ExpiredTokenException',
			httpStatus: 400,
			message: 'Response has expired'
		});
	});

	it('a missing or malformed RoleSessionName attribute (§4, §11)', () => {
		expect(saml({ roleSessionName: undefined }).error).toMatchObject({
			code: 'InvalidIdentityToken',
			message: 'RoleSessionName is required in AuthnResponse'
		});
		expect(saml({ roleSessionName: 'has space' }).error?.message).toBe(
			'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}'
		);
	});

	it('trust mismatch (saml:aud from the Recipient) is AccessDenied "Not authorized to perform sts:AssumeRoleWithSAML" (§4, §5)', () => {
		const o = saml({ audience: 'https://example.com/acs' });
		expect(o.error).toMatchObject({
			code: 'AccessDenied',
			message: 'Not authorized to perform sts:AssumeRoleWithSAML'
		});
		expect(o.explanation.details.join(' ')).toContain('saml:aud');
	});

	it('a provider the role does not trust, or that does not exist, is AccessDenied (§4)', () => {
		const other = outcomeOf(state(), {
			as: 'anonymous',
			call: 'AssumeRoleWithSAML',
			samlAssertion: assertion({ provider: 'Other' }),
			params: { RoleArn: ROLE, PrincipalArn: 'arn:aws:iam::111111111111:saml-provider/Other' }
		});
		expect(other.error?.message).toBe('Not authorized to perform sts:AssumeRoleWithSAML');
		const missing = saml({}, { PrincipalArn: 'arn:aws:iam::111111111111:saml-provider/Nope' });
		expect(missing.error?.code).toBe('AccessDenied');
	});

	it("the assertion's Role attribute must offer the requested role (§11)", () => {
		expect(saml({ roles: ['arn:aws:iam::111111111111:role/Elsewhere'] }).error?.code).toBe(
			'AccessDenied'
		);
		expect(saml({ roles: [ROLE] }).ok).toBe(true);
	});

	it('RegionDisabledException for the role account (§10)', () => {
		expect(
			outcomeOf(state(), {
				as: 'anonymous',
				call: 'AssumeRoleWithSAML',
				region: 'eu-west-2',
				samlAssertion: assertion(),
				params: { RoleArn: ROLE, PrincipalArn: PROVIDER }
			}).error?.code
		).toBe('RegionDisabledException');
	});

	it('an explicit SAMLAssertion issued by the simulated IdP is decoded; anything else cannot be verified', () => {
		const s = state();
		const ok = outcomeOf(s, {
			as: 'anonymous',
			call: 'AssumeRoleWithSAML',
			params: {
				RoleArn: ROLE,
				PrincipalArn: PROVIDER,
				SAMLAssertion: encodeSamlAssertion(assertion(), s.now)
			}
		});
		expect(ok.ok).toBe(true);
		const foreign = outcomeOf(s, {
			as: 'anonymous',
			call: 'AssumeRoleWithSAML',
			params: { RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion: 'PHNhbWxwOlJlc3BvbnNlPg==' }
		});
		// A response STS cannot read is an AWS answer, not a simulator failure (MODEL InvalidIdentityToken).
		expect(foreign.simulatorError).toBeUndefined();
		expect(foreign.error?.code).toBe('InvalidIdentityToken');
		expect(foreign.error?.httpStatus).toBe(400);
	});

	it('missing required parameters are ValidationErrors (§3.1)', () => {
		const o = outcomeOf(state(), {
			as: 'anonymous',
			call: 'AssumeRoleWithSAML',
			params: { RoleArn: ROLE, PrincipalArn: PROVIDER }
		});
		expect(o.error?.message).toBe(
			"1 validation error detected: Value null at 'sAMLAssertion' failed to satisfy constraint: Member must not be null"
		);
	});

	it('the session policy max is 2048 in the model for this operation (§3.1)', () => {
		const big = {
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Action: 's3:GetObject',
					Resource: Array.from({ length: 100 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`)
				}
			]
		};
		expect(saml({}, { Policy: big }).error?.message).toContain(
			'Member must have length less than or equal to 2048'
		);
	});
});

describe('AssumeRoleWithSAML: response identifiers and SAML keys', () => {
	it('NameQualifier is BASE64(SHA1(Issuer + AccountId + "/" + ProviderFriendlyName)) (sts-facts §3.1)', () => {
		const o = saml({ subject: '_cbb88bf52c2510eabe00c1642d4643f41430fe25e3' });
		const issuer = String(o.response?.Issuer);
		const want = createHash('sha1').update(`${issuer}111111111111/Okta`).digest('base64');
		expect(o.response).toMatchObject({
			Subject: '_cbb88bf52c2510eabe00c1642d4643f41430fe25e3',
			SubjectType: 'persistent',
			NameQualifier: want
		});
	});

	it('a session keeps only saml:namequalifier, saml:sub and saml:sub_type for its permissions policies (IAM-STSCK)', () => {
		const s = issue(state(), {
			as: 'anonymous',
			call: 'AssumeRoleWithSAML',
			samlAssertion: assertion({ subject: 'jdoe' }),
			params: { RoleArn: ROLE, PrincipalArn: PROVIDER },
			save: 'saml'
		});
		const keys = s.credentials[0].federatedKeys;
		expect(Object.keys(keys ?? {}).sort()).toEqual([
			'saml:namequalifier',
			'saml:sub',
			'saml:sub_type'
		]);
		expect(keys?.['saml:sub']).toBe('jdoe');
	});
});

describe('AssumeRoleWithSAML: parameters', () => {
	it('a RoleArn that is not a role ARN with a 12-digit account is "Request ARN is invalid" (§4)', () => {
		for (const RoleArn of ['arn:aws:iam:::role/SamlDev', 'arn:aws:iam::111111111111:user/SamlDev'])
			expect(saml({}, { RoleArn }).error, RoleArn).toMatchObject({
				code: 'ValidationError',
				message: 'Request ARN is invalid'
			});
	});

	it('the inline policy and the managed policy ARNs share the 2048-character plaintext limit (§3.2)', () => {
		const call = (chars: number) =>
			saml({}, { Policy: inlinePolicyOfLength(chars), PolicyArns: [{ arn: READ_ONLY_ARN }] });
		expect(call(2048 - READ_ONLY_ARN.length).ok).toBe(true);
		expect(call(2049 - READ_ONLY_ARN.length).error?.code).toBe('ValidationError');
	});
});

/** A call to a role OneRole, in a world of its own, whose trust policy has `condition` (YAML flow). */
const samlToOneRole = (over: Partial<SamlAssertionSpec>, condition = '') =>
	outcomeOf(
		createSimulator(
			worldFrom(`
start: 2026-01-01T12:00:00Z
accounts:
  - id: "111111111111"
    identityProviders:
      - saml: Okta
    roles:
      - name: OneRole
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/Okta" }
              Action: sts:AssumeRoleWithSAML
${condition ? `              Condition: ${condition}\n` : ''}`)
		),
		{
			as: 'anonymous',
			call: 'AssumeRoleWithSAML',
			samlAssertion: assertion(over),
			params: { RoleArn: 'arn:aws:iam::111111111111:role/OneRole', PrincipalArn: PROVIDER }
		}
	);

describe('AssumeRoleWithSAML: a Recipient that is not AWS', () => {
	it('is accepted without a saml:aud condition (as real STS was seen to), and the explanation says so', () => {
		const aws = saml({ audience: 'https://signin.aws.amazon.com/saml' });
		expect(aws.ok).toBe(true);
		expect(aws.explanation.details.join('\n')).not.toContain('is not AWS');
		const other = samlToOneRole({ audience: 'https://example.com/saml' });
		expect(other.ok).toBe(true);
		expect(other.explanation.details.join('\n')).toContain(
			"The assertion's Recipient, https://example.com/saml, is not AWS's SAML sign-in endpoint"
		);
	});
});

describe('AssumeRoleWithSAML: sts:RoleSessionName (SAR condition key)', () => {
	it("the trust policy sees the assertion's RoleSessionName attribute as sts:RoleSessionName", () => {
		const call = (roleSessionName: string) =>
			samlToOneRole({ roleSessionName }, '{ StringEquals: { "sts:RoleSessionName": jdoe } }');
		expect(call('jdoe').ok).toBe(true);
		expect(call('jsmith').error?.code).toBe('AccessDenied');
	});
});

describe('AssumeRoleWithSAML: provider naming', () => {
	it('the assertion may name its provider by ARN', () => {
		expect(saml({ provider: PROVIDER }).ok).toBe(true);
	});
});
