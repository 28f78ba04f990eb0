import { browser, version } from '$app/environment';
import type { AnswerRecord, AnswerRecorder } from '$lib/quiz';
import type { ProgressStore, StoreStatus } from '$lib/progress';
import { progressDbExists, probeStorage } from '$lib/progress/storage-probe';
import { countStoredPacks } from '$lib/progress/stored-pack-count';
import { PROGRESS_OPEN_MARK, STORAGE_CHECKED_MARK } from './app-marks';
import {
	ActivityJournal,
	isActivityJournalKey,
	isInputError,
	recordActivity,
	type PendingExam
} from './activity-journal';
import { AnswerJournal } from './answer-journal';
import { stagedImport } from './staged-import';
import { whenIdle } from './when-idle';
import { clearLocalLearnerData, deletionGuard } from './local-learner-data';

const answerJournal = new AnswerJournal(() => (browser ? localStorage : undefined));
const activityJournal = new ActivityJournal(() => (browser ? localStorage : undefined));
/** Tabs take turns recording the activity journal, so no lesson read is recorded twice. */
const ACTIVITY_LOCK = 'sts-trainer:record-activity';

/** Longest title kept for "Continue where you left off" (the setting's schema allows 200). */
const MAX_TITLE = 200;
/** How long the storage probe waits for IndexedDB to open, as the store does. */
const PROBE_TIMEOUT_MS = 5000;

/**
 * The progress layer, in three tasks rather than one: Dexie, then zod with the settings schema,
 * each evaluated on its own, then the store and its other schemas. The layer's evaluation was the
 * longest task on pages that open the store (one task of ~70-80 ms on the dev machine, several
 * hundred milliseconds on a slow phone).
 *
 * The zod stage imports a module that uses zod, never `import('zod')` itself: a dynamic import
 * of the package hands out its whole namespace, so Rollup would keep all of zod (every locale,
 * JSON Schema conversion, codecs: ~540 KB more minified JS to fetch, parse and evaluate) instead
 * of the parts the schemas use.
 */
function loadProgressLayer() {
	return stagedImport(
		[() => import('dexie'), () => import('$lib/progress/settings-schema')],
		() => import('$lib/progress/progress-store')
	);
}

/**
 * The app's one progress store. Opening never fails: when IndexedDB is blocked or full the store
 * keeps working in memory and `status.persistent` turns false, which the layout shows as a banner.
 */
class ProgressBridge {
	status = $state<StoreStatus>({ persistent: true });
	private opening: Promise<ProgressStore> | undefined;
	private difficulties = new Map<string, 1 | 2 | 3>();
	private recording: Promise<void> = Promise.resolve();
	private readonly recordedActivity = new Set<string>();

	/**
	 * The store, opened on first use (browser only): the first answer recorded, or a page that
	 * reads progress. The progress layer (Dexie, zod, the store and its schemas; the answer path
	 * with FSRS and the backup code load later, on first use) is imported here rather than at the
	 * top so that pages hydrate without it.
	 */
	store(): Promise<ProgressStore> {
		if (!browser) return Promise.reject(new Error('progress is only available in the browser'));
		this.opening ??= loadProgressLayer().then(async ({ openProgressStore }) => {
			// Backups name the build that wrote them (the version the footer shows).
			const store = await openProgressStore({ appVersion: version });
			this.status = store.status;
			store.onStatusChange((s) => (this.status = s));
			// What earlier pages noted (visits, lessons read) is in the store before anyone reads it.
			await this.recordActivity(store).catch((e: unknown) =>
				console.warn('could not record the visits and lessons noted earlier', e)
			);
			addEventListener('storage', (e) => {
				// Another tab, without the store open, noted a visit or a lesson read: record it
				// here, so this tab's dashboard shows it now.
				if (isActivityJournalKey(e.key) && e.newValue) void this.recordActivity(store);
			});
			// Answers an earlier page journalled but did not see stored (it closed as the feedback
			// showed) are in the store before anyone reads it too: the due page, the dashboard and the
			// mistakes read it once. Nothing to do, and nothing loaded, when the journal is empty.
			performance.mark(PROGRESS_OPEN_MARK);
			await this.replayJournal(store);
			return store;
		});
		// A chunk that failed to load (a deploy replaced it) is retried on the next use.
		this.opening.catch(() => (this.opening = undefined));
		return this.opening;
	}

