import { browser } from '$app/environment';
import type { AnswerRecord, AnswerRecorder } from '$lib/quiz';
import type { LessonRecord, ProgressStore, StoreStatus } from '$lib/progress';
import { progressDbExists, probeStorage } from '$lib/progress/storage-probe';
import { countStoredPacks } from '$lib/progress/stored-pack-count';
import { PROGRESS_OPEN_MARK, STORAGE_CHECKED_MARK } from './app-marks';
import { AnswerJournal } from './answer-journal';
import { stagedImport } from './staged-import';
import { whenIdle } from './when-idle';
import { clearLocalLearnerData, deletionGuard } from './local-learner-data';

const answerJournal = new AnswerJournal(() => (browser ? localStorage : undefined));

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

	/**
	 * The store, opened on first use (browser only): the first answer recorded, or a page that
	 * reads progress. The progress layer (Dexie, zod, the store and its schemas; the answer path
	 * with FSRS and the backup code load later, on first use) is imported here rather than at the
	 * top so that pages hydrate without it.
	 */
	store(): Promise<ProgressStore> {
		if (!browser) return Promise.reject(new Error('progress is only available in the browser'));
		this.opening ??= loadProgressLayer().then(async ({ openProgressStore }) => {
			const store = await openProgressStore();
			this.status = store.status;
			store.onStatusChange((s) => (this.status = s));
			performance.mark(PROGRESS_OPEN_MARK);
			void this.replayJournal(store);
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
	 * Remembers `route` as the place to continue from (the `lastLocation` setting). Never
	 * throws: losing a bookmark must not break the page that set it.
	 */
	visit(route: string, title: string): Promise<void> {
		return this.storeWhenIdle()
			.then((store) =>
				store.setSetting('lastLocation', {
					route,
					title: title.slice(0, MAX_TITLE),
					at: Date.now()
				})
			)
			.catch((e: unknown) => console.warn('could not remember the last location', e));
	}

	/** A lesson was opened: counts it as read and makes it the place to continue from. */
	async lessonOpened(slug: string, title: string): Promise<LessonRecord | undefined> {
		try {
			const store = await this.storeWhenIdle();
			const [record] = await Promise.all([
				store.markLessonRead(slug),
				this.visit(`/lessons/${slug}`, title)
			]);
			return record;
		} catch (e) {
			console.warn('could not record the lesson as read', e);
			return undefined;
		}
	}

	/** The learner reached the end of a lesson. */
	async lessonFinished(slug: string): Promise<LessonRecord | undefined> {
		try {
			return await (await this.store()).markLessonRead(slug, { completed: true });
		} catch (e) {
			console.warn('could not record the lesson as finished', e);
			return undefined;
		}
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
				if ((e as Error | undefined)?.name === 'ProgressInputError') answerJournal.remove(entry.id);
			}
		}
	}
}

export const progress = new ProgressBridge();
