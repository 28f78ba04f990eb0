import { describe, expect, it } from 'vitest';
import type { CallRequest } from '$lib/sts';
import {
	buildRequest,
	CUSTOM_KEY,
	emptyFields,
	fieldsFromRequest,
	memberHint,
	parseTags,
	regionHint,
	REGIONS,
	scalarMembers
} from './call-form';

const built = (request: CallRequest) => {
	const result = buildRequest(fieldsFromRequest(request));
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.request;
};

describe('fieldsFromRequest and buildRequest', () => {
	it('round-trip an AssumeRole call with tags, a session policy and save', () => {
		const request: CallRequest = {
			as: 'user:111111111111/alice',
			call: 'AssumeRole',
			region: 'eu-west-1',
			params: {
				RoleArn: 'arn:aws:iam::222222222222:role/Audit',
				RoleSessionName: 'audit',
				DurationSeconds: 900,
				ExternalId: 'x-1',
				Policy: '{"Version":"2012-10-17"}',
				Tags: [{ Key: 'team', Value: 'data' }],
				TransitiveTagKeys: ['team'],
				PolicyArns: [{ arn: 'arn:aws:iam::222222222222:policy/ReadOnly' }]
			},
			save: 'audit'
		};
		expect(built(request)).toEqual(request);
	});

	it('round-trip the newer operations: a {arn} structure, an audience list, no save', () => {
		const root: CallRequest = {
			as: 'user:111111111111/alice',
			call: 'AssumeRoot',
			params: {
				TargetPrincipal: '222222222222',
				TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials' },
				DurationSeconds: 900
			},
			save: 'root'
		};
		expect(built(root)).toEqual(root);
		const jwt: CallRequest = {
			as: 'user:111111111111/alice',
			call: 'GetWebIdentityToken',
			params: { Audience: ['https://a.example', 'https://b.example'], SigningAlgorithm: 'RS256' }
		};
		expect(fieldsFromRequest(jwt).params.Audience).toBe('https://a.example, https://b.example');
		expect(built(jwt)).toEqual(jwt);
		const info: CallRequest = {
			as: 'user:111111111111/alice',
			call: 'GetAccessKeyInfo',
			params: { AccessKeyId: 'ASIAY34FZKBOKMUTVV7A' },
			save: 'ignored'
		};
		// GetAccessKeyInfo returns an account, not credentials: there is nothing to save.
		expect(built(info)).toEqual({ ...info, save: undefined });
	});

	it('round-trip web identity and SAML calls', () => {
		const web: CallRequest = {
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: { iss: 'accounts.google.com', aud: ['a', 'b'], sub: '42', expiresIn: -60 },
			params: { RoleArn: 'arn:aws:iam::1:role/R', RoleSessionName: 'u' }
		};
		expect(built(web)).toEqual(web);
		const saml: CallRequest = {
			as: 'anonymous',
			call: 'AssumeRoleWithSAML',
			samlAssertion: {
				provider: 'ADFS',
				roleSessionName: 'jane',
				audience: 'https://signin.aws.amazon.com/saml',
				sessionNotOnOrAfterIn: 3600,
				notOnOrAfterIn: 300,
				signedBy: 'other'
			},
			params: {
				RoleArn: 'arn:aws:iam::1:role/R',
				PrincipalArn: 'arn:aws:iam::1:saml-provider/ADFS'
			}
		};
		expect(built(saml)).toEqual(saml);
	});

	it('round-trip service actions and typed keys', () => {
		const action: CallRequest = {
			as: 'key:AKIAUNKNOWN0000000000',
			call: 's3:GetObject',
			resource: 'arn:aws:s3:::b/k'
		};
		const fields = fieldsFromRequest(action);
		expect(fields.caller).toBe(CUSTOM_KEY);
		expect(built(action)).toEqual(action);
	});

	it('fills SerialNumber and TokenCode for the MFA shorthand', () => {
		const fields = fieldsFromRequest(
			{ as: 'user:1/a', call: 'GetSessionToken', mfa: true },
			{ serial: 'arn:aws:iam::111111111111:mfa/a', code: '012345' }
		);
		expect(fields.params).toEqual({
			SerialNumber: 'arn:aws:iam::111111111111:mfa/a',
			TokenCode: '012345'
		});
		const wrong = fieldsFromRequest(
			{ as: 'user:1/a', call: 'GetSessionToken', mfa: 'wrong' },
			{ serial: 's', code: '012345' }
		);
		expect(wrong.params.TokenCode).not.toBe('012345');
		expect(wrong.params.TokenCode).toMatch(/^\d{6}$/);
	});

	it('sends what AWS would reject, so its answer can be seen', () => {
		const fields = emptyFields('user:1/a');
		fields.params = { RoleArn: 'not-an-arn', RoleSessionName: 'bad name!', DurationSeconds: 'abc' };
		const result = buildRequest(fields);
		expect(result).toEqual({
			ok: true,
			request: {
				as: 'user:1/a',
				call: 'AssumeRole',
				params: { RoleArn: 'not-an-arn', RoleSessionName: 'bad name!', DurationSeconds: 'abc' }
			}
		});
	});

	it('numbers DurationSeconds, drops empty members and members other APIs take', () => {
		const fields = emptyFields('user:1/a');
		fields.api = 'GetSessionToken';
		fields.params = { DurationSeconds: ' 3600 ', RoleArn: 'arn:aws:iam::1:role/R', TokenCode: '' };
		fields.save = 'mine';
		expect(buildRequest(fields)).toEqual({
			ok: true,
			request: {
				as: 'user:1/a',
				call: 'GetSessionToken',
				params: { DurationSeconds: 3600 },
				save: 'mine'
			}
		});
	});

	it('refuses only what cannot be sent at all', () => {
		const fields = emptyFields(CUSTOM_KEY);
		fields.api = 'action';
		fields.action = 'GetObject';
		const result = buildRequest(fields);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual(['action', 'customKey']);
	});
});

