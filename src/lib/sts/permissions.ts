/**
 * Which policies govern a caller's requests (sts-facts §2.4, §7): a role session has the role's
 * permissions, a GetSessionToken session the user's, a GetFederationToken session the user's
 * intersected with its session policy. Policies are read from the current world on every request,
 * so edits and revocations affect existing sessions (sts-facts §7, last bullet).
 */
import type { Caller } from './caller';
import type { NamedPolicy, World } from './world';

export interface PermissionSet {
	/** The principal ARN the evaluation uses. */
	principal: string;
	account: string;
	identityPolicies: NamedPolicy[];
	sessionPolicies: NamedPolicy[] | null;
	/** The root user's own permissions cannot be restricted by IAM policies (sts-facts §6). */
	unrestricted: boolean;
	/** For explanations: where the identity policies come from. */
	source: string;
}

export function permissionsOf(caller: Caller, world: World): PermissionSet | undefined {
	switch (caller.kind) {
		// A service principal has no identity policies: only the role's trust policy decides (sts-facts §7).
		case 'anonymous':
		case 'service':
			return undefined;
		case 'user':
			return {
				principal: caller.user.arn,
				account: caller.user.account,
				identityPolicies: caller.user.policies,
				sessionPolicies: null,
				unrestricted: false,
				source: `user ${caller.user.name}`
			};
		case 'root':
			return {
				principal: caller.root.arn,
				account: caller.root.account,
				identityPolicies: [],
				sessionPolicies: null,
				unrestricted: true,
				source: 'the root user'
			};
		case 'session': {
			const c = caller.creds;
			const id = c.identity;
			switch (id.type) {
				case 'assumed-role': {
					const role = world.accounts[id.account]?.roles[id.roleName];
					return {
						principal: id.arn,
						account: id.account,
						identityPolicies: role?.policies ?? [],
						sessionPolicies: c.sessionPolicies,
						unrestricted: false,
						source: `role ${id.roleName}`
					};
				}
				case 'user': {
					const user = world.accounts[id.account]?.users[id.userName];
					return {
						principal: id.arn,
						account: id.account,
						identityPolicies: user?.policies ?? [],
						sessionPolicies: c.sessionPolicies,
						unrestricted: false,
						source: `user ${id.userName}`
					};
				}
				case 'root':
					return {
						principal: id.arn,
						account: id.account,
						identityPolicies: [],
						sessionPolicies: c.sessionPolicies,
						unrestricted: true,
						source: 'the root user'
					};
				case 'federated-user': {
					const userName = id.userArn.split('/').pop() ?? '';
					const isRoot = id.userArn.endsWith(':root');
					const user = world.accounts[id.account]?.users[userName];
					return {
						principal: id.arn,
						account: id.account,
						identityPolicies: user?.policies ?? [],
						// §7: a GetFederationToken session without a session policy has no permissions.
						sessionPolicies: c.sessionPolicies ?? [],
						unrestricted: isRoot,
						source: isRoot ? 'the root user' : `user ${userName}`
					};
				}
			}
		}
	}
}
