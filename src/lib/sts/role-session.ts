/**
 * What the three AssumeRole* operations share: the session duration rules, the session's identity
 * and the response (sts-facts §2, §2.1, §3).
 */
import { arns } from './arn';
import { fail, credentialsShape, type ApiResult, type StsResponse } from './api-support';
import { awsError, messages } from './aws-errors';
import { formatDuration } from './clock';
import type { IssuedCredentials, SessionIdentity } from './issued-credentials';
import type { Role } from './world';

/** §2 table: DurationSeconds defaults to 3600 for all AssumeRole* operations. */
export const DEFAULT_ROLE_SESSION_SECONDS = 3600;
/** §2.2: the role-chaining cap. */
export const ROLE_CHAINING_MAX_SECONDS = 3600;

/** §2.1: a request above the role's MaxSessionDuration fails with ValidationError. */
export function checkMaxSessionDuration(
	role: Role,
	duration: number,
	/** The caller is capped at 1 h anyway (role chaining, GetSessionToken credentials; §2.2). */
	chainCapped = false
): ApiResult | undefined {
	if (duration <= role.maxSessionDuration) return undefined;
	const fix =
		chainCapped && duration > ROLE_CHAINING_MAX_SECONDS
			? ` Raising it would not help this caller: its AssumeRole is capped at 1 h by role chaining, which STS checks next, so the request must ask for 3600 s or less (omit DurationSeconds). STS names the role's own maximum first (sts-facts §2.1, §2.2, §4).`
			: ` An administrator can raise it to at most 12 h (sts-facts §2.1).`;
	return fail(
		awsError('ValidationError', messages.exceedsMaxSessionDuration),
		`You asked for ${formatDuration(duration)}, but role ${role.name} allows sessions of at most ${formatDuration(role.maxSessionDuration)} (its MaxSessionDuration${role.maxSessionDuration === 3600 ? ', which defaults to 1 h' : ''}).${fix}`,
		chainCapped ? ['§2.1', '§2.2'] : ['§2.1']
	);
}

/** §2.2: role chaining (and AssumeRole with GetSessionToken credentials) cannot ask for more than 1 h. */
export function checkChainingCap(
	requested: number | undefined,
	callerDescription: string,
	/** GetSessionToken credentials: not role chaining by AWS's definition, capped the same in practice. */
	sessionToken = false
): ApiResult | undefined {
	if (requested === undefined || requested <= ROLE_CHAINING_MAX_SECONDS) return undefined;
	const why = sessionToken
		? `The caller is ${callerDescription}. AWS defines role chaining as one role's session assuming another, so this is not role chaining by the definition, but AssumeRole called with GetSessionToken credentials is capped at 1 h just the same (observed, and answered with the role-chaining error)`
		: `The caller is ${callerDescription}, so this is role chaining`;
	return fail(
		awsError('ValidationError', messages.exceedsChainingLimit),
		`${why}: AWS caps the new session at 1 h whatever the role's MaxSessionDuration, and rejects DurationSeconds ${requested} instead of shortening it. Omit DurationSeconds (default 3600) or ask for ≤ 3600 (sts-facts §2.2).`,
		['§2.2']
	);
}

/** §3: arn:aws:sts::ROLE-ACCOUNT:assumed-role/ROLE-NAME/SESSION (no path); AssumedRoleId = AROA…:SESSION. */
export function assumedRoleIdentity(
	role: Role,
	sessionName: string
): Extract<SessionIdentity, { type: 'assumed-role' }> {
	return {
		type: 'assumed-role',
		account: role.account,
		roleName: role.name,
		roleArn: role.arn,
		sessionName,
		arn: arns.assumedRole(role.account, role.name, sessionName),
		userId: `${role.roleId}:${sessionName}`
	};
}

export function roleSessionResponse(
	creds: IssuedCredentials,
	packedPolicySize: number | undefined,
	extra: StsResponse = {}
): StsResponse {
	const id = creds.identity as Extract<SessionIdentity, { type: 'assumed-role' }>;
	return {
		Credentials: credentialsShape(creds),
		AssumedRoleUser: { AssumedRoleId: id.userId, Arn: id.arn },
		...(packedPolicySize !== undefined ? { PackedPolicySize: packedPolicySize } : {}),
		...(creds.sourceIdentity ? { SourceIdentity: creds.sourceIdentity } : {}),
		...extra
	};
}