describe('memberHint', () => {
	it('words problems as AWS ValidationError does', () => {
		expect(memberHint('AssumeRole', 'DurationSeconds', '600')).toBe(
			"AWS will answer ValidationError: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
		);
		expect(memberHint('GetSessionToken', 'DurationSeconds', '129601')).toContain(
			'less than or equal to 129600'
		);
		expect(memberHint('AssumeRole', 'RoleSessionName', 'a b')).toBe(
			"AWS will answer ValidationError: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"
		);
		expect(memberHint('AssumeRole', 'RoleSessionName', 'a')).toContain(
			'have length greater than or equal to 2'
		);
		expect(memberHint('AssumeRole', 'ExternalId', 'bad id')).toContain("at 'externalId'");
		expect(memberHint('AssumeRole', 'TokenCode', '12345')).toContain(
			'length greater than or equal to 6'
		);
		expect(memberHint('AssumeRole', 'TokenCode', '12345a')).toContain('pattern: [\\d]*');
		// Not an integer: the engine answers MalformedInput, not ValidationError (validate-params.ts).
		expect(memberHint('AssumeRole', 'DurationSeconds', 'abc')).toBe(
			"AWS will answer MalformedInput: Cannot parse 'abc' as an integer for DurationSeconds"
		);
		expect(memberHint('GetSessionToken', 'DurationSeconds', '3600.5')).toBe(
			"AWS will answer MalformedInput: Cannot parse '3600.5' as an integer for DurationSeconds"
		);
		// AWS reads "+900" as 900: no hint.
		expect(memberHint('AssumeRole', 'DurationSeconds', '+900')).toBeUndefined();
	});

	it('is quiet for valid or empty values', () => {
		expect(memberHint('AssumeRole', 'DurationSeconds', '3600')).toBeUndefined();
		expect(memberHint('AssumeRole', 'RoleSessionName', '')).toBeUndefined();
		expect(memberHint('AssumeRole', 'TokenCode', '123456')).toBeUndefined();
		expect(memberHint('action', 'RoleArn', 'x')).toBeUndefined();
	});
});

describe('helpers', () => {
	it('parses tags from lines or commas', () => {
		expect(parseTags('team=data\nproject = x, cost=1')).toEqual([
			{ Key: 'team', Value: 'data' },
			{ Key: 'project', Value: 'x' },
			{ Key: 'cost', Value: '1' }
		]);
		expect(parseTags('solo')).toEqual([{ Key: 'solo', Value: '' }]);
	});

	it('lists the scalar members each API takes', () => {
		expect(scalarMembers('GetSessionToken')).toEqual([
			'DurationSeconds',
			'SerialNumber',
			'TokenCode'
		]);
		expect(scalarMembers('AssumeRoleWithSAML')).toEqual([
			'RoleArn',
			'PrincipalArn',
			'DurationSeconds'
		]);
		expect(scalarMembers('GetCallerIdentity')).toEqual([]);
	});
});

describe('regionHint', () => {
	it('warns about a Region code that does not exist, without blocking', () => {
		expect(regionHint('mars-north-1')).toBe(
			'mars-north-1 is not an AWS Region code (e.g. us-east-1, eu-west-1): there is no endpoint sts.mars-north-1.amazonaws.com to call. The simulator sends the call anyway.'
		);
		expect(regionHint('EU-WEST-1')).toContain('lower case: eu-west-1');
		const fields = emptyFields('user:111122223333/alice');
		fields.api = 'GetCallerIdentity';
		fields.region = 'mars-north-1';
		const built = buildRequest(fields);
		expect(built.ok && built.request.region).toBe('mars-north-1');
	});

	it('is quiet for every Region suggested, other real ones and an empty field', () => {
		for (const r of REGIONS) expect(regionHint(r)).toBeUndefined();
		expect(regionHint('ap-southeast-4')).toBeUndefined();
		expect(regionHint('us-gov-west-1')).toBeUndefined();
		expect(regionHint(' ')).toBeUndefined();
	});
});
