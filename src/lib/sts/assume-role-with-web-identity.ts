/**
 * AssumeRoleWithWebIdentity (sts-facts §2, §3.1, §4, §5, §11). Needs no AWS credentials: the
 * operation is unsigned (MODEL auth smithy.api#noAuth), so the step's caller is ignored.
 *
 * Order: model validation, the token (provider, expiry, audience: authentication of the token),
 * session policy, Region, trust policy, MaxSessionDuration.
 */
import { parseArn, parseIamEntityArn } from './arn';
import {
	fail,
	mintCredentials,
	regionCheck,
	simulatorFailure,
	type ApiHandler
} from './api-support';
import { awsError, messages } from './aws-errors';
import { aDuration, formatDuration } from './clock';
import { explanation } from './explanation';
import {
	claimsFromSpec,
	decodeIdToken,
	encodeIdToken,
	ID_TOKEN_ALGORITHMS,
	idTokenAlgorithm,
	isBuiltInProvider,
	isOAuthProvider,
	sessionTagsOfClaims,
	SOURCE_IDENTITY_CLAIM,
	providerTrustClaimKeys,
	webIdentityContext,
	type IdTokenClaims
} from './identity-tokens';
import { requestKeys, resourceTagKeys } from './request-context';
import {
	assumedRoleIdentity,
	checkMaxSessionDuration,
	DEFAULT_ROLE_SESSION_SECONDS,
	roleSessionResponse
} from './role-session';
import { readSessionPolicies } from './session-policy';
import { federatedTrust, idpAttributes } from './idp-attributes';
import { integerParam, validateParams, type Params } from './validate-params';
import { oidcHost } from './world';
import { findRole } from './world-lookup';

/** Seconds of clock skew STS allows on a web identity token's exp, iat and nbf (sts-facts §4, §11). */
export const WEB_IDENTITY_CLOCK_SKEW = 300;

