import { HYDRATED_MARK } from './app-marks';
import { nextTask } from './when-idle';

let hydrated: () => void = () => undefined;
const whenHydrated = new Promise<void>((resolve) => (hydrated = resolve));

/**
 * Called once by the root layout when it has mounted (the last component to mount on the first
 * page): sets the `app:hydrated` performance mark and releases `afterHydration()`.
 */
export function markHydrated(): void {
	performance.mark(HYDRATED_MARK);
	hydrated();
}

/**
 * Resolves once the page has hydrated, in a later task. A page component's onMount runs before the
 * layout's, so code that loads JavaScript the first view can do without (the simulator engine)
 * waits for this. Not in the hydrating task itself: a promise would resume it in that task's
 * microtasks, and the dynamic import's module preloading (Vite's helper adds a link per chunk)
 * would lengthen the page's longest task (traced: ~12 ms of the sim page's ~50 ms hydration task).
 */
export function afterHydration(): Promise<void> {
	return whenHydrated.then(() => nextTask());
}
