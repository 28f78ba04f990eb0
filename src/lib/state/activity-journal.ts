import {
	journalKeys as keysUnder,
	parseJournalValue as parse,
	type JournalStorage
} from './answer-journal';
import { LOCAL_KEY_PREFIX } from './local-learner-data';

/**
 * Where the place to continue from and lesson reads wait until the progress store records them:
 * one Web Storage key per entry under this prefix (which is under the app's prefix, so "Delete
 * all progress" clears them).
 */
export const ACTIVITY_JOURNAL_PREFIX = `${LOCAL_KEY_PREFIX}pending-activity:`;
/** Before stop 7 the whole journal was one JSON value under this key; it is still read, and split up. */
export const LEGACY_ACTIVITY_JOURNAL_KEY = `${LOCAL_KEY_PREFIX}pending-activity`;

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

/**
 * A finished exam's summary (the store's `recordExam` input; its id is the exam's, so recording
 * it twice stores it once).
 */
export interface PendingExam {
	id: string;
	startedAt: number;
	finishedAt: number;
	passMark: number;
	results: { questionId: string; topic: string; correct: boolean }[];
}

export interface PendingActivity {
	/** Only the latest visit matters: each one replaces the one before. */
	visit?: PendingVisit;
	/** In the order they happened. */
	lessons: PendingLessonRead[];
	/** Exams finished, oldest first. */
	exams: PendingExam[];
}

const LESSON = `${ACTIVITY_JOURNAL_PREFIX}lesson:`;
const VISIT = `${ACTIVITY_JOURNAL_PREFIX}visit:`;
const EXAM = `${ACTIVITY_JOURNAL_PREFIX}exam:`;
const lessonKey = (id: string) => LESSON + id;
const examKey = (id: string) => EXAM + id;
const visitKey = (v: PendingVisit) => `${VISIT}${v.at}:${v.route}`;

/** Whether a Web Storage key (e.g. of a `storage` event) is a journal entry. */
export const isActivityJournalKey = (key: string | null): boolean =>
	key !== null && (key.startsWith(ACTIVITY_JOURNAL_PREFIX) || key === LEGACY_ACTIVITY_JOURNAL_KEY);

/**
 * A write-ahead journal for what pages note as the learner moves around: the place to continue
 * from, lessons opened or finished, and exams finished (an exam that ran out of time is scored
 * as its page opens, and the learner may leave at once). Writing these to IndexedDB needs the progress layer
 * (Dexie, zod, the store: a long task to evaluate on a slow phone), which a page that only notes
 * a visit does not otherwise need. So they are written here, synchronously (nothing is lost when
 * the learner leaves at once), and recorded by the next page that opens the store, before it
 * reads anything. Storage that is full or blocked makes `write` return false, and the caller
 * records through the store instead.
 *
 * Each entry has a key of its own, and nothing is ever read, changed and written back: Web
 * Storage is shared by the tabs of an origin without transactions, and a tab's view of it can lag
 * another tab's writes. With one JSON value for the whole journal, a tab recording (and removing)
 * an entry could write back a stale copy and drop a lesson read another tab had just noted.
 */
export class ActivityJournal {
	constructor(private readonly storage: () => JournalStorage | undefined) {}

	pending(): PendingActivity {
		const visits: PendingVisit[] = [];
		const lessons: PendingLessonRead[] = [];
		const exams: PendingExam[] = [];
		try {
			const storage = this.storage();
			if (!storage) return { lessons, exams };
			this.splitLegacy(storage);
			for (const key of journalKeys(storage)) {
				const value = parse(storage.getItem(key));
				if (key.startsWith(LESSON) && isLessonRead(value)) lessons.push(value);
				else if (key.startsWith(VISIT) && isVisit(value)) visits.push(value);
				else if (key.startsWith(EXAM) && isExam(value)) exams.push(value);
				else storage.removeItem(key); // junk (hand-edited, or a format to come): never recordable
			}
		} catch {
			// Blocked storage: nothing pending that can be read.
		}
		lessons.sort((a, b) => a.at - b.at);
		exams.sort((a, b) => a.finishedAt - b.finishedAt);
		const visit = visits.reduce<PendingVisit | undefined>(
			(latest, v) => (!latest || v.at >= latest.at ? v : latest),
			undefined
		);
		return { ...(visit ? { visit } : {}), lessons, exams };
	}

	isEmpty(): boolean {
		const { visit, lessons, exams } = this.pending();
		return !visit && lessons.length === 0 && exams.length === 0;
	}

