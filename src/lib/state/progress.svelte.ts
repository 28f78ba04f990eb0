import { browser } from '$app/environment';
import type { AnswerRecord, AnswerRecorder } from '$lib/quiz';
import type { ProgressStore, StoreStatus } from '$lib/progress';

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
	 * reads progress. The progress layer (Dexie, FSRS, backup schemas: ~50 KB gzip) is imported
	 * here rather than at the top so that quiz pages hydrate without it.
	 */
	store(): Promise<ProgressStore> {
		if (!browser) return Promise.reject(new Error('progress is only available in the browser'));
		this.opening ??= import('$lib/progress').then(async ({ openProgressStore }) => {
			const store = await openProgressStore();
			this.status = store.status;
			store.onStatusChange((s) => (this.status = s));
			return store;
		});
		// A chunk that failed to load (a deploy replaced it) is retried on the next use.
		this.opening.catch(() => (this.opening = undefined));
		return this.opening;
	}

	/** Lets answers carry each question's authored difficulty (used by the FSRS rating). */
	setDifficulties(entries: Iterable<[string, 1 | 2 | 3]>): void {
		for (const [id, d] of entries) this.difficulties.set(id, d);
	}

	/** The recorder quiz machines report answers to. */
	readonly recorder: AnswerRecorder = {
		record: async (answer: AnswerRecord) => {
			const store = await this.store();
			await store.recordAnswer({
				...answer,
				difficulty: this.difficulties.get(answer.questionId) ?? 2
			});
		}
	};
}

export const progress = new ProgressBridge();
