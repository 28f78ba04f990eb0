/**
 * The free-play call form as plain data: the fields a learner fills in, the request they make,
 * and inline hints worded the way AWS words its ValidationError (sts-facts §3). Hints never block
 * sending: an invalid request is worth sending, to see AWS's answer.
 */
import type { CallRequest } from '$lib/sts';
import {
	API_MEMBERS,
	CREDENTIAL_APIS,
	DEFAULT_REGION,
	integerParam,
	STS_APIS,
	stsApiOf,
	type StsApi
} from './sts-light';
import { SAML_CONTRACT_FIELDS } from './cli-command';
import { CUSTOM_KEY } from './sim-view';

export { CUSTOM_KEY };

export type ApiChoice = StsApi | 'action';

export interface IdTokenFields {
	iss: string;
	aud: string;
	sub: string;
	expiresIn: string;
	/** Every other claim of the token (amr, azp, exp, the tags claim, …) as a JSON object. */
	claims: string;
}

export interface SamlFields {
	provider: string;
	roleSessionName: string;
	audience: string;
	sessionNotOnOrAfterIn: string;
	notOnOrAfterIn: string;
	signedBy: 'provider' | 'other';
	/** The assertion's other fields (sourceIdentity, principalTags, roles, …) as a JSON object. */
	more: string;
}

export interface CallFields {
	/** A caller as the scenario contract spells it, or `key:` to type an access key ID. */
	caller: string;
	customKey: string;
	api: ApiChoice;
	action: string;
	resource: string;
	region: string;
	/** Scalar request members (RoleArn, DurationSeconds, …) as typed. */
	params: Record<string, string>;
	/** Session policy JSON, sent as typed (as on the wire). */
	policy: string;
	/** Managed policy ARNs for PolicyArns, one per line. */
	policyArns: string;
	/** Session tags, one Key=Value per line. */
	tags: string;
	transitiveTagKeys: string;
	idToken: IdTokenFields;
	saml: SamlFields;
	/** Request parameters with no input of their own (ProvidedContexts, …) as a JSON object. */
	moreParams: string;
	save: string;
}

/** Members that have their own editor (builders, textareas), not a text input. */
const STRUCTURED = new Set([
	'Policy',
	'PolicyArns',
	'Tags',
	'TransitiveTagKeys',
	'ProvidedContexts',
	'SAMLAssertion',
	'WebIdentityToken'
]);

/** Members the form has no input for: kept, with unknown members, in the "other parameters" JSON. */
const NO_INPUT = new Set(['ProvidedContexts', 'SAMLAssertion', 'WebIdentityToken']);

/** The scalar members of an API, in the model's order. */
export function scalarMembers(api: ApiChoice): string[] {
	if (api === 'action') return [];
	return Object.keys(API_MEMBERS[api]).filter((m) => !STRUCTURED.has(m));
}

export function acceptsMember(api: ApiChoice, member: string): boolean {
	return api !== 'action' && member in API_MEMBERS[api];
}

/** Whether the API returns credentials (and so may save them). */
export function issuesCredentials(api: ApiChoice): boolean {
	return api !== 'action' && CREDENTIAL_APIS.includes(api);
}

