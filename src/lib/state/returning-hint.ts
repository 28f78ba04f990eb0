/**
 * "A learner who has started uses this device": noted in Web Storage by the home page once its
 * dashboard has read the progress store, and read before first paint by the inline script in
 * `src/app.html`, which marks the root element `data-returning`. The home page then paints its
 * returning learner's layout (a shorter introduction, the dashboard right under it) from the
 * start, rather than the newcomer's introduction replaced once IndexedDB has answered. Under the
 * app's prefix (`LOCAL_KEY_PREFIX`), so "Delete all progress" removes it.
 */
export const RETURNING_KEY = 'sts-trainer:returning';

/**
 * Sets the root's `data-returning` to whether the learner has started, and notes it for the next
 * page load. Storage that is blocked or full only costs the next first paint its hint.
 */
export function markReturning(
	started: boolean,
	root: Pick<Element, 'toggleAttribute'> = document.documentElement,
	storage: () => Pick<Storage, 'setItem' | 'removeItem'> = () => localStorage
): void {
	root.toggleAttribute('data-returning', started);
	try {
		if (started) storage().setItem(RETURNING_KEY, '1');
		else storage().removeItem(RETURNING_KEY);
	} catch {
		// Blocked or full: no hint next time; the page corrects itself once progress is read.
	}
}
