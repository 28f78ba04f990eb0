/**
 * The request context: the condition keys AWS puts on a request, by who signs it (sts-facts §5).
 */
import type { Caller } from './caller';
import { formatInstant, type Instant } from './clock';
import type { IssuedCredentials } from './issued-credentials';
import type { ContextValues } from './policy-evaluation';
import type { World } from './world';
import { findUser } from './world-lookup';

/** Keys every request carries (IAM-CK): the Region asked for (§10), time, TLS. */
export function requestKeys(region: string, now: Instant): ContextValues {
	return {
		'aws:RequestedRegion': region,
		'aws:CurrentTime': formatInstant(now),
		'aws:EpochTime': String(now),
		'aws:SecureTransport': 'true',
		// IAM-CK (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html),
		// aws:ViaAWSService: "always included in the request context for most services"; true only when a
		// service calls with the principal's credentials (forward access sessions), which scenarios do not
		// model: every simulated request is made directly, so it is false.
		'aws:ViaAWSService': 'false'
	};
}

/**
 * IAM-CK aws:PrincipalIsAWSService: present for every request signed with AWS security credentials,
 * true only for an AWS service principal (which also carries aws:PrincipalServiceName). Unsigned
 * requests (anonymous, AssumeRoleWithSAML / AssumeRoleWithWebIdentity) carry neither.
 */
const notAService: ContextValues = { 'aws:PrincipalIsAWSService': 'false' };

function tagKeys(tags: Record<string, string>, prefix: string): ContextValues {
	const out: ContextValues = {};
	for (const [k, v] of Object.entries(tags)) out[`${prefix}/${k}`] = v;
	return out;
}

/**
 * aws:ResourceTag/<key> for the role a request assumes: its IAM tags. IAM-TAGS ("Permissions required
 * to add session tags", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html): with
 * sts:TagSession, "aws:ResourceTag ... you can allow the principal to pass session tags only if the role
 * they are assuming includes the specified tags"; IAM-CK: the key is present when the requested resource
 * has tags. The role is the resource of sts:AssumeRole*, sts:TagSession and sts:SetSourceIdentity.
 */
export function resourceTagKeys(tags: Record<string, string> | undefined): ContextValues {
	return tagKeys(tags ?? {}, 'aws:ResourceTag');
}

/**
 * Session tags override role tags with the same key regardless of case (sts-facts §3.3).
 */
export function effectivePrincipalTags(
	roleTags: Record<string, string>,
	sessionTags: Record<string, string>
): Record<string, string> {
	const out: Record<string, string> = {};
	const sessionLower = new Set(Object.keys(sessionTags).map((k) => k.toLowerCase()));
	for (const [k, v] of Object.entries(roleTags)) if (!sessionLower.has(k.toLowerCase())) out[k] = v;
	return { ...out, ...sessionTags };
}

/**
 * Sessions of federated identities, which carry no MFA keys: an identity provider (SAML, web
 * identity) or an identity broker (GetFederationToken) vouched for the person, not IAM. IAM-CK lists
 * the temporary credentials that carry aws:MultiFactorAuthPresent: "IAM roles and IAM users with
 * temporary tokens from AssumeRole or GetSessionToken, and users of the AWS Management Console".
 */
const FEDERATED_APIS: ReadonlySet<IssuedCredentials['api']> = new Set([
	'AssumeRoleWithSAML',
	'AssumeRoleWithWebIdentity',
	'GetFederationToken'
]);

