import { describe, expect, it } from 'vitest';
import {
	cliCommand,
	cliParamValidation,
	cliValue,
	kebab,
	requestParams,
	shellQuote
} from './cli-command';

describe('kebab', () => {
	it('turns API and member names into CLI spelling', () => {
		expect(kebab('AssumeRole')).toBe('assume-role');
		expect(kebab('AssumeRoleWithSAML')).toBe('assume-role-with-saml');
		expect(kebab('SAMLAssertion')).toBe('saml-assertion');
		expect(kebab('RoleSessionName')).toBe('role-session-name');
		expect(kebab('GetObject')).toBe('get-object');
	});
});

describe('shellQuote', () => {
	it('leaves plain values alone and single-quotes the rest', () => {
		expect(shellQuote('arn:aws:iam::111122223333:role/Audit')).toBe(
			'arn:aws:iam::111122223333:role/Audit'
		);
		expect(shellQuote('a b')).toBe("'a b'");
		expect(shellQuote("it's")).toBe(`'it'\\''s'`);
		expect(shellQuote('')).toBe("''");
	});
});

describe('cliCommand', () => {
	it('prints AssumeRole with one argument per line', () => {
		expect(
			cliCommand({
				as: 'user:999988887777/cost-scanner',
				call: 'AssumeRole',
				params: {
					RoleArn: 'arn:aws:iam::111122223333:role/CloudCostAuditRole',
					RoleSessionName: 'cloudcost-examplecorp',
					ExternalId: 'ExCorp-7731'
				}
			})
		).toBe(
			[
				'aws sts assume-role \\',
				'  --role-arn arn:aws:iam::111122223333:role/CloudCostAuditRole \\',
				'  --role-session-name cloudcost-examplecorp \\',
				'  --external-id ExCorp-7731'
			].join('\n')
		);
	});

	it('keeps text from claims and fields inside its comment, and quotes anything but its placeholders', () => {
		const text = cliCommand({
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: {
				iss: 'https://token.actions.githubusercontent.com',
				aud: 'sts.amazonaws.com',
				sub: 'repo:o/r\rx',
				expiresIn: 300,
				amr: 'x\naws iam create-access-key --user-name admin',
				note: 'a\u2028b\u0007'
			},
			params: {
				RoleArn: 'arn:aws:iam::111122223333:role/Deploy',
				RoleSessionName: 'd',
				ExternalId: '$(touch /tmp/owned)'
			}
		});
		const lines = text.split('\n');
		// Every line is a comment or part of the one command.
		expect(
			lines.every((l) => l.startsWith('#') || l.startsWith('aws ') || l.startsWith('  --'))
		).toBe(true);
		expect(lines[0]).toContain('sub repo:o/r\\rx');
		expect(lines[0]).toContain('amr x\\naws iam create-access-key --user-name admin');
		expect(lines[0]).toContain('note a\\u2028b\\u0007');
		expect(text).toContain(`--web-identity-token "$ID_TOKEN"`);
		expect(text).toContain(`'$(touch /tmp/owned)'`);
	});

	it('expands the MFA shorthand with the device and its code, and adds the Region', () => {
		const text = cliCommand(
			{ as: 'user:1/alice', call: 'GetSessionToken', mfa: true, region: 'eu-west-1' },
			{ mfa: { serial: 'arn:aws:iam::111111111111:mfa/alice', code: '123456' } }
		);
		expect(text).toContain('aws sts get-session-token');
		expect(text).toContain('--serial-number arn:aws:iam::111111111111:mfa/alice');
		expect(text).toContain('--token-code 123456');
		expect(text).toContain('--region eu-west-1');
	});

	it('marks unsigned federation calls and describes the token', () => {
		const text = cliCommand({
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: { iss: 'accounts.google.com', aud: 'app', sub: '42', expiresIn: 3600 },
			params: { RoleArn: 'arn:aws:iam::1:role/R', RoleSessionName: 'u' }
		});
		expect(text.split('\n')[0]).toBe(
			'# ID_TOKEN: a JWT from accounts.google.com, aud app, sub 42, expires in 3600 s'
		);
		expect(text).toContain('--web-identity-token "$ID_TOKEN"');
		expect(text).toContain('--no-sign-request');
	});

	it('shows a service action as the CLI command it stands for', () => {
		const text = cliCommand({
			as: 'creds:audit',
			call: 's3:GetObject',
			resource: 'arn:aws:s3:::bucket/key'
		});
		expect(text).toBe(
			'# authorises s3:GetObject on arn:aws:s3:::bucket/key (decided, not executed)\naws s3api get-object'
		);
	});

	it('writes tags, policy ARNs and policies in CLI syntax', () => {
		expect(cliValue('Tags', [{ Key: 'team', Value: 'data eng' }])).toEqual([
			"'Key=team,Value=data eng'"
		]);
		expect(cliValue('PolicyArns', [{ arn: 'arn:aws:iam::1:policy/P' }])).toEqual([
			'arn=arn:aws:iam::1:policy/P'
		]);
		expect(cliValue('Policy', { Version: '2012-10-17' })).toEqual([`'{"Version":"2012-10-17"}'`]);
		expect(cliValue('TransitiveTagKeys', ['a', 'b'])).toEqual(['a', 'b']);
	});
});

