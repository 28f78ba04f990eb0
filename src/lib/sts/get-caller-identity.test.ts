import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (AssumeRole issues the sessions asked about)
import { baseState, issue, later, outcomeOf, roleArn } from './test-worlds';

describe('GetCallerIdentity (§9)', () => {
	it('IAM user: AIDA… / user ARN', () => {
		const o = outcomeOf(baseState(), { as: 'user:111111111111/alice', call: 'GetCallerIdentity' });
		expect(o.response).toMatchObject({
			Account: '111111111111',
			Arn: 'arn:aws:iam::111111111111:user/alice'
		});
		expect(o.facts.userId).toMatch(/^AIDA[A-Z2-7]{17}$/);
	});

	it('root: the account ID / :root', () => {
		expect(
			outcomeOf(baseState(), { as: 'root:111111111111', call: 'GetCallerIdentity' }).response
		).toEqual({
			UserId: '111111111111',
			Account: '111111111111',
			Arn: 'arn:aws:iam::111111111111:root'
		});
	});

	it('role session: AROA…:session / assumed-role ARN in the role account', () => {
		const s = issue(baseState(), {
			as: 'user:111111111111/alice',
			call: 'AssumeRole',
			params: { RoleArn: roleArn('222222222222', 'Remote'), RoleSessionName: 'who' },
			save: 'r'
		});
		const o = outcomeOf(s, { as: 'creds:r', call: 'GetCallerIdentity' });
		expect(o.facts).toMatchObject({
			account: '222222222222',
			arn: 'arn:aws:sts::222222222222:assumed-role/Remote/who'
		});
		expect(o.facts.userId).toMatch(/^AROA\w+:who$/);
	});

	it('is allowed even with an explicit deny on everything', () => {
		expect(
			outcomeOf(baseState(), { as: 'user:111111111111/denied', call: 'GetCallerIdentity' }).ok
		).toBe(true);
		expect(
			outcomeOf(baseState(), { as: 'user:111111111111/denied', call: 'sts:GetCallerIdentity' }).ok
		).toBe(true);
	});

	it('expired credentials: ExpiredToken; unknown key: InvalidClientTokenId (§1, §4)', () => {
		const s = later(
			issue(baseState(), {
				as: 'user:111111111111/alice',
				call: 'AssumeRole',
				params: {
					RoleArn: roleArn('111111111111', 'Local'),
					RoleSessionName: 'x1',
					DurationSeconds: 900
				},
				save: 'r'
			}),
			900
		);
		expect(outcomeOf(s, { as: 'creds:r', call: 'GetCallerIdentity' }).error?.code).toBe(
			'ExpiredToken'
		);
		expect(
			outcomeOf(s, { as: 'key:ASIAQQQQQQQQQQQQQQQQ', call: 'GetCallerIdentity' }).error?.code
		).toBe('InvalidClientTokenId');
	});

	it('a long-term key can be named by its ID', () => {
		const s = baseState();
		const key = s.world.accounts['111111111111'].users.alice.accessKeyId;
		expect(outcomeOf(s, { as: `key:${key}`, call: 'GetCallerIdentity' }).facts.arn).toBe(
			'arn:aws:iam::111111111111:user/alice'
		);
	});
});
