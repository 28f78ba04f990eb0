import { describe, expect, it } from 'vitest';
import {
	ALLOW_ALL,
	conditionHolds,
	evaluate,
	statementMatches,
	withVariablesOf
} from './policy-evaluation';
import type { NamedPolicy } from './world';

const policy = (name: string, Statement: unknown[]): NamedPolicy => ({
	name,
	origin: 'authored',
	document: { Version: '2012-10-17', Statement } as NamedPolicy['document']
});
const trustAccount = policy('trust', [
	{
		Effect: 'Allow',
		Principal: { AWS: 'arn:aws:iam::111111111111:root' },
		Action: 'sts:AssumeRole'
	}
]);
const trustUser = policy('trust', [
	{
		Effect: 'Allow',
		Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
		Action: 'sts:AssumeRole'
	}
]);
const canAssume = policy('id', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]);
const req = (principal: string, roleAccount: string) => ({
	principal,
	action: 'sts:AssumeRole',
	resource: `arn:aws:iam::${roleAccount}:role/R`,
	resourceAccount: roleAccount,
	context: {}
});

describe('the iam-simulate adapter (sts-facts §7)', () => {
	it('same account: trusting the account needs the identity policy; naming the user does not', () => {
		expect(
			evaluate({
				...req('arn:aws:iam::111111111111:user/alice', '111111111111'),
				identityPolicies: [],
				resourcePolicy: trustAccount
			})
		).toBe('ImplicitlyDenied');
		expect(
			evaluate({
				...req('arn:aws:iam::111111111111:user/alice', '111111111111'),
				identityPolicies: [canAssume],
				resourcePolicy: trustAccount
			})
		).toBe('Allowed');
		expect(
			evaluate({
				...req('arn:aws:iam::111111111111:user/alice', '111111111111'),
				identityPolicies: [],
				resourcePolicy: trustUser
			})
		).toBe('Allowed');
	});

	it('cross account: both sides are needed, even when the trust names the user', () => {
		const trustRemoteUser = policy('trust', [
			{
				Effect: 'Allow',
				Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
				Action: 'sts:AssumeRole'
			}
		]);
		expect(
			evaluate({
				...req('arn:aws:iam::111111111111:user/alice', '222222222222'),
				identityPolicies: [],
				resourcePolicy: trustRemoteUser
			})
		).toBe('ImplicitlyDenied');
		expect(
			evaluate({
				...req('arn:aws:iam::111111111111:user/alice', '222222222222'),
				identityPolicies: [canAssume],
				resourcePolicy: trustRemoteUser
			})
		).toBe('Allowed');
	});

	it('a trust policy naming a role matches its sessions', () => {
		const trustRole = policy('trust', [
			{
				Effect: 'Allow',
				Principal: { AWS: 'arn:aws:iam::111111111111:role/Hub' },
				Action: 'sts:AssumeRole'
			}
		]);
		expect(
			evaluate({
				...req('arn:aws:sts::111111111111:assumed-role/Hub/s', '111111111111'),
				identityPolicies: [],
				resourcePolicy: trustRole
			})
		).toBe('Allowed');
	});

	it('federated principals match Principal.Federated', () => {
		const trust = policy('trust', [
			{
				Effect: 'Allow',
				Principal: { Federated: 'accounts.google.com' },
				Action: 'sts:AssumeRoleWithWebIdentity'
			}
		]);
		const r = {
			principal: 'accounts.google.com',
			action: 'sts:AssumeRoleWithWebIdentity',
			resource: 'arn:aws:iam::111111111111:role/R',
			resourceAccount: '111111111111',
			context: {}
		};
		expect(evaluate({ ...r, identityPolicies: [ALLOW_ALL], resourcePolicy: trust })).toBe(
			'Allowed'
		);
		expect(
			evaluate({
				...r,
				principal: 'graph.facebook.com',
				identityPolicies: [ALLOW_ALL],
				resourcePolicy: trust
			})
		).toBe('ImplicitlyDenied');
	});

	it('keeps generic OIDC condition keys (the reason for the unsafe entry point)', () => {
		expect(
			conditionHolds('StringLike', 'token.actions.githubusercontent.com:sub', 'repo:acme/*', {
				'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:x'
			})
		).toBe(true);
	});

	it('condition rules: an absent key fails, negated operators pass, IfExists passes (§5)', () => {
		expect(conditionHolds('StringEquals', 'sts:ExternalId', 'x', {})).toBe(false);
		expect(conditionHolds('StringNotEquals', 'sts:ExternalId', 'x', {})).toBe(true);
		expect(conditionHolds('BoolIfExists', 'aws:MultiFactorAuthPresent', 'true', {})).toBe(true);
		expect(
			conditionHolds('Bool', 'aws:MultiFactorAuthPresent', 'true', {
				'aws:MultiFactorAuthPresent': 'false'
			})
		).toBe(false);
		expect(
			conditionHolds('DateLessThan', 'aws:TokenIssueTime', '2026-01-01T10:30:00Z', {
				'aws:TokenIssueTime': '2026-01-01T10:00:00Z'
			})
		).toBe(true);
		expect(
			conditionHolds('NumericLessThan', 'aws:MultiFactorAuthAge', '3600', {
				'aws:MultiFactorAuthAge': '120'
			})
		).toBe(true);
	});

	it('statementMatches ignores the effect so a Deny can be explained', () => {
		const deny = { Effect: 'Deny' as const, Action: 's3:*', Resource: '*' };
		expect(
			statementMatches('identity', deny, {
				principal: 'arn:aws:iam::111111111111:user/a',
				action: 's3:GetObject',
				resource: 'arn:aws:s3:::b/k',
				resourceAccount: '111111111111',
				context: {}
			})
		).toBe(true);
	});
});

