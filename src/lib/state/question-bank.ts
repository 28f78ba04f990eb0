import type { QuizQuestion } from '$lib/content/question-loader';

/** Everything the quiz pages need to show questions and link to lessons and scenarios. */
export interface QuestionBank {
	questions: QuizQuestion[];
	topics: { id: string; title: string }[];
	/** Lesson titles by slug. */
	lessons: Record<string, string>;
	/** Scenario titles by id. */
	scenarios: Record<string, string>;
	byId: Map<string, QuizQuestion>;
	/** Name of the pack a question came from, by pack id. */
	packNames: Record<string, string>;
}

/** Where the bundled bank is served; quiz pages also preload it from their <head>. */
export const QUESTION_BANK_URL = '/quiz/questions.json';

let pending: Promise<QuestionBank> | undefined;

/** Extra questions from imported packs; set by the packs feature. */
export type PackQuestionSource = () => Promise<
	{ packId: string; name: string; questions: QuizQuestion[] }[]
>;
let packSource: PackQuestionSource = async () => [];

export function setPackQuestionSource(source: PackQuestionSource): void {
	packSource = source;
	pending = undefined;
}

/** Loads the bundled bank (precached for offline use) plus imported packs, once per page load. */
export function loadQuestionBank(fetcher: typeof fetch = fetch): Promise<QuestionBank> {
	pending ??= (async () => {
		const res = await fetcher(QUESTION_BANK_URL);
		if (!res.ok) throw new Error(`question bank: HTTP ${res.status}`);
		const data = (await res.json()) as Omit<QuestionBank, 'byId' | 'packNames'>;
		const packs = await packSource().catch(() => []);
		const questions = [...data.questions, ...packs.flatMap((p) => p.questions)];
		return {
			...data,
			questions,
			byId: new Map(questions.map((q) => [q.id, q])),
			packNames: Object.fromEntries(packs.map((p) => [p.packId, p.name]))
		};
	})();
	pending.catch(() => (pending = undefined));
	return pending;
}
