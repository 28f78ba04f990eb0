/**
 * AssumeRoleWithSAML (sts-facts §2, §2.3, §3.1, §4, §5, §11). Unsigned (MODEL noAuth): the
 * step's caller is ignored. The simulated IdP's response is described by the step's samlAssertion.
 *
 * Order: model validation, the provider, the response (signature, expiry, RoleSessionName
 * attribute), the Role attribute, session policy, Region, trust policy, duration.
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
import { decodeSamlAssertion, encodeSamlAssertion } from './identity-tokens';
import { samlNameQualifier } from './saml-name-qualifier';
import { federatedTrust, idpAttributes } from './idp-attributes';
import { requestKeys, resourceTagKeys } from './request-context';
import {
	assumedRoleIdentity,
	checkMaxSessionDuration,
	DEFAULT_ROLE_SESSION_SECONDS,
	roleSessionResponse
} from './role-session';
import { readSessionPolicies } from './session-policy';
import { integerParam, validateParams, type Params } from './validate-params';
import { findRole } from './world-lookup';

const deny = (why: string, details: string[] = [], statements: Parameters<typeof fail>[4] = []) =>
	fail(
		awsError('AccessDenied', messages.federatedNotAuthorized('AssumeRoleWithSAML')),
		why,
		['§4', '§11'],
		details,
		statements
	);

export const assumeRoleWithSaml: ApiHandler = (ctx) => {
	const { world, now } = ctx;
	const explicit =
		ctx.params.SAMLAssertion !== undefined ? String(ctx.params.SAMLAssertion) : undefined;
	const assertionText =
		explicit ??
		(ctx.request.samlAssertion ? encodeSamlAssertion(ctx.request.samlAssertion, now) : undefined);
	const params: Params = {
		...ctx.params,
		...(assertionText !== undefined ? { SAMLAssertion: assertionText } : {})
	};

	const invalid = validateParams('AssumeRoleWithSAML', params);
	if (invalid)
		return fail(invalid, 'A parameter breaks the STS model constraints (sts-facts §3.1).', [
			'§3.1'
		]);
	const roleArn = String(params.RoleArn);
	const principalArn = String(params.PrincipalArn);
	// §4 ValidationError rows (SAML): a PrincipalArn that is not a SAML provider's ARN (a role ARN, a
	// leading space) is "Principal ARN is invalid"; it is checked before RoleArn (observed 2020 with the
	// two swapped). A RoleArn that is an ARN but not a role's was "Request ARN is invalid" (observed
	// 2017/2019, with the two swapped) [inf for RoleArn alone].
	const principalRef = parseArn(principalArn);
	if (principalRef?.service !== 'iam' || !principalRef.resource.startsWith('saml-provider/'))
		return fail(
			awsError('ValidationError', messages.samlPrincipalArnInvalid),
			`PrincipalArn must be the ARN of an IAM SAML provider, arn:aws:iam::ACCOUNT:saml-provider/NAME; ${JSON.stringify(principalArn)} is not one. A Role attribute value read in the wrong order (role ARN and provider ARN swapped) or split with a space after the comma gives this error (sts-facts §4, §11).`,
			['§4', '§11']
		);
	if (!parseArn(roleArn))
		return fail(
			awsError('ValidationError', messages.invalidArn(roleArn)),
			'RoleArn must be an ARN (sts-facts §3.1).',
			['§3.1', '§4']
		);
	if (!parseIamEntityArn(roleArn, 'role'))
		return fail(
			awsError('ValidationError', messages.requestArnInvalid),
			`RoleArn must be the ARN of an IAM role, arn:aws:iam::ACCOUNT:role/NAME; ${roleArn} is not one (sts-facts §4). The assertion's Role attribute lists "role-arn,provider-arn" pairs; check their order.`,
			['§4', '§11']
		);
	const response =
		explicit !== undefined
			? decodeSamlAssertion(explicit)
			: ctx.request.samlAssertion
				? { spec: ctx.request.samlAssertion, issuedAt: now }
				: undefined;
	// MODEL InvalidIdentityToken: the assertion "could not be validated".
	if (!response)
		return fail(
			awsError('InvalidIdentityToken', messages.identityTokenNotValidated),
			'The SAMLAssertion is not a SAML response STS can read and verify (sts-facts §4, §11). In a scenario, describe the response with samlAssertion.',
			['§4', '§11']
		);
	const a = response.spec;

	const providerRef = parseArn(principalArn);
	const providerName = providerRef?.resource.startsWith('saml-provider/')
		? providerRef.resource.slice('saml-provider/'.length)
		: undefined;
	const provider =
		providerRef && providerName
			? world.accounts[providerRef.account]?.samlProviders[providerName]
			: undefined;
	if (!provider) {
		// [inf] AWS does not document a separate error for an unknown PrincipalArn; §4 lists "wrong Federated principal" under this AccessDenied.
		return deny(
			`There is no IAM SAML provider ${principalArn}. Register the IdP's metadata in IAM (arn:aws:iam::ACCOUNT:saml-provider/NAME) first (sts-facts §11).`
		);
	}
	// §11: the response must be signed with a key from the metadata uploaded for this provider.
	// The assertion names its IdP by the provider's name (or, equally, its ARN).
	const issuedFor = a.provider === provider.arn ? provider.name : a.provider;
	if ((a.signedBy ?? 'provider') === 'other' || issuedFor !== provider.name) {
		return fail(
			awsError('InvalidIdentityToken', messages.samlSignatureInvalid),
			issuedFor !== provider.name
				? `The response was issued by IdP ${a.provider}, but PrincipalArn names provider ${provider.name}, whose metadata holds a different signing key (sts-facts §11).`
				: `The response is signed with a key that is not in the metadata of ${provider.arn}; re-upload the IdP's current metadata (sts-facts §11).`,
			['§4', '§11']
		);
	}
	// §4: an expired SAML response is ExpiredTokenException "Response has expired".
	const expiresAt = response.issuedAt + a.notOnOrAfterIn;
	if (expiresAt <= now) {
		return fail(
			awsError('ExpiredTokenException', messages.samlResponseExpired),
			`The assertion's NotOnOrAfter passed ${formatDuration(now - expiresAt)} ago; SAML responses are short-lived and must be used at once (sts-facts §4).`,
			['§4']
		);
	}
	// §4 / §11: the RoleSessionName attribute is required and must match [a-zA-Z_0-9+=,.@-]{2,64}.
	if (a.roleSessionName === undefined) {
		return fail(
			awsError('InvalidIdentityToken', messages.samlRoleSessionNameRequired),
			'The IdP must send the https://aws.amazon.com/SAML/Attributes/RoleSessionName attribute (sts-facts §11).',
			['§4', '§11']
		);
	}
	if (!/^[a-zA-Z_0-9+=,.@-]{2,64}$/.test(a.roleSessionName)) {
		return fail(
			awsError('InvalidIdentityToken', messages.samlRoleSessionNameInvalid),
			`The RoleSessionName attribute "${a.roleSessionName}" has characters or a length AWS does not accept (sts-facts §11).`,
			['§4', '§11']
		);
	}
	// §11: the Role attribute lists role,provider pairs the user may assume.
	if (a.roles && !a.roles.includes(roleArn)) {
		return deny(
			`The assertion's Role attribute offers ${a.roles.join(', ')}, not ${roleArn} (sts-facts §11).`
		);
	}

	const roleAccount =
		parseIamEntityArn(roleArn, 'role')?.account ?? parseArn(roleArn)?.account ?? '';
	// The PrincipalTag attributes are session tags: they count in the packed size with the session
	// policies, as AssumeRole's Tags do (sts-facts §3.2); their own checks come with idpAttributes.
	const principalTags = Object.entries(a.principalTags ?? {}).map(([Key, Value]) => ({
		Key,
		Value
	}));
	const sessionPolicies = readSessionPolicies(params, world, roleAccount, principalTags);
	if (!sessionPolicies.ok)
		return sessionPolicies.error
			? fail(sessionPolicies.error, sessionPolicies.why, ['§3.2'])
			: simulatorFailure(sessionPolicies.simulatorError);
	const region = regionCheck(world, roleAccount, ctx.region);
	if (region) return region;

	const role = findRole(world, roleArn);
	// MODEL (AssumeRoleWithSAML): "AssumeRoleWithSAML will not work on IAM Identity Center managed
	// roles. These roles' names start with AWSReservedSSO_" (sts-facts §11, §14.12). [inf] The error
	// is not documented; the simulator answers with the trust-policy denial.
	if (role?.name.startsWith('AWSReservedSSO_'))
		return deny(
			`${role.name} is an IAM Identity Center role (its name starts with AWSReservedSSO_). AssumeRoleWithSAML does not work on such roles; users reach them through IAM Identity Center (sts-facts §11).`
		);
	// The response's Issuer, Subject (NameID) and Recipient. A valid response always carries a NameID
	// and "exactly one SubjectConfirmationData … that includes both the NotOnOrAfter attribute and a
	// Recipient attribute" that "must match the AWS endpoint (https://signin.aws.amazon.com/saml)"
	// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html),
	// so a scenario that leaves them out gets these defaults.
	const providerAccount = providerRef?.account ?? '';
	const issuer = `https://${provider.name.toLowerCase()}.idp.example/saml`;
	const subject = a.subject ?? a.roleSessionName;
	const recipient = a.audience ?? 'https://signin.aws.amazon.com/saml';
	const nameQualifier = samlNameQualifier(issuer, providerAccount, provider.name);
	// IAM-STSCK "Available keys for SAML-based AWS STS federation" (sts-facts §5): the keys a role's
	// trust policy can test. saml:aud comes from the Recipient, not from the Audience element;
	// saml:doc is "<account-id>/<provider-friendly-name>".
	// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml
	const samlKeys: Record<string, string> = {
		'saml:aud': recipient,
		'saml:iss': issuer,
		'saml:sub': subject,
		'saml:sub_type': 'persistent',
		'saml:namequalifier': nameQualifier,
		'saml:doc': `${providerAccount}/${provider.name}`
	};
	// Same page, "SAML role permissions policies": only saml:namequalifier, saml:sub and saml:sub_type
	// are available to the role's permissions policies; the other keys "are available only in IAM
	// trust policies … and are not applicable to permissions policies".
	const sessionSamlKeys: Record<string, string> = {
		'saml:namequalifier': nameQualifier,
		'saml:sub': subject,
		'saml:sub_type': 'persistent'
	};
	// The SourceIdentity and PrincipalTag:{Key} / TransitiveTagKeys attributes (see idpAttributes).
	const passed = idpAttributes(
		{
			...(a.sourceIdentity !== undefined ? { sourceIdentity: a.sourceIdentity } : {}),
			tags: principalTags,
			transitive: a.transitiveTagKeys ?? []
		},
		"The assertion's https://aws.amazon.com/SAML/Attributes/SourceIdentity attribute"
	);
	if (!passed.ok) return passed.failure;
	const context = {
		...requestKeys(ctx.region, now),
		...resourceTagKeys(role?.tags),
		...samlKeys,
		...passed.context,
		// The SAR lists sts:RoleSessionName for sts:AssumeRoleWithSAML; its value is the assertion's
		// RoleSessionName attribute (IAM-STSCK sts:RoleSessionName; found by blind15i).
		'sts:RoleSessionName': a.roleSessionName
		// No aws:FederatedProvider: IAM-CK limits it to OIDC, "present in the role-session of a role that
		// was assumed using OpenID Connect (OIDC) provider, and in the role-trust policy when an OIDC
		// provider is used to call AssumeRoleWithWebIdentity" (older text also named AssumeRoleWithSAML).
	};
	const trust = federatedTrust(
		{ role, roleArn, principal: provider.arn, context },
		'sts:AssumeRoleWithSAML',
		passed.actions,
		ctx.explain
	);
	if (!trust.allowed || !role)
		return deny(
			`The assertion is valid, but the trust policy of ${roleArn} does not allow it.`,
			trust.story,
			trust.trust
		);

	const requested = integerParam(params.DurationSeconds) ?? DEFAULT_ROLE_SESSION_SECONDS;
	const tooLong = checkMaxSessionDuration(role, requested);
	if (tooLong) return tooLong;
	// §2 / §2.3: the session lasts min(DurationSeconds, SessionNotOnOrAfter); the SessionDuration attribute can only shorten it.
	const limits = [
		{ seconds: requested, why: 'DurationSeconds' },
		...(a.sessionNotOnOrAfterIn !== undefined
			? [{ seconds: response.issuedAt + a.sessionNotOnOrAfterIn - now, why: 'SessionNotOnOrAfter' }]
			: []),
		...(a.sessionDuration !== undefined
			? [{ seconds: a.sessionDuration, why: 'the SessionDuration attribute' }]
			: [])
	];
	const limit = limits.reduce((min, l) => (l.seconds < min.seconds ? l : min));
	if (limit.seconds <= 0) {
		return fail(
			awsError('ExpiredTokenException', messages.samlResponseExpired),
			'SessionNotOnOrAfter is already in the past, so no session can be granted (sts-facts §2).',
			['§2', '§4']
		);
	}

	const creds = mintCredentials(ctx, {
		duration: limit.seconds,
		api: 'AssumeRoleWithSAML',
		identity: assumedRoleIdentity(role, a.roleSessionName),
		sessionPolicies: sessionPolicies.policies,
		...passed.session,
		chained: false,
		requestedBy: provider.arn,
		federatedKeys: sessionSamlKeys
	});
	return {
		ok: true,
		credentials: creds,
		response: roleSessionResponse(creds, sessionPolicies.packedPolicySize, {
			Subject: subject,
			SubjectType: 'persistent',
			Issuer: issuer,
			Audience: recipient,
			NameQualifier: nameQualifier
		}),
		explanation: explanation(
			`${provider.name} signed a SAML response for ${a.roleSessionName}; STS exchanged it for ${aDuration(limit.seconds)} session of ${role.name}; the call itself was unsigned, as AssumeRoleWithSAML needs no AWS credentials. The session is limited by ${limit.why}: it lasts min(DurationSeconds, SessionNotOnOrAfter) (sts-facts §2, §11).`,
			{
				details: [
					...trust.story,
					...(AWS_SAML_RECIPIENT.test(recipient)
						? []
						: [
								`The assertion's Recipient, ${recipient}, is not AWS's SAML sign-in endpoint (https://signin.aws.amazon.com/saml or a Regional one). AWS asks IdPs to send that (sts-facts §11), but STS itself has been seen to accept any Recipient on this API (a 2026 capture, radkawar/stackd): only a trust policy that pins saml:aud refuses it, as AWS's own trust policies for SAML do.`
							])
				],
				statements: trust.trust,
				facts: ['§2', '§11']
			}
		)
	};
};

/** AWS's SAML sign-in endpoints, global or Regional, in each partition (sts-facts §11). */
const AWS_SAML_RECIPIENT =
	/^https:\/\/(?:[a-z0-9-]+\.)?signin\.(?:aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)\/(?:static\/)?saml$/;
