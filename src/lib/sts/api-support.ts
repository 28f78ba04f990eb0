/**
 * What every simulated STS operation shares: the request and result shapes, minting credentials,
 * the Regional endpoint check, and the standard failures.
 */
import type { IdTokenSpec, SamlAssertionSpec } from '../content/scenario-schema';
import { awsError, messages, type AwsError } from './aws-errors';
import type { CallerResolution, ServiceCaller, SignedCaller } from './caller';
import { formatInstant, type Instant, type Tick } from './clock';
import { accessKeyId, secretAccessKey, sessionToken, type RandomSource } from './credential-ids';
import { explanation, type Explanation } from './explanation';
import type { IssuedCredentials } from './issued-credentials';
import type { Params } from './validate-params';
import type { World } from './world';

/** One request to the simulator: an STS API call or a service action to authorise (the scenario contract's call step). */
export interface CallRequest {
	as: string;
	call: string;
	region?: string;
	params?: Record<string, unknown>;
	mfa?: boolean | 'wrong';
	idToken?: IdTokenSpec;
	samlAssertion?: SamlAssertionSpec;
	resource?: string;
	save?: string;
}

export interface ApiContext {
	world: World;
	now: Instant;
	region: string;
	random: RandomSource;
	params: Params;
	request: CallRequest;
	/** Compute statement-level explanations (off in benchmarks). */
	explain: boolean;
	/** The call's position inside the current second (clock.ts `Tick`); 0 when omitted. */
	tick?: Tick;
	/** MFA one-time codes (mfaCodeKey) that earlier successful requests used (sts-facts §4: reused TOTP). */
	usedMfaCodes?: ReadonlySet<string>;
	/** Every credential set issued so far (GetAccessKeyInfo looks temporary keys up here). */
	credentials?: readonly IssuedCredentials[];
}

export interface CredentialsShape {
	AccessKeyId: string;
	SecretAccessKey: string;
	SessionToken: string;
	Expiration: string;
}

/** The API response, with AWS's field names (MODEL output shapes). */
export type StsResponse = Record<string, unknown> & { Credentials?: CredentialsShape };

export type ApiResult =
	| { ok: true; response: StsResponse; credentials?: IssuedCredentials; explanation: Explanation }
	| { ok: false; error: AwsError; explanation: Explanation }
	| { ok: false; error?: undefined; simulatorError: string; explanation: Explanation };

export type ApiHandler = (ctx: ApiContext, caller: CallerResolution) => ApiResult;

export function fail(
	error: AwsError,
	summary: string,
	facts: string[],
	details: string[] = [],
	statements: Explanation['statements'] = []
): ApiResult {
	return { ok: false, error, explanation: explanation(summary, { facts, details, statements }) };
}

export function simulatorFailure(message: string): ApiResult {
	return {
		ok: false,
		simulatorError: message,
		explanation: explanation(`The simulator cannot run this call: ${message}.`)
	};
}

/**
 * Authentication comes before anything else: an unknown key or expired credentials fail every
 * call (sts-facts §1, §4); an unsigned request cannot call operations that need credentials.
 * A service caller (`service:…`, a project extension) only assumes roles on your behalf: any
 * other call is an authoring mistake, reported as a simulator error.
 */
export function authenticated(
	resolution: CallerResolution,
	operation: string
): { caller: SignedCaller } | { failure: ApiResult } {
	const auth = authenticatedOrService(resolution, operation);
	if ('caller' in auth && auth.caller.kind === 'service') {
		return {
			failure: simulatorFailure(
				`the service caller service:${auth.caller.principal} can only call AssumeRole (it assumes a role on your behalf); save the credentials it receives and make ${operation} with creds:NAME`
			)
		};
	}
	return auth as { caller: SignedCaller } | { failure: ApiResult };
}

/** As `authenticated`, but lets an AWS service caller through (AssumeRole only). */
export function authenticatedOrService(
	resolution: CallerResolution,
	operation: string
): { caller: SignedCaller | ServiceCaller } | { failure: ApiResult } {
	if (!resolution.ok) {
		if (resolution.error === undefined)
			return { failure: simulatorFailure(resolution.simulatorError) };
		return { failure: fail(resolution.error, resolution.why, ['§1', '§4']) };
	}
	if (resolution.caller.kind === 'anonymous') {
		return {
			failure: fail(
				awsError('MissingAuthenticationToken', messages.missingAuthenticationToken),
				`${operation} must be signed with AWS credentials; only AssumeRoleWithSAML and AssumeRoleWithWebIdentity accept unsigned requests (sts-facts §2).`,
				['§2', '§4']
			)
		};
	}
	return { caller: resolution.caller };
}

/**
 * sts-facts §10: STS must be active in the Region for the account that would own the credentials.
 * us-east-1 cannot be deactivated (the scenario schema rejects listing it).
 */
export function regionCheck(world: World, account: string, region: string): ApiResult | undefined {
	if (!world.accounts[account]?.stsDisabledRegions.includes(region)) return undefined;
	return fail(
		awsError('RegionDisabledException', messages.regionDisabled(account)),
		`Account ${account} has deactivated the STS endpoint in ${region}. What counts is the account that would own the credentials, not the caller's (sts-facts §10). Call another Region's endpoint, such as us-east-1, or reactivate ${region}.`,
		['§10']
	);
}

export function mintCredentials(
	ctx: ApiContext,
	fields: Omit<
		IssuedCredentials,
		| 'accessKeyId'
		| 'secretAccessKey'
		| 'sessionToken'
		| 'issuedAt'
		| 'issuedTick'
		| 'expiresAt'
		| 'region'
	> & { duration: number }
): IssuedCredentials {
	const { duration, ...rest } = fields;
	return {
		// §1: temporary keys start with ASIA.
		accessKeyId: accessKeyId(ctx.random, 'temporary'),
		secretAccessKey: secretAccessKey(ctx.random),
		sessionToken: sessionToken(ctx.random),
		issuedAt: ctx.now,
		...(ctx.tick ? { issuedTick: ctx.tick } : {}),
		expiresAt: ctx.now + duration,
		region: ctx.region,
		...rest
	};
}

export function credentialsShape(c: IssuedCredentials): CredentialsShape {
	return {
		AccessKeyId: c.accessKeyId,
		SecretAccessKey: c.secretAccessKey,
		SessionToken: c.sessionToken,
		Expiration: formatInstant(c.expiresAt)
	};
}
