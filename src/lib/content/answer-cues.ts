/**
 * Test-wiseness cues in a question bank: patterns that let a candidate pick the right answer
 * without knowing the subject. The best known is length: item writers tend to make the correct
 * option the longest and most qualified one (Haladyna, Downing & Rodriguez, "A Review of
 * Multiple-Choice Item-Writing Guidelines", 2002: "keep the length of choices about equal").
 * A bank where the longest option is usually right teaches the cue instead of STS.
 */

export interface CueOption {
	html: string;
	correct: boolean;
}

export interface CueQuestion {
	id: string;
	type: 'single' | 'multiple';
	options: CueOption[];
}

/** What a learner reads: the option's text without markup, whitespace collapsed. */
export function optionText(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&(?:#\d+|#x[\da-f]+|[a-z]+);/gi, 'x')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * True when the correct options are exactly the longest ones: for a single answer, the right
 * option is longer than every other; for "choose N", the N right options are all longer than
 * every wrong one. Ties do not count as a cue (the longest does not stand out).
 */
export function longestIsCorrect(q: CueQuestion): boolean {
	const lengths = q.options.map((o) => optionText(o.html).length);
	const right = lengths.filter((_, i) => q.options[i].correct);
	const wrong = lengths.filter((_, i) => !q.options[i].correct);
	if (right.length === 0 || wrong.length === 0) return false;
	return Math.min(...right) > Math.max(...wrong);
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

/** How often the longest options are the right ones, against chance, for one kind of question. */
export function lengthCue(questions: readonly CueQuestion[]): LengthCueReport {
	const cued = questions.filter(longestIsCorrect).map((q) => q.id);
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
