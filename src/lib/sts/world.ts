/**
 * The simulated AWS world: accounts with their users, root users, roles, identity providers and
 * settings, built from a scenario's `world`. Plain data (no Maps, no classes) so that simulator
 * snapshots can be persisted as JSON.
 */
import type { IdentityPolicyInput, ScenarioWorld } from '../content/scenario-schema';
import { arns, normalizePath } from './arn';
import { parseInstant, type Instant } from './clock';
import { accessKeyId, uniqueId, type RandomSource } from './credential-ids';
import { AWS_MANAGED_POLICIES } from './managed-policies';
import { normalizePolicy, type PolicyDocument } from './policy-model';

export interface NamedPolicy {
	name: string;
	document: PolicyDocument;
	/** authored in the scenario, attached by a step, written by "Revoke active sessions", or edited in the UI. */
	origin: 'authored' | 'attached' | 'revocation' | 'edited' | 'managed' | 'session';
	/** A managed policy attached by its ARN: AWS's explicit-deny messages name it (authorize-action.ts). */
	arn?: string;
	/** An AWS managed policy the simulator has no stand-in for: its statements are unknown (session-policy.ts). */
	opaque?: true;
}

export interface User {
	account: string;
	name: string;
	path: string;
	arn: string;
	userId: string;
	accessKeyId: string;
	mfaSerial?: string;
	policies: NamedPolicy[];
	tags: Record<string, string>;
}

export interface RootUser {
	account: string;
	arn: string;
	accessKeyId: string;
	mfaSerial?: string;
}

export interface Role {
	account: string;
	name: string;
	path: string;
	arn: string;
	roleId: string;
	/** sts-facts §2.1: default 3600. */
	maxSessionDuration: number;
	trust: PolicyDocument;
	policies: NamedPolicy[];
	tags: Record<string, string>;
	description?: string;
}

export interface OidcProvider {
	arn: string;
	/** Issuer host and optional path, without https:// (the IAM provider's name). */
	host: string;
	clientIds: string[];
}

export interface Account {
	id: string;
	alias?: string;
	stsDisabledRegions: string[];
	users: Record<string, User>;
	roles: Record<string, Role>;
	root?: RootUser;
	samlProviders: Record<string, { arn: string; name: string }>;
	oidcProviders: Record<string, OidcProvider>;
	managedPolicies: Record<string, NamedPolicy>;
}

export interface World {
	start: Instant;
	accounts: Record<string, Account>;
}

/** The contract lets `policies` hold documents or bare statements; each becomes one named policy. */
export function toNamedPolicies(
	inputs: readonly IdentityPolicyInput[] | undefined,
	prefix: string
): NamedPolicy[] {
	return (inputs ?? []).map((p, i) =>
		typeof p === 'string'
			? managedStandIn(p)
			: {
					name: `${prefix}-${i + 1}`,
					origin: 'authored',
					document:
						'Statement' in p
							? normalizePolicy(p)
							: normalizePolicy({ Version: '2012-10-17', Statement: p })
				}
	);
}

/**
 * The stand-in of an AWS managed policy named by ARN in a scenario (the schema accepts only
 * AWS_MANAGED_POLICY_ARNS in managed-policy-arns.ts). The browser registers the further stand-ins with the policy parser,
 * which it loads for a scenario that names one (scenarioUsesPolicy, api-loaders.ts).
 */
export function managedStandIn(arn: string): NamedPolicy {
	const policy = AWS_MANAGED_POLICIES[arn];
	if (!policy)
		throw new Error(`the stand-in of ${arn} is not loaded (load the policy parser first)`);
	return { ...policy, arn };
}

/** Builds the world; IDs and long-term keys are drawn from `random` in declaration order. */
export function buildWorld(spec: ScenarioWorld, random: RandomSource): World {
	const accounts: Record<string, Account> = {};
	for (const a of spec.accounts) {
		const account: Account = {
			id: a.id,
			...(a.alias ? { alias: a.alias } : {}),
			stsDisabledRegions: a.stsDisabledRegions ?? [],
			users: {},
			roles: {},
			samlProviders: {},
			oidcProviders: {},
			managedPolicies: {}
		};
		if (a.root) {
			account.root = {
				account: a.id,
				arn: arns.root(a.id),
				accessKeyId: accessKeyId(random, 'long-term'),
				...(a.root.mfa ? { mfaSerial: arns.mfa(a.id, 'root-account-mfa-device') } : {})
			};
		}
		for (const u of a.users ?? []) {
			const path = normalizePath(u.path);
			account.users[u.name] = {
				account: a.id,
				name: u.name,
				path,
				arn: arns.user(a.id, u.name, path),
				userId: uniqueId(random, 'AIDA'),
				accessKeyId: accessKeyId(random, 'long-term'),
				// The contract: a user with mfa: true has the virtual device arn:aws:iam::ACCT:mfa/NAME.
				...(u.mfa ? { mfaSerial: arns.mfa(a.id, u.name) } : {}),
				policies: toNamedPolicies(u.policies, `${u.name}-policy`),
				tags: u.tags ?? {}
			};
		}
		for (const r of a.roles ?? []) {
			const path = normalizePath(r.path);
			account.roles[r.name] = {
				account: a.id,
				name: r.name,
				path,
				arn: arns.role(a.id, r.name, path),
				roleId: uniqueId(random, 'AROA'),
				maxSessionDuration: r.maxSessionDuration ?? 3600,
				trust: normalizePolicy(r.trust),
				policies: toNamedPolicies(r.policies, `${r.name}-policy`),
				tags: r.tags ?? {},
				...(r.description ? { description: r.description } : {})
			};
		}
		for (const p of a.identityProviders ?? []) {
			if ('saml' in p)
				account.samlProviders[p.saml] = { name: p.saml, arn: arns.samlProvider(a.id, p.saml) };
			else {
				const host = oidcHost(p.oidc);
				account.oidcProviders[host] = {
					host,
					arn: arns.oidcProvider(a.id, host),
					clientIds: p.clientIds ?? []
				};
			}
		}
		for (const m of a.managedPolicies ?? []) {
			const arn = arns.policy(a.id, m.name, m.path);
			account.managedPolicies[arn] = {
				name: m.name,
				origin: 'managed',
				document: normalizePolicy(m.policy)
			};
		}
		accounts[a.id] = account;
	}
	return { start: parseInstant(spec.start), accounts };
}

/** An issuer as a token carries it (https://host/path) reduced to the IAM provider name (host/path). */
export function oidcHost(issuer: string): string {
	return issuer.replace(/^https:\/\//, '').replace(/\/$/, '');
}
