import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContentError, type ContentIssue } from './content-issue';
import { normalizeStart, scenarioSchema } from './scenario-schema';
import { parseScenario } from './scenario-loader';
import { answerKeyClaimSchema } from './question-schema';

const GOOD = 'tests/fixtures/scenarios/good';
const BAD = 'tests/fixtures/scenarios/bad';
const REFERENCE = 'tests/fixtures/reference-scenarios';

function issuesOfText(text: string, file = 't.yaml'): ContentIssue[] {
	try {
		parseScenario(text, file);
	} catch (e) {
		if (e instanceof ContentError) return e.issues;
		throw e;
	}
	throw new Error(`${file} parsed without issues`);
}

const issuesOf = (file: string) => issuesOfText(readFileSync(file, 'utf8'), file);

const minimal = (steps: string, world = '') => `id: t
title: T
topic: assume-role
world:
  start: 2026-01-01T00:00:00Z
  accounts:
    - id: "111111111111"
      users:
        - name: alice
${world}
steps:
${steps}
`;

describe('valid scenario files', () => {
	for (const dir of [REFERENCE, GOOD]) {
		for (const file of readdirSync(dir)) {
			it(`${dir}/${file} parses`, () => {
				const s = parseScenario(readFileSync(join(dir, file), 'utf8'), file);
				expect(s.steps.length).toBeGreaterThan(0);
			});
		}
	}

	it('reads policies written as JSON text, a start with a UTC offset, and attach with a statement list', () => {
		const s = parseScenario(
			`id: json-policies
title: t
topic: assume-role
world:
  start: 2026-01-01T10:00:00+01:00
  accounts:
    - id: "111111111111"
      users:
        - name: alice
          policies:
            - '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}'
      roles:
        - name: R
          trust: |
            {
              "Version": "2012-10-17",
              "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111111111111:root" }, "Action": "sts:AssumeRole" }]
            }
steps:
  - attach:
      to: arn:aws:iam::111111111111:role/R
      policy: [ { Effect: Deny, Action: "s3:*", Resource: "*" } ]
`,
			'json.yaml'
		);
		// The same instant, written in UTC (normalizeStart).
		expect(s.world.start).toBe('2026-01-01T09:00:00Z');
		expect(s.world.accounts[0].users?.[0].policies?.[0]).toMatchObject({
			Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }]
		});
		expect(s.world.accounts[0].roles?.[0].trust).toMatchObject({ Version: '2012-10-17' });
		expect(s.steps[0]).toMatchObject({
			attach: { policy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny' }] } }
		});
	});

	it('reports policy text that is not JSON, at its line', () => {
		try {
			parseScenario(
				`id: bad-json
title: t
topic: assume-role
world:
  start: 2026-01-01T09:00:00Z
  accounts:
    - id: "111111111111"
      roles:
        - name: R
          trust: '{"Version": "2012-10-17", "Statement": ['
steps:
  - advance: 1
`,
				'bad.yaml'
			);
			expect.unreachable('the file is invalid');
		} catch (e) {
			const issues = (e as ContentError).issues;
			expect(issues).toHaveLength(1);
			expect(issues[0]).toMatchObject({ line: 10, path: 'world.accounts[0].roles[0].trust' });
			expect(issues[0].message).toContain('this text is not JSON');
		}
	});

	it('reads the optional fields: summary, lessons, questions, step title, narration and debrief', () => {
		const s = parseScenario(
			readFileSync(join(GOOD, 'cross-account-external-id.yaml'), 'utf8'),
			'x.yaml'
		);
		expect(s.summary).toContain('**Audit**');
		expect(s.lessons).toEqual(['cross-account', 'external-id#confused-deputy']);
		expect(s.questions).toEqual(['xacct-external-id']);
		expect(s.steps[0]).toMatchObject({
			title: 'Without the external ID',
			narration: expect.stringContaining('What does'),
			debrief: expect.stringContaining('**false**')
		});
	});

	it('accepts JSON, which is YAML', () => {
		expect(
			parseScenario(readFileSync(join(GOOD, 'web-identity-cognito.json'), 'utf8'), 'x.json').topic
		).toBe('web-identity');
	});

	it('accepts bare statements in policies, booleans in conditions, and sts:API call names', () => {
		const s = parseScenario(
			minimal(
				`  - as: user:111111111111/alice
    call: sts:GetCallerIdentity`,
				`      roles:
        - name: R
          trust: { Statement: [{ Effect: Allow, Principal: { AWS: "111111111111" }, Action: sts:AssumeRole, Condition: { Bool: { aws:MultiFactorAuthPresent: true } } }] }
          policies: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }]`
			),
			't.yaml'
		);
		expect(s.world.accounts[0].roles?.[0].policies?.[0]).toMatchObject({ Effect: 'Allow' });
	});

	it('reads an unquoted account ID in expect.account and expect.userId as the 12-digit text', () => {
		const s = parseScenario(
			minimal(`  - as: user:111111111111/alice
    call: GetCallerIdentity
    expect: { ok: true, account: 111111111111, userId: 012345678901 }`),
			't.yaml'
		);
		const step = s.steps[0];
		expect('expect' in step && step.expect).toMatchObject({
			account: '111111111111',
			userId: '012345678901'
		});
		// A number that cannot be an account ID is still reported.
		expect(() =>
			parseScenario(
				minimal(`  - as: user:111111111111/alice
    call: GetCallerIdentity
    expect: { account: 1111111111111 }`),
				't.yaml'
			)
		).toThrow(ContentError);
	});

	it('reads claims written as bare numbers as their text, and defaults token lifetimes', () => {
		const s = parseScenario(
			minimal(
				`  - as: anonymous
    call: AssumeRoleWithWebIdentity
    idToken: { iss: graph.facebook.com, aud: 1234567890, sub: 42 }
    params: { RoleArn: arn:aws:iam::111111111111:role/R, RoleSessionName: s }
  - as: anonymous
    call: AssumeRoleWithSAML
    samlAssertion: { provider: Corp, roleSessionName: jdoe }
    params: { RoleArn: arn:aws:iam::111111111111:role/R, PrincipalArn: arn:aws:iam::111111111111:saml-provider/Corp }`,
				`      identityProviders:
        - oidc: login.example.com
          clientIds: [1234567890, web-app]`
			),
			't.yaml'
		);
		expect(s.world.accounts[0].identityProviders).toEqual([
			{ oidc: 'login.example.com', clientIds: ['1234567890', 'web-app'] }
		]);
		const [web, saml] = s.steps;
		expect('idToken' in web && web.idToken).toMatchObject({
			aud: '1234567890',
			sub: '42',
			expiresIn: 3600
		});
		expect('samlAssertion' in saml && saml.samlAssertion).toMatchObject({ notOnOrAfterIn: 300 });
		// A number past 2^53 has lost digits in YAML already: it must be quoted.
		try {
			parseScenario(
				minimal(`  - as: anonymous
    call: AssumeRoleWithWebIdentity
    idToken: { iss: accounts.google.com, aud: app, sub: 110169484474386276334 }
    params: { RoleArn: arn:aws:iam::111111111111:role/R, RoleSessionName: s }`),
				't.yaml'
			);
			expect.unreachable('the file is invalid');
		} catch (e) {
			expect((e as ContentError).issues[0]).toMatchObject({
				path: 'steps[0].idToken.sub',
				message: expect.stringContaining('in quotes')
			});
		}
	});

	it('reads token times (exp, iat, nbf) as epoch seconds or ISO 8601, and refuses exp with expiresIn', () => {
		const step = (token: string) =>
			minimal(`  - as: anonymous
    call: AssumeRoleWithWebIdentity
    idToken: { iss: accounts.google.com, aud: app, ${token} }
    params: { RoleArn: arn:aws:iam::111111111111:role/R, RoleSessionName: s }`);
		const [web] = parseScenario(
			step('exp: 1767229260, iat: "1767229000", nbf: 2026-01-01T00:00:00Z'),
			't.yaml'
		).steps;
		expect('idToken' in web && web.idToken).toMatchObject({
			exp: 1767229260,
			iat: 1767229000,
			nbf: 1767225600
		});
		expect(issuesOfText(step('exp: 1767229260, expiresIn: 60'))[0]).toMatchObject({
			path: 'steps[0].idToken',
			message: expect.stringContaining('not both')
		});
		expect(issuesOfText(step('exp: tomorrow'))[0]).toMatchObject({ path: 'steps[0].idToken.exp' });
	});

	it('accepts an AWS managed policy ARN as a policy, and locates one the simulator has no stand-in for', () => {
		const text = (arn: string) =>
			minimal(
				`  - attach: { to: arn:aws:iam::111111111111:user/alice, policy: arn:aws:iam::aws:policy/AWSDenyAll }`,
				`          policies:\n            - ${arn}\n            - { Effect: Allow, Action: "s3:*", Resource: "*" }`
			);
		const s = parseScenario(text('arn:aws:iam::aws:policy/ReadOnlyAccess'), 't.yaml');
		expect(s.world.accounts[0].users?.[0].policies?.[0]).toBe(
			'arn:aws:iam::aws:policy/ReadOnlyAccess'
		);
		expect('attach' in s.steps[0] && s.steps[0].attach.policy).toBe(
			'arn:aws:iam::aws:policy/AWSDenyAll'
		);
		expect(issuesOfText(text('arn:aws:iam::aws:policy/NoSuchPolicy'))).toEqual([
			expect.objectContaining({
				path: 'world.accounts[0].users[0].policies[0]',
				line: 11,
				message: expect.stringContaining('no stand-in for the managed policy')
			})
		]);
	});

	it('reads identity providers named by ARN, quoted booleans in expect, and dotted error codes', () => {
		const text = (account: string) =>
			minimal(
				`  - as: user:111111111111/alice
    call: ec2:DescribeInstances
    expect: { allowed: "false", error: Client.UnauthorizedOperation }
  - as: user:111111111111/alice
    call: GetCallerIdentity
    expect: { ok: "true" }`,
				`      identityProviders:
        - saml: arn:aws:iam::${account}:saml-provider/CorpIdP
        - oidc: arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com`
			);
		const s = parseScenario(text('111111111111'), 't.yaml');
		expect(s.world.accounts[0].identityProviders).toEqual([
			{ saml: 'CorpIdP' },
			{ oidc: 'token.actions.githubusercontent.com' }
		]);
		expect(s.steps.map((st) => ('expect' in st ? st.expect : undefined))).toEqual([
			{ allowed: false, error: 'Client.UnauthorizedOperation' },
			{ ok: true }
		]);
		expect(issuesOfText(text('999999999999'))).toEqual([
			expect.objectContaining({
				path: 'world.accounts[0].identityProviders[0].saml',
				message: expect.stringContaining('is a provider of account 999999999999')
			})
		]);
	});

	it('reads a world account ID written without quotes as the 12-digit text', () => {
		const s = parseScenario(
			minimal(`  - as: user:111111111111/alice
    call: GetCallerIdentity`).replace('- id: "111111111111"', '- id: 111111111111'),
			't.yaml'
		);
		expect(s.world.accounts[0].id).toBe('111111111111');
	});

	it("reads a step's empty expect as no expectation", () => {
		const s = parseScenario(
			minimal(`  - as: user:111111111111/alice
    call: GetCallerIdentity
    expect: {}`),
			't.yaml'
		);
		expect('call' in s.steps[0] && s.steps[0].expect).toBeUndefined();
		// A question's claim about a step must still say something.
		expect(answerKeyClaimSchema.safeParse({ option: 0, step: 1, expect: {} }).success).toBe(false);
	});

	it('reads Region names of every partition, and reports text that is not one', () => {
		for (const region of [
			'us-east-1',
			'us-gov-west-1',
			'us-isob-east-1',
			'cn-north-1',
			'ap-southeast-7',
			'eusc-de-east-1'
		]) {
			const s = parseScenario(
				minimal(`  - as: user:111111111111/alice
    call: GetCallerIdentity
    region: ${region}`),
				't.yaml'
			);
			expect('region' in s.steps[0] && s.steps[0].region).toBe(region);
		}
		for (const bad of ['US-EAST-1', 'useast1', 'us-east']) {
			expect(() =>
				parseScenario(
					minimal(`  - as: user:111111111111/alice
    call: GetCallerIdentity
    region: ${bad}`),
					't.yaml'
				)
			).toThrow(ContentError);
		}
	});

	it('can be exported as JSON Schema for editors', () => {
		const json = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as {
			properties?: Record<string, unknown>;
		};
		expect(Object.keys(json.properties ?? {})).toEqual(
			expect.arrayContaining(['id', 'world', 'steps', 'summary'])
		);
	});

	it('extension: service:PRINCIPAL callers, in the zod schema and in its JSON Schema', () => {
		const s = parseScenario(readFileSync(join(GOOD, 'service-callers.yaml'), 'utf8'), 'x.yaml');
		expect(s.steps.map((step) => ('as' in step ? step.as : ''))).toContain(
			'service:ec2.amazonaws.com'
		);
		const text = JSON.stringify(
			z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' })
		);
		const pattern = /"pattern":"(\^\(user:[^"]*)"/.exec(text)?.[1];
		expect(pattern).toBeDefined();
		const as = new RegExp(JSON.parse(`"${pattern}"`));
		for (const ok of [
			'service:ec2.amazonaws.com',
			'service:lambda.amazonaws.com',
			'service:ecs-tasks.amazonaws.com',
			'user:111111111111/alice'
		])
			expect(as.test(ok), ok).toBe(true);
		for (const bad of [
			'service:alice',
			'service:arn:aws:iam::111111111111:user/alice',
			'service:ec2.amazonaws.com.evil',
			'service:'
		])
			expect(as.test(bad), bad).toBe(false);
	});
});