/** Keys describing a temporary credential set (sts-facts §5, §2.4). */
function sessionKeys(creds: IssuedCredentials, now: Instant): ContextValues {
	const keys: ContextValues = {
		// §5/§6: present only for temporary credentials; the basis of revocation.
		'aws:TokenIssueTime': formatInstant(creds.issuedAt, creds.issuedTick)
	};
	// §5: present (false) for temporary credentials; §2.4: only GetSessionToken+MFA carries true.
	// Absent for federated identities (SAML, web identity): IAM-CK, aws:MultiFactorAuthPresent and
	// aws:MultiFactorAuthAge: "This condition key is not present for federated identities or requests
	// made using access keys to sign AWS CLI, AWS API, or AWS SDK requests."
	if (!FEDERATED_APIS.has(creds.api))
		keys['aws:MultiFactorAuthPresent'] = creds.mfaAuthenticatedAt !== undefined ? 'true' : 'false';
	if (creds.mfaAuthenticatedAt !== undefined)
		keys['aws:MultiFactorAuthAge'] = String(now - creds.mfaAuthenticatedAt);
	if (creds.sourceIdentity) keys['aws:SourceIdentity'] = creds.sourceIdentity;
	if (creds.federatedProvider) keys['aws:FederatedProvider'] = creds.federatedProvider;
	return { ...creds.federatedKeys, ...keys };
}

/** The principal keys of a caller (IAM-CK, sts-facts §5). Long-term keys carry no MFA or token keys. */
export function principalKeys(caller: Caller, world: World, now: Instant): ContextValues {
	switch (caller.kind) {
		case 'anonymous':
			return {};
		// A service principal carries aws:PrincipalIsAWSService true and aws:PrincipalServiceName (IAM-CK);
		// aws:SourceArn / aws:SourceAccount (sts-facts §8) describe the resource the service acts for,
		// which scenarios do not model.
		case 'service':
			return {
				'aws:PrincipalIsAWSService': 'true',
				'aws:PrincipalServiceName': caller.principal
			};
		case 'user':
			return {
				...notAService,
				'aws:PrincipalArn': caller.user.arn,
				'aws:PrincipalAccount': caller.user.account,
				'aws:PrincipalType': 'User',
				'aws:userid': caller.user.userId,
				'aws:username': caller.user.name,
				...tagKeys(caller.user.tags, 'aws:PrincipalTag')
			};
		case 'root':
			return {
				...notAService,
				'aws:PrincipalArn': caller.root.arn,
				'aws:PrincipalAccount': caller.root.account,
				'aws:PrincipalType': 'Account',
				'aws:userid': caller.root.account
			};
		case 'session': {
			const c = caller.creds;
			const id = c.identity;
			const base = { ...notAService, ...sessionKeys(c, now) };
			switch (id.type) {
				case 'assumed-role': {
					const role = world.accounts[id.account]?.roles[id.roleName];
					return {
						...base,
						// IAM-CK: for a role session aws:PrincipalArn is the role's ARN, not the session ARN.
						'aws:PrincipalArn': id.roleArn,
						'aws:PrincipalAccount': id.account,
						'aws:PrincipalType': 'AssumedRole',
						'aws:userid': id.userId,
						...tagKeys(effectivePrincipalTags(role?.tags ?? {}, c.tags), 'aws:PrincipalTag')
					};
				}
				case 'federated-user': {
					// IAM-TAGS ("Passing session tags using GetFederationToken"): "the session's principal
					// tags include the user's tags and the passed session tags"; session tags override the
					// user's tags with the same key regardless of case (sts-facts §3.3). Root has no tags.
					const user = findUser(world, id.userArn);
					return {
						...base,
						'aws:PrincipalArn': id.arn,
						'aws:PrincipalAccount': id.account,
						'aws:PrincipalType': 'FederatedUser',
						'aws:userid': id.userId,
						...tagKeys(effectivePrincipalTags(user?.tags ?? {}, c.tags), 'aws:PrincipalTag')
					};
				}
				case 'user': {
					const user = world.accounts[id.account]?.users[id.userName];
					return {
						...base,
						'aws:PrincipalArn': id.arn,
						'aws:PrincipalAccount': id.account,
						'aws:PrincipalType': 'User',
						'aws:userid': id.userId,
						'aws:username': id.userName,
						...tagKeys(user?.tags ?? {}, 'aws:PrincipalTag')
					};
				}
				case 'root':
					return {
						...base,
						'aws:PrincipalArn': id.arn,
						'aws:PrincipalAccount': id.account,
						'aws:PrincipalType': 'Account',
						'aws:userid': id.account
					};
			}
		}
	}
}
