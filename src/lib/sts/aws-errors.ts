/**
 * The AWS errors the simulator returns: wire codes, HTTP status and message wording
 * exactly as sts-facts §4 records them (and §3 for validation messages).
 */

export type AwsErrorCode =
	| 'AccessDenied'
	| 'ExpiredToken'
	| 'ExpiredTokenException'
	| 'InvalidClientTokenId'
	| 'MissingAuthenticationToken'
	| 'ValidationError'
	| 'InvalidParameterValue'
	| 'MalformedInput'
	| 'MalformedPolicyDocument'
	| 'PackedPolicyTooLarge'
	| 'RegionDisabledException'
	| 'InvalidIdentityToken'
	| 'IDPRejectedClaim'
	| 'InvalidAuthorizationMessageException'
	| 'OutboundWebIdentityFederationDisabledException';

export interface AwsError {
	code: AwsErrorCode;
	httpStatus: 400 | 403;
	message: string;
}

const STATUS: Record<AwsErrorCode, 400 | 403> = {
	AccessDenied: 403,
	ExpiredToken: 403, // §4: the caller's own credentials expired
	ExpiredTokenException: 400, // §4: an expired *input* token (web identity / SAML)
	InvalidClientTokenId: 403,
	MissingAuthenticationToken: 403,
	ValidationError: 400,
	InvalidParameterValue: 400,
	MalformedInput: 400, // a parameter that cannot be read as its type (sts_oracle.rs, validate-params.ts)
	MalformedPolicyDocument: 400,
	PackedPolicyTooLarge: 400,
	RegionDisabledException: 403,
	InvalidIdentityToken: 400,
	IDPRejectedClaim: 403,
	InvalidAuthorizationMessageException: 400, // §4, MODEL
	OutboundWebIdentityFederationDisabledException: 403 // §13, MODEL
};

export function awsError(code: AwsErrorCode, message: string): AwsError {
	return { code, httpStatus: STATUS[code], message };
}

/**
 * SDK exception class names that stand for the same wire code (MODEL shapes), accepted in
 * expectations. ExpiredTokenException is deliberately absent: it is a different error from ExpiredToken (§4).
 */
export const ERROR_CODE_ALIASES: Readonly<Record<string, AwsErrorCode>> = {
	MalformedPolicyDocumentException: 'MalformedPolicyDocument',
	PackedPolicyTooLargeException: 'PackedPolicyTooLarge',
	InvalidIdentityTokenException: 'InvalidIdentityToken',
	IDPRejectedClaimException: 'IDPRejectedClaim'
};

/**
 * The code a service itself answers a request that IAM denies with, where it is not STS's
 * AccessDenied. The simulator reports every denied service action as AccessDenied (the scenario
 * contract); an `expect: { error: … }` may name the service's own code instead (expectations.ts).
 * - ec2: UnauthorizedOperation ("If a user tries to perform an action for which permissions were
 *   not granted, the request returns the following error: Client.UnauthorizedOperation"),
 *   https://docs.aws.amazon.com/AWSEC2/latest/APIReference/query-api-troubleshooting.html#unauthorized-operation
 * - dynamodb: AccessDeniedException,
 *   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 * - lambda, kms, secretsmanager, ssm, logs: AccessDeniedException (each API's CommonErrors page,
 *   e.g. https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html,
 *   https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html)
 * - sns: AuthorizationError ("Indicates that the user has been denied access to the requested
 *   resource", HTTP 403), https://docs.aws.amazon.com/sns/latest/api/API_Publish.html#API_Publish_Errors
 * S3, IAM, STS, SQS and CloudWatch answer AccessDenied itself; Cognito Identity is left out (its
 * denial code is not documented).
 */
export const SERVICE_DENIAL_CODES: Readonly<Record<string, readonly string[]>> = {
	ec2: ['UnauthorizedOperation', 'Client.UnauthorizedOperation'],
	dynamodb: ['AccessDeniedException'],
	lambda: ['AccessDeniedException'],
	kms: ['AccessDeniedException'],
	secretsmanager: ['AccessDeniedException'],
	ssm: ['AccessDeniedException'],
	logs: ['AccessDeniedException'],
	sns: ['AuthorizationError']
};

