import type { PracticeContext, PracticeSummary } from './practice-context';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Questions of a session not yet answered or skipped (the current one included, unless it has
 * just been answered): what ending the session now would leave out.
 */
export function questionsLeft(context: Pick<PracticeContext, 'questions' | 'outcomes'>): number {
	return Math.max(0, context.questions.length - context.outcomes.length);
}

/**
 * The summary's sentence: answered and right, then what was skipped and what was left when the
 * learner ended the session early, so that the numbers add up to the session's length.
 */
export function practiceSummaryText(s: PracticeSummary): string {
	const left = Math.max(0, s.total - s.answered - s.skipped);
	const parts = [
		`You answered ${s.answered} of ${count(s.total, 'question')} and got ${s.correct} right.`
	];
	if (s.skipped > 0 && left > 0)
		parts.push(
			`You skipped ${count(s.skipped, 'question')} and ended the session with ${left} left.`
		);
	else if (s.skipped > 0) parts.push(`You skipped ${count(s.skipped, 'question')}.`);
	else if (left > 0) parts.push(`You ended the session with ${count(left, 'question')} left.`);
	return parts.join(' ');
}
