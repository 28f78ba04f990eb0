/**
 * AssumeRole (sts-facts §2, §2.1, §2.2, §2.4, §3, §3.2, §3.3, §4, §7, §8, §10, §12).
 *
 * Callers: IAM users and holders of temporary credentials, and (a project extension) AWS service
 * principals such as ec2.amazonaws.com that assume a role on your behalf.
 *
 * Order of checks: authentication, model validation, request-level rules that need no policy
 * (root, credential type, MFA code, tags, session policy, Region), then authorisation, then the
 * role's MaxSessionDuration and after it the chaining cap. Only "MaxSessionDuration before the
 * chaining cap" is observed (see below); the rest is not documented [inf]: this order reports input
 * problems before access decisions and never reveals a role's settings to a caller who may not
 * assume it.
 */
import { parseArn, parseIamEntityArn } from './arn';
import {
	authenticatedOrService,
	fail,
	mintCredentials,
	regionCheck,
	simulatorFailure,
	type ApiHandler
} from './api-support';
import { awsError, messages } from './aws-errors';
import {
	callerArn,
	describeCaller,
	describeCallerAtStart,
	EC2_SERVICE_PRINCIPAL,
	isInstanceRoleSession,
	serviceSessionKind
} from './caller';
import { formatDuration } from './clock';
import { explanation } from './explanation';
import { checkMfa, withMfaShorthand } from './mfa';
import { permissionsOf } from './permissions';
import { principalKeys, requestKeys, resourceTagKeys } from './request-context';
import {
	assumedRoleIdentity,
	checkChainingCap,
	checkMaxSessionDuration,
	DEFAULT_ROLE_SESSION_SECONDS,
	roleSessionResponse
} from './role-session';
import { readSessionPolicies, undecidableMessage } from './session-policy';
import { checkSessionTags, inheritedTags, mergeSessionTags, requestTagKeys } from './session-tags';
import { evaluateTrust, type TrustAction, type TrustOutcome } from './trust-evaluation';
import { integerParam, tagsOf, transitiveKeysOf, validateParams } from './validate-params';
import { findRole } from './world-lookup';

