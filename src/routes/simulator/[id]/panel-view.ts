/**
 * View helpers of the panels the simulator page loads on first use (the call form, the result
 * panel), kept out of sim-view.ts so the first view does not carry them.
 */
import type { CallOutcome, IssuedCredentials, SimState, World } from '$lib/sts';
import { formatDuration, statusOf, type Instant } from './sts-light';
import { CUSTOM_KEY, STATUS_LABEL } from './sim-view';

/**
 * Said under a step's "As the scenario expected." / "Not what the scenario expected.": that box
 * checks the simulator's answer against the scenario's script. Next to a learner's wrong guess,
 * a green tick would otherwise read as "you were right".
 */
export const EXPECTATION_NOTE =
	"This checks the simulator's answer against the scenario's script, not your prediction.";

/** "expires in 42 min" / "expired 5 min ago", in simulated time. */
export function remaining(expiresAt: Instant, now: Instant): string {
	const left = expiresAt - now;
	if (left === 0) return 'expired just now';
	return left > 0 ? `expires in ${formatDuration(left)}` : `expired ${formatDuration(-left)} ago`;
}

/** Shows the last four characters of a secret. */
export function maskSecret(secret: string): string {
	return `${'•'.repeat(Math.max(0, Math.min(secret.length - 4, 16)))}${secret.slice(-4)}`;
}

export function truncateToken(token: string, keep = 24): string {
	return token.length <= keep ? token : `${token.slice(0, keep)}…`;
}

export interface CallerOption {
	value: string;
	label: string;
}

export interface CallerGroup {
	label: string;
	options: CallerOption[];
}

function credentialsLabel(sim: SimState, c: IssuedCredentials): string {
	const status = statusOf(sim, c);
	const when =
		status === 'expired'
			? 'expired'
			: `${STATUS_LABEL[status].toLowerCase()}, ${formatDuration(c.expiresAt - sim.now)} left`;
	return `${c.api} → ${c.identity.arn.split(':').pop()} (${when})`;
}

/** Everyone who can sign a request in this world, grouped for a <select>. */
export function callerGroups(sim: SimState): CallerGroup[] {
	const longTerm: CallerOption[] = [];
	for (const account of Object.values(sim.world.accounts)) {
		const where = account.alias ? `${account.id} ${account.alias}` : account.id;
		for (const user of Object.values(account.users))
			longTerm.push({
				value: `user:${account.id}/${user.name}`,
				label: `IAM user ${user.name} (${where}) · ${user.accessKeyId}`
			});
		if (account.root)
			longTerm.push({
				value: `root:${account.id}`,
				label: `Root user of ${where} · ${account.root.accessKeyId}`
			});
	}
	const saved: CallerOption[] = [];
	const unsaved: CallerOption[] = [];
	for (const c of [...sim.credentials].reverse()) {
		if (c.savedAs && sim.saved[c.savedAs] === c.accessKeyId)
			saved.push({
				value: `creds:${c.savedAs}`,
				label: `creds:${c.savedAs}: ${credentialsLabel(sim, c)}`
			});
		else
			unsaved.push({
				value: `key:${c.accessKeyId}`,
				label: `${c.accessKeyId}: ${credentialsLabel(sim, c)}`
			});
	}
	const groups: CallerGroup[] = [];
	if (longTerm.length) groups.push({ label: 'Long-term access keys', options: longTerm });
	if (saved.length) groups.push({ label: 'Saved temporary credentials', options: saved });
	if (unsaved.length) groups.push({ label: 'Other issued credentials', options: unsaved });
	groups.push({
		label: 'Other callers',
		options: [
			{ value: 'anonymous', label: 'Anonymous (unsigned request)' },
			{ value: CUSTOM_KEY, label: 'An access key ID you type…' }
		]
	});
	return groups;
}

/** ARNs the world's identity policies name, as resource suggestions for service actions. */
export function resourceSuggestions(world: World, limit = 40): string[] {
	const out = new Set<string>();
	for (const account of Object.values(world.accounts))
		for (const owner of [...Object.values(account.users), ...Object.values(account.roles)])
			for (const p of owner.policies) {
				const statements = Array.isArray(p.document.Statement)
					? p.document.Statement
					: [p.document.Statement];
				for (const s of statements)
					for (const r of [s.Resource ?? []].flat())
						if (r.startsWith('arn:')) out.add(r.replace(/\*$/, 'example'));
			}
	return [...out].slice(0, limit);
}

/** The operation name AWS uses in messages ("when calling the AssumeRole operation"). */
export function operationOf(outcome: CallOutcome): string {
	return outcome.api ?? outcome.request.call.split(':')[1] ?? outcome.request.call;
}

/** The AWS CLI's error line. */
export function cliErrorLine(outcome: CallOutcome): string {
	if (!outcome.error) return '';
	return `An error occurred (${outcome.error.code}) when calling the ${operationOf(outcome)} operation: ${outcome.error.message}`;
}

const xmlEscape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The error as STS's Query API returns it (XML), with the HTTP status line. */
export function errorResponseXml(
	error: { code: string; httpStatus: number; message: string },
	id: string,
	namespace = 'https://sts.amazonaws.com/doc/2011-06-15/'
): string {
	const status = error.httpStatus === 403 ? '403 Forbidden' : '400 Bad Request';
	return [
		`HTTP/1.1 ${status}`,
		'Content-Type: text/xml',
		'',
		`<ErrorResponse xmlns="${namespace}">`,
		'  <Error>',
		'    <Type>Sender</Type>',
		`    <Code>${xmlEscape(error.code)}</Code>`,
		`    <Message>${xmlEscape(error.message)}</Message>`,
		'  </Error>',
		`  <RequestId>${id}</RequestId>`,
		'</ErrorResponse>'
	].join('\n');
}
