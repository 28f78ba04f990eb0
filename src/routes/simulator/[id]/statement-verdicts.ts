/**
 * The label of each statement in "Policy statements evaluated": which statements decided the
 * outcome. A matching Deny decides a denial; when nothing denies explicitly, a request is allowed
 * only if every policy layer allows it (sts-facts §7), so on a denied request a matching Allow did
 * not decide anything: another layer (a session policy, the trust policy) had no Allow.
 */
import type { StatementVerdict } from '$lib/sts';

export type VerdictTone = 'allow' | 'deny' | 'neutral';
export interface VerdictLabel {
	label: string;
	tone: VerdictTone;
}

const MISMATCH: Record<NonNullable<StatementVerdict['mismatch']>, string> = {
	principal: 'principal',
	action: 'action',
	resource: 'resource',
	conditions: 'condition'
};

/**
 * One label per statement, in order. `denied`: the request was refused (an AccessDenied or a
 * denied service action); undefined or false labels matching allows as deciding when no Deny
 * matched, as for an allowed request.
 */
export function statementVerdicts(
	statements: readonly StatementVerdict[],
	denied = false
): VerdictLabel[] {
	const matchingDeny = statements.some((s) => s.matches && s.effect === 'Deny');
	return statements.map((s) => {
		if (!s.matches)
			return {
				label: `Not applicable (${s.mismatch ? MISMATCH[s.mismatch] : 'no match'})`,
				tone: 'neutral'
			};
		if (s.effect === 'Deny') return { label: 'Deny: decides', tone: 'deny' };
		if (matchingDeny) return { label: 'Allow: applies, overruled', tone: 'neutral' };
		if (denied) return { label: 'Allow: matches (not enough on its own)', tone: 'neutral' };
		return { label: 'Allow: decides', tone: 'allow' };
	});
}

/** The parts of an explanation that "Why" shows before its list of statements. */
export interface WhyText {
	summary: string;
	details: readonly string[];
	statements: readonly Pick<StatementVerdict, 'text'>[];
}

/**
 * What "Why" shows, each statement's text once: a detail that only repeats a statement's text is
 * left out of the details, the statement shows it; a statement whose text is already quoted in
 * the summary or a longer detail ("The trust policy of X allows it: <statement>.", or a "• " bullet
 * under "…has no statement that allows it:") is marked `quoted`, and its entry refers to "Why"
 * instead of repeating it word for word (on a phone the two sit one under the other).
 */
export function whyView(explanation: WhyText): { details: string[]; quoted: boolean[] } {
	const texts = new Set(explanation.statements.map((s) => s.text));
	const details = explanation.details.filter((d) => !texts.has(d));
	const shown = [explanation.summary, ...details];
	return {
		details,
		quoted: explanation.statements.map((s) => shown.some((part) => part.includes(s.text)))
	};
}
