import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import { parseScenario } from '../content/scenario-loader';
import { messages } from './aws-errors';
import { createSimulator } from './simulator';
import { principalKeys } from './request-context';
import { issue, later, outcomeOf, worldFrom } from './test-worlds';

/** Project extension: `as: service:<principal>` (docs/reference/simulator-scenarios.md, "Project extensions"). */
const WORLD = `
start: 2026-03-01T08:00:00Z
accounts:
  - id: "222233334444"
    users:
      - name: dev-lee
        policies:
          - { Effect: Allow, Action: "sts:AssumeRole", Resource: "*" }
    roles:
      - name: WebAppRole
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }
        policies:
          - { Effect: Allow, Action: ["s3:GetObject", "sts:AssumeRole"], Resource: "*" }
      - name: FunctionRole
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { Service: [lambda.amazonaws.com, ecs-tasks.amazonaws.com] }, Action: sts:AssumeRole }
        policies:
          - { Effect: Allow, Action: "sts:AssumeRole", Resource: "*" }
      - name: Target
        maxSessionDuration: 7200
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { AWS: ["arn:aws:iam::222233334444:role/WebAppRole", "arn:aws:iam::222233334444:role/FunctionRole", "arn:aws:iam::222233334444:role/Target"] }
              Action: sts:AssumeRole
        policies:
          - { Effect: Allow, Action: "sts:AssumeRole", Resource: "*" }
`;
const ACCT = '222233334444';
const role = (name: string) => `arn:aws:iam::${ACCT}:role/${name}`;
const INSTANCE = 'i-0123456789abcdef0';
const EC2 = 'service:ec2.amazonaws.com';
const LAMBDA = 'service:lambda.amazonaws.com';
const state = () => createSimulator(worldFrom(WORLD), { seed: 5 });
const assume = (name: string, session: string, extra: Record<string, unknown> = {}) => ({
	call: 'AssumeRole',
	params: { RoleArn: role(name), RoleSessionName: session, ...extra }
});

describe('service callers: who may assume the role (sts-facts §7)', () => {
	it('the trust policy must name the service: EC2 may assume WebAppRole, Lambda may not', () => {
		const s = state();
		expect(outcomeOf(s, { as: EC2, ...assume('WebAppRole', INSTANCE) }).ok).toBe(true);
		const denied = outcomeOf(s, { as: LAMBDA, ...assume('WebAppRole', 'fn') });
		expect(denied.error?.code).toBe('AccessDenied');
		expect(denied.error?.message).toBe(
			messages.notAuthorized('lambda.amazonaws.com', 'sts:AssumeRole', role('WebAppRole'))
		);
		expect(denied.explanation.summary).toContain('Principal: { Service: "lambda.amazonaws.com" }');
	});

	it('a trust policy listing several services admits each of them, and no identity policy is needed', () => {
		const s = state();
		for (const as of [LAMBDA, 'service:ecs-tasks.amazonaws.com']) {
			const o = outcomeOf(s, { as, ...assume('FunctionRole', 'task') });
			expect(o.ok).toBe(true);
			expect(o.explanation.details.join(' ')).toContain('the trust policy alone decides');
		}
	});

	it('a user cannot pass for a service: a Service principal in the trust policy does not admit IAM users', () => {
		const o = outcomeOf(state(), {
			as: `user:${ACCT}/dev-lee`,
			...assume('WebAppRole', 'lee-test')
		});
		expect(o.error?.code).toBe('AccessDenied');
		expect(o.error?.message).toBe(
			messages.notAuthorized(
				`arn:aws:iam::${ACCT}:user/dev-lee`,
				'sts:AssumeRole',
				role('WebAppRole')
			)
		);
	});

	it('service: takes a service principal, not a user or an ARN', () => {
		for (const as of [
			'service:dev-lee',
			`service:arn:aws:iam::${ACCT}:user/dev-lee`,
			'service:ec2.amazonaws.com.evil'
		]) {
			const o = outcomeOf(state(), { as, ...assume('WebAppRole', INSTANCE) });
			expect(o.simulatorError).toMatch(/is not an AWS service principal/);
		}
		const scenario = (as: string) =>
			`id: t\ntitle: t\ntopic: t\nworld:\n  start: 2026-01-01T00:00:00Z\n  accounts: [{ id: "${ACCT}" }]\nsteps:\n  - as: ${as}\n    call: GetCallerIdentity\n    expect: { ok: true }\n`;
		expect(() => parseScenario(scenario('service:dev-lee'), 't.yaml')).toThrow(/a caller is/);
		expect(() => parseScenario(scenario('service:ec2.amazonaws.com'), 't.yaml')).toThrow(
			/only call AssumeRole/
		);
	});

	it('a service caller may only call AssumeRole; other calls are simulator errors', () => {
		const s = state();
		for (const call of ['GetCallerIdentity', 'GetSessionToken', 's3:GetObject'])
			expect(outcomeOf(s, { as: EC2, call }).simulatorError).toMatch(/can only call AssumeRole/);
	});
});

