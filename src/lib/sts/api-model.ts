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
	'GetCallerIdentity',
	// sts-facts §13: the other operations of the current model. The world has no encoded
	// authorization messages, Organizations, outbound federation or delegation requests, so these
	// answer with their checks and AWS's errors (see each handler), never with credentials.
	'GetAccessKeyInfo',
	'DecodeAuthorizationMessage',
	'AssumeRoot',
	'GetWebIdentityToken',
	'GetDelegatedAccessToken'
] as const;
export type StsApi = (typeof STS_APIS)[number];

export function isStsApi(name: string): name is StsApi {
	return (STS_APIS as readonly string[]).includes(name);
}

/**
 * The operations that a call spelled as an action (sts:AssumeRole) also runs: the six the
 * simulator has always run. The newer ones spelled sts:GetAccessKeyInfo stay what the contract
 * calls a service action, authorised and not executed, as they were before they could run.
 */
const RUN_AS_ACTION_TOO: readonly StsApi[] = STS_APIS.slice(0, 6);

/** Resolves a step's `call:` to an STS API; undefined for a service action. */
export function stsApiOf(call: string): StsApi | undefined {
	if (call.startsWith('sts:')) {
		const name = call.slice(4);
		return isStsApi(name) && RUN_AS_ACTION_TOO.includes(name) ? name : undefined;
	}
	return isStsApi(call) ? call : undefined;
}

/** The APIs that return credentials (and so may `save` them): MODEL output shapes with `Credentials`. */
export const CREDENTIAL_APIS: readonly StsApi[] = [
	'AssumeRole',
	'AssumeRoleWithSAML',
	'AssumeRoleWithWebIdentity',
	'GetSessionToken',
	'GetFederationToken',
	'AssumeRoot',
	'GetDelegatedAccessToken'
];

export type CredentialApi =
	| 'AssumeRole'
	| 'AssumeRoleWithSAML'
	| 'AssumeRoleWithWebIdentity'
	| 'GetSessionToken'
	| 'GetFederationToken'
	| 'AssumeRoot'
	| 'GetDelegatedAccessToken';

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
	/** A PolicyDescriptorType structure {arn} (AssumeRoot's TaskPolicyArn). */
	| { kind: 'policyArn'; required: true }
	/** A list of strings, each `item` long (GetWebIdentityToken's Audience). */
	| {
			kind: 'stringList';
			required: true;
			min: number;
			max: number;
			item: { min: number; max: number };
	  }
	| { kind: 'list'; min?: number; max?: number };

const pattern = (text: string, regex: RegExp): PatternSpec => ({ text, regex });

// MODEL shapes (sts-facts §3).
// arnType's pattern as real STS applies it: its `\u10000-\u10FFFF` is read as \u1000, '0'-\u10FF, 'F'
// (four hex digits per escape), so the class is tab, LF, CR, \u0020-\uD7FF and \uE000-\uFFFD: no
// character outside the Basic Multilingual Plane matches, and an emoji in a RoleArn breaks the
// pattern (observed, justincormack/argmin sts_oracle.rs: 2,048 😀 give only the pattern violation,
// so the length is counted in characters, not UTF-16 units).
export const ARN_TYPE = {
	kind: 'string' as const,
	required: true,
	min: 20,
	max: 2048,
	pattern: pattern(
		'[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
		/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]+$/u
	)
} satisfies MemberSpec;
const arnType: MemberSpec = ARN_TYPE;
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
// sts-facts §3: AssumeRole's Policy lost its model max in 2023 (unrestrictedSessionPolicyDocumentType)
// but the docs keep the 2048-character plaintext limit for inline and managed session policies
// together, which readSessionPolicies enforces (insignificant whitespace not counted); the other
// operations still carry max 2048 in the model, a limit on the parameter's raw length.
const sessionPolicy: MemberSpec = { kind: 'policy', max: 2048 };
const unrestrictedSessionPolicy: MemberSpec = { kind: 'policy' };
// sts-facts §3, §3.1: "Up to 10 managed policy ARNs". The botocore model has no max for the list, so
// AWS's wording for an 11th ARN is not recorded [inf]: the standard list-length violation.
const policyArns: MemberSpec = { kind: 'policyArns', max: 10 };

export const API_MEMBERS: Record<StsApi, Record<string, MemberSpec>> = {
	AssumeRole: {
		RoleArn: arnType,
		RoleSessionName: roleSessionName,
		PolicyArns: policyArns,
		Policy: unrestrictedSessionPolicy,
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
	GetCallerIdentity: {},
	// MODEL accessKeyIdType.
	GetAccessKeyInfo: {
		AccessKeyId: {
			kind: 'string',
			required: true,
			min: 16,
			max: 128,
			pattern: pattern('[\\w]*', /^\w*$/)
		}
	},
	// MODEL encodedMessageType.
	DecodeAuthorizationMessage: {
		EncodedMessage: { kind: 'string', required: true, min: 1, max: 10240 }
	},
	// MODEL TargetPrincipalType, PolicyDescriptorType, RootDurationSecondsType (sts-facts §2, §13).
	AssumeRoot: {
		TargetPrincipal: { kind: 'string', required: true, min: 12, max: 2048 },
		TaskPolicyArn: { kind: 'policyArn', required: true },
		DurationSeconds: { kind: 'integer', min: 0, max: 900 }
	},
	// MODEL webIdentityTokenAudienceListType, jwtAlgorithmType, webIdentityTokenDurationSecondsType (sts-facts §13).
	GetWebIdentityToken: {
		Audience: { kind: 'stringList', required: true, min: 1, max: 10, item: { min: 1, max: 1000 } },
		SigningAlgorithm: { kind: 'string', required: true, min: 5, max: 5 },
		DurationSeconds: { kind: 'integer', min: 60, max: 3600 },
		Tags: { kind: 'tags', max: 50 }
	},
	// MODEL tradeInTokenType (no length constraints).
	GetDelegatedAccessToken: {
		TradeInToken: { kind: 'string', required: true }
	}
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
