/**
 * The shape of a learner-facing explanation and its constructor: every STS operation and the
 * simulator build one, while only calls that evaluate policies need the statement analysis
 * (explain.ts, which pulls in the evaluation library).
 */

export interface ConditionVerdict {
	operator: string;
	key: string;
	expected: string[];
	/** What the request carried; undefined when the key was absent (sts-facts §5: then the condition is false). */
	actual: string | string[] | undefined;
	holds: boolean;
	/** Policy variables in its values with no value in the request (and no default), e.g. aws:username. */
	noValue?: string[];
}

export interface StatementVerdict {
	policy: string;
	placement: 'trust' | 'identity' | 'session';
	/** 0-based statement index within the policy. */
	index: number;
	sid?: string;
	effect: 'Allow' | 'Deny';
	matches: boolean;
	/** Why it does not apply: the first element that failed. */
	mismatch?: 'principal' | 'action' | 'resource' | 'conditions';
	conditions: ConditionVerdict[];
	text: string;
}

export interface Explanation {
	/** One or two sentences. */
	summary: string;
	/** Further points, in reading order. */
	details: string[];
	/** The statements that were evaluated (decisive ones flagged by `matches`). */
	statements: StatementVerdict[];
	/** sts-facts sections the rule comes from, e.g. "§2.2". */
	facts: string[];
}

export function explanation(
	summary: string,
	more: Partial<Omit<Explanation, 'summary'>> = {}
): Explanation {
	return {
		summary,
		details: more.details ?? [],
		statements: more.statements ?? [],
		facts: more.facts ?? []
	};
}
