/**
 * Performance marks the app sets at its milestones. `npm run bench` (scripts/bench/js-weight.mjs)
 * reads them by these names: keep both sides in step.
 */

/** The root layout has mounted: the page is hydrated and interactive. */
export const HYDRATED_MARK = 'app:hydrated';

/** The progress store (IndexedDB, or memory when that fails) is open. */
export const PROGRESS_OPEN_MARK = 'app:progress-open';

/**
 * The idle-time storage check is done: IndexedDB probed (the storage banner is up to date), or
 * the progress store opened where the page needed it sooner.
 */
export const STORAGE_CHECKED_MARK = 'app:storage-checked';
