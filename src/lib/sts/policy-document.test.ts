import { describe, expect, it } from 'vitest';
import { minifiedLength, parsePolicy, policyUsageProblems } from './policy-document';
import { parseScenario } from '../content/scenario-loader';
import './all-apis';
import { runScenario } from './scenario-runner';

describe('policy documents', () => {
	it('parses JSON text and normalises condition values to strings', () => {
		const r = parsePolicy(
			'{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":true},"NumericLessThan":{"aws:MultiFactorAuthAge":[3600]}}}}',
			'identity'
		);
		expect(r.ok && r.policy.Statement).toEqual({
			Effect: 'Allow',
			Action: 's3:*',
			Resource: '*',
			Condition: {
				Bool: { 'aws:SecureTransport': 'true' },
				NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600'] }
			}
		});
	});

	it('reports invalid JSON and grammar problems', () => {
		expect(parsePolicy('{', 'session')).toMatchObject({
			ok: false,
			problems: [expect.stringContaining('not valid JSON')]
		});
		const r = parsePolicy(
			{
				Statement: [
					{ Effect: 'Allow', Action: 's3:GetObject', NotAction: 's3:PutObject', Resource: '*' }
				]
			},
			'identity'
		);
		expect(r).toMatchObject({
			ok: false,
			problems: [expect.stringContaining('exactly one of Action or NotAction')]
		});
		expect(
			parsePolicy(
				{ Statement: [{ Effect: 'Allow', Action: 's3 GetObject', Resource: '*' }] },
				'identity'
			).ok
		).toBe(false);
		expect(
			parsePolicy(
				{
					Statement: [
						{
							Effect: 'Allow',
							Action: 's3:GetObject',
							Resource: '*',
							Condition: { StringEquls: { a: 'b' } }
						}
					]
				},
				'identity'
			).ok
		).toBe(false);
		expect(
			parsePolicy(
				{
					Statement: [
						{
							Effect: 'Allow',
							Action: 's3:GetObject',
							Resource: '*',
							Condition: { 'ForAnyValue:StringLikeIfExists': { a: 'b' } }
						}
					]
				},
				'identity'
			).ok
		).toBe(true);
	});

	it("words zod's own checks in English, also where only zod/mini is loaded", () => {
		// This file loads no full zod: the messages come from the locale policy-document.ts sets.
		expect(
			parsePolicy(
				{ Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' }, Foo: 1 },
				'identity'
			)
		).toEqual({ ok: false, problems: ['Unrecognized key: "Foo"'], kind: 'grammar' });
		expect(parsePolicy({ Statement: [] }, 'session')).toEqual({
			ok: false,
			problems: ['Statement: Too small: expected array to have >=1 items'],
			kind: 'grammar'
		});
	});

	it('says exactly what is wrong, with one path style, where zod would say "Invalid input"', () => {
		const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
		const problems = (doc: unknown) => {
			const r = parsePolicy(JSON.stringify(doc), 'identity');
			return r.ok ? [] : r.problems;
		};
		const v = '2012-10-17';
		// A statement in a list, and a statement on its own.
		expect(problems({ Version: v, Statement: [allow, { ...allow, Effect: 'Allowed' }] })).toEqual([
			'Statement[1]: Effect must be "Allow" or "Deny", not "Allowed"'
		]);
		expect(problems({ Version: v, Statement: { ...allow, Effect: 'Allowed' } })).toEqual([
			'Statement: Effect must be "Allow" or "Deny", not "Allowed"'
		]);
		expect(
			problems({
				Version: v,
				Statement: [{ ...allow, Condition: { StringEqualz: { 'aws:a': 'b' } } }]
			})
		).toEqual([
			'Statement[0].Condition: unknown condition operator "StringEqualz" (did you mean StringEquals?)'
		]);
		expect(
			problems({
				Version: v,
				Statement: [{ ...allow, Condition: { stringEquals: { 'aws:a': 'b' } } }]
			})
		).toEqual([
			'Statement[0].Condition: unknown condition operator "stringEquals" (operator names are case-sensitive: StringEquals)'
		]);
		expect(
			problems({
				Version: v,
				Statement: [{ ...allow, Condition: { 'ForAnyValue:StringLkeIfExists': { a: 'b' } } }]
			})
		).toEqual([
			'Statement[0].Condition: unknown condition operator "ForAnyValue:StringLkeIfExists" (did you mean ForAnyValue:StringLikeIfExists?)'
		]);
		// A misspelt IfExists suffix or set prefix is one or two letters off too.
		expect(
			problems({
				Version: v,
				Statement: [{ ...allow, Condition: { StringEqualsIfExist: { 'aws:a': 'b' } } }]
			})
		).toEqual([
			'Statement[0].Condition: unknown condition operator "StringEqualsIfExist" (did you mean StringEqualsIfExists?)'
		]);
		expect(
			problems({
				Version: v,
				Statement: [{ ...allow, Condition: { ArnLikeIfExsts: { 'aws:a': 'b' } } }]
			})
		).toEqual([
			'Statement[0].Condition: unknown condition operator "ArnLikeIfExsts" (did you mean ArnLikeIfExists?)'
		]);
		expect(
			problems({
				Version: v,
				Statement: [{ ...allow, Condition: { 'ForAnyValues:StringLike': { 'aws:a': 'b' } } }]
			})
		).toEqual([
			'Statement[0].Condition: unknown condition operator "ForAnyValues:StringLike" (did you mean ForAnyValue:StringLike?)'
		]);
		expect(
			problems({
				Version: v,
				Statement: [{ ...allow, Condition: { stringequalsifexists: { 'aws:a': 'b' } } }]
			})
		).toEqual([
			'Statement[0].Condition: unknown condition operator "stringequalsifexists" (operator names are case-sensitive: StringEqualsIfExists)'
		]);
		// Null takes no IfExists: the nearest name is offered without it.
		expect(
			problems({
				Version: v,
				Statement: [{ ...allow, Condition: { NullIfExists: { a: 'true' } } }]
			})[0]
		).toMatch(/unknown condition operator "NullIfExists" \(IAM's operators are e\.g\./);
		expect(
			problems({ Version: v, Statement: [{ ...allow, Condition: { Matches: { a: 'b' } } }] })[0]
		).toMatch(
			/^Statement\[0\]\.Condition: unknown condition operator "Matches" \(IAM's operators are e\.g\. StringEquals/
		);
		// IAM takes both versions (IAM JSON policy elements: Version); the simulator does too.
		expect(problems({ Version: '2020-01-01', Statement: [allow] })).toEqual([
			'Version must be "2012-10-17" or "2008-10-17", not "2020-01-01"'
		]);
		expect(problems({ Version: '2008-10-17', Statement: [allow] })).toEqual([]);
		expect(problems({ Version: 2012, Statement: [allow] })).toEqual([
			'Version must be "2012-10-17" or "2008-10-17" (text: in YAML, in quotes), not a number'
		]);
		// A value of the wrong type says what the element takes.
		expect(problems({ Version: v, Statement: [{ ...allow, Action: 5 }] })).toEqual([
			'Statement[0].Action: must be a string or an array, not a number'
		]);
		// Inside a list too, and wherever a value has the wrong type: in the same words.
		expect(
			problems({ Version: v, Statement: [{ ...allow, Action: ['s3:GetObject', 5] }] })
		).toEqual(['Statement[0].Action[1]: must be a string, not a number']);
		expect(problems({ Version: v, Statement: [{ ...allow, Resource: ['*', true] }] })).toEqual([
			'Statement[0].Resource[1]: must be a string, not a boolean'
		]);
		expect(problems({ Version: v, Statement: [allow, 5] })).toEqual([
			'Statement[1]: must be an object, not a number'
		]);
		expect(problems({ Version: v, Statement: [{ ...allow, Sid: 5 }] })).toEqual([
			'Statement[0].Sid: must be a string, not a number'
		]);
		expect(problems({ Version: v, Statement: [{ ...allow, Condition: ['x'] }] })).toEqual([
			'Statement[0].Condition: must be an object, not an array'
		]);
		expect(
			problems({ Version: v, Statement: [{ ...allow, Condition: { StringEquals: 'x' } }] })
		).toEqual(['Statement[0].Condition.StringEquals: must be an object, not a string']);
		expect(
			problems({
				Version: v,
				Statement: [
					{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::1:root', 7] }, Action: 's3:*' }
				]
			})
		).toEqual(['Statement[0].Principal.AWS[1]: must be a string, not a number']);
		expect(problems({ Version: v, Id: 5, Statement: [allow] })).toEqual([
			'Id: must be a string, not a number'
		]);
		expect(problems({ Version: v })).toEqual([
			'Statement: is missing (must be an object or an array)'
		]);
		expect(problems([allow])).toEqual(['the policy must be an object, not an array']);
		expect(problems({ Version: v, Statement: 'allow all' })).toEqual([
			'Statement: must be an object or an array, not a string'
		]);
		expect(problems({ Version: v, Statement: [{ ...allow, Principal: 'me' }] })).toEqual([
			'Statement[0].Principal: must be "*" or an object, not a string'
		]);
		// Paths are written the way the usage checks and the duplicate-key check write them.
		expect(problems({ Version: v, Statement: [allow, { ...allow, Action: ['s3 x'] }] })).toEqual([
			'Statement[1].Action[0]: an action is "*" or "service:Action", e.g. "s3:GetObject" (wildcards * and ? allowed)'
		]);
		expect(problems({ Version: v, Statement: [{ ...allow, Principal: '*' }] })).toEqual([
			'Statement[0]: an identity policy cannot have a Principal'
		]);
		for (const text of [
			...problems({ Version: v, Statement: [{ ...allow, Foo: 1 }] }),
			...problems({ Version: v, Statement: [allow, { ...allow, Effect: 'Permit' }] })
		])
			expect(text).not.toMatch(/Statement\.\d|Invalid input/);
	});

	it('trust policies need a Principal and no Resource; identity policies the reverse (§7)', () => {
		expect(
			policyUsageProblems(
				{ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] },
				'trust'
			)
		).toHaveLength(2);
		expect(
			policyUsageProblems(
				{ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] },
				'identity'
			)
		).toEqual([
			{ text: 'Statement[0]: an identity policy cannot have a Principal', principal: true }
		]);
	});

	it('session policies on the wire: not JSON, a Principal, a bad Sid or a broken ARN, each its kind', () => {
		const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
		expect(parsePolicy('invalid policy', 'session')).toMatchObject({ ok: false, kind: 'json' });
		expect(
			parsePolicy({ Statement: [{ ...allow, Principal: { AWS: '*' } }] }, 'session')
		).toMatchObject({ ok: false, kind: 'principal' });
		expect(parsePolicy({ Statement: [{ ...allow, Sid: 'allow-reads' }] }, 'session')).toMatchObject(
			{ ok: false, kind: 'grammar' }
		);
		expect(
			parsePolicy(
				{
					Statement: [
						{ ...allow, Sid: 'Same' },
						{ ...allow, Sid: 'Same' }
					]
				},
				'session'
			)
		).toMatchObject({ ok: false, kind: 'grammar' });
		expect(
			parsePolicy({ Statement: [{ ...allow, Resource: 'arn:aws:s3::example_bucket' }] }, 'session')
		).toMatchObject({ ok: false, kind: 'grammar' });
		expect(
			parsePolicy(
				{ Statement: [{ ...allow, Sid: 'Reads1', Resource: 'arn:aws:s3:::b/*' }] },
				'session'
			)
		).toMatchObject({ ok: true });
		// Stored policies in scenario worlds are not held to the wire checks.
		expect(
			parsePolicy({ Statement: [{ ...allow, Sid: 'allow-reads' }] }, 'identity')
		).toMatchObject({ ok: true });
	});

	it('measures plaintext length without whitespace (§3.2)', () => {
		expect(minifiedLength('{ "a" : 1 }')).toBe(7);
		expect(minifiedLength({ a: 1 })).toBe(7);
	});
});

describe('what IAM refuses that JSON allows, and Resource ARN limits (session policies)', () => {
	const session = (doc: unknown) => parsePolicy(JSON.stringify(doc), 'session');
	const statement = (extra: Record<string, unknown>) => ({
		Version: '2012-10-17',
		Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...extra }]
	});

	it('a key given twice in one object is a grammar problem, wherever the policy is used', () => {
		const text =
			'{"Version":"2012-10-17","Statement":{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}}';
		for (const kind of ['session', 'identity'] as const) {
			const r = parsePolicy(text, kind);
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.kind).toBe('grammar');
				expect(r.problems[0]).toContain('Statement: "Effect" appears twice');
			}
		}
	});

	it('refuses a variable before the fifth colon and wildcards in the partition or resource type', () => {
		const bad = [
			'arn:aws:iam::${aws:PrincipalAccount}:role/x',
			'arn:aws*:s3:::bucket/*',
			'arn:aws:lambda:us-east-2:123456789012:functi*:my-function',
			'arn:aws:iam::123456789012:ro?e/x',
			// IAM "Amazon Resource Names": "arn:aws:iam::123456789012:u*   <== not allowed", and "?"
			'arn:aws:iam::123456789012:u*',
			'arn:aws:redshift:us-east-1:123456789012:?'
		];
		for (const arn of bad) expect(session(statement({ Resource: arn })).ok, arn).toBe(false);
		const good = [
			'arn:aws:s3:::amzn-s3-demo-bucket*/${aws:username}/*',
			'arn:aws:iam::123456789012:role/team-*',
			'arn:aws:lambda:*:123456789012:function:*',
			'arn:aws:sns:*:*:${aws:PrincipalTag/project}-*',
			// The EC2 guide's "tag on create" example, and a whole resource part of "*"
			'arn:aws:ec2:us-east-1:123456789012:*/*',
			'arn:aws:qbusiness:*:123456789012:*'
		];
		for (const arn of good) expect(session(statement({ Resource: arn })).ok, arn).toBe(true);
		// IAM refuses the same in a stored (identity) policy; an incomplete ARN it completes there.
		const identity = (arn: string) =>
			parsePolicy(JSON.stringify(statement({ Resource: arn })), 'identity').ok;
		expect(identity('arn:aws:iam::${aws:PrincipalAccount}:role/workshop-*')).toBe(false);
		expect(identity('arn:aws:lambda:us-east-2:123456789012:functi*:my-function')).toBe(false);
		expect(identity('arn:aws:sqs')).toBe(true);
		expect(session(statement({ Resource: 'arn:aws:sqs' })).ok).toBe(false);
	});
});

