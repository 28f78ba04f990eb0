/**
 * Learner-facing explanations: why a call succeeded or failed, which policy statements decided,
 * and which condition did not hold with what the request actually carried. Statement analysis asks
 * the evaluation library about one statement (or one condition) at a time, so the explanation
 * always agrees with the decision.
 */
import {
	conditionHolds,
	contextValue,
	statementMatches,
	variablesWithNoValue,
	withVariablesOf,
	type ContextValues,
	type EvaluationRequest
} from './policy-evaluation';
import { providerClaimOfKey } from './identity-tokens';
import { statementsOf, type PolicyStatement } from './policy-model';
import type { NamedPolicy } from './world';
import type { ConditionVerdict, StatementVerdict } from './explanation';

/** Where a condition key's value comes from, so a learner knows what to change. */
function keyHint(key: string): string {
	const k = key.toLowerCase();
	if (k === 'sts:externalid') return 'the ExternalId parameter';
	if (k === 'aws:multifactorauthpresent' || k === 'aws:multifactorauthage')
		return 'MFA (SerialNumber and TokenCode, or GetSessionToken credentials obtained with MFA)';
	if (k === 'sts:rolesessionname') return 'RoleSessionName';
	if (k === 'sts:sourceidentity') return 'SourceIdentity';
	if (k === 'aws:tokenissuetime')
		return 'temporary credentials (long-term keys have no token issue time)';
	if (k === 'saml:aud') return "the assertion's Recipient";
	if (k.startsWith('aws:requesttag/') || k === 'aws:tagkeys') return 'the Tags parameter';
	if (k.startsWith('aws:principaltag/')) return 'tags on the principal or session';
	if (k.startsWith('aws:resourcetag/') || k.startsWith('iam:resourcetag/'))
		return 'tags on the requested resource (for AssumeRole*, the role being assumed)';
	if (k === 'aws:requestedregion') return 'the Region of the endpoint called';
	const providerClaim = providerClaimOfKey(k);
	if (providerClaim)
		return `the token's ${providerClaim} claim, a key of the trust policy only ("Available in session: No": a session never carries it)`;
	const claim = /:(aud|sub|amr|azp|oaud|app_id|id|user_id)$/.exec(k);
	if (claim) return `the token's ${claim[1]} claim`;
	return 'the request';
}

const show = (v: string | string[]) =>
	Array.isArray(v) ? `[${v.map((x) => `"${x}"`).join(', ')}]` : `"${v}"`;
const list = (v: string | string[] | undefined) =>
	v === undefined ? [] : Array.isArray(v) ? v : [v];

/** Keys the caller sets through a request parameter: the learner "sent" these values. */
const SENT_KEYS = new Set([
	'sts:externalid',
	'sts:rolesessionname',
	'sts:sourceidentity',
	'sts:transitivetagkeys',
	'aws:tagkeys'
]);

export function describeCondition(c: ConditionVerdict): string {
	const text = describeConditionOutcome(c);
	if (!c.noValue?.length) return text;
	// IAM "Policy variables with no value" (sts-facts §5): said beside the outcome, which the other
	// values or an absent key may have decided.
	const vars = c.noValue.map((v) => `\${${v}}`).join(', ');
	return `${text} (${vars} has no value in this request: ${
		INVERTED.test(c.operator)
			? 'an inverted operator counts it as unequal to any value'
			: 'that value matches nothing'
	})`;
}

const INVERTED = /^(ForAnyValue:|ForAllValues:)?(StringNot|ArnNot)/i;

function describeConditionOutcome(c: ConditionVerdict): string {
	const rule = `${c.operator} ${c.key} ${show(c.expected.length === 1 ? c.expected[0] : c.expected)}`;
	if (c.holds) return `${rule} held`;
	if (c.actual === undefined)
		return `${rule} did not hold: the request had no ${c.key} (it comes from ${keyHint(c.key)})`;
	const sent =
		SENT_KEYS.has(c.key.toLowerCase()) || c.key.toLowerCase().startsWith('aws:requesttag/');
	// IAM "Condition operators", String: StringEquals is "Exact matching, case sensitive".
	const differsInCaseOnly =
		/^String(Equals|Like)(IfExists)?$/.test(c.operator) &&
		list(c.actual).some((a) =>
			c.expected.some((e) => e !== a && e.toLowerCase() === a.toLowerCase())
		);
	return `${rule} did not hold: ${sent ? 'you sent' : 'the request had'} ${show(c.actual)}${differsInCaseOnly ? `, which differs only in case: ${c.operator} compares case-sensitively (StringEqualsIgnoreCase would not)` : ''}`;
}

