/**
 * Who is calling: resolves a step's `as:` to the credentials that sign the request, and
 * rejects unknown or expired credentials the way every AWS endpoint does (sts-facts §1, §4, §9).
 */
import { awsError, messages, type AwsError } from './aws-errors';
import { formatDuration, type Instant } from './clock';
import type { IssuedCredentials } from './issued-credentials';
import type { RootUser, User, World } from './world';
import { findLongTermKey } from './world-lookup';

export type Caller =
	| { kind: 'anonymous' }
	| { kind: 'user'; user: User; accessKeyId: string }
	| { kind: 'root'; root: RootUser; accessKeyId: string }
	| { kind: 'session'; creds: IssuedCredentials }
	| ServiceCaller;

/**
 * Project extension (docs/reference/simulator-scenarios.md, "Project extensions"): an AWS service
 * assuming a role on your behalf, such as EC2 for an instance profile or Lambda for a function's
 * execution role. It signs nothing the learner can see and may only call AssumeRole; the role's
 * trust policy must allow `Principal: { Service: "<principal>" }` (sts-facts §2.1, §12).
 */
export type ServiceCaller = { kind: 'service'; principal: string };

/** Callers that sign requests with their own AWS credentials. */
export type SignedCaller = Exclude<Caller, { kind: 'anonymous' } | { kind: 'service' }>;

/** A service principal as trust policies name it: `<service>.amazonaws.com`. */
export const SERVICE_PRINCIPAL =
	/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*\.amazonaws\.com$/;

/** sts-facts §2.1, §12: the EC2 service principal; its role sessions are the instance's credentials. */
export const EC2_SERVICE_PRINCIPAL = 'ec2.amazonaws.com';

/**
 * EC2 instance-role credentials: a role session that the EC2 service obtained for an instance.
 * sts-facts §2.2, §12: "AWS does not treat using roles to grant permissions to applications that
 * run on EC2 instances as role chaining."
 */
export function isInstanceRoleSession(creds: IssuedCredentials): boolean {
	return creds.assumedByService === EC2_SERVICE_PRINCIPAL;
}

export type CallerResolution =
	| { ok: true; caller: Caller }
	| { ok: false; error: AwsError; why: string }
	| { ok: false; error?: undefined; simulatorError: string };

export interface CallerLookup {
	world: World;
	now: Instant;
	/** Issued credentials in issue order. */
	credentials: readonly IssuedCredentials[];
	saved: Readonly<Record<string, string>>;
}

export function resolveCaller(as: string, state: CallerLookup): CallerResolution {
	if (as === 'anonymous') return { ok: true, caller: { kind: 'anonymous' } };
	if (as.startsWith('service:')) {
		const principal = as.slice(8);
		if (!SERVICE_PRINCIPAL.test(principal))
			return {
				ok: false,
				simulatorError: `${principal} is not an AWS service principal such as ec2.amazonaws.com or lambda.amazonaws.com`
			};
		return { ok: true, caller: { kind: 'service', principal } };
	}
	if (as.startsWith('user:')) {
		const [account, name] = as.slice(5).split('/');
		const user = state.world.accounts[account]?.users[name];
		if (!user)
			return { ok: false, simulatorError: `there is no user ${name} in account ${account}` };
		return { ok: true, caller: { kind: 'user', user, accessKeyId: user.accessKeyId } };
	}
	if (as.startsWith('root:')) {
		const root = state.world.accounts[as.slice(5)]?.root;
		if (!root)
			return { ok: false, simulatorError: `account ${as.slice(5)} has no root user in this world` };
		return { ok: true, caller: { kind: 'root', root, accessKeyId: root.accessKeyId } };
	}
	if (as.startsWith('creds:')) {
		const name = as.slice(6);
		const keyId = state.saved[name];
		if (!keyId)
			return {
				ok: false,
				simulatorError: `no credentials were saved as ${name} (did the step that saves them fail?)`
			};
		return bySessionKey(findIssued(state.credentials, keyId), state.now);
	}
	if (as.startsWith('key:')) {
		const keyId = as.slice(4);
		const longTerm = findLongTermKey(state.world, keyId);
		if (longTerm && 'user' in longTerm)
			return { ok: true, caller: { kind: 'user', user: longTerm.user, accessKeyId: keyId } };
		if (longTerm)
			return { ok: true, caller: { kind: 'root', root: longTerm.root, accessKeyId: keyId } };
		const creds = findIssued(state.credentials, keyId);
		if (creds) return bySessionKey(creds, state.now);
		// §4 InvalidClientTokenId: "Unknown access key".
		return {
			ok: false,
			error: awsError('InvalidClientTokenId', messages.invalidClientTokenId),
			why: `No account has an access key ${keyId}: AWS rejects the signature before looking at any policy (sts-facts §4, InvalidClientTokenId).`
		};
	}
	return { ok: false, simulatorError: `cannot read caller ${as}` };
}

