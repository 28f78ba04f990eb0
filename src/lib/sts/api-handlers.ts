/**
 * Which STS operations the engine can run right now. AssumeRole and GetCallerIdentity (nearly
 * every scenario uses them) are always there; the others are registered by an entry point:
 * all-apis.ts synchronously (Node: CLI, tests, content checks, the barrel index.ts), or
 * api-loaders.ts on demand (the browser loads only the operations a scenario or the learner uses).
 * The administrative actions (revoke sessions, attach a policy, edit policies) are registered the
 * same way: most scenarios and learners never use them.
 */
import type { StsApi } from './api-model';
import type * as AdminModule from './admin-actions';
import type { ApiHandler } from './api-support';
import { assumeRole } from './assume-role';
import { getCallerIdentity } from './get-caller-identity';

/** The operations that must be registered before a call to them can run. */
export const OPTIONAL_APIS = [
	'AssumeRoleWithSAML',
	'AssumeRoleWithWebIdentity',
	'GetSessionToken',
	'GetFederationToken',
	'GetAccessKeyInfo',
	'DecodeAuthorizationMessage',
	'AssumeRoot',
	'GetWebIdentityToken',
	'GetDelegatedAccessToken'
] as const satisfies readonly StsApi[];
export type OptionalApi = (typeof OPTIONAL_APIS)[number];

const handlers: Partial<Record<StsApi, ApiHandler>> = {
	AssumeRole: assumeRole,
	GetCallerIdentity: getCallerIdentity
};

export function registerApiHandlers(more: Partial<Record<OptionalApi, ApiHandler>>): void {
	Object.assign(handlers, more);
}

export function isApiLoaded(api: StsApi): boolean {
	return handlers[api] !== undefined;
}

/** The handler of `api`; throws when an entry point has not registered it (a loading bug). */
export function apiHandler(api: StsApi): ApiHandler {
	const handler = handlers[api];
	if (!handler)
		throw new Error(`${api} is not loaded (register it with all-apis.ts or loadApis first)`);
	return handler;
}

export type AdminActions = Pick<
	typeof AdminModule,
	'revokeSessions' | 'attachPolicy' | 'editPolicy'
>;

let admin: AdminActions | undefined;

export function registerAdminActions(actions: AdminActions): void {
	admin = actions;
}

export function isAdminLoaded(): boolean {
	return admin !== undefined;
}

/** The administrative actions; throws when an entry point has not registered them (a loading bug). */
export function adminActions(): AdminActions {
	if (!admin)
		throw new Error(
			'the administrative actions are not loaded (register them with all-apis.ts or loadAdminActions first)'
		);
	return admin;
}