function summarise(s: PolicyStatement): string {
	const principal =
		s.Principal === undefined
			? ''
			: ` for ${s.Principal === '*' ? '*' : Object.values(s.Principal).flat().join(', ')}`;
	const action = list(s.Action ?? s.NotAction).join(', ');
	return `${s.Effect} ${s.NotAction ? 'all but ' : ''}${action}${principal}`;
}

/** Analyses every statement of the given policies against one request. */
export function analyseStatements(
	placement: StatementVerdict['placement'],
	policies: readonly NamedPolicy[],
	request: Omit<EvaluationRequest, 'identityPolicies' | 'resourcePolicy'>
): StatementVerdict[] {
	const where = placement === 'trust' ? 'resource' : 'identity';
	return policies.flatMap((policy) =>
		statementsOf(policy.document).map((s, index): StatementVerdict => {
			// Matching uses the statement as its policy's Version reads it (variables only in 2012-10-17).
			const e = withVariablesOf(s, policy.document.Version);
			const label = `${policy.name} statement ${index + 1}${s.Sid ? ` (${s.Sid})` : ''}`;
			const base = {
				policy: policy.name,
				placement,
				index,
				...(s.Sid ? { sid: s.Sid } : {}),
				effect: s.Effect
			};
			if (statementMatches(where, e, request)) {
				const conditions = conditionVerdicts(s, e, request.context);
				return {
					...base,
					matches: true,
					conditions,
					text: `${label} applies: ${summarise(s)}${conditions.length ? `, and ${conditions.map(describeCondition).join('; ')}` : ''}`
				};
			}
			const withoutConditions = stripUndefined({ ...e, Condition: undefined });
			if (s.Condition && statementMatches(where, withoutConditions, request)) {
				const conditions = conditionVerdicts(s, e, request.context);
				const failed = conditions.filter((c) => !c.holds);
				return {
					...base,
					matches: false,
					mismatch: 'conditions',
					conditions,
					text: `${label} (${summarise(s)}) matches the ${placement === 'trust' ? 'principal and action' : 'action and resource'}, but its condition ${failed.map(describeCondition).join('; ')}`
				};
			}
			const mismatch = elementMismatch(where, e, request);
			const what =
				mismatch === 'principal'
					? 'does not name this principal'
					: mismatch === 'action'
						? `does not cover ${request.action}`
						: `does not cover resource ${request.resource}`;
			return {
				...base,
				matches: false,
				mismatch,
				conditions: [],
				text: `${label} (${summarise(s)}) ${what}`
			};
		})
	);
}

/** Verdicts on a statement's conditions: shown as written, decided as evaluated (see withVariablesOf). */
function conditionVerdicts(
	s: PolicyStatement,
	evaluated: PolicyStatement,
	context: ContextValues
): ConditionVerdict[] {
	const out: ConditionVerdict[] = [];
	for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
		for (const [key, values] of Object.entries(keys)) {
			// From the values as evaluated: in a 2008-10-17 policy a variable is literal text.
			const evaluatedValues = evaluated.Condition?.[operator]?.[key] ?? values;
			const noValue = [
				...new Set(list(evaluatedValues).flatMap((v) => variablesWithNoValue(v, context)))
			];
			out.push({
				operator,
				key,
				expected: list(values),
				actual: contextValue(context, key),
				...(noValue.length ? { noValue } : {}),
				holds: conditionHolds(
					operator,
					key,
					evaluated.Condition?.[operator]?.[key] ?? values,
					context
				)
			});
		}
	}
	return out;
}

function elementMismatch(
	where: 'identity' | 'resource',
	s: PolicyStatement,
	request: Omit<EvaluationRequest, 'identityPolicies' | 'resourcePolicy'>
): 'principal' | 'action' | 'resource' {
	const bare: PolicyStatement = { Effect: s.Effect };
	if (where === 'resource') {
		const principalOnly: PolicyStatement = {
			...bare,
			Principal: s.Principal,
			NotPrincipal: s.NotPrincipal,
			Action: '*'
		};
		if (!statementMatches('resource', stripUndefined(principalOnly), request)) return 'principal';
		return 'action';
	}
	const actionOnly: PolicyStatement = {
		...bare,
		Action: s.Action,
		NotAction: s.NotAction,
		Resource: '*'
	};
	return statementMatches('identity', stripUndefined(actionOnly), request) ? 'resource' : 'action';
}

function stripUndefined(s: PolicyStatement): PolicyStatement {
	return Object.fromEntries(
		Object.entries(s).filter(([, v]) => v !== undefined)
	) as unknown as PolicyStatement;
}

/** The statements that decided: matching denies if any, otherwise matching allows. */
export function decisiveStatements(verdicts: readonly StatementVerdict[]): StatementVerdict[] {
	const denies = verdicts.filter((v) => v.matches && v.effect === 'Deny');
	return denies.length ? denies : verdicts.filter((v) => v.matches && v.effect === 'Allow');
}