/** Newest first: the credential just issued is the one most often used next. */
export function findIssued(
	credentials: readonly IssuedCredentials[],
	accessKeyId: string
): IssuedCredentials | undefined {
	for (let i = credentials.length - 1; i >= 0; i--)
		if (credentials[i].accessKeyId === accessKeyId) return credentials[i];
	return undefined;
}

function bySessionKey(creds: IssuedCredentials | undefined, now: Instant): CallerResolution {
	if (!creds) return { ok: false, simulatorError: 'these credentials were never issued' };
	// §1: after Expiration every request fails with ExpiredToken, GetCallerIdentity included (§9).
	if (now >= creds.expiresAt) {
		return {
			ok: false,
			error: awsError('ExpiredToken', messages.expiredToken),
			why: `These credentials expired ${now - creds.expiresAt === 0 ? 'just now' : `${formatDuration(now - creds.expiresAt)} ago`} (Expiration was reached). Temporary credentials cannot be refreshed or extended; request new ones (sts-facts §1).`
		};
	}
	return { ok: true, caller: { kind: 'session', creds } };
}

/** The ARN AWS names in messages for this caller ("User: <arn> is not authorized …", sts-facts §4, §9). */
export function callerArn(caller: Caller): string {
	switch (caller.kind) {
		case 'anonymous':
			return 'anonymous';
		case 'user':
			return caller.user.arn;
		case 'root':
			return caller.root.arn;
		case 'session':
			return caller.creds.identity.arn;
		case 'service':
			return caller.principal;
	}
}

export function callerAccount(caller: Caller): string | undefined {
	switch (caller.kind) {
		case 'anonymous':
			return undefined;
		case 'user':
			return caller.user.account;
		case 'root':
			return caller.root.account;
		case 'session':
			return caller.creds.identity.account;
		case 'service':
			return undefined;
	}
}

/** Describes the caller for explanations. */
export function describeCaller(caller: Caller): string {
	switch (caller.kind) {
		case 'anonymous':
			return 'an unsigned request (no credentials)';
		case 'user':
			return `IAM user ${caller.user.name}'s long-term access key (${caller.accessKeyId})`;
		case 'root':
			return `the root user of ${caller.root.account} (long-term key)`;
		case 'session': {
			const c = caller.creds;
			const key = `temporary credentials ${c.accessKeyId}`;
			if (c.api === 'GetSessionToken')
				return `the GetSessionToken session of ${c.identity.arn} (${key})`;
			if (c.api === 'GetFederationToken')
				return `the federated user ${c.identity.arn} (${key} from GetFederationToken)`;
			if (c.assumedByService)
				return `${serviceSessionKind(c.assumedByService)} ${c.identity.arn} (${key} from ${c.api} by ${c.assumedByService})`;
			return `the role session ${c.identity.arn} (${key} from ${c.api})`;
		}
		case 'service':
			return `the AWS service ${caller.principal} (on your behalf)`;
	}
}

/** How learners know a service's role credentials. */
export function serviceSessionKind(principal: string): string {
	if (principal === EC2_SERVICE_PRINCIPAL) return 'the EC2 instance-role session';
	if (principal === 'lambda.amazonaws.com') return "the Lambda function's execution-role session";
	return `the ${principal} service's role session`;
}

/** {@link describeCaller} at the start of a sentence. */
export function describeCallerAtStart(caller: Caller): string {
	const text = describeCaller(caller);
	return text.charAt(0).toUpperCase() + text.slice(1);
}
