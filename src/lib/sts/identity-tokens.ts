/**
 * The simulated identity providers: the OIDC ID tokens and SAML responses a step's `idToken` /
 * `samlAssertion` describes, and the condition keys AWS derives from them (sts-facts §5, §11).
 */
import type { IdTokenSpec, SamlAssertionSpec } from '../content/scenario-schema';
import { base64urlToText, textToBase64url } from './base64';
import type { Instant } from './clock';
import type { ContextValues } from './policy-evaluation';
import type { TagParam } from './validate-params';
import { oidcHost } from './world';

/** sts-facts §11: these IdPs are built in; no IAM OIDC provider is needed for them. */
export const BUILT_IN_OIDC_PROVIDERS = [
	'accounts.google.com',
	'graph.facebook.com',
	'www.amazon.com',
	'cognito-identity.amazonaws.com'
] as const;

export function isBuiltInProvider(host: string): boolean {
	return (BUILT_IN_OIDC_PROVIDERS as readonly string[]).includes(host);
}

/** sts-facts §3.1 (API-WI ProviderId): the only IdPs whose OAuth 2.0 access tokens STS accepts. */
export const OAUTH_PROVIDERS = ['www.amazon.com', 'graph.facebook.com'] as const;

export function isOAuthProvider(providerId: string): boolean {
	return (OAUTH_PROVIDERS as readonly string[]).includes(providerId);
}

export interface IdTokenClaims {
	iss: string;
	aud?: string | string[];
	sub?: string;
	exp: number;
	/** Absent in a hand-made JWT without it (then nothing is checked against it). */
	iat?: number;
	amr?: string | string[];
	azp?: string;
	[claim: string]: unknown;
}

export function claimsFromSpec(spec: IdTokenSpec, now: Instant): IdTokenClaims {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the named fields are set below
	const { iss, aud, sub, expiresIn, exp, iat, nbf, amr, azp, claims, ...further } = spec;
	return {
		...(claims ?? {}),
		...further,
		iss: spec.iss,
		...(spec.aud !== undefined ? { aud: spec.aud } : {}),
		...(spec.sub !== undefined ? { sub: spec.sub } : {}),
		...(spec.amr !== undefined ? { amr: spec.amr } : {}),
		...(spec.azp !== undefined ? { azp: spec.azp } : {}),
		// A token may name its times (epoch seconds) instead of expiresIn; iat defaults to now.
		iat: iat ?? now,
		...(nbf !== undefined ? { nbf } : {}),
		exp: exp ?? now + expiresIn
	};
}

/** A JWT-shaped token (the signature part is a placeholder: the simulated IdP's key always verifies). */
export function encodeIdToken(claims: IdTokenClaims): string {
	return `${textToBase64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'simulated' }))}.${textToBase64url(JSON.stringify(claims))}.c2ltdWxhdGVk`;
}

/**
 * API-WI (WebIdentityToken): "Tokens must be signed using either RSA keys (RS256, RS384, or RS512) or
 * ECDSA keys (ES256, ES384, or ES512)"; https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
export const ID_TOKEN_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;

/** The `alg` of a JWT's header; undefined when the header cannot be read. */
export function idTokenAlgorithm(token: string): string | undefined {
	try {
		const header = JSON.parse(base64urlToText(token.split('.')[0])) as { alg?: unknown };
		return typeof header.alg === 'string' ? header.alg : undefined;
	} catch {
		return undefined;
	}
}

/** Reads a JWT's claims; undefined when the text is not a JWT carrying iss and exp. */
export function decodeIdToken(token: string): IdTokenClaims | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	try {
		const claims = JSON.parse(base64urlToText(parts[1])) as Partial<IdTokenClaims>;
		if (typeof claims.iss !== 'string' || typeof claims.exp !== 'number') return undefined;
		// API-WI / sts-facts §3.1: "Timestamps in the token must be formatted as either an integer or a long integer."
		if (
			!Number.isInteger(claims.exp) ||
			(claims.iat !== undefined && !Number.isInteger(claims.iat))
		)
			return undefined;
		return claims as IdTokenClaims;
	} catch {
		return undefined;
	}
}