	/**
	 * The store, opened once the browser is idle after hydration (or at once if already open or
	 * opening): for work the first view does not need — the storage banner, bookmarks, lessons
	 * read, the home dashboard — so that the progress layer never delays a page's first paint.
	 */
	storeWhenIdle(): Promise<ProgressStore> {
		if (!browser) return this.store();
		return this.opening ?? whenIdle().then(() => this.store());
	}

	/**
	 * At idle time, checks that IndexedDB works, for the storage banner on every page, with a
	 * raw `indexedDB.open` probe rather than the progress layer (whose evaluation is a long task
	 * on slow phones); pages that read or write progress open the store themselves.
	 */
	checkStorageWhenIdle(): Promise<void> {
		if (!browser) return Promise.resolve();
		return whenIdle().then(async () => {
			if (!this.opening) {
				const outcome = await probeStorage(globalThis.indexedDB, PROBE_TIMEOUT_MS);
				// The store, opened meanwhile, knows better than the probe.
				if (!this.opening) this.status = outcome;
			}
			performance.mark(STORAGE_CHECKED_MARK);
		});
	}

	/**
	 * Whether this device may hold saved progress: the store is open or opening, or the progress
	 * database exists (or the browser cannot tell). False on a first visit, where pages that only
	 * show progress can skip loading the progress layer.
	 */
	async mayHaveProgress(): Promise<boolean> {
		if (!browser) return false;
		if (this.opening) return true;
		// Noted by a page that did not open the store: recording it creates the progress.
		if (!activityJournal.isEmpty() || answerJournal.pending().length > 0) return true;
		return (await progressDbExists(globalThis.indexedDB)) !== false;
	}

	/**
	 * Whether content packs may be installed: the database has packs (or the browser cannot
	 * tell), or progress is kept in memory (where an installed pack is not in the database).
	 * False for a learner without packs, whose quiz pages then do not load the pack library.
	 */
	async mayHavePacks(): Promise<boolean> {
		if (!browser) return false;
		if (!this.status.persistent) return true;
		return (await countStoredPacks(globalThis.indexedDB)) !== 0;
	}

	/** Lets answers carry each question's authored difficulty (used by the FSRS rating). */
	setDifficulties(entries: Iterable<[string, 1 | 2 | 3]>): void {
		for (const [id, d] of entries) this.difficulties.set(id, d);
	}

	/**
	 * Remembers `route` as the place to continue from (the `lastLocation` setting). Noted in the
	 * activity journal at once, so the page need not load the progress layer; recorded in the
	 * store by the next page that opens it (or now, if this page has it open). Never throws:
	 * losing a bookmark must not break the page that set it.
	 */
	visit(route: string, title: string): Promise<void> {
		const visit = { route, title: title.slice(0, MAX_TITLE), at: Date.now() };
		return this.note(
			() => activityJournal.visit(visit),
			(store) => store.setSetting('lastLocation', visit)
		).catch((e: unknown) => console.warn('could not remember the last location', e));
	}

	/** A lesson was opened: counts it as read and makes it the place to continue from. */
	lessonOpened(slug: string, title: string): Promise<void> {
		const read = this.lessonRead(slug, false).catch((e: unknown) =>
			console.warn('could not record the lesson as read', e)
		);
		return Promise.all([read, this.visit(`/lessons/${slug}`, title)]).then(() => {});
	}

