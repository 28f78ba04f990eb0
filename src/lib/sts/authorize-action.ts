/**
 * Authorising a service action (s3:GetObject, iam:ListUsers, …) with any credentials. The action
 * is not executed; the simulator answers what AWS's authorisation would (sts-facts §2.4, §6, §7, §9).
 * Resource-based policies are not modelled, so a resource in another account is reachable only
 * through a role in that account (sts-facts §7).
 */
import { actionSupportsAwsResourceInfoContextKeys } from '@cloud-copilot/iam-utils';
import {
	authenticated,
	fail,
	simulatorFailure,
	type ApiContext,
	type ApiResult
} from './api-support';
import { awsError, messages } from './aws-errors';
import {
	conditionItems,
	encodeAuthorizationMessage,
	ENCODED_MESSAGE_SERVICES,
	type MatchedStatement
} from './authorization-message';
import { describeCallerAtStart, type CallerResolution, type SignedCaller } from './caller';
import { lookupAction } from './action-catalog';
import { analyseStatements, decisiveStatements } from './explain';
import { explanation, type StatementVerdict } from './explanation';
import { parseArn } from './arn';
import { permissionsOf } from './permissions';
import { ALLOW_ALL, type ContextValues } from './policy-evaluation';
import { statementsOf } from './policy-model';
import type { NamedPolicy } from './world';
import { principalKeys, requestKeys, resourceTagKeys } from './request-context';
import { findEntity } from './world-lookup';
import { decideWithSessionPolicies, undecidableMessage } from './session-policy';
import { isSimulatedService, serviceOf, SUPPORTED_SERVICES } from './supported-services';

const REVOCATION_POLICY = 'AWSRevokeOlderSessions';

/**
 * The resource AWS's denial message names for a request that names none (the step's default "*").
 * AWS's messages differ by action [obs, AWS CLI output]: iam:ListUsers / ListRoles / ListGroups name
 * the path-prefix ARN ("... iam:ListUsers on resource: arn:aws:iam::111122223333:user/ because no
 * identity-based policy allows the iam:ListUsers action"; the IAM API reference's ListRoles error
 * example reads "on resource: arn:aws:iam::123456789012:role/"), iam:ListPolicies "on resource: policy
 * path /", dynamodb:ListTables names
 * arn:aws:dynamodb:REGION:ACCOUNT:table/*, Lambda and KMS keep "on resource: *"; S3 (s3:ListAllMyBuckets)
 * and EC2 leave the clause out ("... is not authorized to perform: s3:ListAllMyBuckets because no
 * identity-based policy allows the s3:ListAllMyBuckets action"), as do the other services here.
 */
function resourceNamedForAny(action: string, account: string, region: string): string | undefined {
	const [service, name] = action.toLowerCase().split(':');
	const iamList = /^iam:list(users|roles|groups)$/i.exec(action)?.[1]?.toLowerCase();
	if (iamList) return `arn:aws:iam::${account}:${iamList.slice(0, -1)}/`;
	if (action.toLowerCase() === 'iam:listpolicies') return 'policy path /';
	if (service === 'dynamodb' && name === 'listtables')
		return `arn:aws:dynamodb:${region}:${account}:table/*`;
	// [obs] "lambda:ListFunctions on resource: * because …", "kms:ListKeys on resource: * because …"
	if (service === 'lambda' || service === 'kms') return '*';
	// [obs] "SNS:ListTopics on resource: arn:aws:sns:us-east-1:123456789012:*"
	if (service === 'sns' && name === 'listtopics') return `arn:aws:sns:${region}:${account}:*`;
	// [obs] "sqs:listqueues on resource: arn:aws:sqs:us-east-1:123456789012: because …"
	if (service === 'sqs' && name === 'listqueues') return `arn:aws:sqs:${region}:${account}:`;
	return undefined;
}

/**
 * The action as a service's denial message spells it: SNS writes its prefix in capitals ([obs] "is not
 * authorized to perform: SNS:Publish on resource: arn:aws:sns:… because no resource-based policy allows
 * the SNS:Publish action", also SNS:CreateTopic), SQS writes the whole action in lower case ([obs] "… is
 * not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:… because no identity-based policy
 * allows the sqs:sendmessage action"), the others as the request names it.
 */
