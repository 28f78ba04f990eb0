import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import { parseScenario } from '../content/scenario-loader';
import { checkExpectations, globMatches, runScenario } from './scenario-runner';
import { messageMatches } from './expectations';
import type { CallOutcome } from './simulator';

const outcome = (over: Partial<CallOutcome>): CallOutcome => ({
	kind: 'call',
	at: 1000,
	request: { as: 'anonymous', call: 'GetCallerIdentity' },
	ok: true,
	facts: {},
	explanation: { summary: '', details: [], statements: [], facts: [] },
	...over
});

describe('expectations (contract: Expectations table)', () => {
	it('checks each key against the outcome', () => {
		const o = outcome({
			ok: true,
			allowed: true,
			facts: {
				arn: 'arn:aws:sts::1:assumed-role/R/s',
				userId: 'AROAXYZ:s',
				account: '222222222222',
				accessKeyId: 'ASIAAAAA',
				expiresAt: 4600
			}
		});
		const checks = checkExpectations(
			{
				ok: true,
				expiresIn: 3600,
				accessKeyPrefix: 'ASIA',
				arn: 'arn:aws:sts::1:assumed-role/R/s',
				account: '222222222222',
				userId: 'AROA*:s'
			},
			o
		);
		expect(checks.every((c) => c.pass)).toBe(true);
		expect(checkExpectations({ expiresIn: 3599 }, o)[0]).toMatchObject({
			pass: false,
			expected: 3599,
			actual: 3600
		});
	});

	it('error codes, SDK exception aliases (not for ExpiredToken), messageIncludes', () => {
		const denied = outcome({
			ok: false,
			allowed: false,
			error: {
				code: 'MalformedPolicyDocument',
				httpStatus: 400,
				message: 'Syntax errors in policy.'
			}
		});
		expect(
			checkExpectations(
				{ error: 'MalformedPolicyDocumentException', messageIncludes: 'Syntax' },
				denied
			).every((c) => c.pass)
		).toBe(true);
		const expired = outcome({
			ok: false,
			error: { code: 'ExpiredToken', httpStatus: 403, message: 'x' }
		});
		expect(checkExpectations({ error: 'ExpiredTokenException' }, expired)[0].pass).toBe(false);
	});

	it('a denied service action satisfies allowed: false and error: AccessDenied alike', () => {
		const denied = outcome({
			ok: false,
			allowed: false,
			action: 's3:GetObject',
			error: { code: 'AccessDenied', httpStatus: 403, message: 'User: x is not authorized' }
		});
		expect(checkExpectations({ allowed: false }, denied)[0].pass).toBe(true);
		expect(
			checkExpectations({ error: 'AccessDenied', messageIncludes: 'not authorized' }, denied).every(
				(c) => c.pass
			)
		).toBe(true);
	});

	it("a denied service action also matches its service's documented denial code, and only that", () => {
		const denied = (action: string) =>
			outcome({
				ok: false,
				allowed: false,
				action,
				error: { code: 'AccessDenied', httpStatus: 403, message: 'User: x is not authorized' }
			});
		const passes = (code: string, action: string) =>
			checkExpectations({ error: code }, denied(action))[0].pass;
		expect(passes('UnauthorizedOperation', 'ec2:DescribeInstances')).toBe(true);
		expect(passes('AccessDeniedException', 'dynamodb:GetItem')).toBe(true);
		expect(passes('AccessDeniedException', 'kms:Decrypt')).toBe(true);
		expect(passes('AuthorizationError', 'sns:Publish')).toBe(true);
		// Not another service's code, and not for S3, whose own code is AccessDenied.
		expect(passes('UnauthorizedOperation', 's3:GetObject')).toBe(false);
		expect(passes('AccessDeniedException', 's3:GetObject')).toBe(false);
		expect(passes('AuthorizationError', 'ec2:DescribeInstances')).toBe(false);
		// An STS API's AccessDenied stays AccessDenied.
		const apiDenied = outcome({
			ok: false,
			allowed: false,
			api: 'AssumeRole',
			error: { code: 'AccessDenied', httpStatus: 403, message: 'x' }
		});
		expect(checkExpectations({ error: 'AccessDeniedException' }, apiDenied)[0].pass).toBe(false);
	});

	it('ok: true fails when the simulator could not run the call', () => {
		expect(
			checkExpectations({ ok: false }, outcome({ ok: false, simulatorError: 'x' }))[0].pass
		).toBe(false);
	});

	it('messageIncludes: as written, or with quotes and letter case left out on both sides', () => {
		const s3 =
			'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action';
		expect(messageMatches(s3, 'on resource: "arn:aws:s3:::b/k"')).toBe(true);
		expect(messageMatches(s3, 'perform: s3:GetObject on resource: arn:aws:s3:::b/k')).toBe(true);
		expect(messageMatches('…perform: sqs:sendmessage on resource: …', 'sqs:SendMessage')).toBe(
			true
		);
		// Anything else must be there.
		expect(messageMatches(s3, 'on resource: arn:aws:s3:::b/other')).toBe(false);
		expect(messageMatches(s3, 'with an explicit deny')).toBe(false);
		expect(messageMatches(undefined, '')).toBe(false);
		const check = (text: string) =>
			checkExpectations(
				{ messageIncludes: text },
				outcome({
					ok: false,
					allowed: false,
					error: { code: 'AccessDenied', httpStatus: 403, message: s3 }
				})
			)[0].pass;
		expect(check('s3:GetObject on resource: arn:aws:s3:::b/k because')).toBe(true);
		expect(check('s3:PutObject')).toBe(false);
	});

	it('globs: * matches any run, other characters are literal', () => {
		expect(globMatches('AROA*:audit', 'AROA123:audit')).toBe(true);
		expect(globMatches('AROA*:audit', 'AROA123:audit2')).toBe(false);
		expect(globMatches('111111111111:Bob', '111111111111:Bob')).toBe(true);
		expect(globMatches('a.b', 'axb')).toBe(false);
	});
});

