/**
 * THE adapter over @cloud-copilot/iam-simulate (AGPL): no other module imports the library.
 *
 * Why `runUnsafeSimulation` and not `runSimulation`: the validating entry point drops every
 * context key the IAM data does not list for the action, which silently removes the generic OIDC
 * keys trust policies rely on (e.g. `token.actions.githubusercontent.com:sub`, sts-facts §5, §11),
 * and it is asynchronous. The unsafe entry point is synchronous, evaluates exactly the context we
 * build, and takes ~0.1 ms. We validate every policy ourselves (policy-document.ts) before it gets here.
 * It does not read IAM data at run time, so it behaves the same in Node and in the browser.
 *
 * The library implements IAM's evaluation logic (sts-facts §7): explicit deny wins; in the same
 * account a trust policy naming the principal suffices while one trusting the account also needs
 * the identity policy; cross-account both must allow (StsServiceAuthorizer).
 */
import {
	anonymousPrincipal,
	runUnsafeSimulation,
	type Simulation
} from '@cloud-copilot/iam-simulate';
import {
	statementsOf,
	type PolicyDocument,
	type PolicyStatement,
	type PrincipalBlock
} from './policy-model';
import type { NamedPolicy } from './world';

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';
/** Request context keys; multi-valued keys (aws:TagKeys, cognito amr) are arrays. */
export type ContextValues = Record<string, string | string[]>;

export interface EvaluationRequest {
	/** The principal ARN (or a federated provider name); null for an unsigned request. */
	principal: string | null;
	action: string;
	resource: string;
	resourceAccount: string;
	context: ContextValues;
	identityPolicies: readonly NamedPolicy[];
	/** A resource-based policy; for sts:AssumeRole* this is the role's trust policy. */
	resourcePolicy?: NamedPolicy;
	/** The action has no resource type and the request is on "*" (withWildcardOnlyResources). */
	wildcardOnlyAction?: boolean;
}

export const ALLOW_ALL: NamedPolicy = {
	name: 'allow-all',
	origin: 'authored',
	document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
};

/**
 * The library's loadPolicy reads the policy name from ValidatedPolicy metadata; passing the
 * documented ValidatedPolicy shape (iam-policy's createValidatedPolicy output) both names the
 * resource policy and tells it validation already happened.
 */
function validated(policy: NamedPolicy, principal: string | null, context: ContextValues) {
	return {
		__validated: true as const,
		policyDocument: forRequest(
			withNotPrincipalFor(asEvaluated(policy.document), principal),
			context
		),
		metadata: { name: policy.name },
		errors: []
	};
}

/**
 * Policy variables belong to policy language version 2012-10-17. IAM "IAM JSON policy elements:
 * Version" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html):
 * "If you do not include a Version element, the value defaults to 2008-10-17, but newer features,
 * such as policy variables, will not work with your policy. For example, variables such as
 * ${aws:username} aren't recognized as variables and are instead treated as literal strings."
 * The library substitutes variables whatever the Version, so in such a statement each "${" is
 * rewritten as "${$}{" (the 2012 spelling of a literal "$", IAM "Variables and tags", special
 * characters) in Resource, NotResource and condition values, which keeps the text literal.
 */
const literal = (v: string): string => v.replaceAll('${', '${$}{');
const literalAll = <T extends string | string[] | undefined>(v: T): T =>
	(v === undefined ? v : Array.isArray(v) ? v.map(literal) : literal(v)) as T;

export function withVariablesOf(
	statement: PolicyStatement,
	version: PolicyDocument['Version']
): PolicyStatement {
	if (version === '2012-10-17') return statement;
	const out: PolicyStatement = { ...statement };
	if (statement.Resource !== undefined) out.Resource = literalAll(statement.Resource);
	if (statement.NotResource !== undefined) out.NotResource = literalAll(statement.NotResource);
	if (statement.Condition) {
		out.Condition = Object.fromEntries(
			Object.entries(statement.Condition).map(([op, keys]) => [
				op,
				Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, literalAll(v)]))
			])
		);
	}
	return out;
}

/**
 * Date condition values (IAM "Condition operators", Date: "You use these condition operators with
 * aws:CurrentTime key or aws:EpochTime key. You must specify date/time values with one of the W3C
 * implementations of the ISO 8601 date formats or in epoch (UNIX) time."). The library reads an
 * epoch value as seconds but an ISO 8601 value as milliseconds, so a policy epoch never compares
 * right against aws:CurrentTime / aws:TokenIssueTime, nor an ISO value against aws:EpochTime. Here
 * epoch values in Date operators become ISO 8601 text and aws:EpochTime becomes aws:CurrentTime
 * (the same instant, always in the request context), so both sides are read the same way.
 */