function actionAsWorded(action: string): string {
	const [service, name] = action.split(':');
	if (service.toLowerCase() === 'sqs') return action.toLowerCase();
	return service.toLowerCase() === 'sns' && name ? `SNS:${name}` : action;
}

/** AWS's access-denied wording; the reason suffix follows AWS's current messages [inf: not in sts-facts]. */
function deniedMessage(
	arn: string,
	action: string,
	resource: string,
	reason: string,
	where: { account: string; region: string }
): string {
	const named =
		resource === '*' ? resourceNamedForAny(action, where.account, where.region) : resource;
	// S3 quotes the resource: "Most access denied error messages appear in the format User user-arn is
	// not authorized to perform action on "resource-arn" because context" (S3 User Guide, Troubleshoot
	// access denied (403 Forbidden) errors, https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html).
	const shown = named !== undefined && /^s3:/i.test(action) ? `"${named}"` : named;
	const base =
		shown === undefined
			? `User: ${arn} is not authorized to perform: ${action}`
			: messages.notAuthorized(arn, action, shown);
	return reason ? `${base} ${reason}` : base;
}

/**
 * AWS names the managed policy whose Deny decided: "... with an explicit deny in an identity-based
 * policy: arn:aws:iam::123456789012:policy/ExampleDenyPolicy" (IAM "Troubleshoot access denied error
 * messages with authorization ID",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied-authorization-id.html;
 * [obs] AWS managed ones too, e.g. "...: arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3").
 * An inline policy has no ARN, and what AWS appends for one is not documented: nothing is appended.
 */
function denyingPolicyArn(
	verdicts: readonly StatementVerdict[],
	policies: readonly NamedPolicy[],
	request: Parameters<typeof analyseStatements>[2]
): string {
	const analysed = verdicts.length ? verdicts : analyseStatements('identity', policies, request);
	const deciding = analysed.find((v) => v.matches && v.effect === 'Deny');
	const arn = deciding && policies.find((p) => p.name === deciding.policy)?.arn;
	return arn ? `: ${arn}` : '';
}

/** How an STS operation authorised like an action (operation-permission.ts) adjusts the request. */
export interface ActionRequestOptions {
	/** Service-specific condition keys of the operation (e.g. sts:TaskPolicyArn). */
	context?: ContextValues;
	/** The resource is reached without a resource-based policy (AssumeRoot's member-account root). */
	identityPolicyReaches?: boolean;
}

/**
 * sts:AssumeRoot reaches a member account's root user through the organisation (centralized root
 * access), not through a resource-based policy the root user could carry (assume-root.ts), whether
 * it is sent as the operation or authorised as an action.
 */
const reachedThroughOrganization = (action: string) => action.toLowerCase() === 'sts:assumeroot';