describe('what IAM refuses when a trust policy is saved (the policy editor)', () => {
	const assume = { Effect: 'Allow', Action: 'sts:AssumeRole' } as const;
	const trust = (statement: Record<string, unknown>) => ({
		Version: '2012-10-17',
		Statement: [statement]
	});

	it('NotPrincipal is refused in a role trust policy (IAM NotPrincipal page), and the fix is named', () => {
		const r = parsePolicy(
			trust({
				Effect: 'Deny',
				NotPrincipal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
				Action: 'sts:AssumeRole'
			}),
			'trust'
		);
		expect(r).toMatchObject({ ok: false, kind: 'grammar' });
		expect(!r.ok && r.problems[0]).toMatch(
			/cannot use NotPrincipal.*ArnNotEquals condition on aws:PrincipalArn/
		);
	});

	it('a wildcard inside a principal ARN is refused with IAM\'s "Invalid principal in policy"', () => {
		const r = parsePolicy(
			trust({ ...assume, Principal: { AWS: 'arn:aws:iam::111111111111:role/ci-*' } }),
			'trust'
		);
		expect(r).toMatchObject({
			ok: false,
			iamMessage: 'Invalid principal in policy: "AWS":"arn:aws:iam::111111111111:role/ci-*"'
		});
		expect(!r.ok && r.problems[0]).toContain('ArnLike on aws:PrincipalArn');
	});

	it('"*", whole ARNs, account IDs and federated providers are accepted', () => {
		for (const Principal of [
			'*',
			{ AWS: '*' },
			{ AWS: ['111111111111', 'arn:aws:iam::111111111111:role/ci-deploy'] },
			{ Federated: 'cognito-identity.amazonaws.com' }
		])
			expect(parsePolicy(trust({ ...assume, Principal }), 'trust')).toMatchObject({ ok: true });
	});

	it('a scenario file keeps such a world as written, and plays it (no principal matches ci-*)', () => {
		const scenario = parseScenario(
			`id: kept-as-written
title: t
topic: trust-policy
world:
  start: 2026-01-01T09:00:00Z
  accounts:
    - id: "111111111111"
      users:
        - name: ci-deploy
          policies:
            - { Effect: Allow, Action: "sts:AssumeRole", Resource: "*" }
      roles:
        - name: Deploy
          trust:
            Statement:
              - { Effect: Allow, Principal: { AWS: "arn:aws:iam::111111111111:user/ci-*" }, Action: "sts:AssumeRole" }
              - { Effect: Deny, NotPrincipal: { AWS: "arn:aws:iam::111111111111:user/ci-deploy" }, Action: "sts:AssumeRole" }
steps:
  - as: user:111111111111/ci-deploy
    call: AssumeRole
    params: { RoleArn: "arn:aws:iam::111111111111:role/Deploy", RoleSessionName: deploy }
    expect: { error: AccessDenied }
`,
			'kept.yaml'
		);
		const report = runScenario(scenario);
		expect(report).toMatchObject({ passed: 1, failed: 0 });
	});
});
