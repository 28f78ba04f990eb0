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
import { explanation } from './explain';
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
	// §4: an expired input token is ExpiredTokenException (400), unlike ExpiredToken for expired AWS credentials.
	if (claims.exp <= now) {
		return fail(
			awsError('ExpiredTokenException', messages.webIdentityTokenExpired(now, claims.exp)),
			`The ID token expired ${formatDuration(now - claims.exp)} ago. STS checks the token's exp claim; get a fresh token from the IdP (sts-facts §4).`,
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
	// §11: Google, Facebook, Amazon and Cognito are built in and need no IAM OIDC provider, so a
	// built-in IdP declared without client IDs is checked by the trust policy alone (Cognito's aud is
	// the identity-pool ID, pinned with cognito-identity.amazonaws.com:aud, API-WI RoleArn docs).
	const audienceListed = declared !== undefined && declared.clientIds.length > 0;
	const checkAudience = declared !== undefined && (audienceListed || !isBuiltInProvider(host));
	if (declared && checkAudience && !audiences.some((a) => declared.clientIds.includes(a))) {
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
			`A token from ${host} (sub ${claims.sub ?? 'none'}) was exchanged for ${aDuration(duration)} session of ${role.name}, without any AWS credentials (sts-facts §2, §11).`,
			{ details: trust.story, statements: trust.trust, facts: ['§2', '§11'] }
		)
	};
};