describe('runScenario', () => {
	const text = `id: runner
title: Runner
topic: assume-role
world:
  start: 2026-01-01T00:00:00Z
  accounts:
    - id: "111111111111"
      users:
        - name: alice
steps:
  - as: user:111111111111/alice
    call: GetSessionToken
    save: s
    expect: { expiresIn: 100 }
  - advance: 60
  - as: creds:s
    call: GetCallerIdentity
    expect: { arn: arn:aws:iam::111111111111:user/alice }
  - as: creds:s
    call: s3:GetObject
    resource: arn:aws:s3:::b/k
`;

	it('runs every step after a failed expectation and counts checked steps only', () => {
		const report = runScenario(parseScenario(text, 'runner.yaml'));
		expect(report.steps.map((s) => s.pass)).toEqual([false, true, true, true]);
		expect(report.steps[0].problem).toBe(
			'expected expiresIn 100; got ok, arn arn:aws:iam::111111111111:user/alice, expiresIn 43200'
		);
		expect(report).toMatchObject({ passed: 1, failed: 1, pass: false });
		expect(report.steps.map((s) => s.checked)).toEqual([true, false, true, false]);
		expect(report.steps[1].label).toBe('advance 60 s');
	});

	it('is reproducible: the seed derives from the scenario id', () => {
		const a = runScenario(parseScenario(text, 'runner.yaml'));
		const b = runScenario(parseScenario(text, 'runner.yaml'));
		expect(a.final.credentials[0].accessKeyId).toBe(b.final.credentials[0].accessKeyId);
		expect(
			runScenario(parseScenario(text, 'runner.yaml'), { seed: 99 }).final.credentials[0].accessKeyId
		).not.toBe(a.final.credentials[0].accessKeyId);
	});
});