export const assumeRoleWithWebIdentity: ApiHandler = (ctx) => {
	const { world, now } = ctx;
	const spec = ctx.request.idToken;
	const token =
		ctx.params.WebIdentityToken !== undefined
			? String(ctx.params.WebIdentityToken)
			: spec
				? encodeIdToken(claimsFromSpec(spec, now))
				: undefined;
	const params: Params = {
		...ctx.params,
		...(token !== undefined ? { WebIdentityToken: token } : {})
	};

	const invalid = validateParams('AssumeRoleWithWebIdentity', params);
	if (invalid)
		return fail(invalid, 'A parameter breaks the STS model constraints (sts-facts §3.1).', [
			'§3.1'
		]);
	const roleArn = String(params.RoleArn);
	const sessionName = String(params.RoleSessionName);
	if (!parseArn(roleArn))
		return fail(
			awsError('ValidationError', messages.invalidArn(roleArn)),
			'RoleArn must be an ARN (sts-facts §3).',
			['§3', '§4']
		);
	// An ARN that is not a role's (another service or resource, or no 12-digit account, e.g.
	// arn:aws:iam::::1234567890:role/example, an extra colon in an EKS service account annotation) is
	// "Request ARN is invalid" (re:Post knowledge center
	// eks-troubleshoot-irsa-errors; the same wording as AssumeRoleWithSAML's, sts-facts §4).
	if (!parseIamEntityArn(roleArn, 'role'))
		return fail(
			awsError('ValidationError', messages.requestArnInvalid),
			`RoleArn must be the ARN of an IAM role, arn:aws:iam::ACCOUNT:role/NAME; ${roleArn} is not one (sts-facts §4). With EKS (IRSA) this is the role ARN in the service account's eks.amazonaws.com/role-arn annotation; look for an extra or missing colon.`,
			['§4', '§11']
		);

	const claims: IdTokenClaims | undefined =
		spec && ctx.params.WebIdentityToken === undefined
			? claimsFromSpec(spec, now)
			: decodeIdToken(String(token));
	// MODEL InvalidIdentityToken: "The web identity token that was passed could not be validated".
	if (!claims)
		return fail(
			awsError('InvalidIdentityToken', messages.identityTokenNotValidated),
			'The WebIdentityToken is not a JWT carrying iss and exp claims, so STS cannot validate it (sts-facts §3.1, §4). In a scenario, describe the token with idToken.',
			['§3.1', '§4']
		);

	// API-WI WebIdentityToken: an OIDC ID token must be signed with RS256/384/512 or ES256/384/512, so
	// one whose header names another algorithm (HS256, none, …) cannot be validated. With ProviderId the
	// token is an OAuth 2.0 access token that the IdP itself checks (below), so this applies without it.
	if (
		ctx.params.WebIdentityToken !== undefined &&
		params.ProviderId === undefined &&
		!(ID_TOKEN_ALGORITHMS as readonly string[]).includes(idTokenAlgorithm(String(token)) ?? '')
	)
		return fail(
			awsError('InvalidIdentityToken', messages.identityTokenNotValidated),
			`The token's header names the algorithm ${idTokenAlgorithm(String(token)) ?? '(none)'}; STS accepts only ID tokens signed with ${ID_TOKEN_ALGORITHMS.join(', ')} (API-WI, sts-facts §3.1).`,
			['§3.1', '§4']
		);

	// §11: a generic OIDC IdP needs an IAM OIDC provider in the role's account; the big four are built in.
	const roleAccount =
		parseIamEntityArn(roleArn, 'role')?.account ?? parseArn(roleArn)?.account ?? '';
	const host = oidcHost(claims.iss);
	// §3.1, §4 (API-WI): with ProviderId the token is an OAuth 2.0 access token that STS cannot read
	// itself, so the IdP (only www.amazon.com and graph.facebook.com) validates it. A token the IdP
	// rejects (issued by someone else, expired or revoked) is IDPRejectedClaim: "If this error is
	// returned for the AssumeRoleWithWebIdentity operation, it can also mean that the claim has
	// expired or has been explicitly revoked" (MODEL). Observed message: "graph.facebook.com:
	// graph.facebook.com responded with HTTP/1.1 400 Bad Request" (§4; the www.amazon.com wording is [inf]).
	const providerId = params.ProviderId !== undefined ? String(params.ProviderId) : undefined;
	// ProviderId is for the two OAuth providers only ("Do not specify this value for OpenID Connect
	// ID tokens", API-WI); real STS refuses any other value, and Login with Amazon refuses a token
	// that is not its own in its own words (observed: radkawar/stackd oidc/aws-trust.json, sts-facts §4).
	if (providerId !== undefined && !isOAuthProvider(providerId))
		return fail(
			awsError('AccessDenied', messages.unrecognizedOAuthProvider),
			`ProviderId ${providerId} is not an OAuth 2.0 provider STS knows (only www.amazon.com and graph.facebook.com); leave ProviderId out for OpenID Connect ID tokens (API-WI, sts-facts §3.1).`,
			['§3.1', '§4']
		);
	if (providerId === 'www.amazon.com' && host !== providerId)
		return fail(
			awsError('InvalidIdentityToken', messages.notLoginWithAmazonToken),
			`ProviderId says www.amazon.com, but the token was issued by ${host}: Login with Amazon does not recognise it (sts-facts §4).`,
			['§3.1', '§4']
		);
	if (providerId !== undefined && isOAuthProvider(providerId)) {
		if (host !== providerId || claims.exp <= now) {
			return fail(
				awsError('IDPRejectedClaim', messages.idpRejected(providerId)),
				host !== providerId
					? `ProviderId says the access token comes from ${providerId}, but it was issued by ${host}, so ${providerId} refuses it (sts-facts §3.1, §4).`
					: `With ProviderId the token is an OAuth 2.0 access token checked by ${providerId} itself; it expired ${formatDuration(now - claims.exp)} ago, so the IdP rejects the claim: IDPRejectedClaim, not ExpiredTokenException (sts-facts §4).`,
				['§3.1', '§4']
			);
		}
	}
	const declared = world.accounts[roleAccount]?.oidcProviders[host];
	if (!declared && !isBuiltInProvider(host)) {
		return fail(
			awsError('InvalidIdentityToken', messages.noOidcProvider(`https://${host}`)),
			`The token was issued by https://${host}, and account ${roleAccount} has no IAM OIDC identity provider for it. Create one (with the token's audience as a client ID) before roles can trust this IdP (sts-facts §11).`,
			['§4', '§11']
		);
	}
	// §4, §11: an expired ID token is ExpiredTokenException (400), unlike ExpiredToken for expired AWS
	// credentials. "IAM provides a five-minute window beyond the expiration time specified in the JWT
	// to account for clock skew … OIDC JWTs received by IAM after the expiration time but within this
	// five-minute window are accepted" (IAM User Guide, id_roles_providers_oidc); a capture against
	// real STS (radkawar/stackd oidc/aws.json) saw the same, and a message that prints the call time
	// less the five minutes as "current date/time". (An OAuth access token, with ProviderId, is its
	// IdP's to check: above.)
	if (providerId === undefined && now - WEB_IDENTITY_CLOCK_SKEW >= claims.exp) {
		return fail(
			awsError(
				'ExpiredTokenException',
				messages.webIdentityTokenExpired(now - WEB_IDENTITY_CLOCK_SKEW, claims.exp)
			),
			`The ID token expired ${formatDuration(now - claims.exp)} ago: STS allows less than five minutes of clock skew after a token's exp (so the message's "current date/time" is five minutes before now). Get a fresh token from the IdP (sts-facts §4, §11).`,
			['§4', '§11']
		);
	}
	// An OAuth access token (ProviderId) is the IdP's to check, not STS's (see above).
	if (
		providerId === undefined &&
		claims.iat !== undefined &&
		claims.iat > now + WEB_IDENTITY_CLOCK_SKEW
	) {
		return fail(
			awsError('InvalidIdentityToken', messages.webIdentityTokenFromFuture(claims.iat)),
			`The token says it was issued ${formatDuration(claims.iat - now)} from now (iat), beyond the five minutes of clock skew STS allows: the IdP's clock or the token is wrong (sts-facts §4).`,
			['§4']
		);
	}
	if (
		providerId === undefined &&
		typeof claims.nbf === 'number' &&
		claims.nbf > now + WEB_IDENTITY_CLOCK_SKEW
	) {
		return fail(
			awsError(
				'InvalidIdentityToken',
				messages.webIdentityTokenNotYetValid(now + WEB_IDENTITY_CLOCK_SKEW, claims.nbf)
			),
			`The token is not valid before ${formatDuration(claims.nbf - now)} from now (nbf), beyond the five minutes of clock skew STS allows (sts-facts §4).`,
			['§4']
		);
	}
	const audiences =
		claims.aud === undefined ? [] : Array.isArray(claims.aud) ? claims.aud : [claims.aud];
	if (audiences.length === 0) {
		return fail(
			awsError('InvalidIdentityToken', messages.missingAudClaim),
			'The token has no aud claim, which STS requires (sts-facts §4).',
			['§4']
		);
	}
	// An ID token names its subject and, with several audiences, the party it was issued to (OpenID
	// Connect Core §2: sub REQUIRED; azp "needed when the ID Token has a single audience value and that
	// audience is different than the authorized party"). Real STS refuses a token without sub or with
	// several audiences and no azp (observed: radkawar/stackd oidc/aws.json; sts-facts §4).
	if (providerId === undefined && typeof claims.sub !== 'string') {
		return fail(
			awsError('InvalidIdentityToken', messages.missingSubClaim),
			'The token has no sub claim, which STS requires of an OpenID Connect ID token (sts-facts §4).',
			['§4']
		);
	}
	if (providerId === undefined && audiences.length > 1 && !claims.azp) {
		return fail(
			awsError('InvalidIdentityToken', messages.severalAudiencesWithoutAzp),
			`The token names ${audiences.length} audiences (${audiences.join(', ')}) and no authorized party (azp), so STS cannot tell which client it was issued to (sts-facts §4).`,
			['§4']
		);
	}
	// §11: Google, Facebook, Amazon and Cognito are built in and need no IAM OIDC provider, so a
	// built-in IdP declared without client IDs is checked by the trust policy alone (Cognito's aud is
	// the identity-pool ID, pinned with cognito-identity.amazonaws.com:aud, API-WI RoleArn docs).
	const audienceListed = declared !== undefined && declared.clientIds.length > 0;
	const checkAudience = declared !== undefined && (audienceListed || !isBuiltInProvider(host));
	// With an azp claim, the authorized party is the client the token was issued to, and it is azp
	// that must be one of the provider's client IDs (as Google's accounts.google.com:aud is azp when
	// set, IAM-STSCK); real STS accepts an unregistered aud with a registered azp and refuses a
	// registered aud with an unregistered azp, in other words (observed: stackd oidc/aws-trust.json).
	if (declared && checkAudience && typeof claims.azp === 'string' && providerId === undefined) {
		if (!declared.clientIds.includes(claims.azp))
			return fail(
				awsError('InvalidIdentityToken', messages.webIdentityTokenNotValidated),
				`The token's authorized party (azp) ${claims.azp} is not in the client-ID list of the IAM OIDC provider ${declared.arn} (${declared.clientIds.join(', ') || 'empty'}); with azp present, STS checks azp rather than aud (sts-facts §4, §11).`,
				['§4', '§11']
			);
	} else if (declared && checkAudience && !audiences.some((a) => declared.clientIds.includes(a))) {
		return fail(
			awsError('InvalidIdentityToken', messages.incorrectAudience),
			`The token's audience ${audiences.join(', ')} is not in the client-ID list of the IAM OIDC provider ${declared.arn} (${declared.clientIds.join(', ') || 'empty'}) (sts-facts §11).`,
			['§4', '§11']
		);
	}

	// The tags claim's session tags count in the packed size with the session policies, as
	// AssumeRole's Tags do (sts-facts §3.2); their own checks come with idpAttributes.
	const claimTags = sessionTagsOfClaims(claims);
	const sessionPolicies = readSessionPolicies(params, world, roleAccount, claimTags.tags);
	if (!sessionPolicies.ok) {
		return sessionPolicies.error
			? fail(sessionPolicies.error, sessionPolicies.why, ['§3.2'])
			: simulatorFailure(sessionPolicies.simulatorError);
	}
	const region = regionCheck(world, roleAccount, ctx.region);
	if (region) return region;

	// The token's https://aws.amazon.com/source_identity claim sets the session's source identity (IAM
	// "Monitor and control actions taken with assumed roles", Using source identity with
	// AssumeRoleWithWebIdentity); its https://aws.amazon.com/tags claim passes session tags (IAM-TAGS,
	// "Passing session tags using AssumeRoleWithWebIdentity"). See idpAttributes.
	const sourceIdentityClaim = claims[SOURCE_IDENTITY_CLAIM];
	const passed = idpAttributes(
		{
			...(sourceIdentityClaim !== undefined ? { sourceIdentity: String(sourceIdentityClaim) } : {}),
			...claimTags
		},
		`The token's ${SOURCE_IDENTITY_CLAIM} claim`
	);
	if (!passed.ok) return passed.failure;

	const role = findRole(world, roleArn);
	const providerName = declared ? declared.arn : host;
	const context = {
		...requestKeys(ctx.region, now),
		...resourceTagKeys(role?.tags),
		...passed.context,
		...webIdentityContext(claims),
		...providerTrustClaimKeys(claims),
		'sts:RoleSessionName': sessionName,
		'aws:FederatedProvider': providerName
	};
	// Federated callers have no identity policies: only the trust policy decides (§11). A built-in IdP
	// is named by its host; if the account also declared a provider for it, that ARN is tried too.
	const principals = declared && isBuiltInProvider(host) ? [host, declared.arn] : [providerName];
	// Source identity and session tags also need their actions from the same trust policy (see above).
	const attempts = principals.map((principal) =>
		federatedTrust(
			{ role, roleArn, principal, context },
			'sts:AssumeRoleWithWebIdentity',
			passed.actions,
			ctx.explain
		)
	);
	const matched = attempts.findIndex((a) => a.allowed);
	const trust = attempts[matched] ?? attempts[attempts.length - 1];
	// §5: aws:FederatedProvider names the IdP the session came through: the host for a built-in IdP
	// trusted by name (e.g. cognito-identity.amazonaws.com), else the IAM OIDC provider's ARN.
	const sessionProvider = principals[matched] ?? providerName;
	if (!trust.allowed || !role) {
		return fail(
			awsError('AccessDenied', messages.federatedNotAuthorized('AssumeRoleWithWebIdentity')),
			`The token is valid, but the trust policy of ${roleArn} does not let a token from ${host} with these claims assume it.`,
			['§4', '§11'],
			trust.story,
			trust.trust
		);
	}
	const duration = integerParam(params.DurationSeconds) ?? DEFAULT_ROLE_SESSION_SECONDS;
	const tooLong = checkMaxSessionDuration(role, duration);
	if (tooLong) return tooLong;

	const creds = mintCredentials(ctx, {
		duration,
		api: 'AssumeRoleWithWebIdentity',
		identity: assumedRoleIdentity(role, sessionName),
		sessionPolicies: sessionPolicies.policies,
		...passed.session,
		chained: false,
		requestedBy: sessionProvider,
		federatedProvider: sessionProvider,
		federatedKeys: webIdentityContext(claims)
	});
	return {
		ok: true,
		credentials: creds,
		response: roleSessionResponse(creds, sessionPolicies.packedPolicySize, {
			SubjectFromWebIdentityToken: claims.sub ?? '',
			Provider: claims.iss,
			Audience: audiences[0]
		}),
		explanation: explanation(
			`A token from ${host} (sub ${claims.sub ?? 'none'}) was exchanged for ${aDuration(duration)} session of ${role.name}; the call itself was unsigned, as AssumeRoleWithWebIdentity needs no AWS credentials (sts-facts §2, §11).`,
			{ details: trust.story, statements: trust.trust, facts: ['§2', '§11'] }
		)
	};
};
