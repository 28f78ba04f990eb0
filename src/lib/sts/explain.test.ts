import { describe, expect, it } from 'vitest';
import { analyseStatements, decisiveStatements, describeCondition } from './explain';
import type { PolicyStatement } from './policy-model';
import type { NamedPolicy } from './world';

const trust: NamedPolicy = {
	name: 'Vendor trust policy',
	origin: 'authored',
	document: {
		Version: '2012-10-17',
		Statement: [
			{
				Sid: 'Vendor',
				Effect: 'Allow',
				Principal: { AWS: 'arn:aws:iam::111111111111:root' },
				Action: 'sts:AssumeRole',
				Condition: { StringEquals: { 'sts:ExternalId': 'Cust-12345' } }
			},
			{
				Effect: 'Allow',
				Principal: { AWS: 'arn:aws:iam::333333333333:root' },
				Action: 'sts:AssumeRole'
			},
			{
				Effect: 'Allow',
				Principal: { AWS: 'arn:aws:iam::111111111111:root' },
				Action: 'sts:TagSession'
			}
		]
	}
};
const request = (context: Record<string, string>) => ({
	principal: 'arn:aws:iam::111111111111:user/alice',
	action: 'sts:AssumeRole',
	resource: 'arn:aws:iam::222222222222:role/Vendor',
	resourceAccount: '222222222222',
	context
});

describe('explanations', () => {
	it('says which condition failed and what the request carried', () => {
		const [first, second, third] = analyseStatements(
			'trust',
			[trust],
			request({ 'sts:ExternalId': 'Cust-99999' })
		);
		expect(first).toMatchObject({ matches: false, mismatch: 'conditions', sid: 'Vendor' });
		expect(first.text).toContain(
			'StringEquals sts:ExternalId "Cust-12345" did not hold: you sent "Cust-99999"'
		);
		expect(second).toMatchObject({ matches: false, mismatch: 'principal' });
		expect(third).toMatchObject({ matches: false, mismatch: 'action' });
	});

	it('says when the value differs only in case (StringEquals is case-sensitive)', () => {
		const [first] = analyseStatements(
			'trust',
			[trust],
			request({ 'sts:ExternalId': 'cust-12345' })
		);
		expect(first.text).toContain(
			'you sent "cust-12345", which differs only in case: StringEquals compares case-sensitively'
		);
	});

	it('names the missing key and where it comes from', () => {
		const [first] = analyseStatements('trust', [trust], request({}));
		expect(first.conditions[0]).toMatchObject({
			key: 'sts:ExternalId',
			actual: undefined,
			holds: false
		});
		expect(describeCondition(first.conditions[0])).toContain(
			'the request had no sts:ExternalId (it comes from the ExternalId parameter)'
		);
	});

	it('says when a policy variable had no value (IAM "Policy variables with no value")', () => {
		const policy: NamedPolicy = {
			name: 'owner-only',
			origin: 'authored',
			document: {
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Deny',
						Action: 's3:PutObject',
						Resource: '*',
						Condition: { StringNotEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } }
					},
					{
						Effect: 'Allow',
						Action: 's3:PutObject',
						Resource: '*',
						Condition: { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } }
					}
				]
			}
		};
		const [deny, allow] = analyseStatements('identity', [policy], {
			principal: 'arn:aws:sts::1:assumed-role/R/s',
			action: 's3:PutObject',
			resource: 'arn:aws:s3:::b/k',
			resourceAccount: '1',
			context: { 'aws:PrincipalTag/owner': 'alice' }
		});
		expect(deny).toMatchObject({ matches: true });
		expect(deny!.conditions[0]!.noValue).toEqual(['aws:username']);
		expect(deny!.text).toContain(
			'StringNotEquals aws:PrincipalTag/owner "${aws:username}" held (${aws:username} has no value in this request: an inverted operator counts it as unequal to any value)'
		);
		expect(allow).toMatchObject({ matches: false, mismatch: 'conditions' });
		expect(allow!.text).toContain(
			'did not hold: the request had "alice" (${aws:username} has no value in this request: that value matches nothing)'
		);
	});

	it('says what decided when other values or an absent key did, and nothing of the kind in a 2008 policy', () => {
		const verdict = (Condition: PolicyStatement['Condition'], Version = '2012-10-17') =>
			analyseStatements(
				'identity',
				[
					{
						name: 'p',
						origin: 'authored',
						document: {
							Version,
							Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition }]
						} as NamedPolicy['document']
					}
				],
				{
					principal: 'arn:aws:sts::1:assumed-role/R/s',
					action: 's3:GetObject',
					resource: 'arn:aws:s3:::b/k',
					resourceAccount: '1',
					context: { 'aws:PrincipalTag/owner': 'alice' }
				}
			)[0]!.text;
		// "alice" decided: the outcome says held, and the note says what the variable did.
		expect(
			verdict({ StringEquals: { 'aws:PrincipalTag/owner': ['${aws:username}', 'alice'] } })
		).toContain('held (${aws:username} has no value in this request: that value matches nothing)');
		// In a 2008-10-17 policy the variable is literal text: no note.
		expect(
			verdict({ StringNotEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } }, '2008-10-17')
		).not.toContain('has no value');
	});

	it('decisive statements: denies first, then allows', () => {
		const identity: NamedPolicy = {
			name: 'p',
			origin: 'authored',
			document: {
				Statement: [
					{ Effect: 'Allow', Action: 's3:*', Resource: '*' },
					{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }
				]
			}
		};
		const r = {
			principal: 'arn:aws:iam::1:user/a',
			action: 's3:DeleteObject',
			resource: 'arn:aws:s3:::b/k',
			resourceAccount: '111111111111',
			context: {}
		};
		const verdicts = analyseStatements('identity', [identity], {
			...r,
			principal: 'arn:aws:iam::111111111111:user/a'
		});
		expect(decisiveStatements(verdicts).map((v) => v.effect)).toEqual(['Deny']);
		const resourceMiss = analyseStatements(
			'identity',
			[
				{
					...identity,
					document: {
						Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::other/*' }]
					}
				}
			],
			{ ...r, principal: 'arn:aws:iam::111111111111:user/a' }
		);
		expect(resourceMiss[0].mismatch).toBe('resource');
	});
});
