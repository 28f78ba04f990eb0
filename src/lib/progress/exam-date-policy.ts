import type { TopicAggregate } from './aggregate-schema';
import { DAY_MS } from './day-calendar';
import { recentAccuracy } from './mastery-model';

/** FSRS target retention without an upcoming exam (ts-fsrs's default). */
export const BASE_RETENTION = 0.9;
/** Target retention on exam day. */
export const EXAM_RETENTION = 0.95;
/** Days before the exam over which retention ramps from BASE to EXAM. */
export const EXAM_RAMP_DAYS = 14;
/** A topic is weak below this smoothed recent accuracy… */
export const WEAK_ACCURACY = 0.7;
/** …once it rests on at least this many answers. */
export const WEAK_MIN_ANSWERS = 5;
/** With an exam ahead, intervals longer than a day shrink by this factor in weak topics. */
export const WEAK_INTERVAL_FACTOR = 0.5;

/** Whether `examAt` is a date still ahead of `now`. */
export function examAhead(now: number, examAt: number | null | undefined): examAt is number {
	return typeof examAt === 'number' && examAt > now;
}

/**
 * FSRS `request_retention` at `now`: 0.9, rising linearly over the last 14 days before the
 * exam to 0.95 on exam day, back to 0.9 once it has passed. Higher retention means shorter
 * intervals: more reviews when forgetting costs most.
 *
 *   r = 0.9 + 0.05 × clamp((14 − daysLeft) / 14, 0, 1)
 */
export function requestRetention(now: number, examAt?: number | null): number {
	if (!examAhead(now, examAt)) return BASE_RETENTION;
	const daysLeft = (examAt - now) / DAY_MS;
	const t = Math.min(1, Math.max(0, (EXAM_RAMP_DAYS - daysLeft) / EXAM_RAMP_DAYS));
	return BASE_RETENTION + (EXAM_RETENTION - BASE_RETENTION) * t;
}

/**
 * Latest moment a card may fall due so it is reviewed before the exam: one day before it,
 * or halfway there when the exam is less than two days away. Undefined without an exam ahead.
 */
export function latestDueBefore(now: number, examAt?: number | null): number | undefined {
	if (!examAhead(now, examAt)) return undefined;
	return examAt - Math.min(DAY_MS, (examAt - now) / 2);
}

/** Weak: smoothed recent accuracy below 70 % over at least 5 answers. */
export function isWeakTopic(agg: TopicAggregate | undefined): boolean {
	const a = recentAccuracy(agg);
	return a.n >= WEAK_MIN_ANSWERS && a.value < WEAK_ACCURACY;
}

/**
 * Applies the exam-date rules to a due date FSRS proposed at `now`:
 * 1. in a weak topic, with an exam ahead, an interval over a day is halved (not below a day);
 * 2. no due date may pass {@link latestDueBefore}.
 * Without an exam date FSRS's date stands.
 */
export function adjustDue(
	proposedDue: number,
	now: number,
	examAt: number | null | undefined,
	weakTopic: boolean
): number {
	if (!examAhead(now, examAt)) return proposedDue;
	let due = proposedDue;
	const interval = due - now;
	if (weakTopic && interval > DAY_MS)
		due = now + Math.max(DAY_MS, Math.round(interval * WEAK_INTERVAL_FACTOR));
	const cap = latestDueBefore(now, examAt);
	return cap !== undefined && due > cap ? Math.floor(cap) : due;
}
