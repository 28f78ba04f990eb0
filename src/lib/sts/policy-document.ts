/**
 * IAM policy documents: the grammar the simulator accepts (the types and normalisation live in
 * policy-model.ts, re-exported here). Used for authored policies (scenario files), for session
 * policies sent as request parameters and for policies edited in the UI; the engine reaches
 * parsePolicy through the registry in policy-model.ts, so the browser loads it only when needed.
 */
// zod/mini: the same schemas and messages as full zod, but tree-shakable, so the simulator page
// (which validates session policies and policy edits in the browser) does not load all of zod.
import * as z from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { closest } from './closest-name';
import { duplicateJsonKey } from './json-duplicate-keys';
import {
	normalizePolicy,
	statementsOf,
	type PolicyDocument,
	type PolicyKind,
	type PolicyProblemKind
} from './policy-model';

export {
	iamPolicyErrorMessage,
	minifiedLength,
	normalizePolicy,
	statementsOf,
	type ConditionBlock,
	type ConditionValue,
	type PolicyDocument,
	type PolicyKind,
	type PolicyProblemKind,
	type PolicyStatement,
	type PrincipalBlock,
	type PrincipalKind
} from './policy-model';

// zod/mini loads no locale: without one every message would read "Invalid input". Full zod
// registers English the same way (only when no locale is set), so both agree wherever both load.
if (!z.config().localeError) z.config(en());

// IAM-COND-OPS (sts-facts §5): the operator names, optionally with IfExists (not Null) and set prefixes.
const BASE_OPERATORS = [
	'StringEquals',
	'StringNotEquals',
	'StringEqualsIgnoreCase',
	'StringNotEqualsIgnoreCase',
	'StringLike',
	'StringNotLike',
	'NumericEquals',
	'NumericNotEquals',
	'NumericLessThan',
	'NumericLessThanEquals',
	'NumericGreaterThan',
	'NumericGreaterThanEquals',
	'DateEquals',
	'DateNotEquals',
	'DateLessThan',
	'DateLessThanEquals',
	'DateGreaterThan',
	'DateGreaterThanEquals',
	'Bool',
	'BinaryEquals',
	'IpAddress',
	'NotIpAddress',
	'ArnEquals',
	'ArnLike',
	'ArnNotEquals',
	'ArnNotLike'
] as const;
const OPERATOR_PATTERN = new RegExp(
	`^((ForAnyValue|ForAllValues):)?((${BASE_OPERATORS.join('|')})(IfExists)?|Null)$`
);

/** Every operator name IAM accepts (OPERATOR_PATTERN, spelt out), for suggestions. */
const ALL_OPERATORS = ['', 'ForAnyValue:', 'ForAllValues:'].flatMap((prefix) => [
	...BASE_OPERATORS.flatMap((op) => [`${prefix}${op}`, `${prefix}${op}IfExists`]),
	`${prefix}Null`
]);

/**
 * The operator an unknown one was probably meant to be: the same name in another case (IAM's
 * names are case-sensitive), or one or two letters off anywhere in it, however long the name
 * (StringEqualz, StringEqualsIfExist, ForAnyValues:StringLike).
 */
const likelyOperator = (name: string): string | undefined => closest(name, ALL_OPERATORS, 2);

/** What the simulator says of a condition block key that is no IAM condition operator. */
function unknownOperatorMessage(name: string): string {
	const likely = likelyOperator(name);
	const hint = !likely
		? "IAM's operators are e.g. StringEquals, StringLike, Bool, NumericLessThan, DateLessThan, ArnLike, IpAddress and Null, with IfExists or a ForAnyValue: or ForAllValues: prefix where needed"
		: likely.toLowerCase() === name.toLowerCase()
			? `operator names are case-sensitive: ${likely}`
			: `did you mean ${likely}?`;
	return `unknown condition operator ${JSON.stringify(name)} (${hint})`;
}

const ACTION_PATTERN = /^(\*|[a-zA-Z0-9-]+:[A-Za-z0-9*?]+)$/;
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const oneOrMany = <T extends z.ZodMiniType>(item: T) =>
	z.union([item, z.array(item).check(z.minLength(1))]);
const nonEmpty = () => z.string().check(z.minLength(1));

