import type { ProgressEffects } from './progress-effects';

/** Milliseconds in a (nominal) day. */
export const DAY_MS = 86_400_000;

/** A learner-local calendar day as `YYYY-MM-DD`; sorts chronologically as a string. */
export type DayKey = string;

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` looks like a {@link DayKey}. */
export function isDayKey(value: string): boolean {
	return DAY_KEY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

type Offset = Pick<ProgressEffects, 'utcOffsetMinutes'>;

/** The learner-local day that contains `epochMs`. */
export function dayKeyOf(epochMs: number, effects: Offset): DayKey {
	const local = new Date(epochMs + effects.utcOffsetMinutes(epochMs) * 60_000);
	return local.toISOString().slice(0, 10);
}

/**
 * Epoch ms of local midnight starting the day of `epochMs`. Uses the offset in force at
 * `epochMs`; on a daylight-saving change day that is off by the shift for at most an hour,
 * which only moves a review between two adjacent forecast buckets.
 */
export function startOfDay(epochMs: number, effects: Offset): number {
	const offsetMs = effects.utcOffsetMinutes(epochMs) * 60_000;
	const local = epochMs + offsetMs;
	return local - mod(local, DAY_MS) - offsetMs;
}

/** Day key `n` days after (or before, if negative) `day`. */
export function addDays(day: DayKey, n: number): DayKey {
	const t = Date.parse(`${day}T00:00:00Z`) + n * DAY_MS;
	return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DayKey, to: DayKey): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function mod(a: number, n: number): number {
	return ((a % n) + n) % n;
}