const asList = (v: unknown): string[] =>
	v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
const oneOrList = (values: string[]): string | string[] =>
	values.length === 1 ? values[0] : values;

/** The OIDC claim that carries a source identity (IAM "Monitor and control actions taken with assumed roles"). */
export const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';

/**
 * The OIDC claim that carries session tags (IAM "Pass session tags in AWS STS", Passing session tags
 * using AssumeRoleWithWebIdentity, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html):
 * `{ "principal_tags": { "Project": ["Automation"] }, "transitive_tag_keys": ["Project"] }`.
 */
export const SESSION_TAGS_CLAIM = 'https://aws.amazon.com/tags';

/** The session tags a token's SESSION_TAGS_CLAIM passes (each tag's value is its array's first item). */
export function sessionTagsOfClaims(claims: IdTokenClaims): {
	tags: TagParam[];
	transitive: string[];
} {
	const claim = claims[SESSION_TAGS_CLAIM];
	if (typeof claim !== 'object' || claim === null) return { tags: [], transitive: [] };
	const { principal_tags: principal, transitive_tag_keys: transitive } = claim as {
		principal_tags?: Record<string, unknown>;
		transitive_tag_keys?: unknown;
	};
	return {
		tags: Object.entries(principal ?? {}).map(([Key, v]) => ({ Key, Value: asList(v)[0] ?? '' })),
		transitive: asList(transitive)
	};
}

/**
 * Condition keys from a web identity token (IAM-STSCK, sts-facts §5): `<provider>:aud`, `:sub`,
 * `:amr`, `:azp` (and Google's `:oaud`); Facebook and Login with Amazon name theirs app_id / id /
 * user_id. These stay with the session. Other claims the token carries are not condition keys
 * (aws-actions/configure-aws-credentials#454, "other claims are not supported by AWS"), except the
 * provider-specific ones of providerTrustClaimKeys, for the trust policy only. A policy testing any
 * other claim finds it absent.
 */
export function webIdentityContext(claims: IdTokenClaims): ContextValues {
	const host = oidcHost(claims.iss);
	const aud = asList(claims.aud);
	const ctx: ContextValues = {};
	if (host === 'graph.facebook.com') {
		if (aud.length) ctx['graph.facebook.com:app_id'] = oneOrList(aud);
		if (claims.sub) ctx['graph.facebook.com:id'] = claims.sub;
		return ctx;
	}
	if (host === 'www.amazon.com') {
		if (aud.length) ctx['www.amazon.com:app_id'] = oneOrList(aud);
		if (claims.sub) ctx['www.amazon.com:user_id'] = claims.sub;
		return ctx;
	}
	if (host === 'accounts.google.com') {
		// IAM-STSCK (reference_policies_iam-condition-keys, "aud" and "oaud"): for Google,
		// accounts.google.com:aud is the token's azp when azp is set (hybrid apps) and its aud
		// otherwise; accounts.google.com:oaud is always the token's aud.
		if (claims.azp) ctx['accounts.google.com:aud'] = claims.azp;
		else if (aud.length) ctx['accounts.google.com:aud'] = oneOrList(aud);
		if (aud.length) ctx['accounts.google.com:oaud'] = oneOrList(aud);
	} else if (aud.length) ctx[`${host}:aud`] = oneOrList(aud);
	if (claims.sub) ctx[`${host}:sub`] = claims.sub;
	// amr is multi-valued (e.g. Cognito's ["authenticated", "…:provider"]), tested with ForAnyValue.
	if (claims.amr !== undefined) ctx[`${host}:amr`] = asList(claims.amr);
	if (claims.azp) ctx[`${host}:azp`] = claims.azp;
	return ctx;
}

