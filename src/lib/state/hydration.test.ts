import { describe, expect, it } from 'vitest';
import { HYDRATED_MARK } from './app-marks';
import { afterHydration, markHydrated } from './hydration';

describe('hydration signal', () => {
	it('holds afterHydration() until the layout marks the page hydrated, and sets the mark', async () => {
		let released = false;
		const waiting = afterHydration().then(() => (released = true));
		await Promise.resolve();
		expect(released).toBe(false);
		expect(performance.getEntriesByName(HYDRATED_MARK)).toHaveLength(0);
		markHydrated();
		// Not in the hydrating task's own microtasks: the release waits for a later task.
		for (let i = 0; i < 10; i++) await Promise.resolve();
		expect(released).toBe(false);
		await waiting;
		expect(released).toBe(true);
		expect(performance.getEntriesByName(HYDRATED_MARK, 'mark')).toHaveLength(1);
		// Later callers (client-side navigation) go straight through.
		await expect(afterHydration()).resolves.toBeUndefined();
	});
});