describe('policy variables and the Version element', () => {
	// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html: without
	// Version 2012-10-17, "${aws:username} ... [is] treated as [a] literal string".
	const home = (version?: '2012-10-17' | '2008-10-17'): NamedPolicy => ({
		name: 'home',
		origin: 'authored',
		document: {
			...(version ? { Version: version } : {}),
			Statement: [
				{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }
			]
		}
	});
	const get = (policy: NamedPolicy, resource: string) =>
		evaluate({
			principal: 'arn:aws:iam::111111111111:user/alice',
			action: 's3:GetObject',
			resource,
			resourceAccount: '111111111111',
			context: { 'aws:username': 'alice' },
			identityPolicies: [policy]
		});
	it('substitutes variables in 2012-10-17 policies only', () => {
		expect(get(home('2012-10-17'), 'arn:aws:s3:::b/alice/x')).toBe('Allowed');
		for (const version of ['2008-10-17', undefined] as const) {
			expect(get(home(version), 'arn:aws:s3:::b/alice/x')).toBe('ImplicitlyDenied');
			expect(get(home(version), 'arn:aws:s3:::b/${aws:username}/x')).toBe('Allowed');
		}
	});
	it('rewrites only Resource, NotResource and condition values of older statements', () => {
		const s = {
			Effect: 'Allow' as const,
			Action: 's3:*',
			Resource: 'arn:aws:s3:::b/${aws:username}',
			Condition: { StringEquals: { 'aws:PrincipalTag/team': ['${aws:username}', 'x'] } }
		};
		expect(withVariablesOf(s, '2012-10-17')).toBe(s);
		expect(withVariablesOf(s, undefined)).toEqual({
			...s,
			Resource: 'arn:aws:s3:::b/${$}{aws:username}',
			Condition: { StringEquals: { 'aws:PrincipalTag/team': ['${$}{aws:username}', 'x'] } }
		});
	});
});

