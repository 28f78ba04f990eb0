/**
 * The checks of a scenario file that a field-by-field schema cannot express: whether a call's
 * fields fit its API, and whether callers, saved credentials and ARNs refer to something.
 */
import type { z } from 'zod';
import { API_MEMBERS, CREDENTIAL_APIS, SHORTHAND_MEMBERS, stsApiOf } from '../sts/api-model';
import { isSimulatedService, serviceOf, SUPPORTED_SERVICES } from '../sts/supported-services';
import type { CallStep, Scenario } from './scenario-schema';

type RefinementCtx = z.core.$RefinementCtx;

export function checkCallStep(s: CallStep, ctx: RefinementCtx): void {
	const api = stsApiOf(s.call);
	const issue = (path: string, message: string) =>
		ctx.addIssue({ code: 'custom', path: [path], message });
	// Extension: an AWS service only assumes roles on your behalf; what it gets is used through creds:NAME.
	if (s.as.startsWith('service:')) {
		if (api !== 'AssumeRole')
			issue(
				'call',
				`${s.as} can only call AssumeRole (an AWS service assumes a role on your behalf); save the credentials and make ${s.call} as creds:NAME`
			);
		if (s.mfa) issue('mfa', 'an AWS service principal has no MFA device');
		if (api !== 'AssumeRole') return;
	}
	if (!api) {
		const service = serviceOf(s.call);
		if (!service)
			return issue(
				'call',
				'call is an STS API name (AssumeRole, GetSessionToken, …) or an action such as s3:GetObject'
			);
		if (!isSimulatedService(service))
			return issue(
				'call',
				`the simulator does not model ${service}; supported services: ${SUPPORTED_SERVICES.join(', ')}`
			);
		for (const key of ['params', 'mfa', 'save', 'idToken', 'samlAssertion'] as const)
			if (s[key] !== undefined)
				issue(key, `${key} applies to STS API calls, not to a service action such as ${s.call}`);
		return;
	}
	if (s.resource !== undefined)
		issue('resource', `resource applies to service actions, not to ${api}`);
	if (s.save !== undefined && !CREDENTIAL_APIS.includes(api))
		issue('save', `${api} returns no credentials to save`);
	if (s.idToken !== undefined && api !== 'AssumeRoleWithWebIdentity')
		issue('idToken', 'idToken is only for AssumeRoleWithWebIdentity');
	if (s.samlAssertion !== undefined && api !== 'AssumeRoleWithSAML')
		issue('samlAssertion', 'samlAssertion is only for AssumeRoleWithSAML');
	// sts-facts §2.4: only AssumeRole and GetSessionToken take MFA parameters.
	if (s.mfa !== undefined && s.mfa !== false && api !== 'AssumeRole' && api !== 'GetSessionToken')
		issue(
			'mfa',
			`${api} does not accept MFA (sts-facts §2.4: only AssumeRole and GetSessionToken take SerialNumber/TokenCode)`
		);
	const members = API_MEMBERS[api];
	for (const name of Object.keys(s.params ?? {})) {
		if (!(name in members) && !(SHORTHAND_MEMBERS[api] ?? []).includes(name)) {
			const known = Object.keys(members);
			ctx.addIssue({
				code: 'custom',
				path: ['params', name],
				message: known.length
					? `${api} has no parameter ${name}; its parameters are ${known.join(', ')}`
					: `${api} takes no parameters`
			});
		}
	}
}

/** Cross-references a schema alone cannot see: callers, saved credentials and ARNs must exist. */
export function checkReferences(s: Scenario, ctx: RefinementCtx): void {
	const accounts = new Map(s.world.accounts.map((a) => [a.id, a]));
	const issue = (path: PropertyKey[], message: string) =>
		ctx.addIssue({ code: 'custom', path, message });
	s.world.accounts.forEach((a, i) => {
		if (s.world.accounts.findIndex((b) => b.id === a.id) !== i)
			issue(['world', 'accounts', i, 'id'], `account ${a.id} is declared twice`);
		const dup = (list: { name: string }[] | undefined, what: string, key: string) =>
			list?.forEach((e, j) => {
				if (list.findIndex((x) => x.name.toLowerCase() === e.name.toLowerCase()) !== j)
					issue(
						['world', 'accounts', i, key, j, 'name'],
						`${what} ${e.name} is declared twice in account ${a.id}`
					);
			});
		dup(a.users, 'user', 'users');
		dup(a.roles, 'role', 'roles');
	});
	const entityExists = (arn: string): boolean => {
		const m = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
		if (!m) return false;
		const acct = accounts.get(m[1]);
		const list = m[2] === 'user' ? acct?.users : acct?.roles;
		return !!list?.some((e) => e.name === m[3]);
	};
	const saved = new Set<string>();
	s.steps.forEach((step, i) => {
		if ('revoke' in step && !entityExists(step.revoke))
			issue(['steps', i, 'revoke'], `no role or user ${step.revoke} in the world`);
		if ('attach' in step && !entityExists(step.attach.to))
			issue(['steps', i, 'attach', 'to'], `no role or user ${step.attach.to} in the world`);
		if (!('call' in step)) return;
		const caller = step.as;
		if (caller.startsWith('user:')) {
			const [acct, name] = caller.slice(5).split('/');
			if (!accounts.get(acct)?.users?.some((u) => u.name === name))
				issue(['steps', i, 'as'], `no user ${name} in account ${acct}`);
			// `mfa:` for a caller without a device is not an error of the file: the call sends a serial
			// that belongs to no device, and AWS's MFA check fails (mfa.ts withMfaShorthand).
		} else if (caller.startsWith('root:')) {
			const acct = accounts.get(caller.slice(5));
			if (!acct) issue(['steps', i, 'as'], `no account ${caller.slice(5)} in the world`);
			else if (!acct.root)
				issue(
					['steps', i, 'as'],
					`account ${acct.id} has no root entry; add root: {} to let the root user make calls`
				);
		} else if (caller.startsWith('creds:') && !saved.has(caller.slice(6))) {
			issue(
				['steps', i, 'as'],
				`no earlier step saves credentials as ${caller.slice(6)} (use save: ${caller.slice(6)})`
			);
		}
		if (step.save) saved.add(step.save);
	});
}