describe('invalid scenario files: located, readable issues', () => {
	it('an unknown field names the file, the line of the key and the path', () => {
		expect(issuesOf(join(BAD, 'unknown-field.yaml'))).toEqual([
			{
				file: join(BAD, 'unknown-field.yaml'),
				line: 13,
				column: 5,
				path: 'steps[0]',
				message: 'unknown field "colour"'
			}
		]);
	});

	it('a bad step reports the branch the author meant, not the whole union', () => {
		const issues = issuesOf(join(BAD, 'bad-steps.yaml'));
		expect(issues.map((i) => [i.line, i.path, i.message])).toEqual([
			[11, 'steps[0].advance', 'Invalid input: expected number, received string'],
			[12, 'steps[1]', 'a step needs one of: call (with as), advance, revoke or attach'],
			[15, 'steps[2].expect.ok', 'Invalid input: expected boolean, received string']
		]);
	});

	it('world mistakes: id, time, a 14-digit account id, us-east-1, ranges, policy grammar', () => {
		const issues = issuesOf(join(BAD, 'bad-world.yaml'));
		const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
		expect(byPath['id'].message).toContain('kebab-case');
		expect(byPath['world.start'].line).toBe(5);
		expect(byPath['world.accounts[0].id']).toMatchObject({
			line: 7,
			message: 'an account id is 12 digits in quotes, e.g. "111111111111"'
		});
		expect(byPath['world.accounts[0].stsDisabledRegions[0]'].message).toContain(
			'cannot be deactivated'
		);
		expect(byPath['world.accounts[0].roles[0].maxSessionDuration'].message).toContain('43200');
		expect(byPath['world.accounts[0].roles[0].trust.Statement[0].Effect']).toMatchObject({
			line: 15,
			message: 'Effect must be "Allow" or "Deny"'
		});
		expect(byPath['world.accounts[0].roles[0].policies[0]'].message).toBe(
			'an identity policy statement needs a Resource'
		);
	});

	it('references: unknown users, unsaved credentials, missing root, unknown ARNs (mfa without a device is a call AWS refuses, not a file error)', () => {
		const issues = issuesOf(join(BAD, 'bad-references.yaml'));
		expect(issues.map((i) => `${i.line} ${i.path}`)).toEqual([
			'11 steps[0].as',
			'13 steps[1].as',
			'15 steps[2].as',
			'17 steps[3].revoke'
		]);
		expect(issues[1].message).toBe(
			'no earlier step saves credentials as never-saved (use save: never-saved)'
		);
	});

	it('calls: unsupported services, misspelt parameters, MFA where AWS takes none, save without credentials', () => {
		const issues = issuesOf(join(BAD, 'bad-calls.yaml'));
		const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
		expect(byPath['steps[0].call']).toContain('does not model glacier');
		expect(byPath['steps[1].params.RoleSesionName']).toContain(
			'AssumeRole has no parameter RoleSesionName'
		);
		expect(byPath['steps[2].mfa']).toContain('GetFederationToken does not accept MFA');
		expect(byPath['steps[3].save']).toBe('GetCallerIdentity returns no credentials to save');
		expect(byPath['steps[4].as']).toContain('a caller is user:ACCOUNT/NAME');
	});

	it('service callers: AssumeRole only, no MFA, a service principal', () => {
		const issues = issuesOf(join(BAD, 'bad-service-callers.yaml'));
		expect(issues.map((i) => `${i.line} ${i.path}`)).toEqual([
			'10 steps[0].call',
			'13 steps[1].mfa',
			'15 steps[2].as'
		]);
		expect(issues[0].message).toBe(
			'service:ec2.amazonaws.com can only call AssumeRole (an AWS service assumes a role on your behalf); save the credentials and make s3:GetObject as creds:NAME'
		);
		expect(issues[1].message).toBe('an AWS service principal has no MFA device');
		expect(issues[2].message).toContain('service:PRINCIPAL');
	});

	it('YAML syntax errors are located too', () => {
		const [issue] = issuesOf(join(BAD, 'bad-yaml.yaml'));
		expect(issue.message).toMatch(/^YAML syntax error/);
		expect(issue.line).toBeGreaterThan(1);
	});

	it('expectations must be consistent', () => {
		expect(() =>
			parseScenario(
				minimal(
					`  - as: user:111111111111/alice\n    call: GetSessionToken\n    expect: { ok: true, error: AccessDenied }`
				),
				't.yaml'
			)
		).toThrow(/expect cannot have both ok: true and error/);
	});

	it('step-kind fields are checked against the API', () => {
		const bad = minimal(
			`  - as: anonymous\n    call: AssumeRole\n    idToken: { iss: accounts.google.com, aud: x, expiresIn: 10 }\n  - as: user:111111111111/alice\n    call: s3:GetObject\n    params: { Bucket: b }`
		);
		const err = (() => {
			try {
				parseScenario(bad, 't.yaml');
			} catch (e) {
				return e as ContentError;
			}
		})();
		expect(err?.issues.map((i) => i.path)).toEqual(['steps[0].idToken', 'steps[1].params']);
	});
});

