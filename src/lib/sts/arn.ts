/**
 * ARN parsing and the ARN formats STS and IAM use (sts-facts §3 and §9, from IAM-IDS).
 */

export interface Arn {
	partition: string;
	service: string;
	region: string;
	account: string;
	resource: string;
}

/** arn:partition:service:region:account:resource; the resource part may itself contain colons. */
export function parseArn(text: string): Arn | undefined {
	const parts = text.split(':');
	if (parts.length < 6 || parts[0] !== 'arn') return undefined;
	const [, partition, service, region, account] = parts;
	const resource = parts.slice(5).join(':');
	if (!/^aws(-[a-z]+)*$/.test(partition) || !/^[a-z0-9-]+$/.test(service) || resource === '')
		return undefined;
	if (account !== '' && !/^(\d{12}|aws)$/.test(account)) return undefined;
	return { partition, service, region, account, resource };
}

export interface IamEntityRef {
	account: string;
	path: string;
	name: string;
}

/** Parses `arn:aws:iam::ACCT:role/path/Name` (or user/…): path and name as IAM-IDS defines them. */
export function parseIamEntityArn(text: string, kind: 'role' | 'user'): IamEntityRef | undefined {
	const arn = parseArn(text);
	if (!arn || arn.service !== 'iam' || !/^\d{12}$/.test(arn.account)) return undefined;
	if (!arn.resource.startsWith(`${kind}/`)) return undefined;
	const rest = arn.resource.slice(kind.length);
	const slash = rest.lastIndexOf('/');
	const name = rest.slice(slash + 1);
	if (!name) return undefined;
	return { account: arn.account, path: rest.slice(0, slash + 1), name };
}

const normalizePath = (path: string | undefined): string => {
	if (!path || path === '/') return '/';
	return `${path.startsWith('/') ? '' : '/'}${path}${path.endsWith('/') ? '' : '/'}`;
};

export const arns = {
	root: (account: string) => `arn:aws:iam::${account}:root`,
	user: (account: string, name: string, path?: string) =>
		`arn:aws:iam::${account}:user${normalizePath(path)}${name}`,
	role: (account: string, name: string, path?: string) =>
		`arn:aws:iam::${account}:role${normalizePath(path)}${name}`,
	/** sts-facts §3: the session ARN uses the role's account and name, never its path. */
	assumedRole: (account: string, roleName: string, session: string) =>
		`arn:aws:sts::${account}:assumed-role/${roleName}/${session}`,
	/** sts-facts §3.1. */
	federatedUser: (account: string, name: string) =>
		`arn:aws:sts::${account}:federated-user/${name}`,
	mfa: (account: string, deviceName: string) => `arn:aws:iam::${account}:mfa/${deviceName}`,
	samlProvider: (account: string, name: string) => `arn:aws:iam::${account}:saml-provider/${name}`,
	oidcProvider: (account: string, host: string) => `arn:aws:iam::${account}:oidc-provider/${host}`,
	policy: (account: string, name: string, path?: string) =>
		`arn:aws:iam::${account}:policy${normalizePath(path)}${name}`
};

export { normalizePath };