const DATE_OPERATOR = /^(ForAnyValue:|ForAllValues:)?Date[A-Za-z]*$/i;
const EPOCH = /^\d+$/;
const epochAsIso = (v: string): string =>
	EPOCH.test(v) ? new Date(Number(v) * 1000).toISOString() : v;

function withDatesAsIso(statement: PolicyStatement): PolicyStatement {
	const condition = statement.Condition;
	if (!condition || !Object.keys(condition).some((op) => DATE_OPERATOR.test(op))) return statement;
	return {
		...statement,
		Condition: Object.fromEntries(
			Object.entries(condition).map(([op, keys]) => {
				if (!DATE_OPERATOR.test(op)) return [op, keys];
				const hasCurrentTime = Object.keys(keys).some((k) => k.toLowerCase() === 'aws:currenttime');
				return [
					op,
					Object.fromEntries(
						Object.entries(keys).map(([k, v]) => [
							k.toLowerCase() === 'aws:epochtime' && !hasCurrentTime ? 'aws:CurrentTime' : k,
							Array.isArray(v) ? v.map(epochAsIso) : epochAsIso(v)
						])
					)
				];
			})
		)
	};
}

/**
 * IPv4 ranges of prefix length 0 (IAM "Condition operators", IP address: values use "the standard
 * CIDR format", so 0.0.0.0/0 is every address). The library computes its mask as `-1 << (32 - n)`,
 * and JavaScript reduces a shift count of 32 to 0, so a /0 range would match one address only. The
 * two halves /1 cover the same addresses, under IpAddress (any value) and NotIpAddress (none).
 */
const IP_OPERATOR = /^(ForAnyValue:|ForAllValues:)?(Not)?IpAddress(IfExists)?$/i;
const IPV4_EVERYWHERE = /^\d{1,3}(\.\d{1,3}){3}\/0$/;
const ipHalves = (v: string): string[] =>
	IPV4_EVERYWHERE.test(v.trim()) ? ['0.0.0.0/1', '128.0.0.0/1'] : [v];

function withWholeIpv4Ranges(statement: PolicyStatement): PolicyStatement {
	const condition = statement.Condition;
	if (!condition || !Object.keys(condition).some((op) => IP_OPERATOR.test(op))) return statement;
	return {
		...statement,
		Condition: Object.fromEntries(
			Object.entries(condition).map(([op, keys]) => [
				op,
				IP_OPERATOR.test(op)
					? Object.fromEntries(
							Object.entries(keys).map(([k, v]) => [
								k,
								Array.isArray(v) || IPV4_EVERYWHERE.test(v.trim())
									? [v].flat().flatMap(ipHalves)
									: v
							])
						)
					: keys
			])
		)
	};
}

/** The document as the library must see it: version-2012 semantics with variables only where the Version allows them. */
function asEvaluated(doc: PolicyDocument): PolicyDocument {
	let evaluated = evaluatedDocs.get(doc);
	if (!evaluated) {
		evaluated = {
			...doc,
			Version: '2012-10-17',
			Statement: statementsOf(doc).map((st) =>
				withWholeIpv4Ranges(withDatesAsIso(withVariablesOf(st, doc.Version)))
			)
		};
		evaluatedDocs.set(doc, evaluated);
	}
	return evaluated;
}

/**
 * Policies are never mutated (the world is replaced, not edited), and one call evaluates the same
 * documents several times (each action, each statement explained): rewrite each document once.
 */
const evaluatedDocs = new WeakMap<PolicyDocument, PolicyDocument>();

/**
 * NotPrincipal (IAM "AWS JSON policy elements: NotPrincipal"): "all principals except the user named
 * Bob in AWS account 444455556666 are explicitly denied access" for NotPrincipal [user/Bob,
 * 444455556666 root], so listing an account does not exempt the other principals of that account; it
 * exempts the account principal (its root user) only. The library exempts every principal of a
 * listed account, so a statement whose NotPrincipal does not exempt this request's principal is
 * handed to it with Principal "*" (it then applies to the request, as AWS applies it). Exempt are:
 * the principal's own ARN (user, root, session, federated user), the role ARN of a role session,
 * the account for its root user, a Federated provider or Service principal that is the caller.
 */
