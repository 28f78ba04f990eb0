import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation and admin action registered)
import { loadActionCatalog, setActionCatalog } from './action-catalog';
import { applyStep, attach, revoke } from './simulator';
import { createSimulator } from './simulator';
import { baseState, issue, later, outcomeOf, roleArn, worldFrom } from './test-worlds';

const ALICE = 'user:111111111111/alice';

beforeAll(async () => {
	await loadActionCatalog();
});

/** bob's session in role ForBob (allows s3:GetObject on arn:aws:s3:::bob-bucket/* only), saved as creds:r. */
const forBobSession = () =>
	issue(baseState(), {
		as: 'user:111111111111/bob',
		call: 'AssumeRole',
		params: { RoleArn: roleArn('111111111111', 'ForBob', '/team/'), RoleSessionName: 'b1' },
		save: 'r'
	});

describe('service actions', () => {
	it('allowed by an identity policy, with the statement named (§7)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 's3:GetObject',
			resource: 'arn:aws:s3:::b/k'
		});
		expect(o).toMatchObject({ ok: true, allowed: true, action: 's3:GetObject' });
		expect(o.explanation.summary).toContain('alice-policy-2 statement 1');
	});

	it('implicitly denied: AccessDenied in AWS wording (S3 quotes the resource ARN)', () => {
		const o = outcomeOf(baseState(), {
			as: 'user:111111111111/bob',
			call: 's3:GetObject',
			resource: 'arn:aws:s3:::b/k'
		});
		expect(o.allowed).toBe(false);
		expect(o.error).toMatchObject({ code: 'AccessDenied', httpStatus: 403 });
		expect(o.error?.message).toBe(
			'User: arn:aws:iam::111111111111:user/bob is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action'
		);
	});

	it('a request with no resource: the resource AWS names differs by action', () => {
		const message = (call: string, region?: string) =>
			outcomeOf(baseState(), {
				as: 'user:111111111111/bob',
				call,
				...(region ? { region } : {})
			}).error?.message;
		const bob = 'User: arn:aws:iam::111111111111:user/bob is not authorized to perform:';
		expect(message('iam:ListUsers')).toBe(
			`${bob} iam:ListUsers on resource: arn:aws:iam::111111111111:user/ because no identity-based policy allows the iam:ListUsers action`
		);
		expect(message('iam:ListRoles')).toContain('on resource: arn:aws:iam::111111111111:role/ ');
		expect(message('iam:ListGroups')).toContain('on resource: arn:aws:iam::111111111111:group/ ');
		expect(message('iam:ListPolicies')).toContain(
			'iam:ListPolicies on resource: policy path / because'
		);
		expect(message('dynamodb:ListTables', 'eu-west-3')).toContain(
			'on resource: arn:aws:dynamodb:eu-west-3:111111111111:table/* because'
		);
		expect(message('lambda:ListFunctions')).toContain(
			'lambda:ListFunctions on resource: * because'
		);
		expect(message('kms:ListKeys')).toContain('kms:ListKeys on resource: * because');
		expect(message('sns:ListTopics')).toContain(
			'SNS:ListTopics on resource: arn:aws:sns:us-east-1:111111111111:* because'
		);
		expect(message('secretsmanager:ListSecrets')).toContain('secretsmanager:ListSecrets because');
		expect(message('s3:ListAllMyBuckets')).toBe(
			`${bob} s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action`
		);
	});

	it('an explicit deny from a managed policy attached by ARN names its ARN; an inline one names none', () => {
		const alice = { as: ALICE, call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
		const denyAll = applyStep(baseState(), {
			attach: {
				to: 'arn:aws:iam::111111111111:user/alice',
				policy: 'arn:aws:iam::aws:policy/AWSDenyAll'
			}
		}).state;
		expect(outcomeOf(denyAll, alice).error?.message).toMatch(
			/ with an explicit deny in an identity-based policy: arn:aws:iam::aws:policy\/AWSDenyAll$/
		);
		const inline = attach(baseState(), 'arn:aws:iam::111111111111:user/alice', {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }]
		}).state;
		expect(outcomeOf(inline, alice).error?.message).toMatch(
			/ with an explicit deny in an identity-based policy$/
		);
	});

	it("EC2's wording: Describe* denials carry no encoded authorization message, others do", () => {
		const message = (call: string) =>
			outcomeOf(baseState(), { as: 'user:111111111111/bob', call }).error?.message ?? '';
		expect(message('ec2:DescribeInstances')).toBe(
			'You are not authorized to perform this operation. User: arn:aws:iam::111111111111:user/bob is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action'
		);
		expect(message('ec2:RunInstances')).toMatch(
			/^You are not authorized to perform this operation\. .* Encoded authorization failure message: \S+$/
		);
	});

	it('SNS spells its prefix in capitals in denial messages', () => {
		const o = outcomeOf(baseState(), {
			as: 'user:111111111111/bob',
			call: 'sns:Publish',
			resource: 'arn:aws:sns:us-east-1:111111111111:alerts'
		});
		expect(o.error?.message).toBe(
			'User: arn:aws:iam::111111111111:user/bob is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:111111111111:alerts because no identity-based policy allows the SNS:Publish action'
		);
	});

	it('a session policy the simulator has no document for: the call succeeds, decisions it could change are not answered', () => {
		const s = issue(baseState(), {
			as: 'user:111111111111/bob',
			call: 'AssumeRole',
			params: {
				RoleArn: roleArn('111111111111', 'ForBob', '/team/'),
				RoleSessionName: 'b1',
				PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess' }]
			},
			save: 'r'
		});
		// ForBob allows s3:GetObject on bob-bucket only: elsewhere the answer is known.
		expect(
			outcomeOf(s, { as: 'creds:r', call: 's3:GetObject', resource: 'arn:aws:s3:::other/x' })
		).toMatchObject({ allowed: false, error: { code: 'AccessDenied' } });
		expect(
			outcomeOf(s, { as: 'creds:r', call: 's3:GetObject', resource: 'arn:aws:s3:::bob-bucket/x' })
				.simulatorError
		).toMatch(
			/depends on the session policy arn:aws:iam::aws:policy\/job-function\/ViewOnlyAccess/
		);
	});

	it('SQS spells the action in lower case, and ListQueues names the Region and account', () => {
		const message = (call: string, resource?: string) =>
			outcomeOf(baseState(), {
				as: 'user:111111111111/bob',
				call,
				...(resource ? { resource } : {})
			}).error?.message;
		expect(message('sqs:SendMessage', 'arn:aws:sqs:us-east-1:111111111111:orders')).toBe(
			'User: arn:aws:iam::111111111111:user/bob is not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:111111111111:orders because no identity-based policy allows the sqs:sendmessage action'
		);
		expect(message('sqs:ListQueues')).toContain(
			'sqs:listqueues on resource: arn:aws:sqs:us-east-1:111111111111: because'
		);
	});

	it('explicit deny wins (§7)', () => {
		const o = outcomeOf(baseState(), {
			as: 'user:111111111111/denied',
			call: 's3:GetObject',
			resource: 'arn:aws:s3:::b/k'
		});
		expect(o.error?.message).toContain('with an explicit deny in an identity-based policy');
	});

	it('role sessions use the role permissions, named by the assumed-role ARN', () => {
		const s = forBobSession();
		expect(
			outcomeOf(s, { as: 'creds:r', call: 's3:GetObject', resource: 'arn:aws:s3:::bob-bucket/x' })
				.allowed
		).toBe(true);
		const denied = outcomeOf(s, {
			as: 'creds:r',
			call: 's3:GetObject',
			resource: 'arn:aws:s3:::other/x'
		});
		expect(denied.error?.message).toContain(
			'User: arn:aws:sts::111111111111:assumed-role/ForBob/b1 is not authorized to perform: s3:GetObject'
		);
	});

	it('the resource defaults to "*" and a wildcard-resource denial omits "on resource"', () => {
		const o = outcomeOf(baseState(), { as: 'user:111111111111/bob', call: 's3:ListAllMyBuckets' });
		expect(o.error?.message).toBe(
			'User: arn:aws:iam::111111111111:user/bob is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action'
		);
	});

	it('without a resource, the default "*" asks about some resource (content/README.md)', () => {
		const s = forBobSession();
		expect(outcomeOf(s, { as: 'creds:r', call: 's3:GetObject' }).allowed).toBe(true);
		expect(outcomeOf(s, { as: 'creds:r', call: 's3:PutObject' }).allowed).toBe(false);
	});

	it('a resource in another account needs a resource policy, which is not modelled (§7)', () => {
		const o = outcomeOf(baseState(), {
			as: ALICE,
			call: 'dynamodb:GetItem',
			resource: 'arn:aws:dynamodb:us-east-1:222222222222:table/t'
		});
		expect(o.allowed).toBe(false);
		expect(o.error?.message).toContain('because no resource-based policy allows');
	});

	it('root is not restricted by IAM policies (§6)', () => {
		expect(
			outcomeOf(baseState(), {
				as: 'root:111111111111',
				call: 'iam:DeleteUser',
				resource: 'arn:aws:iam::111111111111:user/bob'
			}).allowed
		).toBe(true);
	});

	it('expired credentials: ExpiredToken for service actions too (§1)', () => {
		const s = later(
			issue(baseState(), {
				as: ALICE,
				call: 'AssumeRole',
				params: {
					RoleArn: roleArn('111111111111', 'Local'),
					RoleSessionName: 'x1',
					DurationSeconds: 900
				},
				save: 'r'
			}),
			901
		);
		const o = outcomeOf(s, { as: 'creds:r', call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
		expect(o.error).toMatchObject({
			code: 'ExpiredToken',
			message: 'The security token included in the request is expired'
		});
		expect(o.allowed).toBe(false);
		// It says how S3's documentation words it, as what a real call may print, next to the
		// answer shown (the fact base's), so the note and the wire answer above it agree; and how
		// long ago the credentials expired.
		const note = o.explanation.details.join(' ');
		expect(note).toContain('The provided token has expired.');
		expect(note).toContain(
			'The simulator answers every service with the wording and status the fact base records (§1): "The security token included in the request is expired", HTTP 403.'
		);
		expect(note).toContain('a real S3 call may print that instead');
		expect(note).not.toMatch(/S3 itself words/);
		expect(o.explanation.summary).toContain('expired 1 s ago');
	});

	it('policies are evaluated per request: attaching a deny affects an existing session (§7)', () => {
		let s = issue(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: { RoleArn: roleArn('111111111111', 'Local'), RoleSessionName: 'x1' },
			save: 'r'
		});
		s = attach(s, roleArn('111111111111', 'Local'), {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }]
		}).state;
		expect(
			outcomeOf(s, { as: 'creds:r', call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }).allowed
		).toBe(false);
	});

	it('revocation denies sessions issued before it, not those after, nor long-term keys (§6)', () => {
		let s = issue(baseState(), {
			as: ALICE,
			call: 'AssumeRole',
			params: { RoleArn: roleArn('111111111111', 'Local'), RoleSessionName: 'early' },
			save: 'early'
		});
		s = later(s, 600);
		s = revoke(s, roleArn('111111111111', 'Local')).state;
		s = later(s, 1);
		s = issue(s, {
			as: ALICE,
			call: 'AssumeRole',
			params: { RoleArn: roleArn('111111111111', 'Local'), RoleSessionName: 'late' },
			save: 'late'
		});
		const early = outcomeOf(s, {
			as: 'creds:early',
			call: 's3:GetObject',
			resource: 'arn:aws:s3:::b/k'
		});
		expect(early.allowed).toBe(false);
		expect(early.explanation.summary).toContain('AWSRevokeOlderSessions');
		expect(
			outcomeOf(s, { as: 'creds:late', call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }).allowed
		).toBe(true);
		// GetCallerIdentity still works for the revoked session (§6, §9).
		expect(outcomeOf(s, { as: 'creds:early', call: 'GetCallerIdentity' }).ok).toBe(true);
	});

	it("a revoked user's GetSessionToken credentials: the explanation names the user, not a role (§6)", () => {
		let s = issue(baseState(), { as: ALICE, call: 'GetSessionToken', save: 'gst' });
		s = later(s, 60);
		s = revoke(s, 'arn:aws:iam::111111111111:user/alice').state;
		const o = outcomeOf(s, { as: 'creds:gst', call: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
		expect(o.allowed).toBe(false);
		expect(o.explanation.summary).toContain(
			'These credentials were issued before the active sessions of user alice were revoked'
		);
		expect(o.explanation.summary).not.toContain('role');
	});

	it('aws:MultiFactorAuthPresent: absent for long-term keys, true for GetSessionToken+MFA, false for role sessions (§5, §2.4)', () => {
		let s = baseState();
		s = issue(s, {
			as: ALICE,
			call: 'AssumeRole',
			mfa: true,
			params: { RoleArn: roleArn('222222222222', 'NeedsMfa'), RoleSessionName: 'm1' },
			save: 'r'
		});
		const o = outcomeOf(s, { as: 'creds:r', call: 'iam:ListUsers' });
		expect(o.allowed).toBe(false);
		expect(o.explanation.details.join('\n')).toContain(
			'Bool aws:MultiFactorAuthPresent "true" did not hold: the request had "false"'
		);
	});

	it('an unsupported service or unknown action is a simulator error, not an AWS answer', () => {
		const unsupported = outcomeOf(baseState(), { as: ALICE, call: 'glacier:ListVaults' });
		expect(unsupported.simulatorError).toContain('does not model glacier');
		expect(unsupported.allowed).toBeUndefined();
		expect(outcomeOf(baseState(), { as: ALICE, call: 's3:GetObjekt' }).simulatorError).toBe(
			'Amazon S3 has no action GetObjekt'
		);
	});

	it('action names are matched case-insensitively and reported canonically', () => {
		expect(
			outcomeOf(baseState(), { as: ALICE, call: 's3:getobject', resource: 'arn:aws:s3:::b/k' })
				.action
		).toBe('s3:getobject');
		const o = outcomeOf(baseState(), {
			as: 'user:111111111111/bob',
			call: 's3:getobject',
			resource: 'arn:aws:s3:::b/k'
		});
		expect(o.error?.message).toContain('perform: s3:GetObject');
	});

	it('anonymous requests need credentials', () => {
		expect(
			outcomeOf(baseState(), {
				as: 'anonymous',
				call: 's3:GetObject',
				resource: 'arn:aws:s3:::b/k'
			}).error?.code
		).toBe('MissingAuthenticationToken');
	});
});