describe('EC2 instance-role credentials (sts-facts §2.1, §2.2, §12)', () => {
	it('are not limited by the role MaxSessionDuration, only by the model range 900..43200', () => {
		const s = state();
		const o = outcomeOf(s, {
			as: EC2,
			...assume('WebAppRole', INSTANCE, { DurationSeconds: 21600 })
		});
		expect(o.ok).toBe(true);
		expect(o.facts.expiresAt! - o.at).toBe(21600);
		expect(o.explanation.details.join(' ')).toContain('not limited by the role');
		for (const DurationSeconds of [899, 43201]) {
			const bad = outcomeOf(s, { as: EC2, ...assume('WebAppRole', INSTANCE, { DurationSeconds }) });
			expect(bad.error?.code).toBe('ValidationError');
			expect(bad.error?.message).toContain("at 'durationSeconds'");
		}
		// The same request from an IAM caller is held to MaxSessionDuration (3600 by default).
		expect(
			outcomeOf(s, { as: EC2, ...assume('WebAppRole', INSTANCE) }).facts.expiresAt! - s.now
		).toBe(3600);
	});

	it('GetCallerIdentity with them returns the assumed-role ARN named after the instance ID', () => {
		const s = issue(state(), { as: EC2, ...assume('WebAppRole', INSTANCE), save: 'imds' });
		const o = outcomeOf(s, { as: 'creds:imds', call: 'GetCallerIdentity' });
		expect(o.ok).toBe(true);
		expect(o.response).toMatchObject({
			Account: ACCT,
			Arn: `arn:aws:sts::${ACCT}:assumed-role/WebAppRole/${INSTANCE}`
		});
		expect(o.facts.userId).toMatch(new RegExp(`^AROA[A-Z2-7]{17}:${INSTANCE}$`));
		expect(outcomeOf(s, { as: 'creds:imds', call: 's3:GetObject' }).allowed).toBe(true);
	});

	it('rotation: new credentials before expiry, the old ones valid until Expiration, then ExpiredToken', () => {
		let s = issue(state(), {
			as: EC2,
			...assume('WebAppRole', INSTANCE, { DurationSeconds: 21600 }),
			save: 'old'
		});
		s = later(s, 21600 - 300);
		s = issue(s, {
			as: EC2,
			...assume('WebAppRole', INSTANCE, { DurationSeconds: 21600 }),
			save: 'new'
		});
		expect(outcomeOf(s, { as: 'creds:old', call: 's3:GetObject' }).allowed).toBe(true);
		s = later(s, 300);
		expect(outcomeOf(s, { as: 'creds:old', call: 's3:GetObject' }).error?.code).toBe(
			'ExpiredToken'
		);
		expect(outcomeOf(s, { as: 'creds:new', call: 's3:GetObject' }).allowed).toBe(true);
	});

	it('[inf] AssumeRole made with them is not role chaining: the target MaxSessionDuration applies, not the 1 h cap', () => {
		let s = issue(state(), { as: EC2, ...assume('WebAppRole', INSTANCE), save: 'imds' });
		const o = outcomeOf(s, {
			as: 'creds:imds',
			...assume('Target', 'app', { DurationSeconds: 7200 })
		});
		expect(o.ok).toBe(true);
		expect(o.facts.expiresAt! - o.at).toBe(7200);
		expect(o.explanation.details.join(' ')).toContain('not treat using roles');
		const tooLong = outcomeOf(s, {
			as: 'creds:imds',
			...assume('Target', 'app', { DurationSeconds: 10800 })
		});
		expect(tooLong.error?.message).toBe(messages.exceedsMaxSessionDuration);
		// The session obtained that way is an ordinary role session: the next hop is role chaining.
		s = issue(s, { as: 'creds:imds', ...assume('Target', 'app'), save: 'app' });
		const next = outcomeOf(s, {
			as: 'creds:app',
			...assume('Target', 'again', { DurationSeconds: 3601 })
		});
		expect(next.error?.message).toBe(messages.exceedsChainingLimit);
	});
});

