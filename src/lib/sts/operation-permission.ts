/**
 * The STS operations with no authorisation rules of their own (GetAccessKeyInfo,
 * DecodeAuthorizationMessage, AssumeRoot, GetWebIdentityToken) are authorised like any AWS
 * action: an identity policy must allow sts:<Operation> (sts-facts §7; the documented exceptions
 * are GetCallerIdentity and GetSessionToken, §2.4, §9; DecodeAuthorizationMessage's own page: "a
 * user must be granted permissions through an IAM policy", §13), explicit denies and revoked
 * sessions apply, and GetSessionToken / GetFederationToken credentials may call no STS operation
 * but AssumeRole and GetCallerIdentity (GetCallerIdentity only for GetFederationToken, §2.4).
 */
import type { ApiContext, ApiResult } from './api-support';
import { authorizeAction, type ActionRequestOptions } from './authorize-action';
import type { CallerResolution } from './caller';

/** Undefined when sts:`operation` on `resource` is allowed; otherwise AWS's denial. */
export function operationDenied(
	ctx: ApiContext,
	resolution: CallerResolution,
	operation: string,
	resource = '*',
	options: ActionRequestOptions = {}
): ApiResult | undefined {
	const result = authorizeAction(
		{ ...ctx, request: { ...ctx.request, resource } },
		resolution,
		`sts:${operation}`,
		options
	);
	return result.ok ? undefined : result;
}
