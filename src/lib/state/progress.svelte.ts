import { browser } from '$app/environment';
import type { AnswerRecord, AnswerRecorder } from '$lib/quiz';
import { openProgressStore, type ProgressStore, type StoreStatus } from '$lib/progress';

/**
 * The app's one progress store. Opening never fails: when IndexedDB is blocked or full the store
 * keeps working in memory and `status.persistent` turns false, which the layout shows as a banner.
 */
class ProgressBridge {
	status = $state<StoreStatus>({ persistent: true });
	private opening: Promise<ProgressStore> | undefined;
	private difficulties = new Map<string, 1 | 2 | 3>();

	/** The store, opened on first use (browser only). */
	store(): Promise<ProgressStore> {
		if (!browser) return Promise.reject(new Error('progress is only available in the browser'));
		this.opening ??= openProgressStore().then((store) => {
			this.status = store.status;
			store.onStatusChange((s) => (this.status = s));
			return store;
		});
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
