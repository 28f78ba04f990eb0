/**
 * IAM policy documents without the grammar: their types, normalisation to the JSON shape the
 * evaluation library expects, and where the parser is found. The parser (policy-document.ts, with
 * its zod/mini schemas) is registered by all-apis.ts in Node; the browser loads it on demand (a
 * session policy in a call, a policy edit), so most scenarios never load it (api-loaders.ts).
 */
import type {
	ParsedPolicyDocument,
	ParsedPolicyStatement,
	PolicyParseResult
} from './policy-document';

/** A condition value after normalisation: IAM compares strings, so YAML booleans and numbers become strings. */
export type ConditionValue = string | string[];
export type ConditionBlock = Record<string, Record<string, ConditionValue>>;
export type PrincipalBlock = '*' | Partial<Record<PrincipalKind, string | string[]>>;
export type PrincipalKind = 'AWS' | 'Federated' | 'Service' | 'CanonicalUser';

export interface PolicyStatement {
	Sid?: string;
	Effect: 'Allow' | 'Deny';
	Principal?: PrincipalBlock;
	NotPrincipal?: PrincipalBlock;
	Action?: string | string[];
	NotAction?: string | string[];
	Resource?: string | string[];
	NotResource?: string | string[];
	Condition?: ConditionBlock;
}

export interface PolicyDocument {
	Version?: '2012-10-17' | '2008-10-17';
	Id?: string;
	Statement: PolicyStatement | PolicyStatement[];
}

export type PolicyKind = 'identity' | 'trust' | 'session';

/** Problems that depend on where a policy is used (sts-facts §7: trust policies name principals, identity policies don't). */
export function statementsOf(doc: PolicyDocument): PolicyStatement[] {
	return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}

/** IAM compares condition values as strings; YAML may have produced booleans or numbers. */
export function normalizePolicy(doc: ParsedPolicyDocument): PolicyDocument {
	const fix = (s: ParsedPolicyStatement): PolicyStatement => {
		const { Condition, ...rest } = s;
		if (!Condition) return rest;
		const cond: ConditionBlock = {};
		for (const [op, keys] of Object.entries(Condition)) {
			cond[op] = {};
			for (const [key, value] of Object.entries(keys)) {
				cond[op][key] = Array.isArray(value) ? value.map(String) : String(value);
			}
		}
		return { ...rest, Condition: cond };
	};
	const statement = Array.isArray(doc.Statement) ? doc.Statement.map(fix) : fix(doc.Statement);
	return {
		...(doc.Version ? { Version: doc.Version } : {}),
		...(doc.Id ? { Id: doc.Id } : {}),
		Statement: statement
	};
}

/** Length of the policy as AWS counts plaintext: the JSON with insignificant whitespace removed. */
export function minifiedLength(input: unknown): number {
	if (typeof input === 'string') {
		try {
			return JSON.stringify(JSON.parse(input)).length;
		} catch {
			return input.length;
		}
	}
	return JSON.stringify(input).length;
}

export type PolicyParser = (input: unknown, kind: PolicyKind) => PolicyParseResult;

let parser: PolicyParser | undefined;

export function registerPolicyParser(parse: PolicyParser): void {
	parser = parse;
}

export function isPolicyParserLoaded(): boolean {
	return parser !== undefined;
}

/** policy-document.ts parsePolicy; throws when an entry point has not registered it (a loading bug). */
export function policyParser(): PolicyParser {
	if (!parser)
		throw new Error(
			'the policy parser is not loaded (register it with all-apis.ts or loadPolicyParser first)'
		);
	return parser;
}

/**
 * Why a policy was refused: not JSON at all, a Principal where none may be (session policies), or
 * any other grammar problem. STS and IAM word each differently (session-policy.ts, below).
 */
export type PolicyProblemKind = 'json' | 'principal' | 'grammar';

/**
 * IAM's MalformedPolicyDocument message when a stored policy (CreateRole, UpdateAssumeRolePolicy,
 * PutRolePolicy, PutUserPolicy) is refused: "This policy contains invalid Json" [obs:
 * AWSCookbook/Security#2, aws-samples/aws-microservices-deploy-options#118, brendanhay/amazonka#434],
 * and for the other kinds the wording STS uses for session policies (sts-facts §4) [inf].
 */
export function iamPolicyErrorMessage(kind: PolicyProblemKind, recorded?: string): string {
	if (recorded) return recorded;
	if (kind === 'json') return 'This policy contains invalid Json';
	if (kind === 'principal') return 'Policy document should not specify a principal.';
	return 'Syntax errors in policy.';
}
