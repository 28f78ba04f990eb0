import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import type { IdTokenSpec } from '../content/scenario-schema';
import {
	claimsFromSpec,
	encodeIdToken,
	providerTrustClaimKeys,
	webIdentityContext
} from './identity-tokens';
import { createSimulator } from './simulator';
import { inlinePolicyOfLength, issue, outcomeOf, READ_ONLY_ARN, worldFrom } from './test-worlds';

const world = worldFrom(`
start: 2026-01-01T12:00:00Z
accounts:
  - id: "111111111111"
    identityProviders:
      - oidc: token.actions.githubusercontent.com
        clientIds: [sts.amazonaws.com]
    roles:
      - name: GitHubDeploy
        maxSessionDuration: 7200
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com }
              Action: sts:AssumeRoleWithWebIdentity
              Condition:
                StringEquals: { "token.actions.githubusercontent.com:aud": sts.amazonaws.com }
                StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/app:*" }
      - name: MobileApp
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: accounts.google.com }
              Action: sts:AssumeRoleWithWebIdentity
              Condition: { StringEquals: { "accounts.google.com:aud": my-app-client-id } }
      - name: CognitoAuth
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: cognito-identity.amazonaws.com }
              Action: sts:AssumeRoleWithWebIdentity
              Condition:
                StringEquals: { "cognito-identity.amazonaws.com:aud": "us-east-1:pool-1" }
                ForAnyValue:StringLike: { "cognito-identity.amazonaws.com:amr": authenticated }
`);
const state = () => createSimulator(world);
const GH = 'arn:aws:iam::111111111111:role/GitHubDeploy';
const ghToken = (over: Partial<IdTokenSpec> = {}): IdTokenSpec => ({
	iss: 'https://token.actions.githubusercontent.com',
	aud: 'sts.amazonaws.com',
	sub: 'repo:acme/app:ref:refs/heads/main',
	expiresIn: 300,
	...over
});
const wi = (token: IdTokenSpec, params: Record<string, unknown> = {}) =>
	outcomeOf(state(), {
		as: 'anonymous',
		call: 'AssumeRoleWithWebIdentity',
		idToken: token,
		params: { RoleArn: GH, RoleSessionName: 'gh', ...params }
	});

