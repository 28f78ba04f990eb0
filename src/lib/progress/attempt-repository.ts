import type { Grade } from 'ts-fsrs';
import { z } from 'zod';
import {
	addAttemptToDay,
	addAttemptToTimes,
	addAttemptToTopic,
	adjustTopicCards,
	emptyDayAggregate,
	emptyTopicAggregate
} from './aggregate-builder';
import { dayKey, ofKind, timeKey, topicKey, type AggregateRecord } from './aggregate-schema';
import { emptyTimeAggregate, rateAnswer } from './answer-rating';
import type { ProgressContext } from './app-db';
import { isStable, scheduleCard } from './card-scheduler';
import { isValidAttemptFast } from './attempt-check';
import type { AttemptPageRecord } from './attempt-pages';
import { dayKeyOf } from './day-calendar';
import { directReadWrite, requestResult } from './direct-transaction';
import { isWeakTopic } from './exam-date-policy';
import { parseInput } from './progress-errors';
import {
	attemptMode,
	attemptRecord,
	MAX_ANSWER_MS,
	type AttemptRecord,
	type CardRecord
} from './record-schemas';
import {
	epochMs,
	questionDifficulty,
	recordId,
	SCHEMA_VERSION,
	topicSlug
} from './schema-primitives';
import { settingValue, type SettingRecord } from './settings-schema';

/** What the quiz hands over when the learner submits an answer. */
export const answerInput = z.strictObject({
	/** Idempotency key: recording the same id twice stores one attempt. Generated if absent. */
	id: recordId.optional(),
	questionId: recordId,
	topic: topicSlug,
	/** At least one option: a question left unanswered (in an exam) is not an answer. */
	chosen: z
		.array(z.int().min(0).max(7))
		.min(1, 'must choose at least one option: an unanswered question is not an answer')
		.max(8)
		.refine((c) => new Set(c).size === c.length, 'must not repeat an option'),
	correct: z.boolean(),
	timeMs: z.int().min(0).max(MAX_ANSWER_MS),
	mode: attemptMode,
	/** The question's authored difficulty; 2 when unknown. */
	difficulty: questionDifficulty.default(2),
	/** When the answer was given; the injected clock when absent. */
	at: epochMs.optional(),
	packId: recordId.optional(),
	examId: recordId.optional()
});
/** Input of {@link recordAnswer}. */
export type AnswerInput = z.input<typeof answerInput>;

/** What recording an answer produced. */
export interface RecordedAnswer {
	attempt: AttemptRecord;
	card: CardRecord;
	/** FSRS grade given (see `answer-rating.ts`). */
	grade: Grade;
	/** True when this id had been recorded before and nothing was written. */
	duplicate: boolean;
}

/** The tables {@link recordAnswer} reads and writes, in one transaction. */
const ANSWER_TABLES = ['attempts', 'attemptPages', 'cards', 'aggregates', 'settings'] as const;

/**
 * Records one answer in ONE read-write transaction over attempts, cards, aggregates and
 * settings (plus one lookup in the `ids` index of attemptPages, never written here): the
 * attempt, the card rescheduled by FSRS, and the topic, day and answer-time aggregates.
 * Every read-modify-write happens inside that transaction, and IndexedDB runs overlapping
 * read-write transactions one after another, so two tabs answering at once both land in
 * full. If any write fails, none happened.
 *
 * It is the hottest write of the app, so it talks to IndexedDB directly
 * (`direct-transaction.ts`: same atomicity, live queries still notified) rather than through
 * Dexie's per-request machinery.
 */
