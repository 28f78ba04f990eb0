/**
 * The browser's way to register optional STS operations: each is a separate chunk, imported when
 * a scenario's steps, a restored session or the learner's first free-play call needs it; and the
 * administrative actions (revoke, attach, policy edits), imported the same way.
 */
import type { Scenario } from '../content/scenario-schema';
import {
	isActionAuthorizerLoaded,
	isAdminLoaded,
	isApiLoaded,
	registerActionAuthorizer,
	registerAdminActions,
	registerApiHandlers,
	type OptionalApi
} from './api-handlers';
import { stsApiOf } from './api-model';
import type { ApiHandler, CallRequest } from './api-support';
import { registerManagedPolicies } from './managed-policies';
import { isPolicyParserLoaded, registerPolicyParser } from './policy-model';

const LOADERS: Record<OptionalApi, () => Promise<ApiHandler>> = {
	AssumeRole: () => import('./assume-role').then((m) => m.assumeRole),
	AssumeRoleWithSAML: () => import('./assume-role-with-saml').then((m) => m.assumeRoleWithSaml),
	AssumeRoleWithWebIdentity: () =>
		import('./assume-role-with-web-identity').then((m) => m.assumeRoleWithWebIdentity),
	GetFederationToken: () => import('./get-federation-token').then((m) => m.getFederationToken),
	GetSessionToken: () => import('./get-session-token').then((m) => m.getSessionToken),
	GetAccessKeyInfo: () => import('./get-access-key-info').then((m) => m.getAccessKeyInfo),
	DecodeAuthorizationMessage: () =>
		import('./decode-authorization-message').then((m) => m.decodeAuthorizationMessage),
	AssumeRoot: () => import('./assume-root').then((m) => m.assumeRoot),
	GetWebIdentityToken: () => import('./get-web-identity-token').then((m) => m.getWebIdentityToken),
	GetDelegatedAccessToken: () =>
		import('./get-delegated-access-token').then((m) => m.getDelegatedAccessToken)
};

function isOptional(api: string): api is OptionalApi {
	return api in LOADERS;
}

/**
 * Registers the operations named by `calls` (step `call:` values or API names) that are missing,
 * and the authorisation of service actions when one of `calls` is a service action.
 */
export async function loadApis(calls: Iterable<string>): Promise<void> {
	const missing = new Set<OptionalApi>();
	let action = false;
	for (const c of calls) {
		const api = stsApiOf(c);
		if (!api) action = true;
		else if (isOptional(api) && !isApiLoaded(api)) missing.add(api);
	}
	await Promise.all([
		...[...missing].map(async (api) => registerApiHandlers({ [api]: await LOADERS[api]() })),
		action && !isActionAuthorizerLoaded()
			? import('./authorize-action').then((m) => registerActionAuthorizer(m.authorizeAction))
			: undefined
	]);
}

/** True when a call to `call` can run now without loading anything. */
export function canCallNow(call: string): boolean {
	const api = stsApiOf(call);
	return api ? isApiLoaded(api) : isActionAuthorizerLoaded();
}

/** The `call:` of every scenario step. */
export function scenarioCalls(scenario: Pick<Scenario, 'steps'>): string[] {
	return scenario.steps.flatMap((s) => ('call' in s ? [s.call] : []));
}

/**
 * Every `call` value inside a saved machine snapshot (its timeline and log), so a restored
 * session can step back and replay them.
 */
export function snapshotCalls(snapshot: unknown): string[] {
	const calls: string[] = [];
	JSON.stringify(snapshot, (key, value: unknown) => {
		if (key === 'call' && typeof value === 'string') calls.push(value);
		return value;
	});
	return calls;
}

/** Registers the administrative actions (revoke sessions, attach a policy, edit policies) if missing. */
export async function loadAdminActions(): Promise<void> {
	// Attaching and editing policies parse them (the machine checks an attached policy too).
	await Promise.all([
		isAdminLoaded() ? undefined : import('./admin-actions').then(registerAdminActions),
		loadPolicyParser()
	]);
}

/** True when an administrative action can run now without loading anything. */
export function canAdminNow(): boolean {
	return isAdminLoaded();
}

/** Does one of the scenario's steps revoke sessions or attach a policy? */
export function scenarioUsesAdmin(scenario: Pick<Scenario, 'steps'>): boolean {
	return scenario.steps.some((s) => 'revoke' in s || 'attach' in s);
}

const ADMIN_ENTRIES = new Set(['revoke', 'attach', 'edit']);

/** Does a saved machine snapshot's timeline hold an administrative action (replayed on step back)? */
export function snapshotUsesAdmin(snapshot: unknown): boolean {
	let found = false;
	JSON.stringify(snapshot, (key, value: unknown) => {
		if (key === 'type' && typeof value === 'string' && ADMIN_ENTRIES.has(value)) found = true;
		return value;
	});
	return found;
}

/** Registers the policy parser (session policies, policy edits) if it is missing. */
export async function loadPolicyParser(): Promise<void> {
	if (isPolicyParserLoaded()) return;
	const [{ parsePolicy }, { MORE_MANAGED_POLICIES }] = await Promise.all([
		import('./policy-document'),
		import('./more-managed-policies')
	]);
	registerManagedPolicies(MORE_MANAGED_POLICIES);
	registerPolicyParser(parsePolicy);
}

/** True when the policy parser is there, so a call with a session policy can run now. */
export function canParsePolicyNow(): boolean {
	return isPolicyParserLoaded();
}

/**
 * Does the call send a session policy (Policy, which needs the policy parser; or PolicyArns, which
 * may name the AWS managed policy stand-ins loaded with it)?
 */
export function callUsesPolicy(request: Pick<CallRequest, 'params'>): boolean {
	return request.params?.Policy !== undefined || request.params?.PolicyArns !== undefined;
}

/**
 * Does a step of the scenario send a session policy, or does the scenario name an AWS managed
 * policy by ARN for a user or role (its stand-in is loaded with the parser)?
 */
export function scenarioUsesPolicy(scenario: Pick<Scenario, 'steps' | 'world'>): boolean {
	return (
		scenario.steps.some(
			(s) => ('call' in s && callUsesPolicy(s)) || ('attach' in s && byArn([s.attach.policy]))
		) || worldNamesManagedPolicy(scenario)
	);
}

const byArn = (policies: readonly unknown[] | undefined) =>
	policies?.some((p) => typeof p === 'string') === true;

/**
 * Does the scenario's world give a user or role an AWS managed policy by ARN? Building the world
 * then needs the policy's stand-in, which loads with the parser.
 */
export function worldNamesManagedPolicy(scenario: Pick<Scenario, 'world'>): boolean {
	return scenario.world.accounts.some(
		(a) => a.users?.some((u) => byArn(u.policies)) || a.roles?.some((r) => byArn(r.policies))
	);
}

/** Does a saved machine snapshot hold a call with a session policy (replayed on step back)? */
export function snapshotUsesPolicy(snapshot: unknown): boolean {
	let found = false;
	JSON.stringify(snapshot, (key, value: unknown) => {
		if ((key === 'Policy' || key === 'PolicyArns') && value !== undefined) found = true;
		return value;
	});
	return found;
}
