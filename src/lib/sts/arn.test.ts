import { describe, expect, it } from 'vitest';
import { arns, parseArn, parseIamEntityArn } from './arn';

describe('ARNs (§3, §9, IAM-IDS)', () => {
	it('parses ARNs, keeping colons in the resource', () => {
		expect(parseArn('arn:aws:sts::222222222222:assumed-role/Audit/audit')).toEqual({
			partition: 'aws',
			service: 'sts',
			region: '',
			account: '222222222222',
			resource: 'assumed-role/Audit/audit'
		});
		expect(
			parseArn('arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/x:*')?.resource
		).toBe('log-group:/aws/lambda/x:*');
		expect(parseArn('arn:aws:s3:::bucket/key')?.account).toBe('');
	});

	it('rejects text that is not an ARN (LS-SNAP examples)', () => {
		expect(parseArn('nothing-valid-in-here')).toBeUndefined();
		expect(parseArn('arn:a:a::aaaaaaaaaa:')).toBeUndefined();
		expect(parseArn('arn:aws:iam::12345:role/x')).toBeUndefined();
	});

	it('splits IAM role and user ARNs into path and name', () => {
		expect(parseIamEntityArn('arn:aws:iam::111111111111:role/team/ops/Deploy', 'role')).toEqual({
			account: '111111111111',
			path: '/team/ops/',
			name: 'Deploy'
		});
		expect(parseIamEntityArn('arn:aws:iam::111111111111:role/Deploy', 'role')).toEqual({
			account: '111111111111',
			path: '/',
			name: 'Deploy'
		});
		expect(parseIamEntityArn('arn:aws:iam::111111111111:user/alice', 'role')).toBeUndefined();
	});

	it('formats the identities STS returns: no role path in session ARNs (§3)', () => {
		expect(arns.role('111111111111', 'Deploy', '/team/')).toBe(
			'arn:aws:iam::111111111111:role/team/Deploy'
		);
		expect(arns.role('111111111111', 'Deploy', 'team')).toBe(
			'arn:aws:iam::111111111111:role/team/Deploy'
		);
		expect(arns.assumedRole('111111111111', 'Deploy', 's')).toBe(
			'arn:aws:sts::111111111111:assumed-role/Deploy/s'
		);
		expect(arns.federatedUser('111111111111', 'Bob')).toBe(
			'arn:aws:sts::111111111111:federated-user/Bob'
		);
		expect(arns.mfa('111111111111', 'alice')).toBe('arn:aws:iam::111111111111:mfa/alice');
		expect(arns.root('111111111111')).toBe('arn:aws:iam::111111111111:root');
	});
});
