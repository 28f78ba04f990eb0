import { Dexie } from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Dashboard } from './dashboard-queries';
import { fixedEffects } from './progress-effects';
import { openProgressStore } from './progress-store';
import { answer, failIdbWritesTo, memoryIdb, T0 } from './test-harness';

/** Resolves with the first emitted value that satisfies `pred`. */
function nextMatching<T>(values: T[], pred: (v: T) => boolean, timeoutMs = 2000): Promise<T> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const poll = () => {
			const hit = values.find(pred);
			if (hit !== undefined) resolve(hit);
			else if (Date.now() - started > timeoutMs)
				reject(new Error(`no match in ${JSON.stringify(values.length)} values`));
			else setTimeout(poll, 5);
		};
		poll();
	});
}

const attemptsOf = (d: Dashboard) => d.totals.attempts;

describe('watchDashboard', () => {
	it('emits on subscribe and again after each answer', async () => {
		const store = await openProgressStore({
			idb: memoryIdb(),
			effects: fixedEffects({ start: T0 })
		});
		const seen: Dashboard[] = [];
		const sub = store.watchDashboard().subscribe((d) => seen.push(d));
		await nextMatching(seen, (d) => attemptsOf(d) === 0);
		await store.recordAnswer(answer());
		await nextMatching(seen, (d) => attemptsOf(d) === 1);
		sub.unsubscribe();
		expect(sub.closed).toBe(true);
		store.close();
	});

	it('shows answers given through another connection (another tab)', async () => {
		const idb = memoryIdb();
		const tabA = await openProgressStore({
			idb,
			name: 'shared',
			effects: fixedEffects({ start: T0, idPrefix: 'a' })
		});
		const tabB = await openProgressStore({
			idb,
			name: 'shared',
			effects: fixedEffects({ start: T0, idPrefix: 'b' })
		});
		const seen: number[] = [];
		const sub = tabA
			.watch((ctx) => ctx.db.attempts.count())
			.subscribe({ next: (n) => seen.push(n) });
		await nextMatching(seen, (n) => n === 0);
		await tabB.recordAnswer(answer());
		await tabB.recordAnswer(answer({ questionId: 'q-2' }));
		await nextMatching(seen, (n) => n === 2);
		sub.unsubscribe();
	});

	it('follows the store to memory when storage fails', async () => {
		const persistent = memoryIdb();
		let full = false;
		onTestFinished(failIdbWritesTo(persistent, 'attempts', () => full));
		const store = await openProgressStore({
			idb: persistent,
			effects: fixedEffects({ start: T0 }),
			memoryIdb: async () => memoryIdb()
		});
		await store.recordAnswer(answer());
		const seen: Dashboard[] = [];
		const sub = store.watchDashboard().subscribe({ next: (d) => seen.push(d) });
		await nextMatching(seen, (d) => attemptsOf(d) === 1);
		full = true;
		await store.recordAnswer(answer({ questionId: 'q-2' }));
		expect(store.status.persistent).toBe(false);
		await nextMatching(seen, (d) => attemptsOf(d) === 2);
		await store.recordAnswer(answer({ questionId: 'q-3' }));
		await nextMatching(seen, (d) => attemptsOf(d) === 3);
		sub.unsubscribe();
	});

	it('is a Svelte-compatible store and an interop Observable', async () => {
		const store = await openProgressStore({
			idb: memoryIdb(),
			effects: fixedEffects({ start: T0 })
		});
		const obs = store.watch(async () => 42);
		const key = (Symbol as { observable?: symbol }).observable ?? '@@observable';
		expect((obs as unknown as Record<PropertyKey, () => unknown>)[key]!()).toBe(obs);
		const got: number[] = [];
		const sub = obs.subscribe((v) => got.push(v));
		await nextMatching(got, (v) => v === 42);
		expect(typeof sub.unsubscribe).toBe('function');
		sub.unsubscribe();
	});

	it('works in memory in a browser without IndexedDB (Dexie needs its global set)', async () => {
		const deps = Dexie.dependencies;
		const saved = { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange };
		deps.indexedDB = null as unknown as IDBFactory;
		try {
			const store = await openProgressStore({
				idb: undefined,
				memoryIdb: async () => memoryIdb(),
				effects: fixedEffects({ start: T0 })
			});
			expect(store.status.persistent).toBe(false);
			const seen: Dashboard[] = [];
			const sub = store.watchDashboard().subscribe((d) => seen.push(d));
			await store.recordAnswer(answer());
			await nextMatching(seen, (d) => attemptsOf(d) === 1);
			sub.unsubscribe();
		} finally {
			Object.assign(deps, saved);
		}
	});
});
