import { afterEach, describe, expect, it, vi } from 'vitest';
import { PendingAction } from './pending-action.svelte';

describe('PendingAction', () => {
	afterEach(() => vi.useRealTimers());

	it('runs one action at a time, busy until it ends, slow once it has waited', async () => {
		vi.useFakeTimers();
		const action = new PendingAction(250);
		let finish = () => {};
		const runs: string[] = [];
		const first = action.run(() => {
			runs.push('first');
			return new Promise<void>((done) => (finish = done));
		});
		expect(action.busy).toBe(true);
		expect(action.slow).toBe(false);
		// A press meanwhile does not run; it resolves with the pending action.
		const second = action.run(async () => void runs.push('second'));
		expect(second).toBe(first);
		vi.advanceTimersByTime(250);
		expect(action.slow).toBe(true);
		finish();
		await first;
		expect([action.busy, action.slow, action.pending]).toEqual([false, false, undefined]);
		await action.run(async () => void runs.push('third'));
		expect(runs).toEqual(['first', 'third']);
	});

	it('ends even when the action throws', async () => {
		const action = new PendingAction();
		await expect(action.run(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
		expect(action.busy).toBe(false);
		expect(action.pending).toBeUndefined();
	});
});
