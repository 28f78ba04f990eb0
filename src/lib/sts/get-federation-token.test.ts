import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import {
	allow,
	baseState,
	inlinePolicyOfLength,
	issue,
	outcomeOf,
	READ_ONLY_ARN,
	roleArn
} from './test-worlds';

const BROKER = 'user:111111111111/broker';

describe('GetFederationToken', () => {
	it('returns a federated-user session, 12 h by default (§2, §3.1)', () => {
		const o = outcomeOf(baseState(), {
			as: BROKER,
			call: 'GetFederationToken',
			params: { Name: 'Bob', Policy: allow('s3:GetObject') }
		});
		expect(o.ok).toBe(true);
		expect(o.facts).toMatchObject({
			arn: 'arn:aws:sts::111111111111:federated-user/Bob',
			userId: '111111111111:Bob',
			account: '111111111111'
		});
		expect(o.facts.expiresAt! - o.at).toBe(43200);
		expect(o.response).toMatchObject({
			FederatedUser: {
				FederatedUserId: '111111111111:Bob',
				Arn: 'arn:aws:sts::111111111111:federated-user/Bob'
			}
		});
	});

	it('needs sts:GetFederationToken (§2.4)', () => {
		const o = outcomeOf(baseState(), {
			as: 'user:111111111111/bob',
			call: 'GetFederationToken',
			params: { Name: 'Bob' }
		});
		expect(o.error?.message).toBe(
			'User: arn:aws:iam::111111111111:user/bob is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::111111111111:federated-user/Bob'
		);
	});

	it('session credentials cannot call it (§2.4, §4)', () => {
		const s = issue(baseState(), {
			as: 'user:111111111111/alice',
			call: 'AssumeRole',
			params: { RoleArn: roleArn('111111111111', 'Local'), RoleSessionName: 's1' },
			save: 'role'
		});
		expect(
			outcomeOf(s, { as: 'creds:role', call: 'GetFederationToken', params: { Name: 'Bob' } }).error
		).toMatchObject({
			code: 'AccessDenied',
			message: 'Cannot call GetFederationToken with session credentials'
		});
	});

	it('Name is 2..32 characters of [\\w+=,.@-] (§3.1)', () => {
		expect(
			outcomeOf(baseState(), { as: BROKER, call: 'GetFederationToken', params: { Name: 'B' } })
				.error?.message
		).toBe(
			"1 validation error detected: Value 'B' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2"
		);
		expect(
			outcomeOf(baseState(), {
				as: BROKER,
				call: 'GetFederationToken',
				params: { Name: 'x'.repeat(33) }
			}).error?.message
		).toContain('less than or equal to 32');
		expect(
			outcomeOf(baseState(), { as: BROKER, call: 'GetFederationToken', params: {} }).error?.message
		).toContain("Value null at 'name'");
	});

	it('permissions = user ∩ session policy (§2.4, §7)', () => {
		const s = issue(baseState(), {
			as: BROKER,
			call: 'GetFederationToken',
			params: { Name: 'Bob', Policy: allow(['s3:GetObject', 'dynamodb:GetItem']) },
			save: 'fed'
		});
		expect(
			outcomeOf(s, { as: 'creds:fed', call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }).allowed
		).toBe(true);
		expect(
			outcomeOf(s, { as: 'creds:fed', call: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }).allowed
		).toBe(false);
		// The session policy allows dynamodb, the broker does not.
		expect(
			outcomeOf(s, {
				as: 'creds:fed',
				call: 'dynamodb:GetItem',
				resource: 'arn:aws:dynamodb:us-east-1:111111111111:table/t'
			}).allowed
		).toBe(false);
	});

	it('without a session policy the session has no permissions (§7)', () => {
		const s = issue(baseState(), {
			as: BROKER,
			call: 'GetFederationToken',
			params: { Name: 'Bob' },
			save: 'fed'
		});
		const o = outcomeOf(s, { as: 'creds:fed', call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
		expect(o.allowed).toBe(false);
		expect(o.explanation.summary).toContain('no permissions');
	});

	it('no IAM calls (InvalidClientTokenId) and no STS except GetCallerIdentity (§2.4, §4)', () => {
		const s = issue(baseState(), {
			as: BROKER,
			call: 'GetFederationToken',
			params: { Name: 'Bob', Policy: allow('*') },
			save: 'fed'
		});
		expect(outcomeOf(s, { as: 'creds:fed', call: 'iam:ListUsers' }).error?.code).toBe(
			'InvalidClientTokenId'
		);
		expect(outcomeOf(s, { as: 'creds:fed', call: 'GetCallerIdentity' }).facts.arn).toBe(
			'arn:aws:sts::111111111111:federated-user/Bob'
		);
		expect(outcomeOf(s, { as: 'creds:fed', call: 'GetSessionToken' }).error?.message).toBe(
			'Cannot call GetSessionToken with session credentials'
		);
	});

	it('root: 1 h default and cap; not governed by identity policies (§2)', () => {
		const o = outcomeOf(baseState(), {
			as: 'root:111111111111',
			call: 'GetFederationToken',
			params: { Name: 'RootFed', DurationSeconds: 7200, Policy: allow('iam:ListUsers') }
		});
		expect(o.ok).toBe(true);
		expect(o.facts.expiresAt! - o.at).toBe(3600);
	});

	it('MalformedPolicyDocument and the 2048 model maximum (§3.1, §3.2)', () => {
		expect(
			outcomeOf(baseState(), {
				as: BROKER,
				call: 'GetFederationToken',
				params: { Name: 'Bob', Policy: 'not json' }
			}).error?.code
		).toBe('MalformedPolicyDocument');
		const big = allow(
			's3:GetObject',
			Array.from({ length: 100 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`)
		);
		expect(
			outcomeOf(baseState(), {
				as: BROKER,
				call: 'GetFederationToken',
				params: { Name: 'Bob', Policy: big }
			}).error?.code
		).toBe('ValidationError');
	});

	it('the inline policy and the managed policy ARNs share the 2048-character plaintext limit (§3.2)', () => {
		const call = (chars: number) =>
			outcomeOf(baseState(), {
				as: BROKER,
				call: 'GetFederationToken',
				params: {
					Name: 'Bob',
					Policy: inlinePolicyOfLength(chars),
					PolicyArns: [{ arn: READ_ONLY_ARN }]
				}
			});
		expect(call(2048 - READ_ONLY_ARN.length).ok).toBe(true);
		expect(call(2049 - READ_ONLY_ARN.length).error?.message).toContain(
			"can't exceed 2,048 characters; this request uses 2049"
		);
	});

	it('PackedPolicySize is 0 without a policy (LS-SNAP, §3.1)', () => {
		expect(
			outcomeOf(baseState(), { as: BROKER, call: 'GetFederationToken', params: { Name: 'Bob' } })
				.response?.PackedPolicySize
		).toBe(0);
	});

	it('revoking the broker user cuts off older federated sessions (§6)', async () => {
		const { revoke } = await import('./simulator');
		let s = issue(baseState(), {
			as: BROKER,
			call: 'GetFederationToken',
			params: { Name: 'Bob', Policy: allow('s3:*') },
			save: 'fed'
		});
		s = (await import('./test-worlds')).later(s, 60);
		s = revoke(s, 'arn:aws:iam::111111111111:user/broker').state;
		const denied = outcomeOf(s, {
			as: 'creds:fed',
			call: 's3:GetObject',
			resource: 'arn:aws:s3:::b/k'
		});
		expect(denied.allowed).toBe(false);
		expect(denied.explanation.summary).toContain(
			'issued before the active sessions of user broker were revoked'
		);
		// The broker's own long-term key is unaffected (no aws:TokenIssueTime).
		expect(
			outcomeOf(s, { as: BROKER, call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }).allowed
		).toBe(true);
	});
});