describe('policy variables with no value (IAM "Policy variables with no value", sts-facts §5)', () => {
	// A role session: aws:username is absent, aws:PrincipalTag/owner is "alice".
	const session = { 'aws:PrincipalTag/owner': 'alice', 'aws:userid': 'AROAEXAMPLE:s' };
	const holds = (operator: string, values: string | string[], context = session) =>
		conditionHolds(operator, 'aws:PrincipalTag/owner', values, context);

	it('positive operators do not match; inverted ones do', () => {
		expect(holds('StringEquals', '${aws:username}')).toBe(false);
		expect(holds('StringLike', '${aws:username}*')).toBe(false);
		expect(holds('StringNotEquals', '${aws:username}')).toBe(true);
		expect(holds('StringNotLike', '${aws:username}*')).toBe(true);
		expect(holds('StringNotEqualsIgnoreCase', '${aws:username}')).toBe(true);
		expect(holds('StringNotEqualsIfExists', '${aws:username}')).toBe(true);
	});

	it('a value with the variable present, or with a default, is compared as usual', () => {
		const user = { ...session, 'aws:username': 'alice' };
		expect(holds('StringNotEquals', '${aws:username}', user)).toBe(false);
		expect(holds('StringNotEquals', "${aws:username, 'alice'}")).toBe(false);
		expect(holds('StringNotEquals', "${aws:username, 'bob'}")).toBe(true);
	});

	it('under an inverted operator the other values of the key still count (all must differ)', () => {
		expect(holds('StringNotEquals', ['${aws:username}', 'alice'])).toBe(false);
		expect(holds('StringNotEquals', ['${aws:username}', 'bob'])).toBe(true);
	});

	it('a Deny with such a condition applies, and other keys of the statement still decide', () => {
		const denyUnlessOwner = (extra: Record<string, Record<string, string>> = {}) =>
			policy('p', [
				{ Effect: 'Allow', Action: 's3:*', Resource: '*' },
				{
					Effect: 'Deny',
					Action: 's3:PutObject',
					Resource: '*',
					Condition: { StringNotEquals: { 'aws:PrincipalTag/owner': '${aws:username}' }, ...extra }
				}
			]);
		const put = (p: NamedPolicy) =>
			evaluate({
				principal: 'arn:aws:sts::111111111111:assumed-role/R/s',
				action: 's3:PutObject',
				resource: 'arn:aws:s3:::b/k',
				resourceAccount: '111111111111',
				context: session,
				identityPolicies: [p]
			});
		expect(put(denyUnlessOwner())).toBe('ExplicitlyDenied');
		expect(put(denyUnlessOwner({ StringEquals: { 'aws:userid': 'AROAEXAMPLE:s' } }))).toBe(
			'ExplicitlyDenied'
		);
		expect(put(denyUnlessOwner({ StringEquals: { 'aws:userid': 'other' } }))).toBe('Allowed');
	});

	it('ARN operators too: ArnNotLike matches a variable with no value, ArnLike does not', () => {
		const ctx = { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/R' };
		const arn = 'arn:aws:iam::111122223333:role/${aws:username}';
		expect(conditionHolds('ArnNotLike', 'aws:PrincipalArn', arn, ctx)).toBe(true);
		expect(conditionHolds('ArnLike', 'aws:PrincipalArn', arn, ctx)).toBe(false);
	});

	it('leaves the other conditions of the statement on the same key as written', () => {
		// A ForAnyValue:StringLike on the same key must still apply (review finding, 2026-11-28).
		const statement = {
			Effect: 'Allow' as const,
			Action: 's3:PutObject',
			Resource: '*',
			Condition: {
				'ForAnyValue:StringLike': { 'aws:TagKeys': 'team*' },
				'ForAnyValue:StringNotEquals': { 'aws:TagKeys': '${aws:username}' }
			}
		};
		const put = (tagKeys: string[]) =>
			evaluate({
				principal: 'arn:aws:sts::1:assumed-role/R/s',
				action: 's3:PutObject',
				resource: 'arn:aws:s3:::b/k',
				resourceAccount: '1',
				context: { 'aws:TagKeys': tagKeys },
				identityPolicies: [policy('p', [statement])]
			});
		expect(put(['other'])).toBe('ImplicitlyDenied');
		expect(put(['team-a'])).toBe('Allowed');
	});

	it('ForAnyValue with only such values holds when the request has the key', () => {
		const tags = { 'aws:TagKeys': ['team'] };
		const anyNot = (ctx: Record<string, string | string[]>) =>
			conditionHolds('ForAnyValue:StringNotEquals', 'aws:TagKeys', '${aws:username}', ctx);
		expect(anyNot(tags)).toBe(true);
		expect(anyNot({})).toBe(false);
		expect(
			conditionHolds('ForAllValues:StringNotEquals', 'aws:TagKeys', '${aws:username}', tags)
		).toBe(true);
	});
});

describe('Date operators take ISO 8601 or epoch time (IAM Condition operators, Date)', () => {
	// 1772362800 = 2026-03-01T11:00:00Z
	const at = (iso: string) => ({
		'aws:CurrentTime': iso,
		'aws:EpochTime': String(Date.parse(iso) / 1000)
	});
	const before = at('2026-03-01T10:30:00Z');
	const after = at('2026-03-01T11:30:00Z');
	it('compares an epoch policy value with aws:CurrentTime', () => {
		expect(conditionHolds('DateLessThan', 'aws:CurrentTime', '1772362800', before)).toBe(true);
		expect(conditionHolds('DateLessThan', 'aws:CurrentTime', '1772362800', after)).toBe(false);
	});
	it('compares aws:EpochTime with an ISO 8601 policy value', () => {
		const iso = '2026-03-01T11:00:00Z';
		expect(conditionHolds('DateLessThan', 'aws:EpochTime', iso, before)).toBe(true);
		expect(conditionHolds('DateGreaterThan', 'aws:EpochTime', iso, after)).toBe(true);
		expect(conditionHolds('DateGreaterThanIfExists', 'aws:EpochTime', iso, before)).toBe(false);
	});
	it('leaves numeric operators on aws:EpochTime alone', () => {
		expect(conditionHolds('NumericLessThan', 'aws:EpochTime', '1772362800', before)).toBe(true);
		expect(conditionHolds('NumericLessThan', 'aws:EpochTime', '1772362800', after)).toBe(false);
	});
});

describe('NotPrincipal with Deny (IAM NotPrincipal page)', () => {
	const trust = policy('trust', [
		{
			Effect: 'Allow',
			Principal: { AWS: 'arn:aws:iam::111111111111:root' },
			Action: 'sts:AssumeRole'
		},
		{
			Effect: 'Deny',
			NotPrincipal: {
				AWS: ['arn:aws:iam::111111111111:user/alice', 'arn:aws:iam::111111111111:root']
			},
			Action: 'sts:AssumeRole'
		}
	]);
	const decide = (principal: string) =>
		evaluate({
			...req(principal, '222222222222'),
			identityPolicies: [canAssume],
			resourcePolicy: trust
		});
	it('exempts the named user, not the other principals of the listed account', () => {
		expect(decide('arn:aws:iam::111111111111:user/alice')).toBe('Allowed');
		expect(decide('arn:aws:iam::111111111111:user/bob')).toBe('ExplicitlyDenied');
		expect(decide('arn:aws:sts::111111111111:assumed-role/Jump/alice')).toBe('ExplicitlyDenied');
	});
});

describe('IP ranges and variables the library reads differently (policy-evaluation.ts)', () => {
	it('0.0.0.0/0 is every address, for IpAddress and NotIpAddress alike', () => {
		const ctx = { 'aws:SourceIp': '203.0.113.10' };
		expect(conditionHolds('IpAddress', 'aws:SourceIp', '0.0.0.0/0', ctx)).toBe(true);
		expect(conditionHolds('NotIpAddress', 'aws:SourceIp', '0.0.0.0/0', ctx)).toBe(false);
		expect(conditionHolds('IpAddress', 'aws:SourceIp', ['192.0.2.0/24', '0.0.0.0/0'], ctx)).toBe(
			true
		);
	});

	const run = (statement: Record<string, unknown>, resource: string, context = {}) =>
		evaluate({
			principal: 'arn:aws:sts::111122223333:assumed-role/R/bob',
			action: resource.startsWith('arn:aws:sns') ? 'sns:CreateTopic' : 's3:GetObject',
			resource,
			resourceAccount: '111122223333',
			context,
			identityPolicies: [
				policy('p', [
					{ Effect: 'Allow', Action: '*', Resource: '*' },
					{ Effect: 'Deny', Action: '*', ...statement }
				])
			]
		});

	it('a variable before the first "/" of a resource part matches once resolved', () => {
		const topic = 'arn:aws:sns:us-east-1:111122223333:alpha-web-x';
		const deny = { Resource: 'arn:aws:sns:*:*:${aws:PrincipalTag/project}-web-*' };
		expect(run(deny, topic, { 'aws:PrincipalTag/project': 'alpha' })).toBe('ExplicitlyDenied');
		expect(run(deny, topic, { 'aws:PrincipalTag/project': 'beta' })).toBe('Allowed');
		expect(run(deny, topic)).toBe('Allowed');
	});

	it('a NotResource entry whose variable has no value excludes nothing', () => {
		const deny = { NotResource: 'arn:aws:s3:::home/${aws:username}/*' };
		expect(run(deny, 'arn:aws:s3:::home/bob/x', { 'aws:username': 'bob' })).toBe('Allowed');
		expect(run(deny, 'arn:aws:s3:::home/bob/x')).toBe('ExplicitlyDenied');
	});

	it('a resolved value is literal text, not a wildcard', () => {
		const deny = { Resource: 'arn:aws:s3:::home/${aws:PrincipalTag/dir}/*' };
		expect(run(deny, 'arn:aws:s3:::home/a*/x', { 'aws:PrincipalTag/dir': 'a*' })).toBe(
			'ExplicitlyDenied'
		);
		expect(run(deny, 'arn:aws:s3:::home/abc/x', { 'aws:PrincipalTag/dir': 'a*' })).toBe('Allowed');
	});
});
