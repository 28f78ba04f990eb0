/**
 * What the app keeps in Web Storage besides IndexedDB: quiz sessions (`local-quiz-storage.ts`),
 * simulator sessions (`sim-storage-keys.ts`) and the theme. Every key starts with
 * {@link LOCAL_KEY_PREFIX}, so "Delete all progress" can remove the learner's local state
 * without knowing each feature, including ones added later.
 */
export const LOCAL_KEY_PREFIX = 'sts-trainer:';

/** The light/dark choice: a display preference, not progress, so deleting progress keeps it. */
export const THEME_STORAGE_KEY = `${LOCAL_KEY_PREFIX}theme`;

/**
 * When "Delete all progress" last ran (a timestamp string). Kept by the delete itself, so other
 * tabs can tell that the sessions they hold in memory predate it.
 */
export const PROGRESS_DELETED_KEY = `${LOCAL_KEY_PREFIX}progress-deleted-at`;

/** Keys that survive {@link clearLocalLearnerData}. */
export const KEPT_LOCAL_KEYS: ReadonlySet<string> = new Set([
	THEME_STORAGE_KEY,
	PROGRESS_DELETED_KEY
]);

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

/** The subset of `Storage` the guard reads and writes. */
export interface StampStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

/**
 * Stops a tab from saving sessions again after another tab deleted all progress: each tab
 * remembers the deletion stamp it started with, and a save is allowed only while the stamp in
 * storage is still that one. The tab that deletes stamps storage and moves on with it.
 */
export class DeletionGuard {
	private seen: string | null;

	constructor(private readonly storage: () => StampStorage | undefined) {
		this.seen = this.read();
	}

	private read(): string | null {
		try {
			return this.storage()?.getItem(PROGRESS_DELETED_KEY) ?? null;
		} catch {
			return null; // storage blocked: there is nothing to guard
		}
	}

	/** False once another tab has deleted all progress since this tab started. */
	mayWrite(): boolean {
		return this.read() === this.seen;
	}

	/** This tab deleted all progress: other tabs' older sessions must not be saved again. */
	stamp(now: number = Date.now()): void {
		try {
			this.storage()?.setItem(PROGRESS_DELETED_KEY, String(now));
		} catch {
			// Storage blocked: no other tab can have saved anything either.
		}
		// What storage now holds (the new stamp, or nothing when it is blocked) is this tab's.
		this.seen = this.read();
	}
}

/** The browser's guard (module state, one per tab). */
export const deletionGuard = new DeletionGuard(() =>
	typeof localStorage === 'undefined' ? undefined : localStorage
);
