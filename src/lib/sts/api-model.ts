/**
 * The request members of the simulated STS operations and their constraints, transcribed from
 * the botocore STS model (docs/reference/botocore-sts-service-2.json; sts-facts §3, §3.1).
 */

export const STS_APIS = [
	'AssumeRole',
	'AssumeRoleWithSAML',
	'AssumeRoleWithWebIdentity',
	'GetSessionToken',
	'GetFederationToken',
	'GetCallerIdentity'
] as const;
export type StsApi = (typeof STS_APIS)[number];

export function isStsApi(name: string): name is StsApi {
	return (STS_APIS as readonly string[]).includes(name);
}

/** Resolves a step's `call:` to an STS API (also accepted as sts:AssumeRole); undefined for a service action. */
export function stsApiOf(call: string): StsApi | undefined {
	const name = call.startsWith('sts:') ? call.slice(4) : call;
	return isStsApi(name) ? name : undefined;
}

/** The APIs that return credentials (and so may `save` them). */
export const CREDENTIAL_APIS: readonly StsApi[] = STS_APIS.filter((a) => a !== 'GetCallerIdentity');

export interface PatternSpec {
	/** As AWS prints it in "Member must satisfy regular expression pattern: …". */
	text: string;
	regex: RegExp;
}

export type MemberSpec =
	| { kind: 'string'; required?: boolean; min?: number; max?: number; pattern?: PatternSpec }
	| { kind: 'integer'; required?: boolean; min: number; max: number }
	| { kind: 'policy'; required?: boolean; max?: number }
	| { kind: 'tags'; max: number }
	| { kind: 'tagKeys'; max: number }
	| { kind: 'policyArns'; max: number }
	| { kind: 'list'; min?: number; max?: number };

const pattern = (text: string, regex: RegExp): PatternSpec => ({ text, regex });

// MODEL shapes (sts-facts §3).
const arnType: MemberSpec = {
	kind: 'string',
	required: true,
	min: 20,
	max: 2048,
	pattern: pattern(
		'[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
		/^[\t\n\r\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u
	)
};
const roleSessionName: MemberSpec = {
	kind: 'string',
	required: true,
	min: 2,
	max: 64,
	pattern: pattern('[\\w+=,.@-]*', /^[\w+=,.@-]*$/)
};
const roleDuration: MemberSpec = { kind: 'integer', min: 900, max: 43200 };
const userDuration: MemberSpec = { kind: 'integer', min: 900, max: 129600 };
const serialNumber: MemberSpec = {
	kind: 'string',
	min: 9,
	max: 256,
	pattern: pattern('[\\w+=/:,.@-]*', /^[\w+=/:,.@-]*$/)
};
const tokenCode: MemberSpec = {
	kind: 'string',
	min: 6,
	max: 6,
	pattern: pattern('[\\d]*', /^\d*$/)
};
// sts-facts §3: AssumeRole's Policy lost its model max in 2023 but the docs keep the 2048-character
// plaintext limit, enforced by the server; the other operations still carry max 2048 in the model.
const sessionPolicy: MemberSpec = { kind: 'policy', max: 2048 };
// sts-facts §3, §3.1: "Up to 10 managed policy ARNs". The botocore model has no max for the list, so
// AWS's wording for an 11th ARN is not recorded [inf]: the standard list-length violation.
const policyArns: MemberSpec = { kind: 'policyArns', max: 10 };

export const API_MEMBERS: Record<StsApi, Record<string, MemberSpec>> = {
	AssumeRole: {
		RoleArn: arnType,
		RoleSessionName: roleSessionName,
		PolicyArns: policyArns,
		Policy: sessionPolicy,
		DurationSeconds: roleDuration,
		Tags: { kind: 'tags', max: 50 },
		TransitiveTagKeys: { kind: 'tagKeys', max: 50 },
		ExternalId: {
			kind: 'string',
			min: 2,
			max: 1224,
			pattern: pattern('[\\w+=,.@:\\/-]*', /^[\w+=,.@:/-]*$/)
		},
		SerialNumber: serialNumber,
		TokenCode: tokenCode,
		SourceIdentity: {
			kind: 'string',
			min: 2,
			max: 64,
			pattern: pattern('[\\w+=,.@-]*', /^[\w+=,.@-]*$/)
		},
		ProvidedContexts: { kind: 'list', min: 1, max: 5 }
	},
	AssumeRoleWithSAML: {
		RoleArn: arnType,
		PrincipalArn: arnType,
		SAMLAssertion: { kind: 'string', required: true, min: 4, max: 100000 },
		PolicyArns: policyArns,
		Policy: sessionPolicy,
		DurationSeconds: roleDuration
	},
	AssumeRoleWithWebIdentity: {
		RoleArn: arnType,
		RoleSessionName: roleSessionName,
		WebIdentityToken: { kind: 'string', required: true, min: 4, max: 20000 },
		ProviderId: { kind: 'string', min: 4, max: 2048 },
		PolicyArns: policyArns,
		Policy: sessionPolicy,
		DurationSeconds: roleDuration
	},
	GetSessionToken: {
		DurationSeconds: userDuration,
		SerialNumber: serialNumber,
		TokenCode: tokenCode
	},
	GetFederationToken: {
		Name: {
			kind: 'string',
			required: true,
			min: 2,
			max: 32,
			pattern: pattern('[\\w+=,.@-]*', /^[\w+=,.@-]*$/)
		},
		Policy: sessionPolicy,
		PolicyArns: policyArns,
		DurationSeconds: userDuration,
		Tags: { kind: 'tags', max: 50 }
	},
	GetCallerIdentity: {}
};

/** Tag key / value shapes (MODEL tagKeyType, tagValueType; sts-facts §3.3). */
export const TAG_KEY = {
	min: 1,
	max: 128,
	pattern: pattern('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+', /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u)
};
export const TAG_VALUE = {
	min: 0,
	max: 256,
	pattern: pattern('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*', /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u)
};

/** Members that the step's token shorthands fill in, so a scenario need not spell them. */
export const SHORTHAND_MEMBERS: Partial<Record<StsApi, readonly string[]>> = {
	AssumeRoleWithSAML: ['SAMLAssertion'],
	AssumeRoleWithWebIdentity: ['WebIdentityToken']
};

/** AWS prints member names in lower camel case: RoleSessionName → roleSessionName (§3). */
export function wireMemberName(member: string): string {
	return member.charAt(0).toLowerCase() + member.slice(1);
}