describe('without the IAM data catalogue', () => {
	afterEach(async () => {
		await loadActionCatalog();
	});
	it('still checks the service, not the action name', () => {
		setActionCatalog(undefined);
		expect(
			outcomeOf(baseState(), { as: 'user:111111111111/bob', call: 's3:GetObjekt' }).error?.code
		).toBe('AccessDenied');
		expect(
			outcomeOf(baseState(), { as: ALICE, call: 'glacier:ListVaults' }).simulatorError
		).toBeDefined();
	});
});

describe('the tags of the IAM role or user a request acts on (aws:ResourceTag and iam:ResourceTag)', () => {
	// IAM "Assume roles that have a specific tag" (iam:ResourceTag on sts:AssumeRole) and
	// "Controlling access to and for IAM users and roles using tags" (iam:DeleteUser on a tagged user).
	const WORLD = `
start: 2026-03-01T08:00:00Z
accounts:
  - id: "123456789012"
    users:
      - name: admin
        policies:
          - Version: "2012-10-17"
            Statement:
              - { Effect: Allow, Action: "sts:AssumeRole", Resource: "*", Condition: { StringEquals: { "iam:ResourceTag/Project": ExampleCorpABC } } }
              - { Effect: Allow, Action: "iam:DeleteUser", Resource: "*", Condition: { StringEquals: { "iam:ResourceTag/status": terminated } } }
              - { Effect: Allow, Action: "iam:TagUser", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/status": terminated } } }
      - name: leaver
        tags: { status: terminated }
      - name: stayer
        tags: { status: active }
    roles:
      - name: Tagged
        tags: { Project: ExampleCorpABC }
        trust:
          Version: "2012-10-17"
          Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }]
      - name: Untagged
        trust:
          Version: "2012-10-17"
          Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }]
`;
	const s = () => createSimulator(worldFrom(WORLD), { seed: 3 });
	const ADMIN = 'user:123456789012/admin';
	const assume = (role: string) =>
		outcomeOf(s(), {
			as: ADMIN,
			call: 'AssumeRole',
			params: { RoleArn: `arn:aws:iam::123456789012:role/${role}`, RoleSessionName: 'admin' }
		});
	const onUser = (call: string, user: string) =>
		outcomeOf(s(), { as: ADMIN, call, resource: `arn:aws:iam::123456789012:user/${user}` });

	it('AssumeRole sees the role tags as iam:ResourceTag', () => {
		expect(assume('Tagged').ok).toBe(true);
		expect(assume('Untagged').error?.code).toBe('AccessDenied');
	});

	it('an IAM action on a user sees the user tags under both prefixes', () => {
		expect(onUser('iam:DeleteUser', 'leaver').allowed).toBe(true);
		expect(onUser('iam:DeleteUser', 'stayer').allowed).toBe(false);
		expect(onUser('iam:TagUser', 'leaver').allowed).toBe(true);
		expect(onUser('iam:TagUser', 'stayer').allowed).toBe(false);
		// A user the world does not have carries no tags.
		expect(onUser('iam:DeleteUser', 'ghost').allowed).toBe(false);
	});
});