const actionList = oneOrMany(
	z
		.string()
		.check(
			z.regex(
				ACTION_PATTERN,
				'an action is "*" or "service:Action", e.g. "s3:GetObject" (wildcards * and ? allowed)'
			)
		)
);
const resourceList = oneOrMany(
	z
		.string()
		.check(z.regex(/^(\*|arn:.+)$/, 'a resource is "*" or an ARN such as "arn:aws:s3:::bucket/*"'))
);
const principalBlock = z.union([
	z.literal('*'),
	z
		.strictObject({
			AWS: z.optional(oneOrMany(nonEmpty())),
			Federated: z.optional(oneOrMany(nonEmpty())),
			Service: z.optional(oneOrMany(nonEmpty())),
			CanonicalUser: z.optional(oneOrMany(nonEmpty()))
		})
		.check(
			z.refine(
				(p) => Object.keys(p).length > 0,
				'Principal needs at least one of AWS, Federated, Service'
			)
		)
]);
const conditionBlock = z.record(
	z.string().check(
		z.regex(OPERATOR_PATTERN, {
			error: (issue) => unknownOperatorMessage(String(issue.input))
		})
	),
	z.record(nonEmpty(), z.union([scalar, z.array(scalar)]))
);

export const policyStatementSchema = z
	.strictObject({
		Sid: z.optional(z.string()),
		Effect: z.enum(['Allow', 'Deny'], { error: 'Effect must be "Allow" or "Deny"' }),
		Principal: z.optional(principalBlock),
		NotPrincipal: z.optional(principalBlock),
		Action: z.optional(actionList),
		NotAction: z.optional(actionList),
		Resource: z.optional(resourceList),
		NotResource: z.optional(resourceList),
		Condition: z.optional(conditionBlock)
	})
	.check(
		z.superRefine((s, ctx) => {
			if ((s.Action === undefined) === (s.NotAction === undefined)) {
				ctx.addIssue({
					code: 'custom',
					message: 'a statement needs exactly one of Action or NotAction'
				});
			}
			if (s.Resource !== undefined && s.NotResource !== undefined) {
				ctx.addIssue({
					code: 'custom',
					message: 'a statement takes Resource or NotResource, not both'
				});
			}
			if (s.Principal !== undefined && s.NotPrincipal !== undefined) {
				ctx.addIssue({
					code: 'custom',
					message: 'a statement takes Principal or NotPrincipal, not both'
				});
			}
		})
	);

export const policyDocumentSchema = z.strictObject({
	// IAM "IAM JSON policy elements: Version": 2012-10-17 is the current version, 2008-10-17 the
	// earlier one, which IAM still accepts. A YAML author who leaves the date unquoted may get a
	// date or number rather than text, hence the hint for a value that is not a string.
	Version: z.optional(
		z.enum(['2012-10-17', '2008-10-17'], {
			error: (issue) =>
				`Version must be "2012-10-17" or "2008-10-17"${typeof issue.input === 'string' ? '' : ' (text: in YAML, in quotes)'}`
		})
	),
	Id: z.optional(z.string()),
	Statement: z.union([policyStatementSchema, z.array(policyStatementSchema).check(z.minLength(1))])
});

export type ParsedPolicyDocument = z.output<typeof policyDocumentSchema>;
export type ParsedPolicyStatement = z.output<typeof policyStatementSchema>;

/** One problem with where a policy is used; `principal` marks a Principal where none may be. */
export interface PolicyUsageProblem {
	text: string;
	principal?: true;
	/** IAM's own MalformedPolicyDocument message for it, where one has been recorded. */
	iam?: string;
}

/** An ARN in a Resource element: arn:partition:service:region:account:resource (six parts). */
const ARN_SHAPED = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+$/;

/**
 * Services whose resource part starts with a resource type (`function:`, `role/`, `table/` …), in
 * which IAM allows no wildcard. S3, SNS and SQS name the resource directly (a bucket, topic or
 * queue), so a wildcard there is part of a name.
 */
const TYPED_RESOURCE_SERVICES = new Set([
	'iam',
	'lambda',
	'dynamodb',
	'ec2',
	'kms',
	'secretsmanager',
	'ssm',
	'logs',
	'redshift',
	'rds',
	'ecs',
	'ecr',
	'eks',
	'states',
	'events',
	'cloudformation'
]);

