import { packLessonHref } from '$lib/content/pack-lesson-address';
import { packScenarioHref } from '$lib/content/pack-scenario-address';
import { sourceTitle } from '$lib/content/source-title';
import type { QuizQuestion } from '$lib/content/question-loader';

/** Everything the quiz pages need to show questions and link to lessons and scenarios. */
export interface QuestionBank {
	questions: QuizQuestion[];
	topics: { id: string; title: string }[];
	/** Lesson titles by slug. */
	lessons: Record<string, string>;
	/**
	 * How the bundled questions' `slug#anchor` lesson references read ("Lesson › Section"), from
	 * the titles the build gave them; a reference not in it reads as its lesson's title.
	 */
	lessonRefTitles?: Record<string, string>;
	/** Scenario titles by id. */
	scenarios: Record<string, string>;
	byId: Map<string, QuizQuestion>;
	/** Name of the pack a question came from, by pack id. */
	packNames: Record<string, string>;
	/** Titles of the packs' own lessons, by pack id then slug (read on /lessons/pack). */
	packLessons: Record<string, Record<string, string>>;
	/** Titles of the packs' own scenarios, by pack id then id (played on /simulator/pack). */
	packScenarios: Record<string, Record<string, string>>;
}

/**
 * What a quiz setup form shows before the bank has loaded, prerendered into the page so the form
 * is there at first paint: the topics and each bundled question's topic (for the counts).
 * Installed packs come with the bank. A QuestionBank is a BankOutline too.
 */
export interface BankOutline {
	topics: { id: string; title: string }[];
	questions: { topic: string; packId?: string }[];
	packNames: Record<string, string>;
}

/** The outline of the bundled content (build time). */
export function outlineOf(content: {
	topics: { id: string; title: string }[];
	questions: { topic: string }[];
}): BankOutline {
	return {
		topics: content.topics.map((t) => ({ id: t.id, title: t.title })),
		questions: content.questions.map((q) => ({ topic: q.topic })),
		packNames: {}
	};
}

/** Where the bundled bank is served (fetched once a quiz page has hydrated: its form is prerendered). */
export const QUESTION_BANK_URL = '/quiz/questions.json';

let pending: Promise<QuestionBank> | undefined;

/** A pack's questions for the quiz, with the titles of its own lessons by slug. */
export interface PackQuestions {
	packId: string;
	name: string;
	questions: QuizQuestion[];
	lessons?: Record<string, string>;
	/** The pack's own scenarios' titles, by id, which its questions may link to. */
	scenarios?: Record<string, string>;
}

/** Extra questions from imported packs; set by the packs feature. */
export type PackQuestionSource = () => Promise<PackQuestions[]>;

/**
 * The installed packs (IndexedDB), loaded only when a quiz page needs the bank, and only when
 * there are any: without packs the pack library (schemas, Markdown) and the progress layer stay
 * unloaded.
 */
const installedPacks: PackQuestionSource = async () => {
	const { progress } = await import('./progress.svelte');
	if (!(await progress.mayHavePacks())) return [];
	return (await import('./pack-library')).loadInstalledPackQuestions();
};

let packSource: PackQuestionSource = installedPacks;

export function setPackQuestionSource(source: PackQuestionSource): void {
	packSource = source;
	pending = undefined;
}

/** Forgets the loaded bank, so the next quiz page reads the installed packs again. */
export function invalidateQuestionBank(): void {
	pending = undefined;
}

/**
 * The bundled questions followed by the packs' questions. A pack question whose id is already
 * taken (by the app or an earlier pack) is left out: ids key the learner's progress. A question
 * keeps its links to the app's lessons and scenarios and to its own pack's lessons and scenarios
 * (read on /lessons/pack, played on /simulator/pack): see scenarioLink. Its
 * sources take the titles the app's own questions give the same pages (which the build took from
 * the lessons and aws-doc-titles.ts), else a title made from the address.
 */
