/**
 * Routes a call to its STS operation or to service-action authorisation, and condenses the
 * result into the facts that expectations and the UI read.
 */
import { stsApiOf } from './api-model';
import type { ApiContext, ApiResult, CallRequest } from './api-support';
import { actionAuthorizer, apiHandler } from './api-handlers';
import { resolveCaller } from './caller';
import type { RandomSource } from './credential-ids';
import type { IssuedCredentials } from './issued-credentials';
import { sentMfaCode, withMfaShorthand } from './mfa';
import type { Tick } from './clock';
import type { CallOutcome, SimState } from './simulator';

export const DEFAULT_REGION = 'us-east-1';

function factsOf(result: ApiResult): CallOutcome['facts'] {
	if (!result.ok) return {};
	const r = result.response as Record<
		string,
		{ Arn?: string; AssumedRoleId?: string; FederatedUserId?: string } | string | undefined
	>;
	const user = (r.AssumedRoleUser ?? r.FederatedUser) as
		{ Arn?: string; AssumedRoleId?: string; FederatedUserId?: string } | undefined;
	const c = result.credentials;
	return {
		arn: user?.Arn ?? (typeof r.Arn === 'string' ? r.Arn : undefined) ?? c?.identity.arn,
		userId:
			user?.AssumedRoleId ??
			user?.FederatedUserId ??
			(typeof r.UserId === 'string' ? r.UserId : undefined) ??
			c?.identity.userId,
		account: (typeof r.Account === 'string' ? r.Account : undefined) ?? c?.identity.account,
		...(c ? { accessKeyId: c.accessKeyId, expiresAt: c.expiresAt } : {})
	};
}

/**
 * One-time codes still inside their validity (the current and the previous 30-second window, see
 * mfa-device.ts) that earlier successful calls used: AWS refuses a reused TOTP (sts-facts §4).
 */
function recentlyUsedMfaCodes(state: SimState): Set<string> {
	const used = new Set<string>();
	// The log is in time order: walk back from the newest entry and stop at the first older one.
	for (let i = state.log.length - 1; i >= 0; i--) {
		const o = state.log[i];
		if (o.at < state.now - 90) break;
		if (o.kind === 'call' && o.mfaCodeUsed) used.add(o.mfaCodeUsed);
	}
	return used;
}

/**
 * The next event's position inside the current second (clock.ts `Tick`): how many calls and
 * administrative changes already happened at this second. Clock advances do not count, so the
 * first event after an advance sits exactly on the second.
 */
export function tickOf(state: Pick<SimState, 'log' | 'now'>): Tick {
	let n = 0;
	for (let i = state.log.length - 1; i >= 0 && state.log[i].at === state.now; i--)
		if (state.log[i].kind !== 'advance') n++;
	return Math.min(n, 999);
}

export function dispatchCall(
	state: SimState,
	request: CallRequest,
	random: RandomSource,
	explain: boolean
): CallOutcome & { credentials?: IssuedCredentials } {
	const api = stsApiOf(request.call);
	const ctx: ApiContext = {
		world: state.world,
		now: state.now,
		region: request.region ?? DEFAULT_REGION,
		random,
		params: request.params ?? {},
		request,
		explain,
		tick: tickOf(state),
		usedMfaCodes: recentlyUsedMfaCodes(state),
		credentials: state.credentials
	};
	const resolution = resolveCaller(request.as, state);
	let result: ApiResult;
	try {
		result = api
			? apiHandler(api)(ctx, resolution)
			: actionAuthorizer()(ctx, resolution, request.call);
	} catch (e) {
		// A simulator bug must not take the UI or the CLI down; report it on the step instead.
		result = {
			ok: false,
			simulatorError: `internal error: ${(e as Error).message}`,
			explanation: {
				summary: 'The simulator failed on this call.',
				details: [],
				statements: [],
				facts: []
			}
		};
	}
	const base = {
		kind: 'call' as const,
		at: state.now,
		request,
		...(api ? { api } : { action: request.call }),
		explanation: result.explanation,
		facts: factsOf(result)
	};
	if (result.ok) {
		// A successful AssumeRole / GetSessionToken with SerialNumber + TokenCode used the code up.
		const mfaCodeUsed =
			(api === 'AssumeRole' || api === 'GetSessionToken') && resolution.ok
				? sentMfaCode(
						withMfaShorthand(ctx.params, request.mfa, resolution.caller, state.world, state.now)
					)
				: undefined;
		return {
			...base,
			...(mfaCodeUsed ? { mfaCodeUsed } : {}),
			ok: true,
			allowed: true,
			response: result.response,
			...(result.credentials
				? { issued: result.credentials.accessKeyId, credentials: result.credentials }
				: {})
		};
	}
	if (result.error === undefined)
		return { ...base, ok: false, simulatorError: result.simulatorError };
	// A denied service action is allowed: false; an API call only when the failure is an access decision.
	const allowed = !api || result.error.code === 'AccessDenied' ? false : undefined;
	return { ...base, ok: false, error: result.error, ...(allowed === undefined ? {} : { allowed }) };
}
