import type { TopicAggregate } from './aggregate-schema';
import type { CardRecord } from './record-schemas';

/** A card counts as "in long-term memory" from this FSRS stability (days) in Review state. */
export const STABLE_DAYS = 7;
/** ts-fsrs `State.Review`, as cards store it (kept here so that this module needs no ts-fsrs). */
export const REVIEW_STATE = 2;

/** A card in long-term memory: Review state and stability ≥ {@link STABLE_DAYS}. */
export function isStable(card: Pick<CardRecord, 'state' | 'stability'> | undefined): boolean {
	return card !== undefined && card.state === REVIEW_STATE && card.stability >= STABLE_DAYS;
}
/** Stable cards a topic needs (or all its questions, if fewer) for full retention credit. */
export const MASTERY_TARGET_CARDS = 15;

/** What the content layer knows about a topic; passed in so this folder never imports content. */
export interface TopicCatalogueEntry {
	topic: string;
	/** Questions available in the topic. */
	questionCount: number;
	/** Relative exam weight; 1 unless given. */
	weight?: number;
}
/** All topics the learner should know, for coverage, readiness and the study plan. */
export type TopicCatalogue = readonly TopicCatalogueEntry[];

/** Mastery band shown on the dashboard. */
export type MasteryLevel = 'not-started' | 'weak' | 'developing' | 'strong' | 'mastered';

/** Per-topic mastery with the inputs that produced it. */
export interface TopicMastery {
	topic: string;
	attempts: number;
	correct: number;
	/** Laplace-smoothed accuracy of the last ≤ 20 answers: (c + 1) / (n + 2); 0 with no answers. */
	recentAccuracy: number;
	recentCount: number;
	seenCards: number;
	stableCards: number;
	questionCount?: number;
	/** stable / max(seen, target): share of the topic held in long-term memory. */
	retention: number;
	/** 0.6 × recentAccuracy + 0.4 × retention, in [0, 1]. */
	mastery: number;
	level: MasteryLevel;
	lastAt?: number;
}

/** Smoothed recent accuracy of a topic, and how many answers it rests on. */
export function recentAccuracy(agg: TopicAggregate | undefined): { value: number; n: number } {
	const n = agg?.recent.length ?? 0;
	if (!agg || n === 0) return { value: 0, n: 0 };
	const c = agg.recent.filter((r) => r.correct).length;
	// Laplace smoothing: one lucky answer is 67 %, not 100 %; it fades as answers accrue.
	return { value: (c + 1) / (n + 2), n };
}

/**
 * Mastery of a topic, in [0, 1]:
 *
 *   mastery = 0.6 × A + 0.4 × S           (0 when the topic has no answers)
 *   A = (c + 1) / (n + 2)                 over the last ≤ 20 answers (can you answer now?)
 *   S = stable / max(seen, target)        (will you still know it on exam day?)
 *   target = min(15, questionCount)       stable = Review state and stability ≥ 7 days
 *
 * Accuracy weighs more because it is direct evidence; S keeps a topic from looking mastered
 * after one good streak of ten minutes. Levels: < 0.4 weak, < 0.7 developing,
 * < 0.85 strong, else mastered.
 */
export function topicMastery(
	agg: TopicAggregate | undefined,
	entry?: TopicCatalogueEntry,
	topic: string = agg?.topic ?? entry?.topic ?? ''
): TopicMastery {
	const a = recentAccuracy(agg);
	const seen = agg?.seenCards ?? 0;
	const stable = agg?.stableCards ?? 0;
	const target = Math.min(MASTERY_TARGET_CARDS, entry?.questionCount ?? MASTERY_TARGET_CARDS);
	const retention = Math.min(1, stable / Math.max(seen, target, 1));
	const mastery = a.n === 0 ? 0 : 0.6 * a.value + 0.4 * retention;
	return {
		topic,
		attempts: agg?.attempts ?? 0,
		correct: agg?.correct ?? 0,
		recentAccuracy: a.value,
		recentCount: a.n,
		seenCards: seen,
		stableCards: stable,
		...(entry ? { questionCount: entry.questionCount } : {}),
		retention,
		mastery,
		level: masteryLevel(a.n, mastery),
		...(agg ? { lastAt: agg.lastAt } : {})
	};
}

/** The band of a mastery value. */
export function masteryLevel(answers: number, mastery: number): MasteryLevel {
	if (answers === 0) return 'not-started';
	if (mastery < 0.4) return 'weak';
	if (mastery < 0.7) return 'developing';
	if (mastery < 0.85) return 'strong';
	return 'mastered';
}

/**
 * Mastery of every topic in the catalogue plus any topic answered but not in it (a pack's),
 * sorted weakest first so "what to study next" is the head of the list.
 */
export function allTopicMastery(
	aggregates: readonly TopicAggregate[],
	catalogue: TopicCatalogue = []
): TopicMastery[] {
	const byTopic = new Map(aggregates.map((a) => [a.topic, a]));
	const out = catalogue.map((e) => topicMastery(byTopic.get(e.topic), e, e.topic));
	const listed = new Set(catalogue.map((e) => e.topic));
	for (const agg of aggregates) if (!listed.has(agg.topic)) out.push(topicMastery(agg));
	return out.sort((x, y) => x.mastery - y.mastery || x.topic.localeCompare(y.topic));
}