export async function recordAnswer(
	ctx: ProgressContext,
	raw: AnswerInput
): Promise<RecordedAnswer> {
	const input = parseInput(answerInput, raw, 'answer');
	const { db, effects } = ctx;
	const at = input.at ?? effects.now();
	const id = input.id ?? effects.newId();
	const day = dayKeyOf(at, effects);
	return directReadWrite(db, ANSWER_TABLES, async (tx) => {
		const attempts = tx.objectStore('attempts');
		const cards = tx.objectStore('cards');
		const aggregates = tx.objectStore('aggregates');
		const get = <T>(store: IDBObjectStore, key: string) =>
			requestResult(store.get(key) as IDBRequest<T | undefined>);
		// Every read in one round trip: in Chromium each awaited IndexedDB request costs a
		// process hop, and the duplicate check does not need to go first.
		// An id is looked up in the tail and, by the pages' `ids` index, in the sealed pages.
		const [tailHit, pageHit, prev, examSetting, topicRow, dayRow, timeRow] = await Promise.all([
			get<AttemptRecord>(attempts, id),
			requestResult(tx.objectStore('attemptPages').index('ids').getKey(id)),
			get<CardRecord>(cards, input.questionId),
			get<SettingRecord>(tx.objectStore('settings'), 'examDate'),
			get<AggregateRecord>(aggregates, topicKey(input.topic)),
			get<AggregateRecord>(aggregates, dayKey(day)),
			get<AggregateRecord>(aggregates, timeKey(input.difficulty))
		]);
		const existing =
			tailHit ??
			(pageHit === undefined
				? undefined
				: (
						await requestResult(
							tx.objectStore('attemptPages').get(pageHit) as IDBRequest<
								AttemptPageRecord | undefined
							>
						)
					)?.attempts.find((a) => a.id === id));
		if (existing) {
			// Already recorded (a retry after a lost response, or a double submit): write nothing.
			// The card can only be missing after importing an inconsistent backup; then report
			// the card this answer alone would give, without storing it.
			const card =
				(existing.questionId === input.questionId
					? prev
					: await get<CardRecord>(cards, existing.questionId)) ??
				scheduleCard(undefined, {
					...existing,
					questionDifficulty: existing.difficulty,
					grade: existing.rating
				});
			return { attempt: existing, card, grade: existing.rating, duplicate: true };
		}
		const examAt = settingValue(examSetting, 'examDate');
		const topicAgg = ofKind(topicRow, 'topic');
		const times = ofKind(timeRow, 'time') ?? emptyTimeAggregate(input.difficulty);
		// Graded against times *before* this answer, so it cannot move its own threshold.
		const grade = rateAnswer({ ...input, cardState: prev?.state, times });
		const attempt = storedAttempt({
			id,
			schemaVersion: SCHEMA_VERSION,
			questionId: input.questionId,
			topic: input.topic,
			chosen: [...input.chosen].sort((a, b) => a - b),
			correct: input.correct,
			timeMs: input.timeMs,
			mode: input.mode,
			at,
			difficulty: input.difficulty,
			rating: grade,
			...(input.packId !== undefined ? { packId: input.packId } : {}),
			...(input.examId !== undefined ? { examId: input.examId } : {})
		});
		const card = scheduleCard(
			prev,
			{ ...input, questionDifficulty: input.difficulty, grade, at },
			{ examAt, weakTopic: isWeakTopic(topicAgg) }
		);
		const rows: AggregateRecord[] = [];
		let topic = addAttemptToTopic(topicAgg ?? emptyTopicAggregate(input.topic, at), attempt);
		const stableNow = isStable(card) ? 1 : 0;
		const stableBefore = isStable(prev) ? 1 : 0;
		if (!prev) topic = adjustTopicCards(topic, 1, stableNow);
		else if (prev.topic === card.topic)
			topic = adjustTopicCards(topic, 0, stableNow - stableBefore);
		else {
			// The question moved topic in a content update: its card moves with it.
			const old = ofKind(await get<AggregateRecord>(aggregates, topicKey(prev.topic)), 'topic');
			if (old) rows.push(adjustTopicCards(old, -1, -stableBefore));
			topic = adjustTopicCards(topic, 1, stableNow);
		}
		rows.push(topic, addAttemptToDay(ofKind(dayRow, 'day') ?? emptyDayAggregate(day), attempt));
		// A wrong answer leaves the time histogram as it was: rewriting an existing row would be
		// a put for nothing (a missing row is still written, as rebuildAggregates has one).
		const nextTimes = addAttemptToTimes(times, attempt);
		if (nextTimes !== timeRow) rows.push(nextTimes);
		// Issued together and not awaited one by one: IndexedDB applies them in order, and the
		// transaction commits only if every one succeeds.
		attempts.add(attempt);
		cards.put(card);
		for (const row of rows) aggregates.put(row);
		return { attempt, card, grade, duplicate: false };
	});
}

/**
 * The attempt as stored, checked against `attemptRecord`: the quick check says yes for any
 * record zod accepts; zod runs only when it is unsure, and throws naming the bad field.
 */
function storedAttempt(candidate: AttemptRecord): AttemptRecord {
	return isValidAttemptFast(candidate) ? candidate : attemptRecord.parse(candidate);
}

/**
 * Every attempt of one question, oldest first: the tail's through its questionId index, the
 * sealed ones from the pages whose `questionIds` index names the question.
 */
export async function questionHistory(
	ctx: ProgressContext,
	questionId: string
): Promise<AttemptRecord[]> {
	const { db } = ctx;
	const [tail, pages] = await db.transaction('r', db.attempts, db.attemptPages, () =>
		Promise.all([
			db.attempts.where('questionId').equals(questionId).toArray(),
			db.attemptPages.where('questionIds').equals(questionId).toArray()
		])
	);
	const rows = pages.flatMap((p) => p.attempts.filter((a) => a.questionId === questionId));
	rows.push(...tail);
	return rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