export function emptyFields(caller = 'anonymous'): CallFields {
	return {
		caller,
		customKey: '',
		api: 'AssumeRole',
		action: 's3:GetObject',
		resource: '',
		region: DEFAULT_REGION,
		params: {},
		policy: '',
		policyArns: '',
		tags: '',
		transitiveTagKeys: '',
		idToken: { iss: '', aud: '', sub: '', expiresIn: '3600', claims: '' },
		saml: {
			provider: '',
			roleSessionName: '',
			audience: 'https://signin.aws.amazon.com/saml',
			sessionNotOnOrAfterIn: '',
			notOnOrAfterIn: '300',
			signedBy: 'provider',
			more: ''
		},
		moreParams: '',
		save: ''
	};
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
/** A member's value as typed in its text input: a {arn} structure as its ARN, a list comma-separated. */
const scalarText = (v: unknown): string =>
	Array.isArray(v)
		? v.map(text).join(', ')
		: v !== null && typeof v === 'object' && 'arn' in v
			? text((v as { arn?: unknown }).arn)
			: text(v);
const optionalInt = (v: string) => (v.trim() === '' ? undefined : Number(v.trim()));

/**
 * The form filled from a request (a scenario step), so a learner can replay and vary it.
 * `mfa` fills SerialNumber and TokenCode for the `mfa:` shorthand.
 */
export function fieldsFromRequest(
	request: CallRequest,
	mfa?: { serial: string; code: string; wrong?: string }
): CallFields {
	const fields = emptyFields(request.as);
	if (request.as.startsWith('key:')) {
		fields.caller = CUSTOM_KEY;
		fields.customKey = request.as.slice(4);
	}
	const api = stsApiOf(request.call);
	fields.api = api ?? 'action';
	if (!api) fields.action = request.call;
	fields.resource = request.resource ?? '';
	fields.region = request.region ?? DEFAULT_REGION;
	const params = request.params ?? {};
	const more: Record<string, unknown> = {};
	for (const [member, value] of Object.entries(params)) {
		// A member the API does not have, or one with no input of its own: kept as typed.
		if (!api || !acceptsMember(api, member) || NO_INPUT.has(member)) more[member] = value;
		else if (member === 'Policy') fields.policy = typeof value === 'string' ? value : pretty(value);
		else if (member === 'PolicyArns' && Array.isArray(value))
			fields.policyArns = value
				.map((p: unknown) => (typeof p === 'string' ? p : text((p as { arn?: unknown })?.arn)))
				.join('\n');
		else if (member === 'Tags' && Array.isArray(value))
			fields.tags = value
				.map((t: { Key?: unknown; Value?: unknown }) => `${text(t?.Key)}=${text(t?.Value)}`)
				.join('\n');
		else if (member === 'TransitiveTagKeys' && Array.isArray(value))
			fields.transitiveTagKeys = value.map(text).join(', ');
		else if (!STRUCTURED.has(member) && isScalar(value)) fields.params[member] = scalarText(value);
		else more[member] = value;
	}
	fields.moreParams = jsonText(more);
	if (request.mfa && mfa) {
		fields.params.SerialNumber = mfa.serial;
		fields.params.TokenCode =
			request.mfa === 'wrong' ? (mfa.wrong ?? wrongCode(mfa.code)) : mfa.code;
	}
	if (request.idToken) {
		const { iss, aud, sub, expiresIn, ...claims } = request.idToken;
		fields.idToken = {
			iss,
			aud: aud === undefined ? '' : [aud].flat().join(', '),
			sub: text(sub),
			expiresIn: String(expiresIn),
			claims: jsonText(claims)
		};
	}
	if (request.samlAssertion) {
		const {
			provider,
			roleSessionName,
			audience,
			sessionNotOnOrAfterIn,
			notOnOrAfterIn,
			signedBy,
			...more
		} = request.samlAssertion;
		fields.saml = {
			provider,
			roleSessionName: text(roleSessionName),
			audience: text(audience),
			sessionNotOnOrAfterIn: text(sessionNotOnOrAfterIn),
			notOnOrAfterIn: String(notOnOrAfterIn),
			signedBy: signedBy ?? 'provider',
			more: jsonText(more)
		};
	}
	fields.save = request.save ?? '';
	return fields;
}

function wrongCode(code: string): string {
	return String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
}

function pretty(value: unknown): string {
	return JSON.stringify(value, null, 2);
}

/** An object's fields as the form's JSON text box shows them: empty when there are none. */
function jsonText(fields: Record<string, unknown>): string {
	const defined = Object.entries(fields).filter(([, v]) => v !== undefined);
	return defined.length ? pretty(Object.fromEntries(defined)) : '';
}

const isScalar = (v: unknown) =>
	typeof v !== 'object' ||
	v === null ||
	(Array.isArray(v) && v.every((x) => typeof x !== 'object')) ||
	Object.keys(v).join() === 'arn';

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string';
const isTextList = (v: unknown) => Array.isArray(v) && v.every(isText);

/**
 * A JSON text box's object: empty text is no fields. The message says what is wrong, where JSON.parse
 * says where.
 */
export function parseJsonObject(
	input: string,
	example: string
): { ok: true; value: Record<string, unknown> } | { ok: false; problem: string } {
	if (!input.trim()) return { ok: true, value: {} };
	let value: unknown;
	try {
		value = JSON.parse(input);
	} catch (e) {
		return {
			ok: false,
			problem: `Not valid JSON (${e instanceof Error ? e.message : String(e)}). Write an object such as ${example}.`
		};
	}
	return isObject(value)
		? { ok: true, value }
		: {
				ok: false,
				problem: `Write a JSON object such as ${example}, not a list or a single value.`
			};
}

const ownInput = (key: string, where: string) =>
	`"${key}" has its own field ${where}: change it there and remove it here.`;

/** An ISO 8601 UTC time to the second, as scenario files may write a token time. */
const ISO_UTC_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/;

/** A token time claim as seconds since the epoch: a whole number, or an ISO 8601 UTC time. */
function tokenTime(value: unknown): number | undefined {
	if (Number.isInteger(value)) return value as number;
	if (typeof value !== 'string' || !ISO_UTC_SECOND.test(value)) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms / 1000;
}

/**
 * The token's other claims: a JSON object; exp, iat and nbf are whole seconds since the epoch or
 * ISO 8601 UTC times (sent as seconds, as the token carries them).
 */
export function parseClaims(
	input: string
): { ok: true; value: Record<string, unknown> } | { ok: false; problem: string } {
	const parsed = parseJsonObject(input, '{ "amr": ["authenticated"] }');
	if (!parsed.ok) return parsed;
	for (const [key, value] of Object.entries(parsed.value)) {
		if (['iss', 'aud', 'sub', 'expiresIn'].includes(key))
			return { ok: false, problem: ownInput(key, 'above') };
		if (['exp', 'iat', 'nbf'].includes(key)) {
			const seconds = tokenTime(value);
			if (seconds === undefined)
				return {
					ok: false,
					problem: `"${key}" is a time: whole seconds since the epoch (1781114400) or an ISO 8601 UTC time ("2026-06-10T18:00:00Z").`
				};
			parsed.value[key] = seconds;
		}
		if (key === 'claims' && !isObject(value))
			return { ok: false, problem: '"claims" holds further claims as an object.' };
	}
	return parsed;
}

/** What each extension field of a SAML assertion holds, and a check of its value. */
const SAML_MORE: Record<string, [what: string, check: (v: unknown) => boolean]> = {
	subject: ['text (the NameID)', isText],
	sessionDuration: ['whole seconds', Number.isInteger],
	roles: ['a list of role ARNs', isTextList],
	sourceIdentity: ['text', isText],
	principalTags: [
		'an object of tag keys and text values',
		(v) => isObject(v) && Object.values(v).every(isText)
	],
	transitiveTagKeys: ['a list of tag keys', isTextList]
};

/** The assertion's other fields: a JSON object of the fields SAML_MORE knows. */
export function parseSamlMore(
	input: string
): { ok: true; value: Record<string, unknown> } | { ok: false; problem: string } {
	const parsed = parseJsonObject(input, '{ "sourceIdentity": "jane" }');
	if (!parsed.ok) return parsed;
	for (const [key, value] of Object.entries(parsed.value)) {
		const spec = SAML_MORE[key];
		if (SAML_CONTRACT_FIELDS.has(key)) return { ok: false, problem: ownInput(key, 'above') };
		if (!spec)
			return {
				ok: false,
				problem: `The assertion has no field "${key}"; the others are ${Object.keys(SAML_MORE).join(', ')}.`
			};
		if (!spec[1](value)) return { ok: false, problem: `"${key}" is ${spec[0]}.` };
	}
	return parsed;
}

export type BuildResult =
	{ ok: true; request: CallRequest } | { ok: false; problems: Record<string, string> };

/** Parses "Key=Value" lines (or comma-separated pairs) into STS Tags. */
export function parseTags(input: string): { Key: string; Value: string }[] {
	return input
		.split(/\n/)
		.flatMap((line) => line.split(/,(?=[^,=]*=)/))
		.map((pair) => pair.trim())
		.filter(Boolean)
		.map((pair) => {
			const at = pair.indexOf('=');
			return at < 0
				? { Key: pair, Value: '' }
				: { Key: pair.slice(0, at).trim(), Value: pair.slice(at + 1).trim() };
		});
}

const INTEGER_TEXT = /^-?\d+$/;

/**
 * The request the form describes. Fails only for what the simulator cannot send at all (no
 * caller, no action); everything AWS would reject is sent, so AWS's error can be seen.
 */
export function buildRequest(fields: CallFields): BuildResult {
	const problems: Record<string, string> = {};
	let as = fields.caller;
	if (as === CUSTOM_KEY) {
		const key = fields.customKey.trim();
		if (!/^\w+$/.test(key))
			problems.customKey = 'Type an access key ID (letters and digits), e.g. AKIAIOSFODNN7EXAMPLE.';
		as = `key:${key}`;
	}
	const api = fields.api;
	let call: string = api;
	if (api === 'action') {
		call = fields.action.trim();
		if (!/^[a-zA-Z0-9-]+:[A-Za-z0-9]+$/.test(call))
			problems.action = 'Type a service action such as s3:GetObject or iam:ListUsers.';
	}
	const request: CallRequest = { as, call };
	const region = fields.region.trim();
	if (region && region !== DEFAULT_REGION) request.region = region;
	const more = parseJsonObject(fields.moreParams, '{ "ProvidedContexts": [] }');
	const moreParams = more.ok ? more.value : {};
	let moreProblem = more.ok ? undefined : more.problem;
	if (api === 'action') {
		const resource = fields.resource.trim();
		if (resource) request.resource = resource;
		if (Object.keys(moreParams).length) request.params = moreParams;
	} else {
		const params: Record<string, unknown> = {};
		for (const member of scalarMembers(api)) {
			const value = (fields.params[member] ?? '').trim();
			if (value === '') continue;
			const spec = API_MEMBERS[api][member];
			params[member] =
				spec.kind === 'integer' && INTEGER_TEXT.test(value)
					? Number(value)
					: spec.kind === 'policyArn'
						? { arn: value }
						: spec.kind === 'stringList'
							? value
									.split(',')
									.map((v) => v.trim())
									.filter(Boolean)
							: value;
		}
		if (acceptsMember(api, 'Policy') && fields.policy.trim()) params.Policy = fields.policy;
		if (acceptsMember(api, 'PolicyArns') && fields.policyArns.trim())
			params.PolicyArns = fields.policyArns
				.split(/[\s,]+/)
				.filter(Boolean)
				.map((arn) => ({ arn }));
		if (acceptsMember(api, 'Tags') && fields.tags.trim()) params.Tags = parseTags(fields.tags);
		if (acceptsMember(api, 'TransitiveTagKeys') && fields.transitiveTagKeys.trim())
			params.TransitiveTagKeys = fields.transitiveTagKeys.split(/[\s,]+/).filter(Boolean);
		for (const [member, value] of Object.entries(moreParams)) {
			if (member in params) moreProblem ??= ownInput(member, 'in the form');
			else params[member] = value;
		}
		if (Object.keys(params).length) request.params = params;
		if (api === 'AssumeRoleWithWebIdentity') {
			const t = fields.idToken;
			const expiresIn = optionalInt(t.expiresIn);
			if (!t.iss.trim()) problems['idToken.iss'] = 'The token needs an issuer (iss).';
			if (expiresIn === undefined || !Number.isInteger(expiresIn))
				problems['idToken.expiresIn'] =
					'Seconds until the token expires, e.g. 3600 (negative: already expired; STS still accepts it for five minutes after, for clock skew).';
			const aud = t.aud
				.split(',')
				.map((a) => a.trim())
				.filter(Boolean);
			const claims = parseClaims(t.claims);
			if (!claims.ok) problems['idToken.claims'] = claims.problem;
			request.idToken = {
				...(claims.ok ? claims.value : {}),
				iss: t.iss.trim(),
				...(aud.length ? { aud: aud.length === 1 ? aud[0] : aud } : {}),
				...(t.sub.trim() ? { sub: t.sub.trim() } : {}),
				expiresIn: expiresIn ?? 0
			};
		}
		if (api === 'AssumeRoleWithSAML') {
			const a = fields.saml;
			const notOnOrAfterIn = optionalInt(a.notOnOrAfterIn);
			const sessionEnd = optionalInt(a.sessionNotOnOrAfterIn);
			if (!a.provider.trim())
				problems['saml.provider'] = 'Name the SAML provider that issues the assertion.';
			if (notOnOrAfterIn === undefined || !Number.isInteger(notOnOrAfterIn))
				problems['saml.notOnOrAfterIn'] =
					'Seconds until the assertion expires, e.g. 300 (negative: already expired).';
			if (sessionEnd !== undefined && !Number.isInteger(sessionEnd))
				problems['saml.sessionNotOnOrAfterIn'] = 'Whole seconds, or leave empty.';
			const extensions = parseSamlMore(a.more);
			if (!extensions.ok) problems['saml.more'] = extensions.problem;
			request.samlAssertion = {
				...(extensions.ok ? extensions.value : {}),
				provider: a.provider.trim(),
				...(a.roleSessionName.trim() ? { roleSessionName: a.roleSessionName.trim() } : {}),
				...(a.audience.trim() ? { audience: a.audience.trim() } : {}),
				...(sessionEnd !== undefined && Number.isInteger(sessionEnd)
					? { sessionNotOnOrAfterIn: sessionEnd }
					: {}),
				notOnOrAfterIn: notOnOrAfterIn ?? 0,
				signedBy: a.signedBy
			};
		}
		const save = fields.save.trim();
		if (save && issuesCredentials(api)) {
			if (!/^[\w.-]+$/.test(save)) problems.save = 'A name is letters, digits, ".", "_" or "-".';
			request.save = save;
		}
	}
	// Last: the "other parameters" box comes after every other input.
	if (moreProblem) problems.moreParams = moreProblem;
	return Object.keys(problems).length ? { ok: false, problems } : { ok: true, request };
}

/**
 * What AWS would answer about one member's value, with the error code the simulator answers
 * (sts-facts §3): "AWS will answer ValidationError: Value '…' at 'roleSessionName' failed to
 * satisfy constraint: Member must …", or, for an integer member that is not a 32-bit integer,
 * "AWS will answer MalformedInput: Cannot parse '…' as an integer for DurationSeconds". Undefined
 * when the value is acceptable or empty (a missing required member is reported by AWS on send).
 */
export function memberHint(api: ApiChoice, member: string, input: string): string | undefined {
	if (api === 'action') return undefined;
	const spec = API_MEMBERS[api][member];
	const value = input.trim();
	if (!spec || value === '') return undefined;
	const wire = member.charAt(0).toLowerCase() + member.slice(1);
	const fail = (shown: string, constraint: string) =>
		`AWS will answer ValidationError: Value '${shown}' at '${wire}' failed to satisfy constraint: Member must ${constraint}`;
	if (spec.kind === 'integer') {
		// As sent (requestFromFields): digits as a number, anything else as the text typed.
		const sent = INTEGER_TEXT.test(value) ? Number(value) : value;
		const n = integerParam(sent);
		if (n === undefined)
			return `AWS will answer MalformedInput: Cannot parse '${String(sent)}' as an integer for ${member}`;
		if (n < spec.min) return fail(String(n), `have value greater than or equal to ${spec.min}`);
		if (n > spec.max) return fail(String(n), `have value less than or equal to ${spec.max}`);
		return undefined;
	}
	if (spec.kind !== 'string') return undefined;
	const length = [...value].length;
	if (spec.min !== undefined && length < spec.min)
		return fail(value, `have length greater than or equal to ${spec.min}`);
	if (spec.max !== undefined && length > spec.max)
		return fail(value, `have length less than or equal to ${spec.max}`);
	if (spec.pattern && !spec.pattern.regex.test(value))
		return fail(value, `satisfy regular expression pattern: ${spec.pattern.text}`);
	return undefined;
}

/** What each member is for, shown under its input. */
export const MEMBER_HELP: Record<string, string> = {
	RoleArn: 'The role to assume, e.g. arn:aws:iam::111122223333:role/Name.',
	RoleSessionName: '2–64 characters of letters, digits and +=,.@_-; it appears in the session ARN.',
	DurationSeconds: 'Session length in seconds (API default: 3600).',
	ExternalId: 'Only if the role’s trust policy tests sts:ExternalId.',
	SerialNumber: 'The MFA device ARN, e.g. arn:aws:iam::111122223333:mfa/alice.',
	TokenCode: 'The six-digit code the MFA device shows now.',
	SourceIdentity: 'Stays with the session and every role it chains into.',
	PrincipalArn: 'The IAM SAML provider, e.g. arn:aws:iam::111122223333:saml-provider/Name.',
	ProviderId: 'Only for Login with Amazon and Facebook OAuth 2.0 tokens.',
	Name: 'The federated user’s name (2–32 characters); it appears in the session ARN.',
	AccessKeyId: 'Any access key ID (AKIA… or ASIA…); the answer is the account that owns it.',
	EncodedMessage: 'The “Encoded authorization failure message” from a denied request.',
	TargetPrincipal: 'The member account (12-digit ID) whose root user the session acts as.',
	TaskPolicyArn:
		'One of the AWS managed root task policies, e.g. arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials.',
	Audience: 'Who the token is for, comma-separated (1–10 audiences).',
	SigningAlgorithm: 'RS256 or ES384.',
	TradeInToken: 'The token received when a delegation request was approved.'
};

/** Suggested service actions while the IAM action catalogue is not loaded. */
export const COMMON_ACTIONS = [
	's3:GetObject',
	's3:PutObject',
	's3:ListBucket',
	's3:DeleteObject',
	'iam:ListUsers',
	'iam:CreateUser',
	'iam:PutRolePolicy',
	'dynamodb:GetItem',
	'dynamodb:PutItem',
	'dynamodb:Query',
	'ec2:DescribeInstances',
	'ec2:TerminateInstances',
	'lambda:InvokeFunction',
	'sqs:SendMessage',
	'sns:Publish',
	'kms:Decrypt',
	'secretsmanager:GetSecretValue',
	'ssm:GetParameter',
	'logs:PutLogEvents',
	'cloudwatch:PutMetricData'
];

export const API_CHOICES: readonly ApiChoice[] = [...STS_APIS, 'action'];

/**
 * Every AWS Region code (commercial, China and GovCloud partitions, and the European Sovereign
 * Cloud), to warn about a Region that does not exist; REGIONS below are only the suggestions.
 */
export const KNOWN_REGIONS: ReadonlySet<string> = new Set([
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
	'af-south-1',
	'ap-east-1',
	'ap-east-2',
	'ap-south-1',
	'ap-south-2',
	'ap-southeast-1',
	'ap-southeast-2',
	'ap-southeast-3',
	'ap-southeast-4',
	'ap-southeast-5',
	'ap-southeast-6',
	'ap-southeast-7',
	'ap-northeast-1',
	'ap-northeast-2',
	'ap-northeast-3',
	'ca-central-1',
	'ca-west-1',
	'eu-central-1',
	'eu-central-2',
	'eu-west-1',
	'eu-west-2',
	'eu-west-3',
	'eu-north-1',
	'eu-south-1',
	'eu-south-2',
	'il-central-1',
	'me-central-1',
	'me-south-1',
	'mx-central-1',
	'sa-east-1',
	'cn-north-1',
	'cn-northwest-1',
	'us-gov-east-1',
	'us-gov-west-1',
	'eusc-de-east-1'
]);

/**
 * A warning (never a block) when the Region typed is not an AWS Region code: the simulator sends
 * the call anyway, but no such endpoint exists. Undefined for a known code or an empty field.
 */
export function regionHint(input: string): string | undefined {
	const region = input.trim();
	if (region === '' || KNOWN_REGIONS.has(region)) return undefined;
	const lower = region.toLowerCase();
	if (KNOWN_REGIONS.has(lower))
		return `Region codes are lower case: ${lower}. The simulator sends the call as typed.`;
	return `${region} is not an AWS Region code (e.g. us-east-1, eu-west-1): there is no endpoint sts.${region}.amazonaws.com to call. The simulator sends the call anyway.`;
}

export const REGIONS = [
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
	'eu-west-1',
	'eu-west-2',
	'eu-central-1',
	'eu-north-1',
	'ap-south-1',
	'ap-southeast-1',
	'ap-southeast-2',
	'ap-northeast-1',
	'sa-east-1',
	'ca-central-1',
	'af-south-1',
	'me-south-1'
];
