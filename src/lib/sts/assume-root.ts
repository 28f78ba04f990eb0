/**
 * AssumeRoot (sts-facts §2, §13; API-ROOT): a short privileged session as the root user of a
 * member account, for an Organizations management account or delegated IAM administrator with
 * centralized root access enabled. Root user credentials cannot call it; DurationSeconds is
 * 0–900 (default 900); the session is scoped by one of five AWS managed task policies.
 *
 * The simulated world has no AWS Organizations, so no account can have centralized root access:
 * a request that passes every check the world can express is still refused with AccessDenied
 * [inf: AWS's wording for that case is not recorded].
 */
import { arns, parseArn } from './arn';
import { authenticated, fail, regionCheck, type ApiHandler } from './api-support';
import { awsError, messages, validationError } from './aws-errors';
import { callerArn, describeCallerAtStart } from './caller';
import { operationDenied } from './operation-permission';
import { descriptorArn, validateParams } from './validate-params';

/** sts-facts §13: the five task policies (IAM "AWS managed policies for privileged tasks"). */
export const ROOT_TASK_POLICIES = [
	'IAMAuditRootUserCredentials',
	'IAMCreateRootUserPassword',
	'IAMDeleteRootUserCredentials',
	'S3UnlockBucketPolicy',
	'SQSUnlockQueuePolicy'
] as const;

const taskPolicyArn = (name: string) => `arn:aws:iam::aws:policy/root-task/${name}`;

export const assumeRoot: ApiHandler = (ctx, resolution) => {
	const auth = authenticated(resolution, 'AssumeRoot');
	if ('failure' in auth) return auth.failure;
	const caller = auth.caller;
	const params = ctx.params;
	const invalid = validateParams('AssumeRoot', params);
	if (invalid)
		return fail(invalid, 'A parameter breaks the STS model constraints (sts-facts §13).', ['§13']);
	const target = String(params.TargetPrincipal);
	const targetAccount = /^\d{12}$/.test(target) ? target : parseArn(target)?.account;
	if (!targetAccount || !/^\d{12}$/.test(targetAccount))
		return fail(
			awsError('ValidationError', messages.invalidArn(target)),
			'TargetPrincipal is the member account: its 12-digit ID or an ARN in it (MODEL).',
			['§13']
		);
	const task = String(descriptorArn(params.TaskPolicyArn));
	if (!ROOT_TASK_POLICIES.some((name) => taskPolicyArn(name) === task))
		return fail(
			validationError([
				{
					member: 'taskPolicyArn.arn',
					value: task,
					constraint: `be one of the AWS managed root task policies: ${ROOT_TASK_POLICIES.map(taskPolicyArn).join(', ')}`
				}
			]),
			'The session must be scoped by one of the five AWS managed task policies (sts-facts §13) [inf: wording].',
			['§13']
		);
	const rootArn = arns.root(targetAccount);
	const isRootCaller =
		caller.kind === 'root' || (caller.kind === 'session' && caller.creds.identity.type === 'root');
	if (isRootCaller)
		return fail(
			awsError(
				'AccessDenied',
				messages.notAuthorized(callerArn(caller), 'sts:AssumeRoot', rootArn)
			),
			'Root user credentials cannot call AssumeRoot: it is for an Organizations management account or a delegated IAM administrator (sts-facts §2 table, API-ROOT) [inf: wording].',
			['§2', '§13']
		);
	const region = regionCheck(ctx.world, targetAccount, ctx.region);
	if (region) return region;
	// SAR-STS: resource type root-user, condition key sts:TaskPolicyArn. The member account's root
	// is reached through the organisation, not through a resource-based policy.
	const denied = operationDenied(ctx, resolution, 'AssumeRoot', rootArn, {
		context: { 'sts:TaskPolicyArn': task },
		identityPolicyReaches: true
	});
	if (denied) return denied;
	return fail(
		awsError('AccessDenied', messages.notAuthorized(callerArn(caller), 'sts:AssumeRoot', rootArn)),
		`${describeCallerAtStart(caller)} may call sts:AssumeRoot, but AssumeRoot also needs AWS Organizations with centralized root access, called from the management account or a delegated IAM administrator. This simulated world has no Organizations, so the privileged root session cannot start.`,
		['§2', '§13'],
		[
			'A privileged session lasts at most 900 seconds (15 minutes), is scoped to one task policy (audit or delete root credentials, create a root password, unlock an S3 bucket or SQS queue policy), and must be requested from a Regional STS endpoint, not the global one (API-ROOT).'
		]
	);
};
