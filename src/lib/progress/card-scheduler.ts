import {
	createEmptyCard,
	fsrs,
	generatorParameters,
	State,
	type Card,
	type FSRS,
	type Grade
} from 'ts-fsrs';
import { DAY_MS } from './day-calendar';
import { adjustDue, requestRetention } from './exam-date-policy';
import type { CardRecord } from './record-schemas';
import { SCHEMA_VERSION, type QuestionDifficulty } from './schema-primitives';

const schedulers = new Map<number, FSRS>();

/**
 * A ts-fsrs scheduler for a target retention. Fuzz stays off (the ts-fsrs default) so the
 * same answers always give the same dates: tests and two devices agree.
 */
export function schedulerFor(retention: number): FSRS {
	const key = Math.round(retention * 10_000);
	let f = schedulers.get(key);
	if (!f) {
		f = fsrs(generatorParameters({ request_retention: key / 10_000, enable_fuzz: false }));
		schedulers.set(key, f);
	}
	return f;
}

/** The ts-fsrs card for a stored card, or a new card for a first answer. */
export function toFsrsCard(rec: CardRecord | undefined, now: number): Card {
	if (!rec) return createEmptyCard(new Date(now));
	return {
		due: new Date(rec.due),
		stability: rec.stability,
		difficulty: rec.difficulty,
		elapsed_days: rec.elapsedDays,
		scheduled_days: rec.scheduledDays,
		learning_steps: rec.learningSteps,
		reps: rec.reps,
		lapses: rec.lapses,
		state: rec.state as State,
		...(rec.lastReview !== undefined ? { last_review: new Date(rec.lastReview) } : {})
	};
}

/** What scheduling needs to know about the answer. */
export interface ScheduledAnswer {
	questionId: string;
	topic: string;
	questionDifficulty: QuestionDifficulty;
	correct: boolean;
	grade: Grade;
	at: number;
}

/** Exam-date context for scheduling (see `exam-date-policy.ts`). */
export interface ScheduleOptions {
	examAt?: number | null;
	weakTopic?: boolean;
}

/**
 * The card after `answer`: FSRS `next()` at the retention for the exam-date ramp, then the
 * exam-date adjustments (weak topics sooner, nothing due after the exam).
 */
export function scheduleCard(
	prev: CardRecord | undefined,
	answer: ScheduledAnswer,
	options: ScheduleOptions = {}
): CardRecord {
	// An answer older than the card's last review (clock skew between tabs or devices, an
	// answer queued offline) is scheduled as of that review: FSRS rejects time running back.
	const now = Math.max(answer.at, prev?.lastReview ?? answer.at);
	const f = schedulerFor(requestRetention(now, options.examAt));
	const { card } = f.next(toFsrsCard(prev, now), new Date(now), answer.grade);
	const proposed = card.due.getTime();
	const due = adjustDue(proposed, now, options.examAt, options.weakTopic ?? false);
	// When the exam rules moved the date, scheduled_days follows so the card tells the truth.
	const scheduledDays = due === proposed ? card.scheduled_days : Math.floor((due - now) / DAY_MS);
	return {
		questionId: answer.questionId,
		schemaVersion: SCHEMA_VERSION,
		topic: answer.topic,
		questionDifficulty: answer.questionDifficulty,
		due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as CardRecord['state'],
		...(card.last_review ? { lastReview: card.last_review.getTime() } : {}),
		lastCorrect: answer.correct,
		lastAnsweredAt: Math.max(answer.at, prev?.lastAnsweredAt ?? answer.at)
	};
}

export { isStable } from './mastery-model';

/** Probability (0–1) that the learner still recalls the card at `now`, by FSRS. */
export function retrievability(card: CardRecord, now: number): number {
	return schedulerFor(0.9).get_retrievability(toFsrsCard(card, now), new Date(now), false);
}
