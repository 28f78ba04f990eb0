/**
 * GetWebIdentityToken (sts-facts §13; MODEL 2025-11): STS signs an outbound JWT for the calling
 * identity, for external services that trust AWS as an OIDC issuer. Audience 1–10 entries,
 * SigningAlgorithm RS256 or ES384, DurationSeconds 60–3600 (default 300). The account must first
 * enable outbound web identity federation; the simulated world has no such setting, so every
 * account has it disabled and a permitted call ends with OutboundWebIdentityFederationDisabledException.
 */
import { authenticated, fail, type ApiHandler } from './api-support';
import { awsError, messages, validationError } from './aws-errors';
import { callerAccount } from './caller';
import { operationDenied } from './operation-permission';
import { requestTagKeys } from './session-tags';
import { tagsOf, validateParams } from './validate-params';

/** MODEL: DurationSeconds "The default is 300 seconds (5 minutes)" (sts-facts §13). */
const DEFAULT_TOKEN_SECONDS = 300;

const audiences = (value: unknown): string[] =>
	Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];

/** MODEL jwtAlgorithmType documentation: "Valid values are RS256 … and ES384". */
const ALGORITHMS = ['RS256', 'ES384'];

export const getWebIdentityToken: ApiHandler = (ctx, resolution) => {
	const auth = authenticated(resolution, 'GetWebIdentityToken');
	if ('failure' in auth) return auth.failure;
	const params = ctx.params;
	const invalid = validateParams('GetWebIdentityToken', params);
	if (invalid)
		return fail(invalid, 'A parameter breaks the STS model constraints (sts-facts §13).', ['§13']);
	const algorithm = String(params.SigningAlgorithm);
	if (!ALGORITHMS.includes(algorithm))
		return fail(
			validationError([
				{
					member: 'signingAlgorithm',
					value: algorithm,
					// AWS's wording for enum members [inf: not recorded for this member]
					constraint: `satisfy enum value set: [${ALGORITHMS.join(', ')}]`
				}
			]),
			'STS signs web identity tokens with RS256 or ES384 only (MODEL).',
			['§13']
		);
	// The Service Authorization Reference's condition keys for sts:GetWebIdentityToken, which IAM's
	// outbound federation policies page uses ("Use the sts:IdentityTokenAudience condition key to
	// restrict which external services can receive tokens. Use the sts:DurationSeconds condition key
	// to enforce maximum token lifetimes. Use the sts:SigningAlgorithm condition key …",
	// id_roles_providers_outbound_policies). sts:DurationSeconds carries the token's lifetime, the
	// default 300 when the parameter is left out [inf].
	const tags = tagsOf(params);
	const context = {
		'sts:IdentityTokenAudience': audiences(params.Audience),
		'sts:DurationSeconds': String(params.DurationSeconds ?? DEFAULT_TOKEN_SECONDS),
		'sts:SigningAlgorithm': algorithm,
		...requestTagKeys(tags, [])
	};
	const denied = operationDenied(ctx, resolution, 'GetWebIdentityToken', '*', { context });
	if (denied) return denied;
	// Same page: "To allow Tags (key, value pairs) to be passed to the GetWebIdentityToken call, the
	// IAM principal must have the sts:TagGetWebIdentityToken permission."
	if (tags.length) {
		const tagDenied = operationDenied(ctx, resolution, 'TagGetWebIdentityToken', '*', {
			context
		});
		if (tagDenied) return tagDenied;
	}
	return fail(
		awsError('OutboundWebIdentityFederationDisabledException', messages.outboundFederationDisabled),
		`Account ${callerAccount(auth.caller)} has not enabled outbound web identity federation (no account in this simulated world has), so STS issues no token.`,
		['§13'],
		[
			'Once enabled, STS returns a signed JWT naming the caller, with the requested audiences, valid 60–3600 seconds (default 300). It cannot outlive the calling session: a longer DurationSeconds fails with SessionDurationEscalationException (MODEL).'
		]
	);
};
