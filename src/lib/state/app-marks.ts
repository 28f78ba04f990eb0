/**
 * Performance marks the app sets at its milestones. `npm run bench` (scripts/bench/js-weight.mjs)
 * reads them by these names: keep both sides in step.
 */

/** The root layout has mounted: the page is hydrated and interactive. */
export const HYDRATED_MARK = 'app:hydrated';

/** The progress store (IndexedDB, or memory when that fails) is open. */
export const PROGRESS_OPEN_MARK = 'app:progress-open';
