/**
 * Which STS operations the engine can run right now. GetCallerIdentity (it evaluates no policy) is
 * always there; the others, and the authorisation of service actions, are registered by an entry
 * point: all-apis.ts synchronously (Node: CLI, tests, content checks, the barrel index.ts), or
 * api-loaders.ts on demand (the browser loads what a scenario or the learner calls when the learner
 * starts to use the page, so the policy evaluation library is not part of the page's load).
 * The administrative actions (revoke sessions, attach a policy, edit policies) are registered the
 * same way: most scenarios and learners never use them.
 */
import type { StsApi } from './api-model';
import type * as AdminModule from './admin-actions';
import type * as AuthorizeModule from './authorize-action';
import type { ApiHandler } from './api-support';
import { getCallerIdentity } from './get-caller-identity';

/** The operations that must be registered before a call to them can run. */
export const OPTIONAL_APIS = [
	'AssumeRole',
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

export type ActionAuthorizer = typeof AuthorizeModule.authorizeAction;

let authorizer: ActionAuthorizer | undefined;

/** Registers the authorisation of service actions (s3:GetObject, iam:ListUsers, …). */
export function registerActionAuthorizer(authorize: ActionAuthorizer): void {
	authorizer = authorize;
}

export function isActionAuthorizerLoaded(): boolean {
	return authorizer !== undefined;
}

/** The service-action authoriser; throws when an entry point has not registered it (a loading bug). */
export function actionAuthorizer(): ActionAuthorizer {
	if (!authorizer)
		throw new Error(
			'service-action authorisation is not loaded (register it with all-apis.ts or loadApis first)'
		);
	return authorizer;
}