/**
 * Provider-specific claims STS has exposed as condition keys since early 2026 ("AWS STS supports
 * validation of identity provider claims", AWS What's New 2026-01: "provider-specific claims … can
 * now be used as condition keys in IAM role trust policies"). The lists are the Service
 * Authorization Reference's condition keys for sts:AssumeRoleWithWebIdentity (the IAM data this
 * project ships, static/iam-data/data/actions/sts.json), e.g.
 * `token.actions.githubusercontent.com:repository` or `gitlab.com:project_id`; IAM's tables mark
 * them "Available in session: No" (quoted by cageyv.dev/posts/aws-sts-oidc-claim-validation), so
 * they decide the AssumeRoleWithWebIdentity call and its session does not carry them. Google's
 * `google/organization_number` is left out: the shape of that claim in a token is not recorded.
 */
export const PROVIDER_CLAIM_KEYS: readonly { issuer: RegExp; claims: readonly string[] }[] = [
	{
		// GitHub Actions, its enterprise-specific issuer paths, GitHub Enterprise Cloud with data residency.
		issuer:
			/^(?:token\.actions\.githubusercontent\.com(?:\/[^/]+)?|token\.actions\.[^/]+\.ghe\.com|github\.com\/enterprises\/[^/]+)$/,
		claims: [
			'actor',
			'actor_id',
			'enterprise_id',
			'environment',
			'job_workflow_ref',
			'ref',
			'repository',
			'repository_id',
			'repository_owner_id',
			'workflow'
		]
	},
	{
		issuer: /^gitlab\.com$/,
		claims: [
			'namespace_id',
			'pipeline_source',
			'project_id',
			'ref_protected',
			'runner_environment',
			'user_access_level',
			'user_email',
			'user_id',
			'user_login'
		]
	},
	{
		issuer: /^agent\.(?:buildkite\.com|[^/]+\.buildkite\.(?:dev|site))$/,
		claims: [
			'build_branch',
			'cluster_id',
			'cluster_name',
			'organization_id',
			'organization_slug',
			'pipeline_id',
			'pipeline_slug'
		]
	},
	{ issuer: /^oidc\.circleci\.com\/org\/[^/]+$/, claims: ['oidc.circleci.com/project-id'] },
	{ issuer: /^idcs-[^/]+\.identity\.oraclecloud\.com$/, claims: ['rpst_id'] }
];

/** The claim a provider-specific key names (`gitlab.com:project_id` → project_id), if it is one. */
export function providerClaimOfKey(key: string): string | undefined {
	const colon = key.indexOf(':');
	if (colon < 0) return undefined;
	const host = key.slice(0, colon).toLowerCase();
	const claim = key.slice(colon + 1).toLowerCase();
	return PROVIDER_CLAIM_KEYS.find((p) => p.issuer.test(host))?.claims.find(
		(c) => c.toLowerCase() === claim
	);
}

/** `<provider>:<claim>` keys for the trust policy only (PROVIDER_CLAIM_KEYS). */
export function providerTrustClaimKeys(claims: IdTokenClaims): ContextValues {
	const ctx: ContextValues = {};
	const host = oidcHost(claims.iss);
	const provider = PROVIDER_CLAIM_KEYS.find((p) => p.issuer.test(host));
	for (const claim of provider?.claims ?? []) {
		const value = claims[claim];
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
			ctx[`${host}:${claim}`] = String(value);
	}
	return ctx;
}

export interface SamlResponse {
	spec: SamlAssertionSpec;
	issuedAt: Instant;
}

/** The SAMLAssertion parameter as the browser would post it: base64 of the (simulated) response. */
export function encodeSamlAssertion(spec: SamlAssertionSpec, now: Instant): string {
	return textToBase64url(JSON.stringify({ simulatedSamlResponse: spec, issuedAt: now }))
		.replace(/-/g, '+')
		.replace(/_/g, '/');
}

export function decodeSamlAssertion(text: string): SamlResponse | undefined {
	try {
		const value = JSON.parse(base64urlToText(text.replace(/\+/g, '-').replace(/\//g, '_'))) as {
			simulatedSamlResponse?: SamlAssertionSpec;
			issuedAt?: number;
		};
		return value.simulatedSamlResponse && typeof value.issuedAt === 'number'
			? { spec: value.simulatedSamlResponse, issuedAt: value.issuedAt }
			: undefined;
	} catch {
		return undefined;
	}
}