	/** The learner reached the end of a lesson; resolves to whether it was recorded. */
	lessonFinished(slug: string): Promise<boolean> {
		return this.lessonRead(slug, true).then(
			() => true,
			(e: unknown) => {
				console.warn('could not record the lesson as finished', e);
				return false;
			}
		);
	}

	private lessonRead(slug: string, completed: boolean): Promise<void> {
		const entry = { id: crypto.randomUUID(), slug, completed, at: Date.now() };
		return this.note(
			() => activityJournal.lessonRead(entry),
			(store) => store.markLessonRead(slug, { completed, at: entry.at })
		);
	}

	/**
	 * A finished exam's summary. Noted in the activity journal at once (an exam that ran out of
	 * time is scored as its page opens, and the learner may leave before IndexedDB has it), then
	 * recorded; a page that does not get that far leaves it to the next page that opens the store.
	 */
	examFinished(exam: PendingExam): Promise<void> {
		return this.note(
			() => activityJournal.examFinished(exam),
			(store) => store.recordExam(exam),
			true
		);
	}

	/**
	 * Notes something in the activity journal, synchronously, and records the journal in the
	 * store if this page has it open or opening (otherwise the next page that opens it does).
	 * When the journal cannot be written (Web Storage full or blocked), records `direct`ly in the
	 * store instead, opened at idle as before the journal existed. `open`: record now, opening
	 * the store if this page has not.
	 */
	private async note(
		write: () => boolean,
		direct: (store: ProgressStore) => Promise<unknown>,
		open = false
	): Promise<void> {
		if (!browser) return;
		if (!write()) {
			await direct(await (open ? this.store() : this.storeWhenIdle()));
			return;
		}
		const store = open ? this.store() : this.opening;
		if (store) await this.recordActivity(await store);
	}

	/** Records the activity journal into `store`, one tab and one call at a time. */
	private recordActivity(store: ProgressStore): Promise<void> {
		const run = () => recordActivity(activityJournal, store, this.recordedActivity);
		const locked = () =>
			typeof navigator !== 'undefined' && navigator.locks
				? navigator.locks.request(ACTIVITY_LOCK, run)
				: run();
		this.recording = this.recording.then(locked, locked);
		return this.recording;
	}

	/**
	 * "Delete all progress": every IndexedDB table, then the quiz and simulator sessions saved
	 * in Web Storage, so nothing of the learner's remains on the device. The theme (a display
	 * preference) stays.
	 */
	async deleteAllProgress(): Promise<void> {
		await (await this.store()).clearAll();
		const storage = (get: () => Storage) => {
			try {
				return get();
			} catch {
				return undefined; // access itself throws when the browser blocks storage
			}
		};
		clearLocalLearnerData([storage(() => localStorage), storage(() => sessionStorage)]);
		// Other open tabs stop saving the sessions they hold and offer a reload.
		deletionGuard.stamp();
	}

	/** The recorder quiz machines report answers to. */
	readonly recorder: AnswerRecorder = {
		record: async (answer: AnswerRecord) => {
			// Journalled first, synchronously: leaving the page right after answering (while the
			// store opens or the transaction runs) must not lose the answer.
			const input = {
				...answer,
				id: crypto.randomUUID(),
				difficulty: this.difficulties.get(answer.questionId) ?? 2
			};
			answerJournal.add(input);
			const store = await this.store();
			await store.recordAnswer(input);
			answerJournal.remove(input.id);
		}
	};

	/** Records the answers an earlier page journalled but did not see stored (idempotent by id). */
	private async replayJournal(store: ProgressStore): Promise<void> {
		for (const entry of answerJournal.pending()) {
			try {
				await store.recordAnswer(entry as unknown as Parameters<ProgressStore['recordAnswer']>[0]);
				answerJournal.remove(entry.id);
			} catch (e) {
				// An entry the store rejects as invalid would fail forever: drop it. Keep the rest.
				if (isInputError(e)) answerJournal.remove(entry.id);
			}
		}
	}
}

export const progress = new ProgressBridge();