export function mergePackQuestions(
	bundled: QuizQuestion[],
	packs: PackQuestions[],
	pages: { lessons: Record<string, string>; scenarios: Record<string, string> } = {
		lessons: {},
		scenarios: {}
	}
): {
	questions: QuizQuestion[];
	packNames: Record<string, string>;
	packLessons: Record<string, Record<string, string>>;
	packScenarios: Record<string, Record<string, string>>;
} {
	const seen = new Set(bundled.map((q) => q.id));
	const questions = [...bundled];
	const known = new Map<string, string>();
	for (const q of bundled)
		q.sources.forEach((url, i) => {
			const title = q.sourceTitles?.[i];
			if (title && !known.has(url)) known.set(url, title);
		});
	for (const pack of packs)
		for (const q of pack.questions) {
			if (seen.has(q.id)) continue;
			seen.add(q.id);
			const { lessons, scenario, ...rest } = q;
			const shown = lessons?.filter((ref) => {
				const slug = ref.split('#')[0];
				return slug in pages.lessons || Object.hasOwn(pack.lessons ?? {}, slug);
			});
			questions.push({
				...rest,
				sourceTitles: q.sources.map((url) => sourceTitle(url, known)),
				...(shown?.length ? { lessons: shown } : {}),
				...(scenario &&
				(scenario in pages.scenarios || Object.hasOwn(pack.scenarios ?? {}, scenario))
					? { scenario }
					: {}),
				packId: pack.packId
			});
		}
	return {
		questions,
		packNames: Object.fromEntries(packs.map((p) => [p.packId, p.name])),
		packLessons: Object.fromEntries(packs.map((p) => [p.packId, p.lessons ?? {}])),
		packScenarios: Object.fromEntries(packs.map((p) => [p.packId, p.scenarios ?? {}]))
	};
}

/** Loads the bundled bank (precached for offline use) plus imported packs, once per page load. */
export function loadQuestionBank(fetcher: typeof fetch = fetch): Promise<QuestionBank> {
	pending ??= (async () => {
		const res = await fetcher(QUESTION_BANK_URL);
		if (!res.ok) throw new Error(`question bank: HTTP ${res.status}`);
		const data = (await res.json()) as Omit<QuestionBank, 'byId' | 'packNames' | 'packLessons'>;
		const packs = await packSource().catch(() => []);
		const { questions, packNames, packLessons, packScenarios } = mergePackQuestions(
			data.questions,
			packs,
			data
		);
		return {
			...data,
			lessonRefTitles: lessonRefTitles(data.questions),
			questions,
			byId: new Map(questions.map((q) => [q.id, q])),
			packNames,
			packLessons,
			packScenarios
		};
	})();
	pending.catch(() => (pending = undefined));
	return pending;
}

/** The titles the build gave the bundled questions' section references, by reference. */
export function lessonRefTitles(questions: readonly QuizQuestion[]): Record<string, string> {
	const titles: Record<string, string> = {};
	for (const q of questions)
		q.lessons?.forEach((ref, i) => {
			const title = q.lessonTitles?.[i];
			if (title && ref.includes('#')) titles[ref] = title;
		});
	return titles;
}

/**
 * Where a question's lesson reference (`slug` or `slug#anchor`) is read, and its title: the app's
 * lesson page, or for a pack question linking its own pack's lesson, the pack lesson page.
 */
/**
 * Where a question's "See it happen" link leads: one of the app's scenarios, else (for a pack
 * question) one of its own pack's scenarios; undefined when it has none the app can play.
 */
export function scenarioLink(
	bank: Pick<QuestionBank, 'scenarios' | 'packScenarios'>,
	question: Pick<QuizQuestion, 'scenario' | 'packId'>
): { href: string; title: string } | undefined {
	const id = question.scenario;
	if (!id) return undefined;
	if (Object.hasOwn(bank.scenarios, id))
		return { href: `/simulator/${id}`, title: bank.scenarios[id]! };
	const own = question.packId ? bank.packScenarios?.[question.packId] : undefined;
	if (question.packId && own && Object.hasOwn(own, id))
		return { href: packScenarioHref({ packId: question.packId, scenarioId: id }), title: own[id]! };
	return undefined;
}

export function lessonLink(
	bank: Pick<QuestionBank, 'lessons' | 'packLessons' | 'lessonRefTitles'>,
	ref: string,
	packId?: string
): { href: string; title: string } {
	const [slug, section] = ref.split('#');
	if (Object.hasOwn(bank.lessons, slug))
		return {
			href: `/lessons/${ref}`,
			title:
				(bank.lessonRefTitles && Object.hasOwn(bank.lessonRefTitles, ref)
					? bank.lessonRefTitles[ref]
					: undefined) ?? bank.lessons[slug]
		};
	const packLessons = packId ? bank.packLessons[packId] : undefined;
	if (packId && packLessons && Object.hasOwn(packLessons, slug))
		return {
			href: packLessonHref({ packId, slug, ...(section ? { section } : {}) }),
			title: packLessons[slug]
		};
	return { href: `/lessons/${ref}`, title: ref };
}
