/**
 * The request context: the condition keys AWS puts on a request, by who signs it (sts-facts §5).
 */
import { EC2_SERVICE_PRINCIPAL, type Caller } from './caller';
import { formatInstant, type Instant } from './clock';
import type { IssuedCredentials } from './issued-credentials';
import type { ContextValues } from './policy-evaluation';
import type { World } from './world';
import { findUser } from './world-lookup';

/** The address every simulated request comes from (see requestKeys). */
export const SIMULATED_SOURCE_IP = '203.0.113.10';

/** Keys every request carries (IAM-CK): the Region asked for (§10), time, TLS, source address. */
export function requestKeys(region: string, now: Instant): ContextValues {
	return {
		'aws:RequestedRegion': region,
		'aws:CurrentTime': formatInstant(now),
		'aws:EpochTime': String(now),
		'aws:SecureTransport': 'true',
		// IAM "Condition operators", IP address: "The aws:SourceIp key is always present in the
		// request context, except when the requester uses a VPC endpoint to make the request" (IAM-CK
		// likewise). The world models no networks or VPC endpoints: every request comes from one
		// public address, 203.0.113.10 (a documentation address, RFC 5737) [inf].
		'aws:SourceIp': SIMULATED_SOURCE_IP,
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
 * The tags of the IAM role or user a request acts on, as aws:ResourceTag/<key> and
 * iam:ResourceTag/<key>. For sts:AssumeRole*, sts:TagSession and sts:SetSourceIdentity the resource is
 * the role being assumed: IAM-TAGS ("Permissions required to add session tags",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html): with sts:TagSession,
 * "aws:ResourceTag ... you can allow the principal to pass session tags only if the role they are
 * assuming includes the specified tags"; SAR-STS lists iam:ResourceTag/${TagKey} for AssumeRole and
 * gives the role resource type both keys, and AWS's examples use either ("IAM: Assume roles that have
 * a specific tag" and the ABAC tutorial use iam:ResourceTag). For IAM actions on a user or role, IAM
 * "Controlling access to and for IAM users and roles using tags" (access_iam-tags.html) does the same
 * with the user's or role's tags. IAM-CK: the keys are present when the requested resource has tags.
 */
export function resourceTagKeys(tags: Record<string, string> | undefined): ContextValues {
	return { ...tagKeys(tags ?? {}, 'aws:ResourceTag'), ...tagKeys(tags ?? {}, 'iam:ResourceTag') };
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

/** FNV-1a of a text: a stable number to make up an identifier the world does not model. */
function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h;
}

/**
 * The keys of EC2 instance-role credentials (sts-facts §5, §12). IAM "Policy variables"
 * (principal table): ec2:SourceInstanceARN "is present only when the request comes from an Amazon
 * EC2 instance using an IAM role associated with an EC2 instance profile"; IAM-CK,
 * aws:EC2InstanceSourceVPC and aws:EC2InstanceSourcePrivateIPv4: "included in the request context
 * whenever the requester signs requests with an Amazon EC2 role credential"; ec2:RoleDelivery is the
 * instance metadata service version that delivered them. The session name is the instance ID
 * (the scenario contract). The world models no VPCs and no IMDS settings, so the VPC ID and the
 * private address are made up from the account and the instance (stable across calls), and the
 * credentials count as delivered by IMDSv2.
 */
function ec2InstanceKeys(creds: IssuedCredentials): ContextValues {
	const id = creds.identity;
	if (creds.assumedByService !== EC2_SERVICE_PRINCIPAL || id.type !== 'assumed-role') return {};
	const vpc = ['', 'vpc:', 'net:']
		.map((salt) =>
			fnv1a(salt + id.account)
				.toString(16)
				.padStart(8, '0')
		)
		.join('')
		.slice(0, 17);
	const host = fnv1a(id.sessionName);
	return {
		'ec2:SourceInstanceARN': `arn:aws:ec2:${creds.region}:${id.account}:instance/${id.sessionName}`,
		'aws:EC2InstanceSourceVPC': `vpc-${vpc}`,
		'aws:EC2InstanceSourcePrivateIPv4': `10.0.${(host >>> 8) & 0xff}.${(host & 0xfe) + 1}`,
		'ec2:RoleDelivery': '2.0'
	};
}

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
	return { ...creds.federatedKeys, ...ec2InstanceKeys(creds), ...keys };
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