function notPrincipalExempts(block: PrincipalBlock, principal: string | null): boolean {
	if (block === '*') return true;
	if (principal === null) return false;
	const entries = Object.values(block).flatMap((v) => (Array.isArray(v) ? v : v ? [v] : []));
	const parts = principal.split(':');
	const account = parts[4];
	const session = /^arn:[\w-]+:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal);
	return entries.some((e) => {
		if (e === principal || e === '*') return true;
		if (/^\d{12}$/.test(e) || /^arn:[\w-]+:iam::\d{12}:root$/.test(e))
			return (
				principal === `arn:${parts[1]}:iam::${account}:root` &&
				(/^\d{12}$/.test(e) ? e : e.split(':')[4]) === account
			);
		if (session) {
			const role = /^arn:[\w-]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(e);
			return !!role && role[1] === session[1] && role[2].toLowerCase() === session[2].toLowerCase();
		}
		return false;
	});
}

function withNotPrincipalFor(doc: PolicyDocument, principal: string | null): PolicyDocument {
	const statements = statementsOf(doc);
	if (!statements.some((st) => st.NotPrincipal !== undefined)) return doc;
	return {
		...doc,
		Statement: statements.map((st) => {
			if (st.NotPrincipal === undefined || notPrincipalExempts(st.NotPrincipal, principal))
				return st;
			const rest: PolicyStatement = { ...st };
			delete rest.NotPrincipal;
			return { ...rest, Principal: '*' };
		})
	};
}

/**
 * Policy variables with no value (IAM "Policy variables with no value",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value):
 * "When you use a variable with no value in the condition element of an IAM policy, condition
 * operators like StringEquals or StringLike do not match ... Inverted condition operators like
 * StringNotEquals or StringNotLike do match against a null value, as the value of the condition key
 * they are testing against is not equal to or like the effectively null value" (sts-facts §5). The
 * library makes such a value match nothing under every operator. Under an inverted operator each
 * such value is replaced here by a stand-in that no request value can equal or be like (it holds
 * no wildcard), under the same operator: "not equal to null" holds for every request value, and
 * the operator's own rules (IfExists, ForAnyValue, ForAllValues, an absent key) apply unchanged.
 */
const NEGATED =
	/^(ForAnyValue:|ForAllValues:)?(StringNotEquals|StringNotEqualsIgnoreCase|StringNotLike|ArnNotEquals|ArnNotLike)(IfExists)?$/i;
const VARIABLE = /\$\{([^}]*)\}/g;
/** Equal to, or like, no request value: a string with a control character, and an ARN form of it. */
const NO_VALUE = '\u0000no value\u0000';
const NO_VALUE_ARN = 'arn:\u0000:\u0000:\u0000:\u0000:no value';

/** A context key's value, looked up as IAM does: key names are case-insensitive. */
export function contextValue(context: ContextValues, key: string): string | string[] | undefined {
	if (Object.hasOwn(context, key)) return context[key];
	const lower = key.toLowerCase();
	for (const k in context) if (k.toLowerCase() === lower) return context[k];
	return undefined;
}

/**
 * A policy variable of a condition or Resource value: its key, and its default if it has one
 * (`${key, 'default'}`, the library's reading: exactly ", " before a quoted default); undefined
 * for the escapes `${*}`, `${?}` and `${$}`.
 */
function readVariable(inner: string): { key: string; fallback?: string } | undefined {
	if (inner === '*' || inner === '?' || inner === '$') return undefined;
	const parts = inner.split(', ');
	const fallback =
		parts.length === 2 && /^'.+'$/.test(parts[1]!) ? parts[1]!.slice(1, -1) : undefined;
	return { key: parts[0]!.trim(), ...(fallback !== undefined ? { fallback } : {}) };
}

/**
 * The policy variables of a value that have no value in this context and no default
 * (`${aws:username}` for a role session), by name as written. A multivalued key cannot be a
 * variable (IAM "Variables and tags"), so it counts as having no value too.
 */
export function variablesWithNoValue(value: string, context: ContextValues): string[] {
	const out: string[] = [];
	for (const [, inner] of value.matchAll(VARIABLE)) {
		const variable = readVariable(inner!);
		if (!variable || variable.fallback !== undefined) continue;
		const found = contextValue(context, variable.key);
		if (typeof found !== 'string' || found === '') out.push(variable.key);
	}
	return out;
}

const hasNullVariable = (value: string, context: ContextValues): boolean =>
	variablesWithNoValue(value, context).length > 0;