/**
 * What IAM refuses in a well-shaped Resource ARN (IAM "Amazon Resource Names", limitations on
 * wildcard usage, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html: "You
 * cannot use a wildcard in the portion of the ARN that specifies the resource type", e.g.
 * arn:aws:lambda:us-east-2:123456789012:functi*:my-function and
 * arn:aws:redshift:us-east-1:123456789012:? are "not allowed", while a whole resource part of "*"
 * (arn:aws:qbusiness:*:123456789012:*) and a type of "*" (the EC2 guide's tagging example, a
 * type "*" then "/" and the id "*") are; "You also cannot ... have a wildcard in the partition section of an ARN"; IAM "Variables
 * and tags": a policy variable may be used "only in the resource portion of the ARN. This portion
 * of the ARN appears after the fifth colon (:). You can't use a variable to replace parts of the
 * ARN before the fifth colon").
 */
function resourceArnProblem(arn: string): string | undefined {
	const parts = arn.split(':');
	if (parts.slice(0, 5).join(':').includes('${'))
		return 'has a policy variable before its resource part (only the part after the fifth colon may hold one)';
	if (/[*?]/.test(parts[1] ?? '')) return 'has a wildcard in its partition';
	if (!TYPED_RESOURCE_SERVICES.has(parts[2] ?? '')) return undefined;
	const resource = parts.slice(5).join(':');
	const separator = resource.search(/[:/]/);
	const type = separator >= 0 ? resource.slice(0, separator) : resource;
	if (type !== '*' && /[*?]/.test(type)) return `has a wildcard in its resource type ("${type}")`;
	return undefined;
}

export function policyUsageProblems(doc: PolicyDocument, kind: PolicyKind): PolicyUsageProblem[] {
	const problems: PolicyUsageProblem[] = [];
	const sids = new Set<string>();
	statementsOf(doc).forEach((s, i) => {
		const where = `Statement[${i}]`;
		if (kind === 'trust') {
			// IAM's words [obs]: terraform-aws-modules/terraform-aws-iam#47,
			// cloudposse/terraform-aws-cloudwatch-logs#7; terraform-aws-eks-pod-identity#34 (CreateRole).
			if (!s.Principal && !s.NotPrincipal)
				problems.push({
					text: `${where}: a trust policy statement needs a Principal`,
					iam: 'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!'
				});
			if (s.Resource || s.NotResource)
				problems.push({
					text: `${where}: a trust policy statement has no Resource (the role is the resource)`,
					iam: `Has prohibited field ${s.Resource ? 'Resource' : 'NotResource'}`
				});
		} else {
			if (s.Principal || s.NotPrincipal)
				problems.push({
					text: `${where}: ${kind === 'identity' ? 'an identity' : 'a session'} policy cannot have a Principal`,
					principal: true
				});
			// IAM's words [obs]: hashicorp/terraform#17987, terraform-aws-modules/terraform-aws-iam#603.
			if (!s.Resource && !s.NotResource)
				problems.push({
					text: `${where}: ${kind === 'identity' ? 'an identity' : 'a session'} policy statement needs a Resource`,
					...(kind === 'identity' ? { iam: 'Policy statement must contain resources.' } : {})
				});
		}
		if (kind === 'trust') return;
		// Resource ARNs as IAM checks them in stored and session policies alike (resourceArnProblem);
		// an incomplete ARN, which IAM completes with wildcards in an identity policy, is refused in a
		// session policy (IAM "Amazon Resource Names": "session policies ... do not support incomplete
		// ARNs. Using an incomplete ARN in a session policy will result in a
		// MalformedPolicyDocumentException error").
		for (const r of [s.Resource ?? [], s.NotResource ?? []].flat()) {
			if (!r.startsWith('arn:')) continue;
			const problem = !ARN_SHAPED.test(r)
				? kind === 'session'
					? 'is not an ARN (arn:partition:service:region:account:resource) or "*"'
					: undefined
				: resourceArnProblem(r);
			if (problem) problems.push({ text: `${where}: "${r}" ${problem}` });
		}
		if (kind !== 'session') return;
		// The grammar STS checks on the wire (IAM "IAM JSON policy elements: Sid": "The Sid element
		// supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)"; "In IAM,
		// the Sid value must be unique within a JSON policy"). Scenario files' own policies keep the
		// friendlier Sids authors write.
		if (s.Sid !== undefined) {
			if (!/^[0-9A-Za-z]*$/.test(s.Sid))
				problems.push({
					text: `${where}: Sid "${s.Sid}" may hold only letters A-Z, a-z and digits`
				});
			else if (s.Sid !== '' && sids.has(s.Sid))
				problems.push({ text: `${where}: Sid "${s.Sid}" is used by an earlier statement` });
			sids.add(s.Sid);
		}
	});
	return problems;
}

