/**
 * The part of a question the quiz domain needs. Both the authored `Question`
 * (`$lib/content/question-schema`) and the rendered `QuizQuestion` (`$lib/content/question-loader`)
 * satisfy {@link QuizItemSource}, so the quiz works with either.
 */

/** Anything question-shaped the quiz can select, shuffle and score. */
export interface QuizItemSource {
	id: string;
	topic: string;
	type: 'single' | 'multiple';
	/** Multiple only: how many options must be chosen ("Choose TWO"). */
	choose?: number;
	difficulty: 1 | 2 | 3;
	/** Authored order; an option's identity is its index here. */
	options: ReadonlyArray<{ correct: boolean }>;
	lessons?: readonly string[];
	scenario?: string;
	packId?: string;
}

/**
 * The compact, JSON-safe copy of a question a quiz machine keeps in its context (and so in a
 * persisted snapshot). The UI looks up text and HTML by `id` in the content bundle.
 */
export interface QuizItem {
	id: string;
	topic: string;
	type: 'single' | 'multiple';
	choose?: number;
	difficulty: 1 | 2 | 3;
	/** Correctness of each option, in authored order. */
	options: { correct: boolean }[];
	lessons?: string[];
	scenario?: string;
	packId?: string;
}

/** Strips a question to the fields the quiz keeps (drops text/HTML, copies arrays). */
export function toQuizItem(q: QuizItemSource): QuizItem {
	return {
		id: q.id,
		topic: q.topic,
		type: q.type,
		...(q.choose !== undefined ? { choose: q.choose } : {}),
		difficulty: q.difficulty,
		options: q.options.map((o) => ({ correct: o.correct })),
		...(q.lessons ? { lessons: [...q.lessons] } : {}),
		...(q.scenario ? { scenario: q.scenario } : {}),
		...(q.packId ? { packId: q.packId } : {})
	};
}

/** How many options the learner must select: 1 for single, `choose` for multiple. */
export function requiredSelections(q: Pick<QuizItemSource, 'type' | 'choose' | 'options'>): number {
	if (q.type === 'single') return 1;
	return q.choose ?? q.options.filter((o) => o.correct).length;
}

/** Authored indices of the correct options. */
export function correctIndices(q: Pick<QuizItemSource, 'options'>): number[] {
	const out: number[] = [];
	q.options.forEach((o, i) => {
		if (o.correct) out.push(i);
	});
	return out;
}