describe('requestParams', () => {
	it('lists the token and MFA members the shorthands add', () => {
		const params = requestParams({
			as: 'anonymous',
			call: 'AssumeRoleWithSAML',
			samlAssertion: { provider: 'P', notOnOrAfterIn: 300 },
			params: { RoleArn: 'r', PrincipalArn: 'p' }
		});
		expect(params.map(([m]) => m)).toEqual(['RoleArn', 'PrincipalArn', 'SAMLAssertion']);
		expect(
			requestParams({ as: 'user:1/a', call: 'AssumeRole', mfa: 'wrong' }).map(
				([m, v]) => `${m}=${v}`
			)
		).toEqual(['SerialNumber=<the caller’s MFA device>', 'TokenCode=<a wrong code>']);
		expect(
			requestParams(
				{ as: 'user:1/a', call: 'AssumeRole', mfa: 'wrong' },
				{ mfa: { serial: 's', code: '111111', wrong: '222222' } }
			)
		).toEqual([
			['SerialNumber', 's'],
			['TokenCode', '222222']
		]);
	});
});

describe('the newer STS operations', () => {
	it('AssumeRoot: the task policy in shorthand, the CLI command name', () => {
		const command = cliCommand({
			as: 'user:111111111111/alice',
			call: 'AssumeRoot',
			region: 'eu-west-1',
			params: {
				TargetPrincipal: '222222222222',
				TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials' }
			}
		});
		expect(command).toContain('aws sts assume-root');
		expect(command).toContain(
			'--task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials'
		);
	});
	it('GetAccessKeyInfo runs (not authorised as an action); sts:GetAccessKeyInfo is an action', () => {
		expect(
			cliCommand({
				as: 'user:1/a',
				call: 'GetAccessKeyInfo',
				params: { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }
			})
		).toBe('aws sts get-access-key-info \\\n  --access-key-id AKIAIOSFODNN7EXAMPLE');
		expect(cliCommand({ as: 'user:1/a', call: 'sts:GetAccessKeyInfo' })).toContain(
			'# authorises sts:GetAccessKeyInfo on * (decided, not executed)'
		);
	});
});

describe('cliParamValidation', () => {
	const as = 'user:111122223333/alice';
	const ROLE = 'arn:aws:iam::111122223333:role/R';

	it("words a value below a minimum as botocore's ParamValidationError", () => {
		expect(
			cliParamValidation({
				as,
				call: 'AssumeRole',
				params: { RoleArn: ROLE, RoleSessionName: 's1', DurationSeconds: 899 }
			})
		).toBe(
			'Parameter validation failed:\nInvalid value for parameter DurationSeconds, value: 899, valid min value: 900'
		);
		expect(
			cliParamValidation({
				as,
				call: 'AssumeRole',
				params: { RoleArn: ROLE, RoleSessionName: 'x', TokenCode: '12345' }
			})
		).toBe(
			[
				'Parameter validation failed:',
				'Invalid length for parameter RoleSessionName, value: 1, valid min length: 2',
				'Invalid length for parameter TokenCode, value: 5, valid min length: 6'
			].join('\n')
		);
		expect(
			cliParamValidation({ as, call: 'GetSessionToken', params: { DurationSeconds: '600' } })
		).toContain('Invalid value for parameter DurationSeconds, value: 600, valid min value: 900');
	});

	it('names missing required parameters as the CLI argument parser does', () => {
		expect(cliParamValidation({ as, call: 'AssumeRole', params: {} })).toBe(
			'aws: error: the following arguments are required: --role-arn, --role-session-name'
		);
	});

	it('is quiet for maximum and pattern violations, which botocore does not check', () => {
		expect(
			cliParamValidation({
				as,
				call: 'AssumeRole',
				params: { RoleArn: ROLE, RoleSessionName: 'a b', DurationSeconds: 43201 }
			})
		).toBeUndefined();
		expect(cliParamValidation({ as, call: 'GetSessionToken', params: {} })).toBeUndefined();
		expect(cliParamValidation({ as, call: 's3:GetObject', resource: '*' })).toBeUndefined();
	});
});
