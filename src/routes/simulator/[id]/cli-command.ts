/**
 * Shows a simulator request as the AWS CLI command a learner would type, and as the table of
 * request parameters AWS receives. Pure: the caller passes what it knows about MFA devices.
 */
import type { CallRequest, StsApi } from '$lib/sts';
import { API_MEMBERS, DEFAULT_REGION, integerParam, stsApiOf } from './sts-light';

/** PascalCase API and member names to the CLI's kebab-case: SAMLAssertion → saml-assertion. */
export function kebab(name: string): string {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1-$2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
		.toLowerCase();
}

/** Quotes a value for a POSIX shell only when it needs it. */
export function shellQuote(value: string): string {
	if (value !== '' && /^[\w@%+=:,./*-]+$/.test(value)) return value;
	return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The AWS CLI's name for a service whose IAM prefix differs (S3's object API is `s3api`). */
const CLI_SERVICE: Record<string, string> = { s3: 's3api' };

export interface MfaValues {
	serial: string;
	code: string;
	/** A code the device does not show now (what `mfa: wrong` sends). */
	wrong?: string;
}

export interface CliOptions {
	/** The MFA device and code that `mfa: true` / `mfa: wrong` would send, if known. */
	mfa?: MfaValues;
}

type Param = [member: string, value: unknown];

/** The parameters AWS receives, in the order the CLI shows them, with the step shorthands expanded. */
export function requestParams(request: CallRequest, options: CliOptions = {}): Param[] {
	const api = stsApiOf(request.call);
	const params: Param[] = Object.entries(request.params ?? {});
	if (api === 'AssumeRoleWithWebIdentity' && request.idToken && !has(params, 'WebIdentityToken'))
		params.push(['WebIdentityToken', '$ID_TOKEN']);
	if (api === 'AssumeRoleWithSAML' && request.samlAssertion && !has(params, 'SAMLAssertion'))
		params.push(['SAMLAssertion', '$SAML_RESPONSE']);
	if (request.mfa && !has(params, 'SerialNumber')) {
		params.push(['SerialNumber', options.mfa?.serial ?? '<the caller’s MFA device>']);
		params.push([
			'TokenCode',
			request.mfa === 'wrong'
				? (options.mfa?.wrong ?? '<a wrong code>')
				: (options.mfa?.code ?? '<the device’s current code>')
		]);
	}
	return params;
}

function has(params: Param[], member: string): boolean {
	return params.some(([m]) => m === member);
}

/** One CLI argument value: lists and structures in the CLI's shorthand syntax. */
export function cliValue(member: string, value: unknown): string[] {
	if (member === 'Tags' && Array.isArray(value))
		return value.map((t: { Key?: unknown; Value?: unknown }) =>
			shellQuote(`Key=${String(t?.Key ?? '')},Value=${String(t?.Value ?? '')}`)
		);
	if (member === 'PolicyArns' && Array.isArray(value))
		return value.map((p: unknown) =>
			shellQuote(`arn=${typeof p === 'string' ? p : String((p as { arn?: unknown })?.arn)}`)
		);
	if (Array.isArray(value)) return value.map((v) => shellQuote(String(v)));
	// A PolicyDescriptorType (AssumeRoot's TaskPolicyArn) in shorthand: arn=….
	if (value !== null && typeof value === 'object' && Object.keys(value).join() === 'arn')
		return [shellQuote(`arn=${String((value as { arn: unknown }).arn)}`)];
	// Only the command's own placeholders are expanded by the shell; any other text is quoted.
	if (typeof value === 'string' && PLACEHOLDERS.has(value)) return [`"${value}"`];
	if (value !== null && typeof value === 'object') return [shellQuote(JSON.stringify(value))];
	return [shellQuote(String(value))];
}

/** The variables the command's comments describe, passed as "$NAME". */
const PLACEHOLDERS = new Set(['$ID_TOKEN', '$SAML_RESPONSE']);

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * A comment line: a line break (or any other control character) in a claim or field the author or
 * learner wrote would end the comment and make the rest a command of its own, so each is written as
 * an escape (`\n`) instead.
 */
export function commentLine(text: string): string {
	return text.replace(
		// eslint-disable-next-line no-control-regex
		/[\u0000-\u001f\u007f\u2028\u2029]/g,
		(c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}

/** The request as an AWS CLI command, one argument per line. */
export function cliCommand(request: CallRequest, options: CliOptions = {}): string {
	const api = stsApiOf(request.call);
	const lines: string[] = [];
	if (api) {
		lines.push(`aws sts ${kebab(api)}`);
		for (const [member, value] of requestParams(request, options))
			lines.push(`  --${kebab(member)} ${cliValue(member, value).join(' ')}`);
	} else {
		const [service, action = ''] = request.call.split(':');
		lines.push(`aws ${CLI_SERVICE[service] ?? service} ${kebab(action)}`);
	}
	if (request.region && request.region !== DEFAULT_REGION)
		lines.push(`  --region ${request.region}`);
	if (request.as === 'anonymous') lines.push('  --no-sign-request');
	const command = lines.join(' \\\n');
	return [...comments(request, api).map(commentLine), command].join('\n');
}

function comments(request: CallRequest, api: StsApi | undefined): string[] {
	const out: string[] = [];
	if (!api)
		out.push(`# authorises ${request.call} on ${request.resource ?? '*'} (decided, not executed)`);
	if (request.idToken) {
		const { iss, aud, sub, expiresIn, exp, ...claims } = request.idToken;
		out.push(
			`# ID_TOKEN: a JWT from ${iss}${aud ? `, aud ${[aud].flat().join(' ')}` : ''}${sub ? `, sub ${sub}` : ''}, ${exp !== undefined ? `exp ${exp}` : `expires in ${expiresIn} s`}${further(claims)}`
		);
	}
	if (request.samlAssertion) {
		const a = request.samlAssertion;
		const more = Object.fromEntries(
			Object.entries(a).filter(([k]) => !SAML_CONTRACT_FIELDS.has(k))
		);
		out.push(
			`# SAML_RESPONSE: base64 assertion from ${a.provider}${a.roleSessionName ? ` for ${a.roleSessionName}` : ''}, NotOnOrAfter in ${a.notOnOrAfterIn} s${a.signedBy === 'other' ? ', signed with an unknown key' : ''}${further(more)}`
		);
	}
	return out;
}

/**
 * The contract's `samlAssertion` fields: the call form has an input for each, and the comment names
 * them (or leaves them to the request: audience, session end). Any other field is an extension.
 */
export const SAML_CONTRACT_FIELDS: ReadonlySet<string> = new Set([
	'provider',
	'roleSessionName',
	'audience',
	'sessionNotOnOrAfterIn',
	'notOnOrAfterIn',
	'signedBy'
]);

/** The token's or assertion's further fields, each as `, name value` (JSON unless text). */
function further(fields: Record<string, unknown>): string {
	return Object.entries(fields)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => `, ${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`)
		.join('');
}

/** A parameter value as the table shows it. */
export function displayValue(value: unknown): string {
	if (typeof value === 'string') return value;
	return JSON.stringify(value);
}

/**
 * What the AWS CLI itself prints when it refuses a request before sending it, or undefined when it
 * would send it. The simulator models the server (sts-facts §3.1), but the CLI checks first: a
 * missing required parameter stops its argument parser ("aws: error: the following arguments are
 * required: --role-arn"), and botocore's client-side validation checks only minimums, never a
 * maximum or a pattern (sts-facts §3.1: "Botocore client-side validation checks only min
 * (length/value) and required parameters"), in its wording: "Invalid length for parameter X, value:
 * N, valid min length: M" (N the length) for strings and lists, "Invalid value for parameter X,
 * value: N, valid min value: M" for numbers.
 */
export function cliParamValidation(request: CallRequest): string | undefined {
	const api = stsApiOf(request.call);
	if (!api) return undefined;
	const params = new Map(requestParams(request));
	const members = Object.entries(API_MEMBERS[api]);
	const missing = members
		.filter(([member, spec]) => 'required' in spec && spec.required && params.get(member) == null)
		.map(([member]) => `--${kebab(member)}`);
	if (missing.length)
		return `aws: error: the following arguments are required: ${missing.join(', ')}`;
	const errors: string[] = [];
	const tooShort = (name: string, length: number, min: number | undefined) => {
		if (min !== undefined && length < min)
			errors.push(
				`Invalid length for parameter ${name}, value: ${length}, valid min length: ${min}`
			);
	};
	for (const [member, spec] of members) {
		const value = params.get(member);
		if (value == null) continue;
		if (spec.kind === 'integer') {
			const n = integerParam(value);
			if (n !== undefined && n < spec.min)
				errors.push(
					`Invalid value for parameter ${member}, value: ${n}, valid min value: ${spec.min}`
				);
		} else if (spec.kind === 'string' && typeof value === 'string') {
			tooShort(member, [...value].length, spec.min);
		} else if ((spec.kind === 'stringList' || spec.kind === 'list') && Array.isArray(value)) {
			tooShort(member, value.length, spec.min);
			if (spec.kind === 'stringList')
				value.forEach((item, i) => {
					if (typeof item === 'string')
						tooShort(`${member}[${i}]`, [...item].length, spec.item.min);
				});
		}
	}
	return errors.length ? ['Parameter validation failed:', ...errors].join('\n') : undefined;
}
