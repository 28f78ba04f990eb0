import { z } from 'zod';
import { isDayKey } from './day-calendar';
import {
	count,
	epochMs,
	questionDifficulty,
	recordId,
	schemaVersionField,
	topicSlug
} from './schema-primitives';

/** How many most recent answers per topic feed "recent accuracy" (and so mastery). */
export const RECENT_WINDOW = 20;

/**
 * Upper bounds (ms) of the answer-time histogram buckets: 1 s × 1.25^i. 32 buckets reach
 * ~17 min; the last bucket also takes anything slower. Geometric buckets keep the median
 * estimate within ±12 % at any speed, in a fixed 32-number row.
 */
export const TIME_BUCKET_COUNT = 32;

const recentAnswer = z.strictObject({ at: epochMs, id: recordId, correct: z.boolean() });

/** Counters of one topic, kept current by every answer. Key: `topic:<slug>`. */
export const topicAggregate = z.strictObject({
	key: z.string().startsWith('topic:'),
	kind: z.literal('topic'),
	schemaVersion: schemaVersionField,
	topic: topicSlug,
	attempts: count,
	correct: count,
	/** Last {@link RECENT_WINDOW} answers, oldest first, ordered by (at, id). */
	recent: z.array(recentAnswer).max(RECENT_WINDOW),
	lastAt: epochMs,
	/** Cards (distinct questions answered) in this topic. */
	seenCards: count,
	/** Cards in Review state with stability ≥ STABLE_DAYS: "in long-term memory". */
	stableCards: count
});
/** See {@link topicAggregate}. */
export type TopicAggregate = z.infer<typeof topicAggregate>;

/** Counters of one learner-local day. Key: `day:<YYYY-MM-DD>`. */
export const dayAggregate = z.strictObject({
	key: z.string().startsWith('day:'),
	kind: z.literal('day'),
	schemaVersion: schemaVersionField,
	day: z.string().refine(isDayKey, 'must be a YYYY-MM-DD day'),
	attempts: count,
	correct: count,
	/** Answers given from the due queue or a review session. */
	reviews: count,
	/** Sum of answer times. */
	studiedMs: count,
	lessonsStarted: count,
	lessonsCompleted: count
});
/** See {@link dayAggregate}. */
export type DayAggregate = z.infer<typeof dayAggregate>;

/** Histogram of correct-answer times for one authored difficulty. Key: `time:<1|2|3>`. */
export const timeAggregate = z.strictObject({
	key: z.string().startsWith('time:'),
	kind: z.literal('time'),
	schemaVersion: schemaVersionField,
	difficulty: questionDifficulty,
	count,
	buckets: z.array(count).length(TIME_BUCKET_COUNT)
});
/** See {@link timeAggregate}. */
export type TimeAggregate = z.infer<typeof timeAggregate>;

/** Any row of the `aggregates` table. */
export const aggregateRecord = z
	.discriminatedUnion('kind', [topicAggregate, dayAggregate, timeAggregate])
	.superRefine((a, ctx) => {
		const expected = aggregateKey(a);
		if (a.key !== expected)
			ctx.addIssue({ code: 'custom', path: ['key'], message: `must be "${expected}"` });
	});
/** See {@link aggregateRecord}. */
export type AggregateRecord = z.infer<typeof aggregateRecord>;

/** The primary key an aggregate row must have. */
export function aggregateKey(
	a:
		| Pick<TopicAggregate, 'kind' | 'topic'>
		| Pick<DayAggregate, 'kind' | 'day'>
		| Pick<TimeAggregate, 'kind' | 'difficulty'>
): string {
	if (a.kind === 'topic') return topicKey(a.topic);
	if (a.kind === 'day') return dayKey(a.day);
	return timeKey(a.difficulty);
}

/** Key of a topic aggregate. */
export const topicKey = (topic: string): string => `topic:${topic}`;
/** Key of a day aggregate. */
export const dayKey = (day: string): string => `day:${day}`;
/** Key of a time-histogram aggregate. */
export const timeKey = (difficulty: number): string => `time:${difficulty}`;

/** `rec` if it is an aggregate of `kind`, else undefined (a typed read of the union table). */
export function ofKind<K extends AggregateRecord['kind']>(
	rec: AggregateRecord | undefined,
	kind: K
): Extract<AggregateRecord, { kind: K }> | undefined {
	return rec?.kind === kind ? (rec as Extract<AggregateRecord, { kind: K }>) : undefined;
}