describe('AssumeRoleWithWebIdentity', () => {
	it('a valid GitHub token gets a session without AWS credentials (§2, §11)', () => {
		const o = wi(ghToken(), { DurationSeconds: 7200 });
		expect(o.ok).toBe(true);
		expect(o.facts.arn).toBe('arn:aws:sts::111111111111:assumed-role/GitHubDeploy/gh');
		expect(o.facts.expiresAt! - o.at).toBe(7200);
		expect(o.response).toMatchObject({
			SubjectFromWebIdentityToken: 'repo:acme/app:ref:refs/heads/main',
			Provider: 'https://token.actions.githubusercontent.com',
			Audience: 'sts.amazonaws.com'
		});
		// Plain about what had no credentials: the call, not the session it returned.
		expect(o.explanation.summary).toContain(
			'session of GitHubDeploy; the call itself was unsigned, as AssumeRoleWithWebIdentity needs no AWS credentials'
		);
		expect(o.explanation.summary).not.toMatch(/session of \S+,? without/);
	});

	it('a RoleArn that is an ARN but not a role\'s: ValidationError "Request ARN is invalid" (re:Post IRSA)', () => {
		for (const RoleArn of [
			'arn:aws:iam::::111111111111:role/GitHubDeploy', // an extra colon (EKS annotation typo)
			'arn:aws:iam:::role/GitHubDeploy', // no account
			'arn:aws:iam::aws:role/GitHubDeploy', // not a 12-digit account
			'arn:aws:iam::111111111111:user/GitHubDeploy',
			'arn:aws:s3:::GitHubDeploy'
		]) {
			expect(wi(ghToken(), { RoleArn }).error, RoleArn).toMatchObject({
				code: 'ValidationError',
				message: 'Request ARN is invalid'
			});
		}
		expect(wi(ghToken(), { RoleArn: 'nothing-valid-in-here-at-all' }).error?.message).toBe(
			'nothing-valid-in-here-at-all is invalid'
		);
	});

	it('an audience not in the provider client IDs: InvalidIdentityToken "Incorrect token audience" (§4, §11)', () => {
		expect(wi(ghToken({ aud: 'someone-else' })).error).toMatchObject({
			code: 'InvalidIdentityToken',
			httpStatus: 400,
			message: 'Incorrect token audience'
		});
	});

	it('a token without aud (§4)', () => {
		expect(wi(ghToken({ aud: undefined })).error?.message).toBe('Missing a required claim: aud');
	});

	it('no IAM OIDC provider for the issuer (§4, §11)', () => {
		const o = wi(ghToken({ iss: 'https://gitlab.com' }));
		expect(o.error).toMatchObject({
			code: 'InvalidIdentityToken',
			message: 'No OpenIDConnect provider found in your account for https://gitlab.com'
		});
	});

	it('an expired token is ExpiredTokenException with the observed wording (§4)', () => {
		const o = wi(ghToken({ expiresIn: -360 }));
		expect(o.error?.code).toBe('ExpiredTokenException');
		// The "current date/time" printed is the call time less the five minutes of skew (stackd capture).
		expect(o.error?.message).toBe(
			`Token expired: current date/time ${o.at - 300} must be before the expiration date/time ${o.at - 360}`
		);
	});

	it('IAM accepts an ID token up to five minutes past its exp, for clock skew (§4, §11)', () => {
		expect(wi(ghToken({ expiresIn: -299 })).ok).toBe(true);
		expect(wi(ghToken({ expiresIn: -1 })).ok).toBe(true);
		expect(wi(ghToken({ expiresIn: -300 })).error?.code).toBe('ExpiredTokenException');
	});

	it('a sub that does not match the trust condition is AccessDenied (§4)', () => {
		const o = wi(ghToken({ sub: 'repo:evil/app:ref:refs/heads/main' }));
		expect(o.error).toMatchObject({
			code: 'AccessDenied',
			message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
		});
		expect(o.explanation.details.join(' ')).toContain('token.actions.githubusercontent.com:sub');
	});

	it('built-in IdPs need no IAM provider; their aud is checked by the trust policy only (§11)', () => {
		const ok = outcomeOf(state(), {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: {
				iss: 'accounts.google.com',
				aud: 'my-app-client-id',
				sub: '1234',
				expiresIn: 3600
			},
			params: { RoleArn: 'arn:aws:iam::111111111111:role/MobileApp', RoleSessionName: 'app-user' }
		});
		expect(ok.ok).toBe(true);
		const wrong = outcomeOf(state(), {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: { iss: 'accounts.google.com', aud: 'another-app', sub: '1234', expiresIn: 3600 },
			params: { RoleArn: 'arn:aws:iam::111111111111:role/MobileApp', RoleSessionName: 'app-user' }
		});
		expect(wrong.error?.code).toBe('AccessDenied');
	});

	it('Cognito amr is multi-valued and matched with ForAnyValue (§5)', () => {
		const call = (amr: string[]) =>
			outcomeOf(state(), {
				as: 'anonymous',
				call: 'AssumeRoleWithWebIdentity',
				idToken: {
					iss: 'https://cognito-identity.amazonaws.com',
					aud: 'us-east-1:pool-1',
					sub: 'us-east-1:abc',
					expiresIn: 600,
					amr
				},
				params: { RoleArn: 'arn:aws:iam::111111111111:role/CognitoAuth', RoleSessionName: 'cog' }
			});
		expect(call(['authenticated', 'accounts.google.com']).ok).toBe(true);
		expect(call(['unauthenticated']).error?.code).toBe('AccessDenied');
	});

	it('a missing role is AccessDenied with the federated wording (§4)', () => {
		expect(wi(ghToken(), { RoleArn: 'arn:aws:iam::111111111111:role/Nope' }).error?.message).toBe(
			'Not authorized to perform sts:AssumeRoleWithWebIdentity'
		);
	});

	it('DurationSeconds above MaxSessionDuration (§2.1) and a missing RoleSessionName (§3.1)', () => {
		expect(wi(ghToken(), { DurationSeconds: 7201 }).error?.message).toBe(
			'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
		);
		const o = outcomeOf(state(), {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: ghToken(),
			params: { RoleArn: GH }
		});
		expect(o.error?.message).toContain("Value null at 'roleSessionName'");
	});

	it('session tags in the https://aws.amazon.com/tags claim need sts:TagSession and tag the session (IAM-TAGS)', () => {
		const tags = {
			'https://aws.amazon.com/tags': {
				principal_tags: { Project: ['Automation'], CostCenter: ['987654'] },
				transitive_tag_keys: ['Project']
			}
		};
		// GitHubDeploy's trust policy allows sts:AssumeRoleWithWebIdentity only.
		const refused = wi(ghToken(tags), { RoleSessionName: 'gh' });
		expect(refused.error).toMatchObject({ code: 'AccessDenied' });
		const s = createSimulator(
			worldFrom(`
start: 2026-01-01T12:00:00Z
accounts:
  - id: "111111111111"
    identityProviders:
      - oidc: token.actions.githubusercontent.com
        clientIds: [sts.amazonaws.com]
    roles:
      - name: Tagged
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com }
              Action: [sts:AssumeRoleWithWebIdentity, sts:TagSession]
`)
		);
		const after = issue(s, {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: ghToken(tags),
			params: { RoleArn: 'arn:aws:iam::111111111111:role/Tagged', RoleSessionName: 'gh' },
			save: 'tagged'
		});
		expect(after.credentials.at(-1)).toMatchObject({
			tags: { Project: 'Automation', CostCenter: '987654' },
			transitiveTagKeys: ['Project']
		});
		const duplicate = outcomeOf(s, {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: ghToken({
				'https://aws.amazon.com/tags': { principal_tags: { project: ['a'], Project: ['b'] } }
			}),
			params: { RoleArn: 'arn:aws:iam::111111111111:role/Tagged', RoleSessionName: 'gh' }
		});
		expect(duplicate.error?.code).toBe('InvalidParameterValue');
	});

	it('a token may name its exp (and iat, nbf) in epoch seconds instead of expiresIn', () => {
		const s = state();
		const send = (spec: Partial<IdTokenSpec>) =>
			outcomeOf(s, {
				as: 'anonymous',
				call: 'AssumeRoleWithWebIdentity',
				idToken: { ...ghToken(), ...spec },
				params: { RoleArn: GH, RoleSessionName: 'gh' }
			});
		expect(claimsFromSpec({ ...ghToken(), exp: s.now + 10, iat: s.now - 5 }, s.now)).toMatchObject({
			exp: s.now + 10,
			iat: s.now - 5
		});
		expect(claimsFromSpec({ ...ghToken(), nbf: s.now }, s.now)).toMatchObject({
			nbf: s.now,
			iat: s.now,
			exp: s.now + 300
		});
		expect(send({ exp: s.now + 10 }).ok).toBe(true);
		expect(send({ exp: s.now - 300 }).error?.code).toBe('ExpiredTokenException');
	});

	it('an explicit WebIdentityToken JWT is decoded', () => {
		const s = state();
		const token = encodeIdToken(claimsFromSpec(ghToken(), s.now));
		const o = outcomeOf(s, {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			params: { RoleArn: GH, RoleSessionName: 'gh', WebIdentityToken: token }
		});
		expect(o.ok).toBe(true);
	});

	it('a hand-made JWT without iat is not "issued in the future" (iat is then not checked)', () => {
		const s = state();
		const { iat: _iat, ...claims } = claimsFromSpec(ghToken({ expiresIn: 3600 }), s.now);
		const o = outcomeOf(s, {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			params: { RoleArn: GH, RoleSessionName: 'gh', WebIdentityToken: encodeIdToken(claims) }
		});
		expect(o.ok).toBe(true);
	});

	it('the inline policy and the managed policy ARNs share the 2048-character plaintext limit (§3.2)', () => {
		const call = (chars: number) =>
			wi(ghToken(), {
				Policy: inlinePolicyOfLength(chars),
				PolicyArns: [{ arn: READ_ONLY_ARN }]
			});
		expect(call(2048 - READ_ONLY_ARN.length).ok).toBe(true);
		expect(call(2049 - READ_ONLY_ARN.length).error?.code).toBe('ValidationError');
	});

	it('an ID token signed with an algorithm STS does not accept, or with non-integer timestamps, cannot be validated (API-WI, §3.1)', () => {
		const s = state();
		const claims = claimsFromSpec(ghToken(), s.now);
		const b64 = (v: unknown) =>
			btoa(JSON.stringify(v)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
		const jwt = (header: unknown, body: unknown) => `${b64(header)}.${b64(body)}.c2ln`;
		const send = (token: string) =>
			outcomeOf(s, {
				as: 'anonymous',
				call: 'AssumeRoleWithWebIdentity',
				params: { RoleArn: GH, RoleSessionName: 'gh', WebIdentityToken: token }
			});
		for (const alg of ['RS256', 'RS512', 'ES256', 'ES384'])
			expect(send(jwt({ alg, typ: 'JWT' }, claims)).ok).toBe(true);
		for (const alg of ['HS256', 'none', 'PS256']) {
			const o = send(jwt({ alg, typ: 'JWT' }, claims));
			expect(o.error).toMatchObject({ code: 'InvalidIdentityToken', httpStatus: 400 });
			expect(o.error?.message).toBe(
				'The web identity token that was passed could not be validated by Amazon Web Services. Get a new identity token from the identity provider and then retry the request.'
			);
		}
		expect(send(jwt({ alg: 'RS256' }, { ...claims, exp: claims.exp + 0.5 })).error?.code).toBe(
			'InvalidIdentityToken'
		);
		expect(send(jwt({ alg: 'RS256' }, { ...claims, exp: String(claims.exp) })).error?.code).toBe(
			'InvalidIdentityToken'
		);
	});

	it('condition keys by provider (§5)', () => {
		expect(
			webIdentityContext({ iss: 'graph.facebook.com', aud: 'app', sub: 'u1', exp: 1, iat: 0 })
		).toEqual({ 'graph.facebook.com:app_id': 'app', 'graph.facebook.com:id': 'u1' });
		expect(
			webIdentityContext({ iss: 'www.amazon.com', aud: 'app', sub: 'u1', exp: 1, iat: 0 })
		).toEqual({ 'www.amazon.com:app_id': 'app', 'www.amazon.com:user_id': 'u1' });
		expect(
			webIdentityContext({
				iss: 'https://oidc.example.com/id/X',
				aud: 'a',
				sub: 's',
				azp: 'z',
				exp: 1,
				iat: 0,
				repository: 'acme/app'
			})
		).toEqual({
			// `repository` is in the token but is not a condition key (sts-facts §5).
			'oidc.example.com/id/X:aud': 'a',
			'oidc.example.com/id/X:sub': 's',
			'oidc.example.com/id/X:azp': 'z'
		});
	});

	it('Google: aud is the azp when the token sets it, oaud is always the token aud (IAM-STSCK)', () => {
		const google = { iss: 'https://accounts.google.com', sub: 's', exp: 1, iat: 0 };
		expect(webIdentityContext({ ...google, aud: 'android', azp: 'web' })).toMatchObject({
			'accounts.google.com:aud': 'web',
			'accounts.google.com:oaud': 'android',
			'accounts.google.com:sub': 's'
		});
		expect(webIdentityContext({ ...google, aud: 'web' })).toMatchObject({
			'accounts.google.com:aud': 'web',
			'accounts.google.com:oaud': 'web'
		});
	});
});

describe('web identity sessions keep the provider keys (§5)', () => {
	it('permission policies can use ${cognito-identity.amazonaws.com:sub} as a policy variable', async () => {
		const { attach } = await import('./simulator');
		const roleArn = 'arn:aws:iam::111111111111:role/CognitoAuth';
		let s = attach(state(), roleArn, {
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Action: 's3:PutObject',
					Resource: 'arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*'
				}
			]
		}).state;
		const assumed = (await import('./simulator')).call(s, {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: {
				iss: 'https://cognito-identity.amazonaws.com',
				aud: 'us-east-1:pool-1',
				sub: 'us-east-1:maria',
				expiresIn: 600,
				amr: ['authenticated']
			},
			params: { RoleArn: roleArn, RoleSessionName: 'app' },
			save: 'maria'
		});
		s = assumed.state;
		expect(
			outcomeOf(s, {
				as: 'creds:maria',
				call: 's3:PutObject',
				resource: 'arn:aws:s3:::photos/us-east-1:maria/a.jpg'
			}).allowed
		).toBe(true);
		expect(
			outcomeOf(s, {
				as: 'creds:maria',
				call: 's3:PutObject',
				resource: 'arn:aws:s3:::photos/us-east-1:other/a.jpg'
			}).allowed
		).toBe(false);
	});
});

