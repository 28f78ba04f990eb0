/**
 * The engine values the page needs before the engine itself has loaded, taken from the engine's
 * leaf modules (no XState, zod or iam-simulate behind them), so the page's first JavaScript stays
 * small. The few constants that live in heavy modules are repeated here; sts-light.test.ts checks
 * that they still agree with the engine.
 */
import { findEntity } from '$lib/sts/world-lookup';
import {
	credentialStatus,
	sessionOwnerArn,
	type CredentialStatus,
	type IssuedCredentials
} from '$lib/sts/issued-credentials';
import type { SimState } from '$lib/sts/simulator';
import { revokedBeforeOf } from '$lib/sts/admin-model';

export { formatDuration, formatInstant, type Instant } from '$lib/sts/clock';
export { mfaCode, wrongMfaCode } from '$lib/sts/mfa-device';
export { API_MEMBERS, CREDENTIAL_APIS, STS_APIS, stsApiOf, type StsApi } from '$lib/sts/api-model';
export { lookupAction, type ActionCatalog } from '$lib/sts/action-catalog';
// validate-params.ts imports only leaf modules (api-model, aws-errors).
export { integerParam } from '$lib/sts/validate-params';
// admin-model.ts is a leaf module (the admin actions themselves load on demand): no copy needed.
export { REVOKE_POLICY_NAME, revokedBeforeOf } from '$lib/sts/admin-model';

/** As call-dispatch.ts. */
export const DEFAULT_REGION = 'us-east-1';
/** As identity-tokens.ts (sts-facts §11). */
export const BUILT_IN_OIDC_PROVIDERS = [
	'accounts.google.com',
	'graph.facebook.com',
	'www.amazon.com',
	'cognito-identity.amazonaws.com'
] as const;

/** The lifecycle status of issued credentials now (as simulator.ts statusOf). */
export function statusOf(state: SimState, creds: IssuedCredentials): CredentialStatus {
	const ownerArn = sessionOwnerArn(creds.identity);
	const owner = ownerArn ? findEntity(state.world, ownerArn) : undefined;
	return credentialStatus(
		creds,
		state.now,
		owner ? revokedBeforeOf(owner.entity.policies) : undefined
	);
}
