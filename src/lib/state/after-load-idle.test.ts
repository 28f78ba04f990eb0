import { describe, expect, it } from 'vitest';
import { afterLoadAndIdle, type LoadIdleWindow } from './after-load-idle';

/** A window whose load event, idle callbacks and timeouts fire only when the test says so. */
function fakeWindow(readyState: DocumentReadyState, withIdle = true) {
	const log: string[] = [];
	let onLoad: (() => void) | undefined;
	const idle: { callback: () => void; timeout: number }[] = [];
	const timeouts: { callback: () => void; ms: number }[] = [];
	const win: LoadIdleWindow = {
		document: { readyState },
		addEventListener(type, listener, options) {
			log.push(`listen ${type} once=${options.once}`);
			onLoad = listener;
		},
		...(withIdle
			? {
					requestIdleCallback(callback: () => void, options: { timeout: number }) {
						idle.push({ callback, timeout: options.timeout });
						return idle.length;
					}
				}
			: {}),
		setTimeout(callback, ms) {
			timeouts.push({ callback, ms });
			return timeouts.length;
		}
	};
	return {
		win,
		log,
		idle,
		timeouts,
		load() {
			win.document.readyState = 'complete';
			onLoad?.();
		}
	};
}

/** Whether the promise has settled after pending microtasks ran. */
async function settled(promise: Promise<void>): Promise<boolean> {
	let done = false;
	void promise.then(() => (done = true));
	await Promise.resolve();
	await Promise.resolve();
	return done;
}

describe('afterLoadAndIdle', () => {
	it('waits for the load event, then for an idle moment', async () => {
		const fake = fakeWindow('interactive');
		const ready = afterLoadAndIdle(fake.win, 2500);
		expect(fake.log).toEqual(['listen load once=true']);
		expect(fake.idle).toHaveLength(0);
		expect(await settled(ready)).toBe(false);

		fake.load();
		expect(fake.idle).toHaveLength(1);
		expect(fake.idle[0].timeout).toBe(2500);
		expect(await settled(ready)).toBe(false);

		fake.idle[0].callback();
		expect(await settled(ready)).toBe(true);
	});

	it('asks for an idle moment at once when the page has already loaded', async () => {
		const fake = fakeWindow('complete');
		const ready = afterLoadAndIdle(fake.win);
		expect(fake.log).toEqual([]);
		expect(fake.idle).toHaveLength(1);
		expect(fake.idle[0].timeout).toBe(3000);
		fake.idle[0].callback();
		expect(await settled(ready)).toBe(true);
	});

	it('falls back to a zero-delay timeout where requestIdleCallback is missing', async () => {
		const fake = fakeWindow('loading', false);
		const ready = afterLoadAndIdle(fake.win);
		fake.load();
		expect(fake.timeouts.map((t) => t.ms)).toEqual([0]);
		expect(await settled(ready)).toBe(false);
		fake.timeouts[0].callback();
		expect(await settled(ready)).toBe(true);
	});
});