describe('provider-specific claims are trust-policy keys only (2026, Service Authorization Reference)', () => {
	const claimWorld = worldFrom(`
start: 2026-03-02T10:00:00Z
accounts:
  - id: "111111111111"
    identityProviders:
      - oidc: token.actions.githubusercontent.com
        clientIds: [sts.amazonaws.com]
      - oidc: gitlab.com
        clientIds: [https://gitlab.com]
    roles:
      - name: ByRepoId
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com }
              Action: sts:AssumeRoleWithWebIdentity
              Condition:
                StringEquals:
                  token.actions.githubusercontent.com:aud: sts.amazonaws.com
                  token.actions.githubusercontent.com:repository_id: "456789"
        policies:
          - Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: "*"
                Condition:
                  StringEquals: { token.actions.githubusercontent.com:repository_id: "456789" }
      - name: ByGitLabProject
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { Federated: arn:aws:iam::111111111111:oidc-provider/gitlab.com }
              Action: sts:AssumeRoleWithWebIdentity
              Condition:
                StringEquals: { gitlab.com:project_id: "42", gitlab.com:ref_protected: "true" }
`);
	const call = (role: string, idToken: IdTokenSpec, save?: string) =>
		outcomeOf(createSimulator(claimWorld), {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken,
			params: { RoleArn: `arn:aws:iam::111111111111:role/${role}`, RoleSessionName: 'ci' },
			...(save ? { save } : {})
		});
	const github = (over: Record<string, unknown>): IdTokenSpec => ({
		iss: 'https://token.actions.githubusercontent.com',
		aud: 'sts.amazonaws.com',
		sub: 'repo:octo-org/app:ref:refs/heads/main',
		expiresIn: 300,
		...over
	});

	it('GitHub repository_id decides the trust policy; event_name is not a key', () => {
		expect(call('ByRepoId', github({ repository_id: '456789' })).ok).toBe(true);
		expect(call('ByRepoId', github({ repository_id: '999' })).error?.code).toBe('AccessDenied');
		const missing = call('ByRepoId', github({}));
		expect(missing.error?.code).toBe('AccessDenied');
		expect(missing.explanation.details.join('\n')).toContain("the token's repository_id claim");
		expect(
			providerTrustClaimKeys(claimsFromSpec(github({ repository_id: '1', event_name: 'push' }), 0))
		).toEqual({ 'token.actions.githubusercontent.com:repository_id': '1' });
	});

	it('the session does not carry them ("Available in session: No")', () => {
		const s = issue(createSimulator(claimWorld), {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: github({ repository_id: '456789' }),
			params: { RoleArn: 'arn:aws:iam::111111111111:role/ByRepoId', RoleSessionName: 'ci' },
			save: 'ci'
		});
		const o = outcomeOf(s, { as: 'creds:ci', call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
		expect(o.allowed).toBe(false);
		expect(o.explanation.details.join('\n')).toContain(
			"the token's repository_id claim, a key of the trust policy only"
		);
	});

	it('GitLab, CircleCI, Buildkite and OCI issuers have their own lists', () => {
		const gitlab = (over: Record<string, unknown>): IdTokenSpec => ({
			iss: 'https://gitlab.com',
			aud: 'https://gitlab.com',
			sub: 'project_path:acme/app:ref_type:branch:ref:main',
			expiresIn: 300,
			...over
		});
		expect(call('ByGitLabProject', gitlab({ project_id: '42', ref_protected: 'true' })).ok).toBe(
			true
		);
		expect(
			call('ByGitLabProject', gitlab({ project_id: '42', ref_protected: 'false' })).error?.code
		).toBe('AccessDenied');
		const keys = (iss: string, claims: Record<string, unknown>) =>
			providerTrustClaimKeys(
				claimsFromSpec({ iss, aud: 'a', sub: 's', expiresIn: 300, ...claims }, 0)
			);
		expect(
			keys('https://oidc.circleci.com/org/0f00', { 'oidc.circleci.com/project-id': 'p1' })
		).toEqual({ 'oidc.circleci.com/org/0f00:oidc.circleci.com/project-id': 'p1' });
		expect(keys('https://agent.buildkite.com', { pipeline_slug: 'deploy', step_key: 'x' })).toEqual(
			{ 'agent.buildkite.com:pipeline_slug': 'deploy' }
		);
		expect(keys('https://idcs-abc.identity.oraclecloud.com', { rpst_id: 'r1' })).toEqual({
			'idcs-abc.identity.oraclecloud.com:rpst_id': 'r1'
		});
		expect(
			keys('https://token.actions.githubusercontent.com/acme', { repository: 'acme/app' })
		).toEqual({ 'token.actions.githubusercontent.com/acme:repository': 'acme/app' });
		// A generic provider exposes none of these claims.
		expect(keys('https://login.example.com', { repository: 'acme/app', project_id: '42' })).toEqual(
			{}
		);
	});
});
