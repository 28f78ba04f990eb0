// The day-row folds that marking a lesson read needs, apart from aggregate-builder.ts (which
// also folds answers, with FSRS card states), so that the lesson path does not load ts-fsrs.
import { dayKey, type DayAggregate } from './aggregate-schema';
import { SCHEMA_VERSION } from './schema-primitives';

/** A day row with no activity. */
export function emptyDayAggregate(day: string): DayAggregate {
	return {
		key: dayKey(day),
		kind: 'day',
		schemaVersion: SCHEMA_VERSION,
		day,
		attempts: 0,
		correct: 0,
		reviews: 0,
		studiedMs: 0,
		lessonsStarted: 0,
		lessonsCompleted: 0
	};
}

/** `agg` with a lesson started or completed that day. */
export function addLessonToDay(agg: DayAggregate, event: 'started' | 'completed'): DayAggregate {
	return event === 'started'
		? { ...agg, lessonsStarted: agg.lessonsStarted + 1 }
		: { ...agg, lessonsCompleted: agg.lessonsCompleted + 1 };
}