/**
 * What IAM refuses when a trust policy is saved (CreateRole / UpdateAssumeRolePolicy), beyond the
 * grammar: the checks the simulator's policy editor applies. Scenario files keep the world as
 * their author wrote it (a world may show how such a statement would read), so these are not
 * load errors there.
 *
 * - NotPrincipal: IAM "AWS JSON policy elements: NotPrincipal"
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html):
 *   "You cannot use the NotPrincipal element in an IAM identity-based policy nor in an IAM role
 *   trust policy."
 * - A wildcard inside a principal: IAM "AWS JSON policy elements: Principal"
 *   (reference_policies_elements_principal.html): "You cannot use a wildcard to match part of a
 *   principal name or ARN." IAM's words for a principal it cannot resolve, "Invalid principal in
 *   policy: "AWS":"ARN"" [obs]: aws-actions/configure-aws-credentials#332,
 *   hashicorp/terraform-provider-aws#8905; that it is the same message for a wildcard is [inf].
 */
export function trustSaveProblems(doc: PolicyDocument): PolicyUsageProblem[] {
	const problems: PolicyUsageProblem[] = [];
	statementsOf(doc).forEach((s, i) => {
		const where = `Statement[${i}]`;
		if (s.NotPrincipal)
			problems.push({
				text: `${where}: a role trust policy cannot use NotPrincipal (IAM accepts it only in some resource-based policies); to deny everyone but some principals, write "Principal": "*" with an ArnNotEquals condition on aws:PrincipalArn`
			});
		const block = s.Principal;
		if (!block || block === '*') return;
		for (const [kind, value] of Object.entries(block)) {
			for (const name of [value ?? []].flat()) {
				if (name === '*' || !/[*?]/.test(name)) continue;
				problems.push({
					text: `${where}: Principal ${kind} "${name}" has a wildcard in it; a principal is named whole (or "*" for all), so match part of an ARN with ArnLike on aws:PrincipalArn in a Condition instead`,
					iam: `Invalid principal in policy: "${kind}":"${name}"`
				});
			}
		}
	});
	return problems;
}

/** A path as the simulator writes it in every problem: `Statement[0].Condition`. */
export function policyPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path)
		out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
	return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let v = data;
	for (const key of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<PropertyKey, unknown>)[key as string];
	}
	return v;
}