describe('Lambda and other service credentials (sts-facts §2.1, §2.2)', () => {
	it('the execution role session is not limited by MaxSessionDuration either', () => {
		const o = outcomeOf(state(), {
			as: LAMBDA,
			...assume('FunctionRole', 'shipment-events', { DurationSeconds: 43200 })
		});
		expect(o.facts.expiresAt! - o.at).toBe(43200);
	});

	it('AssumeRole made with them is role chaining: more than 3600 s is a ValidationError', () => {
		for (const as of [LAMBDA, 'service:ecs-tasks.amazonaws.com']) {
			const s = issue(state(), { as, ...assume('FunctionRole', 'fn'), save: 'exec' });
			const o = outcomeOf(s, {
				as: 'creds:exec',
				...assume('Target', 'writer', { DurationSeconds: 7200 })
			});
			expect(o.error).toEqual({
				code: 'ValidationError',
				httpStatus: 400,
				message:
					'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
			});
			const ok = outcomeOf(s, { as: 'creds:exec', ...assume('Target', 'writer') });
			expect(ok.ok).toBe(true);
			expect(ok.facts.expiresAt! - ok.at).toBe(3600);
			expect(ok.explanation.details.join(' ')).toContain('role chaining');
		}
	});

	it('they cannot call GetSessionToken or GetFederationToken (role session, sts-facts §2.4)', () => {
		const s = issue(state(), { as: LAMBDA, ...assume('FunctionRole', 'fn'), save: 'exec' });
		expect(outcomeOf(s, { as: 'creds:exec', call: 'GetSessionToken' }).error?.message).toBe(
			'Cannot call GetSessionToken with session credentials'
		);
	});
});

describe('EC2 instance-role credentials carry their own keys (sts-facts §5)', () => {
	const keysOf = (s: ReturnType<typeof state>, saved: string) => {
		const creds = s.credentials.find((c) => c.savedAs === saved)!;
		return principalKeys({ kind: 'session', creds }, s.world, s.now);
	};
	it('ec2:SourceInstanceARN, the VPC, the private address and the delivery version; not on the next hop', () => {
		let s = issue(state(), { as: EC2, ...assume('WebAppRole', INSTANCE), save: 'imds' });
		s = issue(s, { as: 'creds:imds', ...assume('Target', 'next'), save: 'next' });
		s = issue(s, { as: LAMBDA, ...assume('FunctionRole', 'fn'), save: 'fn' });
		const ec2 = keysOf(s, 'imds');
		expect(ec2['ec2:SourceInstanceARN']).toBe(`arn:aws:ec2:us-east-1:${ACCT}:instance/${INSTANCE}`);
		expect(ec2['aws:EC2InstanceSourceVPC']).toMatch(/^vpc-[0-9a-f]{17}$/);
		expect(ec2['aws:EC2InstanceSourcePrivateIPv4']).toMatch(/^10\.0\.\d{1,3}\.\d{1,3}$/);
		expect(ec2['ec2:RoleDelivery']).toBe('2.0');
		// Stable: the same instance, the same made-up network.
		const again = issue(s, { as: EC2, ...assume('WebAppRole', INSTANCE), save: 'imds2' });
		expect(keysOf(again, 'imds2')['aws:EC2InstanceSourcePrivateIPv4']).toBe(
			ec2['aws:EC2InstanceSourcePrivateIPv4']
		);
		for (const other of ['next', 'fn'])
			for (const key of ['ec2:SourceInstanceARN', 'aws:EC2InstanceSourceVPC', 'ec2:RoleDelivery'])
				expect(keysOf(s, other)[key], `${other} ${key}`).toBeUndefined();
	});
});