export function authorizeAction(
	ctx: ApiContext,
	resolution: CallerResolution,
	requestedAction: string,
	options: ActionRequestOptions = {}
): ApiResult {
	const auth = authenticated(resolution, requestedAction);
	if ('failure' in auth) {
		const failure = auth.failure;
		if (!failure.ok && failure.error?.code === 'MissingAuthenticationToken') {
			return fail(
				failure.error,
				`${requestedAction} needs signed credentials. (Anonymous access through resource policies, such as a public S3 bucket, is not modelled.)`,
				['§4']
			);
		}
		// S3's documentation lists the same code with its own wording and status (S3 API Reference,
		// error codes list: "ExpiredToken | The provided token has expired. | 400 Bad Request",
		// https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html; the S3 User Guide's
		// "Billing for Amazon S3 error responses" table lists it under 400 too). The fact base records
		// the 403 answer (sts-facts §1, §4), which the simulator gives for every service; the note
		// says which it shows and that a real S3 call may print the other, without claiming which.
		if (
			!failure.ok &&
			failure.error?.code === 'ExpiredToken' &&
			serviceOf(requestedAction) === 's3'
		)
			return {
				...failure,
				explanation: {
					...failure.explanation,
					details: [
						...failure.explanation.details,
						'The simulator answers every service with the wording and status the fact base records (§1): "The security token included in the request is expired", HTTP 403. Amazon S3\'s own error-code list documents ExpiredToken as "The provided token has expired." with HTTP 400 Bad Request, so a real S3 call may print that instead; the error code, ExpiredToken, is the same either way.'
					]
				}
			};
		return failure;
	}
	const caller = auth.caller;
	const service = serviceOf(requestedAction);
	if (!service)
		return simulatorFailure(`${requestedAction} is not an action of the form service:Action`);
	if (!isSimulatedService(service))
		return simulatorFailure(
			`the simulator does not model ${service}; it authorises actions of ${SUPPORTED_SERVICES.join(', ')}`
		);
	const lookup = lookupAction(requestedAction);
	if (lookup.known === false) return simulatorFailure(lookup.reason);
	const action = lookup.action;
	const actionName = action.slice(action.indexOf(':') + 1);
	const resource = ctx.request.resource ?? '*';
	const { world, now } = ctx;

	if (caller.kind === 'session') {
		const c = caller.creds;
		// §2.4 / §4: IAM rejects GetSessionToken credentials obtained without MFA, and GetFederationToken credentials, as invalid tokens.
		if (
			service === 'iam' &&
			((c.api === 'GetSessionToken' && c.mfaAuthenticatedAt === undefined) ||
				c.api === 'GetFederationToken')
		) {
			return fail(
				awsError('InvalidClientTokenId', messages.invalidClientTokenId),
				c.api === 'GetSessionToken'
					? 'These GetSessionToken credentials were obtained without MFA, and such credentials cannot call any IAM API: IAM rejects the token itself, before any policy is read (sts-facts §2.4, §4). Call GetSessionToken again with SerialNumber and TokenCode.'
					: 'GetFederationToken credentials cannot call IAM through the API or CLI (sts-facts §2.4, §4).',
				['§2.4', '§4']
			);
		}
		const stsAllowed =
			c.api === 'GetSessionToken'
				? ['AssumeRole', 'GetCallerIdentity']
				: c.api === 'GetFederationToken'
					? ['GetCallerIdentity']
					: undefined;
		if (
			service === 'sts' &&
			stsAllowed &&
			!stsAllowed.some((a) => a.toLowerCase() === actionName.toLowerCase())
		) {
			return fail(
				awsError(
					'AccessDenied',
					deniedMessage(c.identity.arn, action, resource, '', {
						account: c.identity.account,
						region: ctx.region
					})
				),
				`${c.api} credentials may call no STS operation except ${stsAllowed.join(' and ')} (sts-facts §2.4).`,
				['§2.4']
			);
		}
		if (
			service === 'sts' &&
			!stsAllowed &&
			['getsessiontoken', 'getfederationtoken'].includes(actionName.toLowerCase())
		) {
			const api =
				actionName.toLowerCase() === 'getsessiontoken' ? 'GetSessionToken' : 'GetFederationToken';
			return fail(
				awsError('AccessDenied', messages.sessionCredentialsNotAllowed(api)),
				`Role sessions cannot call ${api} (sts-facts §2.4).`,
				['§2.4']
			);
		}
	}
	if (action.toLowerCase() === 'sts:getcalleridentity') {
		return allowed(
			`GetCallerIdentity needs no permission and ignores explicit denies (sts-facts §9).`,
			['§9'],
			[]
		);
	}

	const perms = permissionsOf(caller, world);
	if (!perms) throw new Error('unreachable: anonymous callers were rejected above');
	const arnAccount = parseArn(resource)?.account;
	// S3 ARNs carry no account: the simulator places such resources in the caller's account.
	const resourceAccount =
		arnAccount &&
		/^\d{12}$/.test(arnAccount) &&
		!(options.identityPolicyReaches ?? reachedThroughOrganization(action))
			? arnAccount
			: perms.account;
	// The root user's permissions are its own account's: another account's resource still needs a
	// resource-based policy (IAM-EVAL cross-account; found by blind15k).
	if (perms.unrestricted && perms.sessionPolicies === null && resourceAccount === perms.account) {
		return allowed(
			`${describeCallerAtStart(caller)} acts as the root user, whose permissions IAM policies cannot restrict (sts-facts §6). AWS recommends not using root for everyday work.`,
			['§6'],
			[]
		);
	}
	// IAM-CK aws:RequestedRegion: "Some global services, such as IAM, have a single endpoint …
	// physically located in the US East (N. Virginia) Region, IAM calls are always made to the
	// us-east-1 Region", whatever Region the caller's client is set to (sts-facts §5).
	const requestedRegion = service === 'iam' ? 'us-east-1' : ctx.region;
	const context = {
		...requestKeys(requestedRegion, now),
		// IAM-CK aws:ResourceAccount: the account that owns the resource, "always included in the request
		// context for most service actions"; the documented exceptions (EBS direct APIs, EC2 peering and
		// snapshot copies, …) are iam-utils' list.
		...(actionSupportsAwsResourceInfoContextKeys(action)
			? {
					'aws:ResourceAccount':
						arnAccount && /^\d{12}$/.test(arnAccount) ? arnAccount : perms.account
				}
			: {}),
		// An IAM user or role the action is on: its tags are the resource's tags (resourceTagKeys).
		...(service === 'iam' ? resourceTagKeys(findEntity(world, resource)?.entity.tags) : {}),
		...principalKeys(caller, world, now),
		...options.context
	};
	const identityPolicies = perms.unrestricted ? [ALLOW_ALL] : perms.identityPolicies;
	// An action with no resource types is authorised on "*" only: a statement naming a specific ARN
	// does not grant it (Service Authorization Reference: "If there is no value for this column, you
	// must specify all resources ("*")"; found by blind15k).
	const wildcardOnlyAction =
		lookup.known === true && lookup.wildcardOnly === true && resource === '*';
	const request = {
		principal: perms.principal,
		action,
		resource,
		resourceAccount,
		context,
		wildcardOnlyAction
	};
	const decision = decideWithSessionPolicies(
		{ ...request, identityPolicies },
		perms.sessionPolicies
	);
	if (decision.undecidable) return simulatorFailure(undecidableMessage(decision.undecidable));

	const identity =
		ctx.explain && !perms.unrestricted
			? analyseStatements('identity', identityPolicies, request)
			: [];
	const session =
		ctx.explain && perms.sessionPolicies
			? analyseStatements('session', perms.sessionPolicies, request)
			: [];
	const statements = [...identity, ...session];
	if (decision.decision === 'Allowed') {
		const by = decisiveStatements(identity).map((v) => v.text);
		return allowed(
			`${action} on ${resource} is allowed for ${perms.principal}${by.length ? `: ${by.join('; ')}` : ''}.`,
			['§7'],
			statements,
			perms.sessionPolicies
				? [
						`The session policy allows it too (sts-facts §7: session permissions are the intersection).`
					]
				: []
		);
	}

	const revoked = identity.find(
		(v) => v.matches && v.effect === 'Deny' && v.policy === REVOCATION_POLICY
	);
	let reason: string;
	let summary: string;
	const facts = ['§7'];
	const worded = actionAsWorded(action);
	if (decision.identity === 'ExplicitlyDenied') {
		reason = `with an explicit deny in an identity-based policy${denyingPolicyArn(identity, identityPolicies, request)}`;
		summary = revoked
			? `These credentials were issued before the active sessions of ${perms.source} were revoked: the inline policy ${REVOCATION_POLICY} denies every action to sessions whose aws:TokenIssueTime is earlier than the revocation. The credentials are still "valid" until they expire, but they can do nothing (sts-facts §6).`
			: `An identity policy of ${perms.source} explicitly denies ${action}; an explicit deny always wins (sts-facts §7).`;
		if (revoked) facts.push('§6');
	} else if (decision.session === 'ExplicitlyDenied') {
		reason = 'with an explicit deny in a session policy';
		summary = `The session policy explicitly denies ${action} (sts-facts §3.2, §7).`;
	} else if (
		decision.identity === 'Allowed' &&
		decision.session !== undefined &&
		decision.session !== 'Allowed'
	) {
		reason = `because no session policy allows the ${worded} action`;
		summary =
			perms.sessionPolicies && perms.sessionPolicies.length === 0
				? `A GetFederationToken session created without a session policy has no permissions at all (sts-facts §7).`
				: `${perms.source} allows ${action}, but the session policy does not: a session policy can only narrow the permissions (sts-facts §3.2, §7).`;
	} else if (resourceAccount !== perms.account) {
		reason = `because no resource-based policy allows the ${worded} action`;
		summary = `${resource} is in account ${resourceAccount}, not ${perms.account}. Identity policies alone cannot reach another account's resources; assume a role in that account instead (sts-facts §7).`;
	} else {
		reason = `because no identity-based policy allows the ${worded} action`;
		summary = `No identity policy of ${perms.source} allows ${action} on ${resource}; everything not allowed is implicitly denied (sts-facts §7).`;
	}
	let message = deniedMessage(perms.principal, worded, resource, reason, {
		account: perms.account,
		region: ctx.region
	});
	const details = statements.map((s) => s.text);
	// EC2's UnauthorizedOperation wording, "You are not authorized to perform this operation. User: …".
	// "Only certain AWS operations return an encoded authorization message" (API-DAM): EC2's Describe*
	// reads answer without one ([obs] "... is not authorized to perform: ec2:DescribeInstances because no
	// identity-based policy allows the ec2:DescribeInstances action", ending there), RunInstances and
	// the other operations with one. The code stays AccessDenied, as the contract reports denials.
	if (ENCODED_MESSAGE_SERVICES.has(service) && /^describe/i.test(action.split(':')[1] ?? ''))
		message = `You are not authorized to perform this operation. ${message}`;
	else if (ENCODED_MESSAGE_SERVICES.has(service)) {
		const verdicts = ctx.explain
			? statements
			: [
					...analyseStatements('identity', identityPolicies, request),
					...(perms.sessionPolicies
						? analyseStatements('session', perms.sessionPolicies, request)
						: [])
				];
		const encoded = encodeAuthorizationMessage({
			allowed: false,
			explicitDeny:
				decision.identity === 'ExplicitlyDenied' || decision.session === 'ExplicitlyDenied',
			matchedStatements: {
				items: verdicts
					.filter((v) => v.matches && v.effect === 'Deny')
					.map((v) => matchedStatement(v, [...identityPolicies, ...(perms.sessionPolicies ?? [])]))
			},
			failures: { items: [] },
			context: {
				principal: principalOf(caller),
				action,
				resource,
				conditions: conditionItems(context)
			}
		});
		message = `You are not authorized to perform this operation. ${message}. Encoded authorization failure message: ${encoded}`;
		details.push(
			"EC2 adds an encoded authorization failure message. A principal allowed sts:DecodeAuthorizationMessage can decode it (call DecodeAuthorizationMessage with it) to see whether an explicit deny or a missing allow decided, and the request context (sts-facts §13). The encoded message here is the simulator's own, readable encoding; AWS's is opaque."
		);
	}
	if (ENCODED_MESSAGE_SERVICES.has(service))
		details.push(
			'EC2 itself names this error UnauthorizedOperation (Client.UnauthorizedOperation, HTTP 403); the simulator reports every denied service action as AccessDenied, as its scenario format does (an expectation may name either).'
		);
	return {
		ok: false,
		error: awsError('AccessDenied', message),
		explanation: explanation(summary, { details, statements, facts })
	};
}

