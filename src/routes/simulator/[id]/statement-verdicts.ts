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
