/**
 * Finding roles, users and keys in the world, and replacing them immutably.
 */
import { parseIamEntityArn } from './arn';
import type { Role, RootUser, User, World, Account } from './world';

export function findRole(world: World, arn: string): Role | undefined {
	const ref = parseIamEntityArn(arn, 'role');
	const role = ref && world.accounts[ref.account]?.roles[ref.name];
	// A RoleArn with the wrong path names no role (IAM-IDS: the path is part of the role ARN).
	return role && role.path === ref.path ? role : undefined;
}

export function findUser(world: World, arn: string): User | undefined {
	const ref = parseIamEntityArn(arn, 'user');
	const user = ref && world.accounts[ref.account]?.users[ref.name];
	return user && user.path === ref.path ? user : undefined;
}

/** A role or user by ARN, for administrative steps. */
export function findEntity(
	world: World,
	arn: string
): { kind: 'role'; entity: Role } | { kind: 'user'; entity: User } | undefined {
	const role = findRole(world, arn);
	if (role) return { kind: 'role', entity: role };
	const user = findUser(world, arn);
	return user ? { kind: 'user', entity: user } : undefined;
}

export function findLongTermKey(
	world: World,
	keyId: string
): { user: User } | { root: RootUser } | undefined {
	for (const account of Object.values(world.accounts)) {
		if (account.root?.accessKeyId === keyId) return { root: account.root };
		for (const user of Object.values(account.users))
			if (user.accessKeyId === keyId) return { user };
	}
	return undefined;
}

/** Returns a copy of the world with one role or user replaced (the world is never mutated). */
export function replaceEntity(
	world: World,
	updated: { kind: 'role'; entity: Role } | { kind: 'user'; entity: User }
): World {
	const account = world.accounts[updated.entity.account];
	const next: Account =
		updated.kind === 'role'
			? { ...account, roles: { ...account.roles, [updated.entity.name]: updated.entity } }
			: { ...account, users: { ...account.users, [updated.entity.name]: updated.entity } };
	return { ...world, accounts: { ...world.accounts, [account.id]: next } };
}
