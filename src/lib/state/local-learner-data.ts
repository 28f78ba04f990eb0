/**
 * What the app keeps in Web Storage besides IndexedDB: quiz sessions (`local-quiz-storage.ts`),
 * simulator sessions (`sim-storage-keys.ts`) and the theme. Every key starts with
 * {@link LOCAL_KEY_PREFIX}, so "Delete all progress" can remove the learner's local state
 * without knowing each feature, including ones added later.
 */
export const LOCAL_KEY_PREFIX = 'sts-trainer:';

/** The light/dark choice: a display preference, not progress, so deleting progress keeps it. */
export const THEME_STORAGE_KEY = `${LOCAL_KEY_PREFIX}theme`;

/** Keys that survive {@link clearLocalLearnerData}. */
export const KEPT_LOCAL_KEYS: ReadonlySet<string> = new Set([THEME_STORAGE_KEY]);

/** The subset of `Storage` used here (localStorage, sessionStorage, or a fake in tests). */
export interface EnumerableStorage {
	readonly length: number;
	key(index: number): string | null;
	removeItem(key: string): void;
}

/**
 * Removes every key of ours except {@link KEPT_LOCAL_KEYS} from each storage (keys of other
 * apps on the same origin are left alone). Returns the keys removed. A storage that throws
 * (blocked by the browser) holds nothing we could have written, so it is skipped.
 */
export function clearLocalLearnerData(storages: Iterable<EnumerableStorage | undefined>): string[] {
	const removed: string[] = [];
	for (const storage of storages) {
		if (!storage) continue;
		try {
			// Collect first: removing while indexing would skip the key after each removed one.
			const ours: string[] = [];
			for (let i = 0; i < storage.length; i++) {
				const key = storage.key(i);
				if (key?.startsWith(LOCAL_KEY_PREFIX) && !KEPT_LOCAL_KEYS.has(key)) ours.push(key);
			}
			for (const key of ours) storage.removeItem(key);
			removed.push(...ours);
		} catch {
			// Storage blocked: nothing of ours can be in it.
		}
	}
	return removed;
}
