import { addLessonToDay, emptyDayAggregate } from './day-aggregate';
import { dayKey, ofKind } from './aggregate-schema';
import type { ProgressContext } from './app-db';
import { dayKeyOf } from './day-calendar';
import { parseInput } from './progress-errors';
import { lessonRecord, type LessonRecord } from './record-schemas';
import { epochMs, recordId, SCHEMA_VERSION } from './schema-primitives';

/** Options of {@link markLessonRead}. */
export interface MarkLessonOptions {
	/**
	 * The learner reached the end (or pressed "done") of the lesson they opened: marks it
	 * completed (never undone) without counting another read, since opening it already counted
	 * this visit. Only a lesson with no record yet (its opening was never recorded) gets its
	 * first read here, as a completed lesson has been read at least once.
	 */
	completed?: boolean;
	/**
	 * When the learner did it (epoch ms), for a read journalled by a page that did not open the
	 * store and recorded later; defaults to now. A time after now counts as now.
	 */
	at?: number;
}

/**
 * Notes that a lesson was opened — one read per visit — or, with `completed`, that the visit
 * reached its end. Updates the day aggregate in the same transaction so the streak and the
 * dashboard see it at once.
 */
export async function markLessonRead(
	ctx: ProgressContext,
	slug: string,
	options: MarkLessonOptions = {}
): Promise<LessonRecord> {
	const checkedSlug = parseInput(recordId, slug, 'lesson slug');
	const { db, effects } = ctx;
	const at =
		options.at === undefined ? undefined : parseInput(epochMs, options.at, 'lesson read time');
	const now = at === undefined ? effects.now() : Math.min(at, effects.now());
	return db.transaction('rw', [db.lessons, db.aggregates], async () => {
		const prev = await db.lessons.get(checkedSlug);
		const completing = options.completed === true && !prev?.completed;
		const next = lessonRecord.parse({
			slug: checkedSlug,
			schemaVersion: SCHEMA_VERSION,
			firstReadAt: prev?.firstReadAt ?? now,
			lastReadAt: Math.max(prev?.lastReadAt ?? now, now),
			readCount: prev && options.completed === true ? prev.readCount : (prev?.readCount ?? 0) + 1,
			completed: prev?.completed === true || completing,
			...(prev?.completedAt !== undefined
				? { completedAt: prev.completedAt }
				: completing
					? { completedAt: now }
					: {})
		});
		if (!prev || completing) {
			const day = dayKeyOf(now, effects);
			let agg = ofKind(await db.aggregates.get(dayKey(day)), 'day') ?? emptyDayAggregate(day);
			if (!prev) agg = addLessonToDay(agg, 'started');
			if (completing) agg = addLessonToDay(agg, 'completed');
			await db.aggregates.put(agg);
		}
		await db.lessons.put(next);
		return next;
	});
}

/** Every lesson the learner has opened, most recently read first. */
export async function listLessons(ctx: ProgressContext): Promise<LessonRecord[]> {
	return ctx.db.lessons.orderBy('lastReadAt').reverse().toArray();
}

/** A lesson's progress, if it was ever opened. */
export function getLesson(ctx: ProgressContext, slug: string): Promise<LessonRecord | undefined> {
	return ctx.db.lessons.get(slug);
}

/** Lesson progress on the dashboard. */
export interface LessonSummary {
	read: number;
	completed: number;
	/** Most recently read first, at most five. */
	recent: LessonRecord[];
}

/** Summarises lesson progress. The lessons table holds one row per lesson, so this is small. */
export async function lessonSummary(ctx: ProgressContext): Promise<LessonSummary> {
	const all = await listLessons(ctx);
	return {
		read: all.length,
		completed: all.filter((l) => l.completed).length,
		recent: all.slice(0, 5)
	};
}