describe('actions with no resource type, and the root user across accounts (found by blind15k)', () => {
	const world = worldFrom(`
start: 2026-03-02T10:00:00Z
accounts:
  - id: "111111111111"
    root: {}
    users:
      - name: narrow
        policies:
          - Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [ec2:DescribeInstances, kms:ListKeys]
                Resource: arn:aws:ec2:us-east-1:111111111111:instance/i-0123456789abcdef0
      - name: wide
        policies:
          - Version: "2012-10-17"
            Statement:
              - { Effect: Allow, Action: [ec2:DescribeInstances, kms:ListKeys], Resource: "*" }
              - Effect: Deny
                Action: ec2:DescribeInstances
                Resource: arn:aws:ec2:us-east-1:111111111111:instance/i-0123456789abcdef0
  - id: "222222222222"
`);
	const s = () => createSimulator(world);

	it('a statement naming a specific ARN neither grants nor denies it; "*" does', () => {
		for (const call of ['ec2:DescribeInstances', 'kms:ListKeys']) {
			expect(outcomeOf(s(), { as: 'user:111111111111/narrow', call }).allowed, call).toBe(false);
			expect(outcomeOf(s(), { as: 'user:111111111111/wide', call }).allowed, call).toBe(true);
		}
	});

	it("the root user is not allowed another account's resource without a resource-based policy", () => {
		const table = 'arn:aws:dynamodb:us-east-1:222222222222:table/Orders';
		const o = outcomeOf(s(), {
			as: 'root:111111111111',
			call: 'dynamodb:GetItem',
			resource: table
		});
		expect(o.allowed).toBe(false);
		expect(o.error?.message).toContain('because no resource-based policy allows');
		expect(
			outcomeOf(s(), {
				as: 'root:111111111111',
				call: 'dynamodb:GetItem',
				resource: 'arn:aws:dynamodb:us-east-1:111111111111:table/Orders'
			}).allowed
		).toBe(true);
	});
});
