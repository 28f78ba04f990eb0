import { addDays, daysBetween, type DayKey } from './day-calendar';
import type { DayAggregate } from './aggregate-schema';

/** Consecutive days of study. */
export interface StudyStreak {
	/** Days in the streak that is still alive (see {@link computeStreak}). */
	current: number;
	/** Longest run ever. */
	longest: number;
	/** Whether today already counts; false means "study today to keep the streak". */
	activeToday: boolean;
	lastActiveDay?: DayKey;
}

/** A day counts when the learner answered a question or started or completed a lesson. */
export function isActiveDay(d: DayAggregate): boolean {
	return d.attempts > 0 || d.lessonsStarted > 0 || d.lessonsCompleted > 0;
}

/**
 * Streaks over learner-local days. The current streak ends today if today is active, else
 * yesterday: a streak is not broken at breakfast because the learner has not studied *yet*.
 * It is broken once a whole day passes without activity.
 */
export function computeStreak(days: readonly DayAggregate[], today: DayKey): StudyStreak {
	const active = days
		.filter(isActiveDay)
		.map((d) => d.day)
		.filter((d) => d <= today)
		.sort();
	let longest = 0;
	let run = 0;
	for (let i = 0; i < active.length; i++) {
		run = i > 0 && daysBetween(active[i - 1]!, active[i]!) === 1 ? run + 1 : 1;
		longest = Math.max(longest, run);
	}
	const last = active.at(-1);
	const activeToday = last === today;
	const alive = activeToday || last === addDays(today, -1);
	return {
		current: alive ? run : 0,
		longest,
		activeToday,
		...(last !== undefined ? { lastActiveDay: last } : {})
	};
}
