import {
	RECENT_WINDOW,
	topicKey,
	type AggregateRecord,
	type DayAggregate,
	type TimeAggregate,
	type TopicAggregate
} from './aggregate-schema';
import { isStable } from './mastery-model';
import { dayKeyOf } from './day-calendar';
import { addLessonToDay, emptyDayAggregate } from './day-aggregate';
import type { ProgressEffects } from './progress-effects';
import type { AttemptRecord, CardRecord, LessonRecord } from './record-schemas';
import { SCHEMA_VERSION } from './schema-primitives';
import { addTime, emptyTimeAggregate } from './time-histogram';

// Pure folds shared by recordAnswer (one attempt at a time, inside its transaction) and
// rebuildAggregates (everything at once, after an import). A test replays random histories
// through both and demands equal results, which keeps the two from drifting apart.

// The day-row folds a lesson read needs live in day-aggregate.ts, free of FSRS, so that marking
// a lesson read does not load ts-fsrs; they are re-exported here with the other folds.
export { addLessonToDay, emptyDayAggregate };

type Offset = Pick<ProgressEffects, 'utcOffsetMinutes'>;

/** A topic row with no answers yet. */
export function emptyTopicAggregate(topic: string, lastAt: number): TopicAggregate {
	return {
		key: topicKey(topic),
		kind: 'topic',
		schemaVersion: SCHEMA_VERSION,
		topic,
		attempts: 0,
		correct: 0,
		recent: [],
		lastAt,
		seenCards: 0,
		stableCards: 0
	};
}

/** `agg` with `attempt` counted. Recent answers stay ordered by (at, id) whatever the arrival order. */
export function addAttemptToTopic(agg: TopicAggregate, attempt: AttemptRecord): TopicAggregate {
	const entry = { at: attempt.at, id: attempt.id, correct: attempt.correct };
	const recent = [...agg.recent, entry].sort((a, b) => a.at - b.at || cmp(a.id, b.id));
	return {
		...agg,
		attempts: agg.attempts + 1,
		correct: agg.correct + (attempt.correct ? 1 : 0),
		recent: recent.slice(-RECENT_WINDOW),
		lastAt: Math.max(agg.lastAt, attempt.at)
	};
}

/** `agg` with its card counters moved by the given deltas. */
export function adjustTopicCards(
	agg: TopicAggregate,
	seen: number,
	stable: number
): TopicAggregate {
	return { ...agg, seenCards: agg.seenCards + seen, stableCards: agg.stableCards + stable };
}

/** `agg` with `attempt` counted. */
export function addAttemptToDay(agg: DayAggregate, attempt: AttemptRecord): DayAggregate {
	const review = attempt.mode === 'due' || attempt.mode === 'review';
	return {
		...agg,
		attempts: agg.attempts + 1,
		correct: agg.correct + (attempt.correct ? 1 : 0),
		reviews: agg.reviews + (review ? 1 : 0),
		studiedMs: agg.studiedMs + attempt.timeMs
	};
}

/**
 * Whether a stored attempt is an answer. Versions before this rule recorded an exam's unanswered
 * questions as attempts with no option chosen; they stay in the history (and in backups) but
 * count in no figure. recordAnswer refuses them, so only old data holds any.
 */
export function isAnswer(attempt: Pick<AttemptRecord, 'chosen'>): boolean {
	return attempt.chosen.length > 0;
}

/** `times` with the attempt's time added when it was a correct answer (the only ones timed). */
export function addAttemptToTimes(times: TimeAggregate, attempt: AttemptRecord): TimeAggregate {
	return attempt.correct ? addTime(times, attempt.timeMs) : times;
}

/**
 * Every aggregate row recomputed from the source tables, sorted by key. Used after imports
 * and to check the incremental path; reads each attempt once, so it is for imports, never
 * for a dashboard.
 */
export function rebuildAggregates(
	attempts: Iterable<AttemptRecord>,
	cards: Iterable<CardRecord>,
	lessons: Iterable<LessonRecord>,
	effects: Offset
): AggregateRecord[] {
	const topics = new Map<string, TopicAggregate>();
	const days = new Map<string, DayAggregate>();
	const times = new Map<number, TimeAggregate>();
	const day = (at: number) => {
		const k = dayKeyOf(at, effects);
		return days.get(k) ?? emptyDayAggregate(k);
	};
	for (const a of attempts) {
		if (!isAnswer(a)) continue;
		const t = topics.get(a.topic) ?? emptyTopicAggregate(a.topic, a.at);
		topics.set(a.topic, addAttemptToTopic(t, a));
		const d = day(a.at);
		days.set(d.day, addAttemptToDay(d, a));
		const h = times.get(a.difficulty) ?? emptyTimeAggregate(a.difficulty);
		times.set(a.difficulty, addAttemptToTimes(h, a));
	}
	for (const c of cards) {
		const t = topics.get(c.topic) ?? emptyTopicAggregate(c.topic, c.lastAnsweredAt);
		topics.set(c.topic, adjustTopicCards(t, 1, isStable(c) ? 1 : 0));
	}
	for (const l of lessons) {
		const d = day(l.firstReadAt);
		days.set(d.day, addLessonToDay(d, 'started'));
		if (l.completedAt !== undefined) {
			const c = day(l.completedAt);
			days.set(c.day, addLessonToDay(c, 'completed'));
		}
	}
	const rows: AggregateRecord[] = [...topics.values(), ...days.values(), ...times.values()];
	return rows.sort((a, b) => cmp(a.key, b.key));
}

/** Code-unit string order, the order IndexedDB sorts string keys in. */
export function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
