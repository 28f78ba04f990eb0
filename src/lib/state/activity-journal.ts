import type { JournalStorage } from './answer-journal';
import { LOCAL_KEY_PREFIX } from './local-learner-data';

/**
 * Where the place to continue from and lesson reads wait until the progress store records them.
 * Under the prefix, so "Delete all progress" clears it.
 */
export const ACTIVITY_JOURNAL_KEY = `${LOCAL_KEY_PREFIX}pending-activity`;

/** The most lesson entries kept (oldest dropped first): a bound on a store that never opens. */
export const MAX_LESSON_ENTRIES = 1000;

/** "Continue where you left off": the place and when the learner was there. */
export interface PendingVisit {
	route: string;
	title: string;
	at: number;
}

/** A lesson opened (one read) or read to its end (`completed`). */
export interface PendingLessonRead {
	id: string;
	slug: string;
	completed: boolean;
	at: number;
}

export interface PendingActivity {
	/** Only the latest visit matters: each one replaces the one before. */
	visit?: PendingVisit;
	/** In the order they happened. */
	lessons: PendingLessonRead[];
}

/**
 * A write-ahead journal for what pages note as the learner moves around: the place to continue
 * from and lessons opened or finished. Writing these to IndexedDB needs the progress layer
 * (Dexie, zod, the store: a long task to evaluate on a slow phone), which a page that only notes
 * a visit does not otherwise need. So they are written here, synchronously (nothing is lost when
 * the learner leaves at once), and recorded by the next page that opens the store, before it
 * reads anything. Storage that is full or blocked makes `write` return false, and the caller
 * records through the store instead.
 */
export class ActivityJournal {
	constructor(private readonly storage: () => JournalStorage | undefined) {}

	pending(): PendingActivity {
		try {
			const text = this.storage()?.getItem(ACTIVITY_JOURNAL_KEY);
			const parsed: unknown = text ? JSON.parse(text) : {};
			if (typeof parsed !== 'object' || parsed === null) return { lessons: [] };
			const { visit, lessons } = parsed as Record<string, unknown>;
			return {
				...(isVisit(visit) ? { visit } : {}),
				lessons: Array.isArray(lessons) ? lessons.filter(isLessonRead) : []
			};
		} catch {
			return { lessons: [] };
		}
	}

	isEmpty(): boolean {
		const { visit, lessons } = this.pending();
		return !visit && lessons.length === 0;
	}

	/** Notes the place to continue from; false when storage refused it. */
	visit(visit: PendingVisit): boolean {
		return this.write({ ...this.pending(), visit });
	}

	/** Notes a lesson read; false when storage refused it. */
	lessonRead(entry: PendingLessonRead): boolean {
		const current = this.pending();
		const lessons = [...current.lessons.filter((e) => e.id !== entry.id), entry];
		return this.write({ ...current, lessons: lessons.slice(-MAX_LESSON_ENTRIES) });
	}

	/** Forgets a recorded lesson read. */
	removeLessonRead(id: string): void {
		const current = this.pending();
		this.write({ ...current, lessons: current.lessons.filter((e) => e.id !== id) });
	}

	/** Forgets the visit if it is still `visit` (a newer one noted meanwhile stays). */
	removeVisit(visit: PendingVisit): void {
		const current = this.pending();
		if (!current.visit || !sameVisit(current.visit, visit)) return;
		this.write({ lessons: current.lessons });
	}

	private write(activity: PendingActivity): boolean {
		try {
			const storage = this.storage();
			if (!storage) return false;
			if (!activity.visit && activity.lessons.length === 0)
				storage.removeItem(ACTIVITY_JOURNAL_KEY);
			else storage.setItem(ACTIVITY_JOURNAL_KEY, JSON.stringify(activity));
			return true;
		} catch {
			return false;
		}
	}
}

/** The part of the progress store that recording the journal needs. */
export interface ActivitySink {
	readonly status: { persistent: boolean };
	markLessonRead(slug: string, options: { completed?: boolean; at?: number }): Promise<unknown>;
	getSetting(key: 'lastLocation'): Promise<{ at: number } | undefined>;
	setSetting(key: 'lastLocation', value: PendingVisit): Promise<void>;
}

/**
 * Records what the journal holds, oldest first, and removes each entry once recorded. An entry
 * the store refuses as invalid (`ProgressInputError`) is dropped, since it would fail forever;
 * any other failure stops and keeps the rest for the next time. A visit older than the place the
 * store already has (another tab recorded a later one) is dropped. While the store keeps progress
 * only in memory (IndexedDB blocked), entries are recorded but kept: the next page records them
 * again into its own memory store, so what the learner did survives reloads in the journal.
 */
export async function recordActivity(
	journal: ActivityJournal,
	store: ActivitySink,
	/** Ids of the lesson reads already recorded into this store (entries kept in memory mode). */
	recorded: Set<string> = new Set()
): Promise<void> {
	const { visit, lessons } = journal.pending();
	const keep = !store.status.persistent;
	for (const entry of lessons) {
		if (recorded.has(entry.id)) continue;
		recorded.add(entry.id);
		try {
			await store.markLessonRead(entry.slug, { completed: entry.completed, at: entry.at });
		} catch (e) {
			if (!isInputError(e)) {
				recorded.delete(entry.id);
				throw e;
			}
		}
		if (!keep) journal.removeLessonRead(entry.id);
	}
	if (!visit) return;
	try {
		const stored = await store.getSetting('lastLocation');
		if (!stored || stored.at <= visit.at) await store.setSetting('lastLocation', visit);
	} catch (e) {
		if (!isInputError(e)) throw e;
	}
	if (!keep) journal.removeVisit(visit);
}

/**
 * Whether the store refused an input as invalid (`ProgressInputError`), told by name so this
 * module need not load the progress layer.
 */
export const isInputError = (e: unknown) => (e as Error | undefined)?.name === 'ProgressInputError';

const sameVisit = (a: PendingVisit, b: PendingVisit) =>
	a.route === b.route && a.title === b.title && a.at === b.at;

function isVisit(value: unknown): value is PendingVisit {
	const v = value as PendingVisit | undefined;
	return (
		typeof v === 'object' &&
		v !== null &&
		typeof v.route === 'string' &&
		typeof v.title === 'string' &&
		typeof v.at === 'number'
	);
}

function isLessonRead(value: unknown): value is PendingLessonRead {
	const v = value as PendingLessonRead | undefined;
	return (
		typeof v === 'object' &&
		v !== null &&
		typeof v.id === 'string' &&
		typeof v.slug === 'string' &&
		typeof v.completed === 'boolean' &&
		typeof v.at === 'number'
	);
}