/** "a string", "an array" …: what a JSON value is, as the problems name it. */
function kindOf(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/** The JSON kind zod's `expected` names: "a string", "an array", "an object" (a record is one). */
function expectedKind(expected: string): string {
	if (expected === 'record' || expected === 'map' || expected === 'object') return 'an object';
	if (expected === 'array') return 'an array';
	return `a ${expected}`;
}

/** A branch of a union that failed on the value's very type (a number where a string belongs). */
function failsOnType(branch: readonly $ZodIssue[]): boolean {
	return branch.every(
		(i) =>
			i.path.length === 0 &&
			(i.code === 'invalid_type' ||
				i.code === 'invalid_value' ||
				(i.code === 'invalid_union' && i.errors.every(failsOnType)))
	);
}

/** What a union that failed on type would have taken: "a string or an array". */
function expectedKinds(branches: readonly (readonly $ZodIssue[])[]): string[] {
	const names = branches.flatMap((branch) =>
		branch.flatMap((i): string[] => {
			if (i.code === 'invalid_type') return [expectedKind(i.expected)];
			if (i.code === 'invalid_value') return i.values.map((v) => JSON.stringify(v));
			if (i.code === 'invalid_union') return expectedKinds(i.errors);
			return [];
		})
	);
	return [...new Set(names)];
}

/** "must be a string, not a number"; "is missing (must be …)" where the element is absent. */
const wrongKind = (expected: string, value: unknown): string =>
	value === undefined
		? `is missing (must be ${expected})`
		: `must be ${expected}, not ${kindOf(value)}`;

const orList = (items: readonly string[]): string =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/**
 * The grammar problems of a policy, one line each, as the simulator's "Why" shows them: a union
 * (one statement or a list of them; a string or a list) reports the branch the policy evidently
 * meant rather than zod's "Invalid input", a bad condition operator names itself, and every path
 * is written `Statement[0].Effect`. A message that names its own element (`Effect must be …`) is
 * given with its parent's path, and says what the element held instead.
 */
function policyProblemTexts(
	issues: readonly $ZodIssue[],
	data: unknown,
	prefix: readonly PropertyKey[] = []
): string[] {
	const out: string[] = [];
	// The policy itself (no path) is named, so that no line starts "must be".
	const line = (path: readonly PropertyKey[], message: string) =>
		out.push(
			`${path.length ? `${policyPath(path)}: ` : /^(must|is) /.test(message) ? 'the policy ' : ''}${message}`
		);
	for (const issue of issues) {
		const path = [...prefix, ...issue.path];
		if (issue.code === 'invalid_union' && issue.errors.length > 0) {
			const meant = issue.errors.filter((branch) => !failsOnType(branch));
			if (meant.length > 0) {
				const fewest = meant.reduce((a, b) => (b.length < a.length ? b : a));
				out.push(...policyProblemTexts(fewest, data, path));
			} else line(path, wrongKind(orList(expectedKinds(issue.errors)), valueAt(data, path)));
			continue;
		}
		if (issue.code === 'invalid_type') {
			// Worded as the unions are, not zod's "Invalid input: expected string, received number".
			line(path, wrongKind(expectedKind(issue.expected), valueAt(data, path)));
			continue;
		}
		if (issue.code === 'invalid_key') {
			// The key is the last step of the path, and the message names it.
			for (const inner of issue.issues) line(path.slice(0, -1), inner.message);
			continue;
		}
		const last = path.at(-1);
		if (typeof last === 'string' && issue.message.startsWith(`${last} `)) {
			const value = valueAt(data, path);
			const given =
				issue.code === 'invalid_value' && value !== undefined
					? `, not ${typeof value === 'string' ? JSON.stringify(value) : kindOf(value)}`
					: '';
			line(path.slice(0, -1), `${issue.message}${given}`);
			continue;
		}
		line(path, issue.message);
	}
	return out;
}

export type PolicyParseResult =
	| { ok: true; policy: PolicyDocument }
	| {
			ok: false;
			problems: string[];
			kind: PolicyProblemKind;
			/** IAM's message for the first problem, where one has been recorded (else iamPolicyErrorMessage). */
			iamMessage?: string;
	  };

/**
 * Validates a policy given as a JSON string (as on the wire) or as an already parsed value.
 * Used for session policies (MalformedPolicyDocument, sts-facts §3.2) and UI edits.
 */
export function parsePolicy(input: unknown, kind: PolicyKind): PolicyParseResult {
	let value = input;
	if (typeof input === 'string') {
		try {
			value = JSON.parse(input);
		} catch (e) {
			// Real STS calls text that opens like an object a syntax error, anything else not JSON:
			// "{'json':'but not what AWS wants}" gave "Syntax errors in policy." while "}", "invalid
			// policy" and an ARN gave "The policy is not in the valid JSON format." (sts-facts §4).
			return {
				ok: false,
				problems: [`the policy is not valid JSON (${(e as Error).message})`],
				kind: input.trimStart().startsWith('{') ? 'grammar' : 'json'
			};
		}
	}
	const repeated = typeof input === 'string' ? duplicateJsonKey(input) : undefined;
	if (repeated)
		return {
			ok: false,
			problems: [
				`${repeated.path ? `${repeated.path}: ` : ''}"${repeated.key}" appears twice in the same object (IAM policy grammar: "Individual elements must not contain multiple instances of the same key")`
			],
			kind: 'grammar'
		};
	const parsed = policyDocumentSchema.safeParse(value);
	if (!parsed.success) {
		return {
			ok: false,
			problems: policyProblemTexts(parsed.error.issues, value),
			kind: 'grammar'
		};
	}
	const policy = normalizePolicy(parsed.data);
	const usage = [
		...policyUsageProblems(policy, kind),
		...(kind === 'trust' ? trustSaveProblems(policy) : [])
	];
	if (!usage.length) return { ok: true, policy };
	const principal = usage.find((u) => u.principal);
	const ordered = principal ? [principal, ...usage.filter((u) => u !== principal)] : usage;
	return {
		ok: false,
		problems: ordered.map((u) => u.text),
		kind: principal ? 'principal' : 'grammar',
		...(ordered[0]?.iam ? { iamMessage: ordered[0].iam } : {})
	};
}
