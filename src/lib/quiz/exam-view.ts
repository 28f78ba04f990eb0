import type { ExamContext } from './exam-context';
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

/** Review-screen lists for an exam context. */
export function examReviewLists(
	context: Pick<ExamContext, 'questions' | 'answers' | 'flags'>
): ExamReviewLists {
	const lists: ExamReviewLists = { answered: [], unanswered: [], incomplete: [], flagged: [] };
	context.questions.forEach((q, i) => {
		const chosen = context.answers[i] ?? [];
		if (validateSelection(q, chosen).valid) lists.answered.push(i);
		else {
			lists.unanswered.push(i);
			if (chosen.length > 0) lists.incomplete.push(i);
		}
		if (context.flags[i]) lists.flagged.push(i);
	});
	return lists;
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
 * The results' sentence on questions left unanswered (incomplete ones included): wrong in the
 * exam's score, yet no answer is recorded for them, so progress and reviews never see them.
 * Empty when every question was answered.
 */
export function unansweredExamNote(unanswered: number): string {
	if (unanswered <= 0) return '';
	const one = unanswered === 1;
	return (
		`${one ? 'The question' : `The ${unanswered} questions`} left unanswered ` +
		`count${one ? 's' : ''} as wrong in this score. ${one ? 'It is' : 'They are'} not recorded as ` +
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