describe('normalizeStart: ISO 8601 spellings of world.start', () => {
	it.each([
		['2026-01-01T09:00:00Z', '2026-01-01T09:00:00Z'],
		['2026-01-01T09:00Z', '2026-01-01T09:00:00Z'],
		['20260101T090000Z', '2026-01-01T09:00:00Z'],
		['2026-01-01T11:00:00+02:00', '2026-01-01T09:00:00Z'],
		['2026-01-01T04:00:00-0500', '2026-01-01T09:00:00Z'],
		['2026-01-01T09:00:00.250Z', '2026-01-01T09:00:00.250Z'],
		['2026-01-01T09:00:00', '2026-01-01T09:00:00Z'],
		['2026-01-01', '2026-01-01T00:00:00Z']
	])('%s is %s', (text, utc) => {
		expect(normalizeStart(text)).toBe(utc);
	});
	it('takes a YAML 1.1 timestamp (a Date) as the instant it is', () => {
		expect(normalizeStart(new Date('2026-01-01T09:00:00Z'))).toBe('2026-01-01T09:00:00Z');
	});
	it('leaves what is not a time for the schema to report', () => {
		expect(normalizeStart('next Tuesday')).toBe('next Tuesday');
		expect(normalizeStart('2026-13-45T09:00:00Z')).toBe('2026-13-45T09:00:00Z');
		expect(normalizeStart(42)).toBe(42);
	});
});
