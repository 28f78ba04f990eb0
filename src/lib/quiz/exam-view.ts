import type { ExamContext } from './exam-context';
import type { ExamScore } from './exam-score';
import { validateSelection } from './score';

/** What the review screen lists (question indices, ascending). */
export interface ExamReviewLists {
	/** A complete selection (the number of options asked for). */
	answered: number[];
	/** No complete selection (includes `incomplete`). */
	unanswered: number[];
	/** Some options selected, but not the number asked for. */
	incomplete: number[];
	flagged: number[];
}

/**
 * What an exam question's selection is, as the review screen and the results both name it:
 * answered (the number of options asked for), incomplete (some options, but fewer or more than
 * asked for) or unanswered (none).
 */
export type ExamAnswerState = 'answered' | 'incomplete' | 'unanswered';

/** The state of a selection, given whether it is complete (`answered`) and what was chosen. */
export function examAnswerState(answered: boolean, chosen: readonly number[]): ExamAnswerState {
	if (answered) return 'answered';
	return chosen.length > 0 ? 'incomplete' : 'unanswered';
}

/** Review-screen lists for an exam context. */
export function examReviewLists(
	context: Pick<ExamContext, 'questions' | 'answers' | 'flags'>
): ExamReviewLists {
	const lists: ExamReviewLists = { answered: [], unanswered: [], incomplete: [], flagged: [] };
	context.questions.forEach((q, i) => {
		const chosen = context.answers[i] ?? [];
		const state = examAnswerState(validateSelection(q, chosen).valid, chosen);
		if (state === 'answered') lists.answered.push(i);
		else {
			lists.unanswered.push(i);
			if (state === 'incomplete') lists.incomplete.push(i);
		}
		if (context.flags[i]) lists.flagged.push(i);
	});
	return lists;
}

/** How many questions of a result were answered, incomplete and unanswered (the three add up). */
export interface ExamResultCounts {
	total: number;
	correct: number;
	answered: number;
	incomplete: number;
	unanswered: number;
}

/**
 * The result's counts in the review screen's categories. Read from each question's review (a
 * saved result from before these counts existed has the same fields).
 */
export function examResultCounts(
	result: Pick<ExamScore, 'total' | 'correct' | 'questions'>
): ExamResultCounts {
	const counts: ExamResultCounts = {
		total: result.total,
		correct: result.correct,
		answered: 0,
		incomplete: 0,
		unanswered: 0
	};
	for (const q of result.questions) counts[examAnswerState(q.answered, q.chosen)]++;
	return counts;
}

/**
 * The results' first sentence: "1 of 10 correct: 2 answered, 2 incomplete, 6 unanswered." The
 * categories are the review screen's; one with no question is left out.
 */
export function examResultSummary(counts: ExamResultCounts): string {
	const head = `${counts.correct} of ${counts.total} correct`;
	const parts = [`${counts.answered} answered`];
	if (counts.incomplete) parts.push(`${counts.incomplete} incomplete`);
	if (counts.unanswered) parts.push(`${counts.unanswered} unanswered`);
	return `${head}: ${parts.join(', ')}.`;
}

/**
 * What the results say of one question: right, wrong, left unanswered, or incomplete (some options
 * chosen but fewer or more than asked for, which scores as wrong like an unanswered one).
 */
export function examVerdict(review: {
	correct: boolean;
	answered: boolean;
	chosen: readonly number[];
	correctOptions: readonly number[];
}): string {
	if (review.correct) return '✓ Correct';
	if (review.answered) return '✗ Incorrect';
	if (review.chosen.length === 0) return '✗ Not answered';
	return `✗ Incomplete: ${review.chosen.length} of ${review.correctOptions.length} chosen`;
}

/**
 * The results' sentence on questions left incomplete or unanswered: wrong in the exam's score,
 * yet no answer is recorded for them, so progress and reviews never see them. Empty when every
 * question was answered.
 */
export function unansweredExamNote(
	counts: Pick<ExamResultCounts, 'incomplete' | 'unanswered'>
): string {
	const { incomplete, unanswered } = counts;
	const n = incomplete + unanswered;
	if (n <= 0) return '';
	const one = n === 1;
	const what =
		incomplete && unanswered
			? `The ${incomplete} incomplete question${incomplete === 1 ? '' : 's'} and the ${unanswered} left unanswered`
			: incomplete
				? one
					? 'The incomplete question'
					: `The ${n} incomplete questions`
				: one
					? 'The question left unanswered'
					: `The ${n} questions left unanswered`;
	return (
		`${what} count${one ? 's' : ''} as wrong in this score. ${one ? 'It is' : 'They are'} not recorded as ` +
		`${one ? 'an answer' : 'answers'}, so your progress and your review schedule leave ` +
		`${one ? 'it' : 'them'} out.`
	);
}

/** Remaining ms at `now` (never negative). Prefer this over `context.remainingMs` for a live display. */
export function examRemainingMs(context: Pick<ExamContext, 'deadline'>, now: number): number {
	return Math.max(0, context.deadline - now);
}

/** `m:ss` (or `h:mm:ss`) for a countdown; rounds up so 0:00 shows only when time is up. */
export function formatCountdown(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
