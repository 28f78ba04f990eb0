/**
 * Test-wiseness cues in a question bank: patterns that let a candidate pick the right answer
 * without knowing the subject. The best known is length: item writers tend to make the correct
 * option the longest and most qualified one (Haladyna, Downing & Rodriguez, "A Review of
 * Multiple-Choice Item-Writing Guidelines", 2002: "keep the length of choices about equal").
 * A bank where the longest option is usually right teaches the cue instead of STS.
 */

import { htmlToPlainText } from './plain-text';

export interface CueOption {
	html: string;
	correct: boolean;
}

export interface CueQuestion {
	id: string;
	type: 'single' | 'multiple';
	options: CueOption[];
}

/** What a learner reads: the option's text without markup (plain-text.ts), whitespace collapsed. */
export const optionText = htmlToPlainText;

/**
 * True when the correct options are exactly the longest ones: for a single answer, the right
 * option is longer than every other; for "choose N", the N right options are all longer than
 * every wrong one. Ties do not count as a cue (the longest does not stand out).
 */
export function longestIsCorrect(q: CueQuestion): boolean {
	const split = rightAndWrongLengths(q);
	return split !== undefined && Math.min(...split.right) > Math.max(...split.wrong);
}

/** The mirror cue: the correct options are exactly the shortest ones. */
export function shortestIsCorrect(q: CueQuestion): boolean {
	const split = rightAndWrongLengths(q);
	return split !== undefined && Math.max(...split.right) < Math.min(...split.wrong);
}

/** The text lengths of the right and of the wrong options; undefined when either set is empty. */
function rightAndWrongLengths(q: CueQuestion): { right: number[]; wrong: number[] } | undefined {
	const lengths = q.options.map((o) => optionText(o.html).length);
	const right = lengths.filter((_, i) => q.options[i].correct);
	const wrong = lengths.filter((_, i) => !q.options[i].correct);
	return right.length && wrong.length ? { right, wrong } : undefined;
}

export interface LengthCueReport {
	questions: number;
	/** Questions whose correct options are exactly the longest ones. */
	cued: string[];
	/** cued / questions (0 when there are none). */
	share: number;
	/**
	 * The share a bank without the cue would show by chance: per question, the probability that
	 * a random choice of as many options as are right is the longest (1 / C(n, k)), averaged.
	 */
	chance: number;
}

function binomial(n: number, k: number): number {
	let r = 1;
	for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
	return r;
}

/**
 * How often the longest (or, with `which: 'shortest'`, the shortest) options are the right ones,
 * against chance, for one kind of question. A bank free of the cue sits near chance both ways: far
 * above it the cue points at the answer, far below it the answer is never there (also a cue).
 */
export function lengthCue(
	questions: readonly CueQuestion[],
	which: 'longest' | 'shortest' = 'longest'
): LengthCueReport {
	const cued = questions
		.filter(which === 'longest' ? longestIsCorrect : shortestIsCorrect)
		.map((q) => q.id);
	const chance =
		questions.length === 0
			? 0
			: questions.reduce(
					(sum, q) =>
						sum + 1 / binomial(q.options.length, q.options.filter((o) => o.correct).length),
					0
				) / questions.length;
	return {
		questions: questions.length,
		cued,
		share: questions.length === 0 ? 0 : cued.length / questions.length,
		chance
	};
}

/** How far from chance a share may be before it is worth a note (and fails the bundled bank's test). */
export const CUE_TOLERANCE = 0.15;

/**
 * Notes for authors, one per length that holds the right answer more often than chance (single- and multiple-answer questions, longest and
 * shortest), e.g. "the right option is the longest in 30 of 40 single-answer questions (chance 25 %)".
 */
export function lengthCueNotes(questions: readonly CueQuestion[]): string[] {
	const notes: string[] = [];
	for (const type of ['single', 'multiple'] as const)
		for (const which of ['longest', 'shortest'] as const) {
			const r = lengthCue(
				questions.filter((q) => q.type === type),
				which
			);
			// Above chance is the exploitable direction (below it, another length is over-represented).
			if (r.questions < 8 || r.share - r.chance <= CUE_TOLERANCE) continue;
			const what = type === 'single' ? 'option is' : 'options are';
			notes.push(
				`the right ${what} the ${which} in ${r.cued.length} of ${r.questions} ${type}-answer questions (chance ${Math.round(r.chance * 100)} %): a test-wise learner can guess by length. Even out the options' lengths, e.g. in ${r.cued.slice(0, 5).join(', ')}.`
			);
		}
	return notes;
}
