import { HYDRATED_MARK } from './app-marks';

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
 * Resolves once the page has hydrated. A page component's onMount runs before the layout's, so
 * code that loads JavaScript the first view can do without (the simulator engine) waits for this.
 */
export function afterHydration(): Promise<void> {
	return whenHydrated;
}