/** Documents with a negated condition value that holds a variable (the only ones to rewrite). */
const negatedVariables = new WeakMap<PolicyDocument, boolean>();
function hasNegatedVariables(doc: PolicyDocument): boolean {
	let has = negatedVariables.get(doc);
	if (has === undefined) {
		has = statementsOf(doc).some((st) =>
			Object.entries(st.Condition ?? {}).some(
				([op, keys]) =>
					NEGATED.test(op) &&
					Object.values(keys).some((v) => [v].flat().some((x) => String(x).includes('${')))
			)
		);
		negatedVariables.set(doc, has);
	}
	return has;
}

function withNullVariables(doc: PolicyDocument, context: ContextValues): PolicyDocument {
	if (!hasNegatedVariables(doc)) return doc;
	let changed = false;
	const statements = statementsOf(doc).map((st) => {
		if (!st.Condition) return st;
		const condition = Object.fromEntries(
			Object.entries(st.Condition).map(([op, keys]) => {
				if (!NEGATED.test(op)) return [op, keys];
				const standIn = /Arn/i.test(op) ? NO_VALUE_ARN : NO_VALUE;
				return [
					op,
					Object.fromEntries(
						Object.entries(keys).map(([key, v]) => {
							const values = [v].flat().map(String);
							if (!values.some((x) => hasNullVariable(x, context))) return [key, v];
							changed = true;
							return [key, values.map((x) => (hasNullVariable(x, context) ? standIn : x))];
						})
					)
				];
			})
		);
		return { ...st, Condition: condition };
	});
	return changed ? { ...doc, Statement: statements } : doc;
}

/**
 * Policy variables in Resource, NotResource and ARN condition values, resolved here rather than by
 * the library, which splits an ARN into its segments before it substitutes variables: a variable
 * whose name holds a colon (`${aws:PrincipalTag/project}`) placed before the resource part's first
 * "/" (an SNS topic, an SQS queue) or in the account segment of an ArnLike value then never
 * matched. IAM "Variables and tags": variables may be used "in the Resource element and in string
 * comparisons in the Condition element", ARN operators included; a value replaces the variable as
 * literal text (written `${*}`, `${?}`, `${$}` here so that it stays literal); a default
 * (`${key, 'default'}`) stands in for a missing key. A variable with no value is left for the rules
 * of "Policy variables with no value": "If a variable that has no value in the authorization
 * context is used as part of the Resource or NotResource element of a policy, the resource that
 * includes a policy variable with no value will not match any resource." So a Resource entry with
 * one matches nothing (as the library has it), and a NotResource entry with one is taken out: it
 * excludes nothing, and a NotResource left empty leaves the statement on every resource.
 */
const ARN_OPERATOR = /^(ForAnyValue:|ForAllValues:)?Arn(Not)?(Equals|Like)(IfExists)?$/i;
const asLiteral = (v: string): string => v.replace(/[*?$]/g, (c) => `\${${c}}`);

/** The value with every variable that has a value (or a default) replaced; null when one has none. */
function resolveVariables(value: string, context: ContextValues): string | null {
	let unresolved = false;
	const out = value.replace(VARIABLE, (whole, inner: string) => {
		const variable = readVariable(inner);
		if (!variable) return whole;
		const found = contextValue(context, variable.key);
		if (typeof found === 'string' && found !== '') return asLiteral(found);
		if (variable.fallback !== undefined) return asLiteral(variable.fallback);
		unresolved = true;
		return whole;
	});
	return unresolved ? null : out;
}

const hasVariable = (v: unknown): boolean =>
	[v].flat().some((x) => typeof x === 'string' && /\$\{(?![*?$]\})/.test(x));
const elementVariables = new WeakMap<PolicyDocument, boolean>();
function hasElementVariables(doc: PolicyDocument): boolean {
	let has = elementVariables.get(doc);
	if (has === undefined) {
		has = statementsOf(doc).some(
			(st) =>
				hasVariable(st.Resource) ||
				hasVariable(st.NotResource) ||
				Object.entries(st.Condition ?? {}).some(
					([op, keys]) => ARN_OPERATOR.test(op) && Object.values(keys).some(hasVariable)
				)
		);
		elementVariables.set(doc, has);
	}
	return has;
}