export const assumeRole: ApiHandler = (ctx, resolution) => {
	const auth = authenticatedOrService(resolution, 'AssumeRole');
	if ('failure' in auth) return auth.failure;
	const caller = auth.caller;
	const { world, now } = ctx;
	const params = withMfaShorthand(ctx.params, ctx.request.mfa, caller, world, now);

	const invalid = validateParams('AssumeRole', params);
	if (invalid)
		return fail(
			invalid,
			'A parameter breaks the STS model constraints, so the request is rejected before any policy is read (sts-facts §3).',
			['§3']
		);
	const roleArn = String(params.RoleArn);
	const sessionName = String(params.RoleSessionName);
	if (!parseArn(roleArn))
		return fail(
			awsError('ValidationError', messages.invalidArn(roleArn)),
			`RoleArn must be an ARN such as arn:aws:iam::123456789012:role/Name (sts-facts §3).`,
			['§3', '§4']
		);

	// §2 / §4: the root user cannot assume roles (also with its GetSessionToken credentials).
	if (
		caller.kind === 'root' ||
		(caller.kind === 'session' && caller.creds.identity.type === 'root')
	) {
		return fail(
			awsError('AccessDenied', messages.rootCannotAssumeRole),
			'The root user cannot assume a role, whatever the trust policy says. Use an IAM user or role instead (sts-facts §2, §14.13).',
			['§2', '§4']
		);
	}
	// §2.4: GetFederationToken credentials may call no STS operation except GetCallerIdentity. [inf] message: AWS's standard denial.
	if (caller.kind === 'session' && caller.creds.api === 'GetFederationToken') {
		return fail(
			awsError(
				'AccessDenied',
				messages.notAuthorized(callerArn(caller), 'sts:AssumeRole', roleArn)
			),
			'A federated-user session (GetFederationToken) cannot call any STS operation except GetCallerIdentity, so it cannot assume roles (sts-facts §2.4).',
			['§2.4']
		);
	}
	const mfa = checkMfa(params, caller, world, now, ctx.usedMfaCodes);
	if (mfa.kind === 'invalid') {
		return fail(
			awsError('AccessDenied', messages.assumeRoleMfaFailed),
			`The MFA check failed: ${mfa.reason}. AWS rejects the call even before the trust policy is read (sts-facts §4).`,
			['§3', '§4']
		);
	}

	const tags = tagsOf(params);
	const transitive = transitiveKeysOf(params);
	const inherited = inheritedTags(caller.kind === 'session' ? caller.creds : undefined);
	const tagProblem = checkSessionTags(tags, transitive, inherited);
	if (tagProblem) return tagProblem;

	const roleAccount =
		parseIamEntityArn(roleArn, 'role')?.account ?? parseArn(roleArn)?.account ?? '';
	const sessionPolicies = readSessionPolicies(params, world, roleAccount, tags);
	if (!sessionPolicies.ok) {
		return sessionPolicies.error
			? fail(sessionPolicies.error, sessionPolicies.why, ['§3.2'])
			: simulatorFailure(sessionPolicies.simulatorError);
	}

	// §2.2: a caller holding temporary credentials (role session or GetSessionToken session) is role
	// chaining, capped at 1 h. Exception: EC2 instance-role credentials. sts-facts §2.2 and §12 quote
	// "AWS does not treat using roles to grant permissions to applications that run on EC2 instances
	// as role chaining". [inf] sts-facts does not say whether an application on the instance that
	// calls AssumeRole WITH the instance credentials is then capped at 1 h; the simulator reads the
	// quote as "no" and applies only the target role's MaxSessionDuration. Credentials that any other
	// service obtained (a Lambda execution role, an ECS task role, …) are an ordinary role session,
	// so assuming a role with them is role chaining (§2.2: "using a role's temporary credentials to
	// assume another role").
	// IAM "Monitor and control actions taken with assumed roles" (id_credentials_temp_control-access_monitor):
	// a source identity, once set, persists along a role chain and "cannot be changed"; and "when you
	// assume a role with another role … permissions for sts:SetSourceIdentity are required in both the
	// permissions policy of the principal who is assuming the role and in the role trust policy of the
	// target role. Otherwise, the assume role operation will fail." (sts-facts §2.2, §7).
	const inheritedSourceIdentity =
		caller.kind === 'session' ? caller.creds.sourceIdentity : undefined;
	const requestedSourceIdentity =
		params.SourceIdentity !== undefined ? String(params.SourceIdentity) : undefined;
	if (
		inheritedSourceIdentity !== undefined &&
		requestedSourceIdentity !== undefined &&
		requestedSourceIdentity !== inheritedSourceIdentity
	) {
		// [inf] AWS documents that the value cannot be changed but not the error; the simulator
		// answers with the standard denial of sts:SetSourceIdentity.
		return fail(
			awsError(
				'AccessDenied',
				messages.notAuthorized(callerArn(caller), 'sts:SetSourceIdentity', roleArn)
			),
			`The calling session already carries the source identity ${inheritedSourceIdentity}. A source identity persists along a role chain and cannot be changed, so SourceIdentity ${requestedSourceIdentity} is refused (IAM: "Monitor and control actions taken with assumed roles").`,
			['§2.2', '§7']
		);
	}
	const sourceIdentityToSet = requestedSourceIdentity ?? inheritedSourceIdentity;
	const fromInstanceRole = caller.kind === 'session' && isInstanceRoleSession(caller.creds);
	const chained = caller.kind === 'session' && !fromInstanceRole;
	// §2.2: GetSessionToken credentials are capped like a role chain, though AWS's definition of
	// role chaining only names role → role.
	const fromSessionToken = caller.kind === 'session' && caller.creds.api === 'GetSessionToken';
	const requested = integerParam(params.DurationSeconds);
	const region = regionCheck(world, roleAccount, ctx.region);
	if (region) return region;

	const role = findRole(world, roleArn);
	const perms = permissionsOf(caller, world);
	const context = {
		...requestKeys(ctx.region, now),
		...principalKeys(caller, world, now),
		...resourceTagKeys(role?.tags),
		'sts:RoleSessionName': sessionName,
		...(params.ExternalId !== undefined ? { 'sts:ExternalId': String(params.ExternalId) } : {}),
		...(sourceIdentityToSet !== undefined ? { 'sts:SourceIdentity': sourceIdentityToSet } : {}),
		// §2.4: SerialNumber + TokenCode satisfy MFA conditions at assume time (age 0), and only then.
		...(mfa.kind === 'valid'
			? { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '0' }
			: {}),
		...requestTagKeys(tags, transitive)
	};
	const principal = callerArn(caller);
	const principalRoleArn =
		caller.kind === 'session' && caller.creds.identity.type === 'assumed-role'
			? caller.creds.identity.roleArn
			: undefined;
	const authorise = (action: TrustAction) =>
		evaluateTrust(
			{
				role,
				roleArn,
				principal,
				principalRoleArn,
				action,
				context,
				identityPolicies: perms?.identityPolicies ?? [],
				sessionPolicies: perms?.sessionPolicies ?? null,
				...(caller.kind === 'service' ? { service: true } : {})
			},
			{ explain: ctx.explain }
		);
	// §7 (and IAM-TAGS, IAM-STSCK): tags and SourceIdentity need their own actions allowed. Transitive
	// tags the calling session carries into the new one are tags this request sets too: observed, a
	// chained AssumeRole from a session with transitive tags is refused "is not authorized to perform:
	// sts:TagSession" unless the next role allows it (mattrobinsonsre/terrapod#1546, EKS Pod Identity's
	// transitive tags; aws/eks-pod-identity-agent#80), as an inherited SourceIdentity needs SetSourceIdentity.
	const carriesTransitiveTags = Object.keys(inherited.tags).length > 0;
	const actions: TrustAction[] = [
		'sts:AssumeRole',
		...(tags.length || transitive.length || carriesTransitiveTags
			? ['sts:TagSession' as const]
			: []),
		...(sourceIdentityToSet !== undefined ? ['sts:SetSourceIdentity' as const] : [])
	];
	let assumed: TrustOutcome | undefined;
	for (const action of actions) {
		const trust = authorise(action);
		if (trust.decision?.undecidable)
			return simulatorFailure(undecidableMessage(trust.decision.undecidable));
		if (action === 'sts:AssumeRole') assumed = trust;
		if (!trust.allowed) {
			return fail(
				awsError('AccessDenied', messages.notAuthorized(principal, action, roleArn)),
				action === 'sts:AssumeRole'
					? `${describeCallerAtStart(caller)} may not assume ${roleArn}.${caller.kind === 'service' ? ` A service may assume a role only if its trust policy names it: Principal: { Service: "${caller.principal}" }. In AWS the service reports the failure in its own words (the instance or function gets no credentials); the simulator shows STS's AccessDenied.` : ''}`
					: `Assuming the role is allowed, but the request also ${action === 'sts:TagSession' ? (tags.length || transitive.length ? 'passes session tags' : `carries the calling session's transitive tags (${Object.keys(inherited.tags).join(', ')}) into the new one (they persist along a role chain; observed in AWS, mattrobinsonsre/terrapod#1546)`) : requestedSourceIdentity === undefined ? `carries the source identity ${inheritedSourceIdentity} of the calling session into the new one (it persists along a role chain)` : 'sets a SourceIdentity'}, which needs ${action} allowed as well, in the trust policy and (for an IAM caller) in the caller's own policies (${action === 'sts:TagSession' ? 'sts-facts §3.3, §7; IAM "Passing session tags in AWS STS", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html' : 'sts-facts §7; IAM "Permissions required to set source identity"'}).`,
				action === 'sts:TagSession' ? ['§3.3', '§4', '§7'] : ['§4', '§7'],
				trust.story,
				[...trust.trust, ...trust.identity, ...trust.session]
			);
		}
	}
	if (!role || !assumed)
		throw new Error('unreachable: an allowed assumption implies the role exists');

	const duration = requested ?? DEFAULT_ROLE_SESSION_SECONDS;
	// §2.1: "The maximum session duration setting does not limit sessions that are assumed by AWS
	// services"; "IAM role credentials provided by Amazon EC2 instances … are not subject to the
	// specified maximum session duration". Only the model's 900..43200 range applies (checked above).
	const service = caller.kind === 'service' ? caller.principal : undefined;
	if (!service) {
		const tooLong = checkMaxSessionDuration(role, duration, chained);
		if (tooLong) return tooLong;
	}
	// §2.2: the 1-hour chaining cap, checked with MaxSessionDuration and after it: a role session
	// asking 3601 s of a role whose MaxSessionDuration is 3600 gets the MaxSessionDuration message
	// (observed, justincormack/argmin sts_oracle.rs "assume-role-chaining-over-chaining-and-role-
	// maximum-duration"), and only a request within the role's maximum gets the chaining one.
	if (chained) {
		const capped = checkChainingCap(requested, describeCaller(caller), fromSessionToken);
		if (capped) return capped;
	}

	const merged = mergeSessionTags(tags, transitive, inherited);
	const sourceIdentity = sourceIdentityToSet;
	const creds = mintCredentials(ctx, {
		duration,
		api: 'AssumeRole',
		identity: assumedRoleIdentity(role, sessionName),
		sessionPolicies: sessionPolicies.policies,
		tags: merged.tags,
		transitiveTagKeys: merged.transitiveTagKeys,
		...(sourceIdentity ? { sourceIdentity } : {}),
		...(service ? { assumedByService: service } : {}),
		chained,
		requestedBy: principal
	});
	const trust = assumed;
	return {
		ok: true,
		credentials: creds,
		response: roleSessionResponse(creds, sessionPolicies.packedPolicySize),
		explanation: explanation(
			`${describeCallerAtStart(caller)} assumed ${role.name} in ${role.account} for ${formatDuration(duration)}${requested === undefined ? ' (the default, sts-facts §2)' : ''}. The session acts as ${creds.identity.arn} with the role's permissions${sessionPolicies.policies ? ', narrowed by the session policy' : ''}.`,
			{
				details: [
					...trust.story,
					...(mfa.kind === 'valid'
						? [
								'MFA was checked at assume time only: the role session itself carries no MFA context (sts-facts §2.4).'
							]
						: []),
					...(chained
						? [
								fromSessionToken
									? "The caller signed with GetSessionToken credentials: not role chaining by AWS's definition (role → role), but capped at 1 h the same way in practice, so the session could not exceed 1 h (sts-facts §2.2)."
									: 'This is role chaining, so the session could not exceed 1 h (sts-facts §2.2).'
							]
						: []),
					...(fromInstanceRole
						? [
								'The caller used EC2 instance-role credentials. "AWS does not treat using roles to grant permissions to applications that run on EC2 instances as role chaining" (sts-facts §2.2), so the simulator applies no 1-hour chaining cap here, only the role\'s MaxSessionDuration. (sts-facts does not state this case explicitly; it is the simulator\'s reading.)'
							]
						: []),
					...(service ? serviceSessionNotes(service, role.maxSessionDuration, duration) : [])
				],
				statements: [...trust.trust, ...trust.identity, ...trust.session],
				facts: service ? ['§2', '§2.1', '§2.2', '§7', '§12'] : ['§2', '§3', '§7']
			}
		)
	};
};

/** What learners should know about credentials a service obtained (sts-facts §2.1, §2.2, §12). */
function serviceSessionNotes(
	service: string,
	maxSessionDuration: number,
	duration: number
): string[] {
	const notes = [
		`This is ${serviceSessionKind(service)}. Sessions that AWS services assume are not limited by the role's MaxSessionDuration (sts-facts §2.1)${duration > maxSessionDuration ? `: this one lasts ${formatDuration(duration)} although the role allows ${formatDuration(maxSessionDuration)} to API callers` : ''}. In AWS the service chooses the lifetime itself; always read Expiration rather than assuming a fixed number.`
	];
	if (service === EC2_SERVICE_PRINCIPAL)
		notes.push(
			'On the instance, the metadata service (IMDS) serves them and AWS makes new credentials available at least five minutes before the old ones expire; the old ones stay valid until their own Expiration (sts-facts §12). Observed lifetimes are around 6 h, but do not rely on a number. Using them is not role chaining (sts-facts §2.2).'
		);
	else
		notes.push(
			'Your code receives them as an ordinary role session: calling AssumeRole with them is role chaining, capped at 1 h (sts-facts §2.2).'
		);
	return notes;
}