/** Message texts from sts-facts §4 (quoted from real responses where marked [obs] there). */
export const messages = {
	// §1, §4 ExpiredToken row
	expiredToken: 'The security token included in the request is expired',
	// §4 InvalidClientTokenId row
	invalidClientTokenId: 'The security token included in the request is invalid.',
	// §4 (COMMON-ERR); the simulator's wording for unsigned requests to operations that need credentials [inf]
	missingAuthenticationToken: 'Request is missing Authentication Token',
	// §2 / §4: root cannot assume roles
	rootCannotAssumeRole: 'Roles may not be assumed by root accounts.',
	// §4 row 1
	notAuthorized: (callerArn: string, action: string, resource: string) =>
		`User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`,
	// §4: AssumeRole with a wrong or reused TOTP
	assumeRoleMfaFailed: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
	// §4: GetSessionToken with a bad code or serial
	getSessionTokenMfaFailed:
		'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.',
	// §2.4 / §4
	sessionCredentialsNotAllowed: (api: 'GetSessionToken' | 'GetFederationToken') =>
		`Cannot call ${api} with session credentials`,
	// §4: federated trust mismatch
	federatedNotAuthorized: (api: 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML') =>
		`Not authorized to perform sts:${api}`,
	// §2.1
	exceedsMaxSessionDuration:
		'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
	// §2.2
	exceedsChainingLimit:
		'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
	// §4 ValidationError row: RoleArn not an ARN
	invalidArn: (value: string) => `${value} is invalid`,
	// §4 RegionDisabledException row
	regionDisabled: (account: string) =>
		`STS is not activated in this region for account:${account}. Your account administrator can activate STS in this region using the IAM Console.`,
	// §4 ValidationError row (SAML): PrincipalArn not a SAML provider's ARN (cevoaustralia/aws-google-auth#163)
	samlPrincipalArnInvalid: 'Principal ARN is invalid',
	// §4 ValidationError row (SAML): RoleArn not a role's ARN (physera/onelogin-aws-cli#12,
	// oktadev/okta-aws-cli-assume-role#307) [inf: observed with PrincipalArn wrong too]; and
	// AssumeRoleWithWebIdentity with a RoleArn that has an extra colon (re:Post eks-troubleshoot-irsa-errors)
	requestArnInvalid: 'Request ARN is invalid',
	// §4 InvalidIdentityToken row (web identity)
	incorrectAudience: 'Incorrect token audience',
	missingAudClaim: 'Missing a required claim: aud',
	// §4 InvalidIdentityToken / AccessDenied rows from a capture against real STS (stackd oidc/*.json)
	missingSubClaim: 'Missing a required claim: sub',
	severalAudiencesWithoutAzp:
		'Token audience contains more than one audience while authorized party is not present',
	webIdentityTokenNotValidated:
		'The web identity token provided could not be validated. See the AssumeRoleWithWebIdentity documentation for requirements.',
	unrecognizedOAuthProvider:
		'Unrecognized OAuth provider. Do not include a provider parameter when submitting OpenIDConnect ID tokens',
	notLoginWithAmazonToken: 'Provided Token is not a Login With Amazon token',
	noOidcProvider: (issuerUrl: string) =>
		`No OpenIDConnect provider found in your account for ${issuerUrl}`,
	// §4 InvalidIdentityToken row: MODEL InvalidIdentityTokenException documentation, for a token
	// or assertion that cannot be read at all [inf: the wire message for that case is not recorded]
	identityTokenNotValidated:
		'The web identity token that was passed could not be validated by Amazon Web Services. Get a new identity token from the identity provider and then retry the request.',
	// §4 IDPRejectedClaim row (observed for graph.facebook.com)
	idpRejected: (provider: string) =>
		`${provider}: ${provider} responded with HTTP/1.1 400 Bad Request`,
	// §4 ExpiredTokenException row: since 2024 the message has a space before the second number
	// (aws/aws-sdk-java-v2#5709, and a 2026 capture; a 2021 report had none)
	webIdentityTokenExpired: (now: number, exp: number) =>
		`Token expired: current date/time ${now} must be before the expiration date/time ${exp}`,
	// §4 InvalidIdentityToken rows: iat or nbf more than five minutes ahead (observed, stackd oidc/aws.json)
	webIdentityTokenFromFuture: (iat: number) => `Token issued in the future: ${iat}`,
	webIdentityTokenNotYetValid: (now: number, nbf: number) =>
		`Token not yet valid: current date/time ${now} must be after or equal to the not-before date/time ${nbf}`,
	// §4 InvalidIdentityToken / ExpiredTokenException rows (SAML, IAM-SAML-TS)
	samlResponseExpired: 'Response has expired',
	samlSignatureInvalid: 'Response signature invalid',
	samlRoleSessionNameRequired: 'RoleSessionName is required in AuthnResponse',
	samlRoleSessionNameInvalid:
		'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}',
	// §4 InvalidIdentityToken row (IAM-SAML-TS wording for the SAML SourceIdentity attribute; the
	// simulator uses it for the OIDC source_identity claim too [inf])
	sourceIdentityInvalid:
		'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"',
	// §3.3 IAM tagging rules: the aws: prefix is reserved [inf: AWS's wire message not recorded]
	reservedTagPrefix: 'Tag keys and values cannot begin with the reserved prefix aws:',
	// §3.3 session tags passed by an identity provider beyond the documented limits [inf: AWS's wire
	// message not recorded]
	idpSessionTagsInvalid: 'The session tags passed by the identity provider are not valid',
	// §3.3 tag rules (LS-SNAP)
	duplicateTagKeys: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
	transitiveKeyNotInTags:
		'The specified transitive tag key must be included in the requested tags.',
	transitiveKeyConflict:
		"One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
	// §3, §3.2: "The plaintext that you use for both inline and managed session policies can't exceed
	// 2,048 characters." (API-AR). AWS's code and wording for it are not recorded [inf]: the
	// simulator answers ValidationError with the documented limit as its message.
	sessionPolicyPlaintextTooLong: (chars: number) =>
		`The plaintext that you use for both inline and managed session policies can't exceed 2,048 characters; this request uses ${chars}.`,
	// §3.2 (REPOST-PACKED)
	packedPolicyTooLarge: (percent: number) =>
		`Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
	packedTagsTooLarge: (percent: number) =>
		`Packed size of session tags consumes ${percent}% of allotted space.`,
	// §4 InvalidAuthorizationMessageException row: the MODEL shape's documentation [inf: wire message not recorded]
	invalidAuthorizationMessage:
		'The message passed to DecodeAuthorizationMessage was invalid. This can happen if the token contains invalid characters, such as line breaks, or if the message has expired.',
	// §13: the MODEL shape's documentation [inf: wire message not recorded]
	outboundFederationDisabled:
		'The outbound web identity federation feature is not enabled for this account. To use this feature, you must first enable it through the Amazon Web Services Management Console or API.'
};

/** One constraint violation in AWS's validation wording (§3, §4 ValidationError row). */
export interface ConstraintViolation {
	/** The member name in lower camel case as AWS prints it, e.g. roleSessionName. */
	member: string;
	/** The offending value; undefined prints as `null` (missing required member). */
	value: unknown;
	/** The text after "Member must …". */
	constraint: string;
}

export function validationError(violations: ConstraintViolation[]): AwsError {
	const n = violations.length;
	const parts = violations.map((v) => {
		const shown = v.value === undefined || v.value === null ? 'null' : `'${String(v.value)}'`;
		return `Value ${shown} at '${v.member}' failed to satisfy constraint: Member must ${v.constraint}`;
	});
	return awsError(
		'ValidationError',
		`${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`
	);
}