/** Who made the request, as a decoded authorization message names it. */
function principalOf(caller: SignedCaller): { id: string; name?: string; arn: string } {
	if (caller.kind === 'user')
		return { id: caller.user.userId, name: caller.user.name, arn: caller.user.arn };
	if (caller.kind === 'root') return { id: caller.root.account, arn: caller.root.arn };
	return { id: caller.creds.identity.userId, arn: caller.creds.identity.arn };
}

function matchedStatement(v: StatementVerdict, policies: readonly NamedPolicy[]): MatchedStatement {
	const doc = policies.find((p) => p.name === v.policy)?.document;
	const st = doc ? statementsOf(doc)[v.index] : undefined;
	const list = (x: string | string[] | undefined) =>
		(x === undefined ? [] : [x].flat()).map((value) => ({ value }));
	return {
		statementId: v.sid ?? '',
		effect: v.effect === 'Deny' ? 'DENY' : 'ALLOW',
		policy: v.policy,
		actions: { items: list(st?.Action ?? st?.NotAction) },
		resources: { items: list(st?.Resource ?? st?.NotResource) }
	};
}

function allowed(
	summary: string,
	facts: string[],
	statements: StatementVerdict[],
	details: string[] = []
): ApiResult {
	return {
		ok: true,
		response: { Allowed: true },
		explanation: explanation(summary, {
			details: [...details, ...statements.filter((s) => s.matches).map((s) => s.text)],
			statements,
			facts
		})
	};
}
