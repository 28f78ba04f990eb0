import { describe, expect, it, vi } from 'vitest';
import { nextTask, whenIdle } from './when-idle';

describe('whenIdle', () => {
	it('waits for an idle period, with the timeout passed to requestIdleCallback', async () => {
		let idle: (() => void) | undefined;
		const requestIdleCallback = vi.fn((cb: () => void, options?: { timeout?: number }) => {
			idle = cb;
			expect(options).toEqual({ timeout: 1_500 });
			return 1;
		});
		let resolved = false;
		const done = whenIdle(1_500, 200, {
			requestIdleCallback: requestIdleCallback as unknown as typeof globalThis.requestIdleCallback
		}).then(() => (resolved = true));
		await Promise.resolve();
		expect(resolved).toBe(false);
		idle?.();
		await done;
		expect(resolved).toBe(true);
		expect(requestIdleCallback).toHaveBeenCalledTimes(1);
	});

	it('falls back to a timer where requestIdleCallback does not exist', async () => {
		vi.useFakeTimers();
		try {
			let resolved = false;
			const done = whenIdle(2_000, 300, { setTimeout }).then(() => (resolved = true));
			await vi.advanceTimersByTimeAsync(299);
			expect(resolved).toBe(false);
			await vi.advanceTimersByTimeAsync(1);
			await done;
			expect(resolved).toBe(true);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('nextTask', () => {
	it('uses scheduler.yield where there is one', async () => {
		const y = vi.fn(() => Promise.resolve());
		await nextTask({ scheduler: { yield: y } });
		expect(y).toHaveBeenCalledTimes(1);
	});

	it('else resolves after a zero-delay timer, not in the current task', async () => {
		vi.useFakeTimers();
		try {
			let resolved = false;
			const done = nextTask({ setTimeout }).then(() => (resolved = true));
			await Promise.resolve();
			expect(resolved).toBe(false);
			await vi.advanceTimersByTimeAsync(0);
			await done;
			expect(resolved).toBe(true);
		} finally {
			vi.useRealTimers();
		}
	});
});