function withResolvedVariables(doc: PolicyDocument, context: ContextValues): PolicyDocument {
	if (!hasElementVariables(doc)) return doc;
	const resolveAll = (v: string | string[]) =>
		[v].flat().map((x) => resolveVariables(x, context) ?? x);
	const statements = statementsOf(doc).map((st) => {
		const out: PolicyStatement = { ...st };
		if (st.Resource !== undefined) out.Resource = resolveAll(st.Resource);
		if (st.NotResource !== undefined) {
			const kept = [st.NotResource]
				.flat()
				.map((x) => resolveVariables(x, context))
				.filter((x): x is string => x !== null);
			if (kept.length > 0) out.NotResource = kept;
			else {
				delete out.NotResource;
				out.Resource = '*';
			}
		}
		if (st.Condition)
			out.Condition = Object.fromEntries(
				Object.entries(st.Condition).map(([op, keys]) => [
					op,
					ARN_OPERATOR.test(op)
						? Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, resolveAll(v)]))
						: keys
				])
			);
		return out;
	});
	return { ...doc, Statement: statements };
}

/**
 * For an action with no resource type (ec2:DescribeInstances, kms:ListKeys, …) only a literal "*"
 * in Resource grants or denies it: "If there is no value for this column, you must specify all
 * resources ("*") to which the policy applies in the Resource element" (Service Authorization
 * Reference). The library has this rule (wildcardOnlyAction) only on its validating entry point,
 * so here a statement's other Resource entries are dropped, and a statement left with none cannot
 * match. (NotResource statements are left as they are.)
 */
export function withWildcardOnlyResources(doc: PolicyDocument): PolicyDocument {
	const statements = statementsOf(doc).flatMap((st) => {
		if (st.Resource === undefined) return [st];
		const kept = [st.Resource].flat().filter((r) => r === '*');
		return kept.length ? [{ ...st, Resource: kept.length === 1 ? kept[0] : kept }] : [];
	});
	return { ...doc, Statement: statements };
}

/** What a document means for this request: variables resolved and the no-value rules applied. */
const forRequest = (doc: PolicyDocument, context: ContextValues): PolicyDocument =>
	withResolvedVariables(withNullVariables(doc, context), context);

export function evaluate(request: EvaluationRequest): Decision {
	const simulation: Simulation = {
		request: {
			principal: request.principal ?? anonymousPrincipal,
			action: request.action,
			resource: { resource: request.resource, accountId: request.resourceAccount },
			contextVariables: request.context
		},
		identityPolicies: request.identityPolicies.map((p) => ({
			name: p.name,
			policy: forRequest(
				request.wildcardOnlyAction
					? withWildcardOnlyResources(asEvaluated(p.document))
					: asEvaluated(p.document),
				request.context
			)
		})),
		serviceControlPolicies: [],
		resourceControlPolicies: [],
		...(request.resourcePolicy
			? {
					resourcePolicy: validated(request.resourcePolicy, request.principal, request.context)
				}
			: {})
	};
	return runUnsafeSimulation(simulation, {});
}

const asAllow = (s: PolicyStatement): PolicyStatement => ({ ...s, Effect: 'Allow' });
const single = (name: string, statement: PolicyStatement): NamedPolicy => ({
	name,
	origin: 'authored',
	document: { Version: '2012-10-17', Statement: [statement] } satisfies PolicyDocument
});

/**
 * Does this one statement match the request (principal, action, resource and conditions),
 * whatever its effect? For resource-policy statements the identity side is stood in by an
 * allow-all policy, so the statement alone decides.
 */
export function statementMatches(
	placement: 'identity' | 'resource',
	statement: PolicyStatement,
	request: Omit<EvaluationRequest, 'identityPolicies' | 'resourcePolicy'>
): boolean {
	const policy = single('statement', asAllow(statement));
	// Whether an identity statement covers the request is a question about that statement alone; the
	// cross-account rule (a resource policy is needed too) is a separate step of the decision.
	const principalAccount = request.principal?.split(':')[4];
	const decision =
		placement === 'identity'
			? evaluate({
					...request,
					resourceAccount: principalAccount || request.resourceAccount,
					identityPolicies: [policy]
				})
			: evaluate({ ...request, identityPolicies: [ALLOW_ALL], resourcePolicy: policy });
	return decision === 'Allowed';
}

/** Whether one condition (operator, key, values) holds for the context, by IAM's rules (sts-facts §5). */
export function conditionHolds(
	operator: string,
	key: string,
	values: string | string[],
	context: ContextValues
): boolean {
	const probe = single('condition', {
		Effect: 'Allow',
		Action: '*',
		Resource: '*',
		Condition: { [operator]: { [key]: values } }
	});
	return (
		evaluate({
			principal: 'arn:aws:iam::000000000000:user/probe',
			// Any action handled by the default authoriser; sts:GetCallerIdentity would be allowed regardless (§9).
			action: 'ec2:DescribeInstances',
			resource: '*',
			resourceAccount: '000000000000',
			context,
			identityPolicies: [probe]
		}) === 'Allowed'
	);
}
