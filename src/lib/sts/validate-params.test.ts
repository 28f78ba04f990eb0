import { describe, expect, it } from 'vitest';
import { validationError } from './aws-errors';
import { integerParam, validateParams } from './validate-params';

describe('model-constraint validation, in AWS wording (§3, §4)', () => {
	it('counts several violations in one message', () => {
		const e = validateParams('AssumeRole', {
			RoleArn: 'arn:aws:iam::111111111111:role/R',
			RoleSessionName: 'a',
			DurationSeconds: 100
		});
		expect(e?.message).toBe(
			"2 validation errors detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
		);
	});

	it('a list or mapping where the model has a string is not that string ([inf] wording)', () => {
		expect(validateParams('GetFederationToken', { Name: ['a', 'b'] })?.message).toBe(
			'1 validation error detected: Value \'["a","b"]\' at \'name\' failed to satisfy constraint: Member must be a string'
		);
		// Query-protocol scalars are text: a YAML number is the same name as its digits.
		expect(validateParams('GetFederationToken', { Name: 12 })).toBeUndefined();
	});

	it('RoleArn length 20..2048', () => {
		expect(
			validateParams('AssumeRole', { RoleArn: 'arn:aws:iam::1:role', RoleSessionName: 'ok' })
				?.message
		).toContain(
			"at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20"
		);
	});

	it('SerialNumber 9..256 and TokenCode exactly 6 digits', () => {
		expect(
			validateParams('GetSessionToken', { SerialNumber: 'short', TokenCode: '123456' })?.message
		).toContain(
			"'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9"
		);
		expect(
			validateParams('GetSessionToken', { SerialNumber: 'GAHT12345678', TokenCode: '12345' })
				?.message
		).toContain(
			"'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6"
		);
	});

	it('tags: keys 1..128 of the tag pattern, values ≤ 256, at most 50', () => {
		const long = validateParams('AssumeRole', {
			RoleArn: 'arn:aws:iam::111111111111:role/R',
			RoleSessionName: 'ok',
			Tags: [{ Key: 'k', Value: 'v'.repeat(257) }]
		});
		expect(long?.message).toContain(
			"at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256"
		);
		const bad = validateParams('AssumeRole', {
			RoleArn: 'arn:aws:iam::111111111111:role/R',
			RoleSessionName: 'ok',
			Tags: [{ Key: 'a#b', Value: 'v' }]
		});
		expect(bad?.message).toContain(
			"'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern"
		);
		const many = validateParams('AssumeRole', {
			RoleArn: 'arn:aws:iam::111111111111:role/R',
			RoleSessionName: 'ok',
			Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }))
		});
		expect(many?.message).toContain(
			"at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"
		);
	});

	it('at most 10 managed policy ARNs (§3, §3.1; wording [inf])', () => {
		const arns = (n: number) =>
			Array.from({ length: n }, (_, i) => ({ arn: `arn:aws:iam::111111111111:policy/P${i}` }));
		const base = { RoleArn: 'arn:aws:iam::111111111111:role/R', RoleSessionName: 'ok' };
		expect(validateParams('AssumeRole', { ...base, PolicyArns: arns(10) })).toBeUndefined();
		expect(validateParams('AssumeRole', { ...base, PolicyArns: arns(11) })?.message).toBe(
			"1 validation error detected: Value '[11 policy ARNs]' at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10"
		);
		expect(
			validateParams('GetFederationToken', { Name: 'fed', PolicyArns: arns(11) })?.message
		).toContain("at 'policyArns'");
	});

	it('Query-protocol integers may arrive as text; unreadable ones are MalformedInput (sts_oracle.rs)', () => {
		expect(integerParam('3600')).toBe(3600);
		expect(integerParam(3600)).toBe(3600);
		expect(integerParam('+900')).toBe(900);
		expect(integerParam('0900')).toBe(900);
		expect(integerParam('1h')).toBeUndefined();
		expect(integerParam('900.0')).toBeUndefined();
		// Whitespace around the digits is not read either (observed: radkawar/stackd sts/query_inputs.json).
		expect(integerParam(' 900 ')).toBeUndefined();
		expect(integerParam('\t900\n')).toBeUndefined();
		expect(integerParam(2 ** 31)).toBeUndefined();
		expect(integerParam(-(2 ** 31))).toBe(-(2 ** 31));
		expect(validateParams('GetSessionToken', { DurationSeconds: '1h' })?.code).toBe(
			'MalformedInput'
		);
		expect(
			validateParams('AssumeRole', { RoleArn: 'x', RoleSessionName: 'ok', DurationSeconds: '' })
		).toMatchObject({ code: 'MalformedInput', message: 'missing value for decimal type' });
		expect(
			validateParams('AssumeRole', {
				RoleArn: 'arn:aws:iam::111111111111:role/R',
				RoleSessionName: 'ok',
				DurationSeconds: '-2147483648'
			})?.message
		).toBe(
			"1 validation error detected: Value '-2147483648' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
		);
	});

	it("a member's pattern violation comes before its length violation (consigliere#18, aws-runas#80)", () => {
		const pattern =
			'[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+';
		expect(validateParams('AssumeRole', { RoleArn: '', RoleSessionName: 'ok' })?.message).toBe(
			`2 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}; Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`
		);
		expect(
			validateParams('AssumeRoleWithSAML', {
				RoleArn: '',
				PrincipalArn: '',
				SAMLAssertion: 'x'.repeat(8)
			})?.message
		).toBe(
			`4 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}; Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20; Value '' at 'principalArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}; Value '' at 'principalArn' failed to satisfy constraint: Member must have length greater than or equal to 20`
		);
	});

	it('no violations, no error', () => {
		expect(validateParams('GetCallerIdentity', {})).toBeUndefined();
		expect(
			validationError([{ member: 'x', value: undefined, constraint: 'not be null' }]).message
		).toBe(
			"1 validation error detected: Value null at 'x' failed to satisfy constraint: Member must not be null"
		);
	});
});