	/** Notes a finished exam; false when storage refused it. */
	examFinished(exam: PendingExam): boolean {
		return this.set(examKey(exam.id), exam);
	}

	/** Forgets a recorded exam. */
	removeExam(id: string): void {
		this.remove(examKey(id));
	}

	/** Notes the place to continue from; false when storage refused it. */
	visit(visit: PendingVisit): boolean {
		if (!this.set(visitKey(visit), visit)) return false;
		this.removeVisitsUpTo(visit.at, visitKey(visit));
		return true;
	}

	/** Notes a lesson read; false when storage refused it. */
	lessonRead(entry: PendingLessonRead): boolean {
		if (!this.set(lessonKey(entry.id), entry)) return false;
		if (this.lessonCount() > MAX_LESSON_ENTRIES) {
			const { lessons } = this.pending();
			for (const old of lessons.slice(0, lessons.length - MAX_LESSON_ENTRIES))
				this.remove(lessonKey(old.id));
		}
		return true;
	}

	private lessonCount(): number {
		try {
			const storage = this.storage();
			return storage ? journalKeys(storage).filter((k) => k.startsWith(LESSON)).length : 0;
		} catch {
			return 0;
		}
	}

	/** Forgets a recorded lesson read. */
	removeLessonRead(id: string): void {
		this.remove(lessonKey(id));
	}

	/** Forgets the visit and any older one (a newer one noted meanwhile stays). */
	removeVisit(visit: PendingVisit): void {
		this.removeVisitsUpTo(visit.at);
	}

	private removeVisitsUpTo(at: number, except?: string): void {
		try {
			const storage = this.storage();
			if (!storage) return;
			for (const key of journalKeys(storage)) {
				if (!key.startsWith(VISIT) || key === except) continue;
				const value = parse(storage.getItem(key));
				if (!isVisit(value) || value.at <= at) storage.removeItem(key);
			}
		} catch {
			// Blocked storage: nothing to remove.
		}
	}

	/** The journal as one JSON value (written before stop 7): its entries get keys of their own. */
	private splitLegacy(storage: JournalStorage): void {
		const text = storage.getItem(LEGACY_ACTIVITY_JOURNAL_KEY);
		if (text === null) return;
		const old = parse(text) as { visit?: unknown; lessons?: unknown } | undefined;
		if (old && isVisit(old.visit)) storage.setItem(visitKey(old.visit), JSON.stringify(old.visit));
		if (old && Array.isArray(old.lessons))
			for (const entry of old.lessons)
				if (isLessonRead(entry)) storage.setItem(lessonKey(entry.id), JSON.stringify(entry));
		storage.removeItem(LEGACY_ACTIVITY_JOURNAL_KEY);
	}

	private set(key: string, value: PendingVisit | PendingLessonRead | PendingExam): boolean {
		try {
			const storage = this.storage();
			if (!storage) return false;
			storage.setItem(key, JSON.stringify(value));
			return true;
		} catch {
			return false;
		}
	}

	private remove(key: string): void {
		try {
			this.storage()?.removeItem(key);
		} catch {
			// Blocked storage: nothing to remove.
		}
	}
}

/** The journal's keys. */
const journalKeys = (storage: JournalStorage) => keysUnder(storage, ACTIVITY_JOURNAL_PREFIX);

/** The part of the progress store that recording the journal needs. */
export interface ActivitySink {
	readonly status: { persistent: boolean };
	markLessonRead(slug: string, options: { completed?: boolean; at?: number }): Promise<unknown>;
	getSetting(key: 'lastLocation'): Promise<{ at: number } | undefined>;
	setSetting(key: 'lastLocation', value: PendingVisit): Promise<void>;
	recordExam(exam: PendingExam): Promise<unknown>;
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
	const { visit, lessons, exams } = journal.pending();
	const keep = !store.status.persistent;
	// Recording an exam again stores it once (its id is the key): no need to track them.
	for (const exam of exams) {
		try {
			await store.recordExam(exam);
		} catch (e) {
			if (!isInputError(e)) throw e;
			journal.removeExam(exam.id);
			continue;
		}
		if (!keep) journal.removeExam(exam.id);
	}
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

function isExam(value: unknown): value is PendingExam {
	const v = value as PendingExam | undefined;
	return (
		typeof v === 'object' &&
		v !== null &&
		typeof v.id === 'string' &&
		typeof v.startedAt === 'number' &&
		typeof v.finishedAt === 'number' &&
		typeof v.passMark === 'number' &&
		Array.isArray(v.results)
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
