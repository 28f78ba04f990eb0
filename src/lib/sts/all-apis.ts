/**
 * The synchronous full engine: importing this module registers every optional STS operation, the
 * authorisation of service actions, the administrative actions and the policy parser.
 * For Node (CLI, tests, content checks) and the barrel index.ts; the browser uses api-loaders.ts.
 */
import { attachPolicy, editPolicy, revokeSessions } from './admin-actions';
import {
	registerActionAuthorizer,
	registerAdminActions,
	registerApiHandlers
} from './api-handlers';
import { assumeRole } from './assume-role';
import { authorizeAction } from './authorize-action';
import { registerManagedPolicies } from './managed-policies';
import { MORE_MANAGED_POLICIES } from './more-managed-policies';
import { parsePolicy } from './policy-document';
import { registerPolicyParser } from './policy-model';
import { assumeRoleWithSaml } from './assume-role-with-saml';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import { getFederationToken } from './get-federation-token';
import { getSessionToken } from './get-session-token';
import { assumeRoot } from './assume-root';
import { decodeAuthorizationMessage } from './decode-authorization-message';
import { getAccessKeyInfo } from './get-access-key-info';
import { getDelegatedAccessToken } from './get-delegated-access-token';
import { getWebIdentityToken } from './get-web-identity-token';

registerApiHandlers({
	AssumeRole: assumeRole,
	AssumeRoot: assumeRoot,
	DecodeAuthorizationMessage: decodeAuthorizationMessage,
	GetAccessKeyInfo: getAccessKeyInfo,
	GetDelegatedAccessToken: getDelegatedAccessToken,
	GetWebIdentityToken: getWebIdentityToken,
	AssumeRoleWithSAML: assumeRoleWithSaml,
	AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
	GetFederationToken: getFederationToken,
	GetSessionToken: getSessionToken
});

registerActionAuthorizer(authorizeAction);
registerAdminActions({ attachPolicy, editPolicy, revokeSessions });
registerManagedPolicies(MORE_MANAGED_POLICIES);
registerPolicyParser(parsePolicy);
