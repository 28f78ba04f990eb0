import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { AppDB, STORES_V4, type IdbDependencies } from './app-db';
import { makePage, PAGE_SIZE, readAllAttempts } from './attempt-pages';
import { generateHistory } from './bench-history';
import { fixedEffects } from './progress-effects';
import { ProgressInputError } from './progress-errors';
import { openProgressStore, type ProgressStoreOptions } from './progress-store';
import type { PersistenceState } from './settings-schema';
import { requestPersistence, type StorageManagerLike } from './storage-persistence';
import { isStorageFailure } from './storage-failure';
import { openPersistentDb } from './store-backend';
import { latestAnswerPacks } from './review-queue';
import { answer, failIdbWritesTo, makeCtx, memoryIdb, T0 } from './test-harness';

const base = (): ProgressStoreOptions => ({
	effects: fixedEffects({ start: T0 }),
	memoryIdb: async () => memoryIdb()
});

/** An IndexedDB whose `open` behaves as given. */
const idbWith = (open: () => unknown): IdbDependencies => ({
	indexedDB: { open } as unknown as IDBFactory,
	IDBKeyRange
});

describe('openProgressStore falls back to memory and never throws', () => {
	it('without IndexedDB at all', async () => {
		const store = await openProgressStore({ ...base(), idb: undefined });
		expect(store.status).toEqual({
			persistent: false,
			reason: 'This browser does not offer IndexedDB storage.'
		});
		await store.recordAnswer(answer());
		expect((await store.dashboard()).totals.attempts).toBe(1);
	});

	it('when open throws (private mode, blocked by policy)', async () => {
		const store = await openProgressStore({
			...base(),
			idb: idbWith(() => {
				throw new DOMException('The user denied permission', 'SecurityError');
			})
		});
		expect(store.status.persistent).toBe(false);
		expect(store.status.reason).toMatch(/does not allow this site to store data/);
		expect((await store.recordAnswer(answer())).attempt.id).toBe('id-000001');
	});

	it('when open never completes', async () => {
		const store = await openProgressStore({
			...base(),
			openTimeoutMs: 30,
			idb: idbWith(() => ({}))
		});
		expect(store.status.persistent).toBe(false);
		expect(store.status.reason).toMatch(/took too long/);
	});

	it('when another tab blocks the upgrade', async () => {
		const idb = memoryIdb();
		// An old connection at IDB version 5 that ignores versionchange: ours (IDB version 20, Dexie 2) blocks.
		await new Promise<void>((resolve) => {
			const req = idb.indexedDB.open('progress', 5);
			req.onsuccess = () => resolve();
		});
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const store = await openProgressStore({ ...base(), idb, name: 'progress', openTimeoutMs: 50 });
		expect(store.status.persistent).toBe(false);
		expect(warn).toHaveBeenCalled();
	});

	it.each([true, false])(
		'a schema upgrade longer than the open timeout is waited for (upgrade seen: %s)',
		async (seen) => {
			const idb = memoryIdb();
			const current = new AppDB('progress', idb);
			await current.open();
			current.close();
			// The next version's upgrade keeps its transaction busy for 300 ms; the timeout is 50.
			class SlowUpgrade extends AppDB {
				constructor(name: string, deps: IdbDependencies) {
					super(name, deps);
					this.version(5)
						.stores(STORES_V4)
						.upgrade(async (tx) => {
							this.upgradeStarted = seen;
							const t0 = Date.now();
							while (Date.now() - t0 < 300) await tx.table('settings').get('examDate');
						});
				}
			}
			const outcome = await openPersistentDb(idb, (n, d) => new SlowUpgrade(n, d), 50, 'progress');
			if (seen) {
				expect(outcome.ok).toBe(true);
				if (outcome.ok) expect(outcome.db.verno).toBe(5);
			} else
				expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/too long/) });
		}
	);

	it('when a write hits QuotaExceededError: degrades once, keeps the data, retries the write', async () => {
		const persistent = memoryIdb();
		let full = false;
		onTestFinished(failIdbWritesTo(persistent, 'attempts', () => full));
		const store = await openProgressStore({
			...base(),
			idb: persistent
		});
		for (let i = 0; i < 3; i++) await store.recordAnswer(answer({ questionId: `q-${i}` }));
		expect(store.status).toEqual({ persistent: true });
		const events: unknown[] = [];
		store.onStatusChange((s) => events.push(s));
		full = true;
		const [r1, r2] = await Promise.all([
			store.recordAnswer(answer({ questionId: 'q-9' })),
			store.recordAnswer(answer({ questionId: 'q-8' }))
		]);
		expect(r1.duplicate || r2.duplicate).toBe(false);
		expect(events).toEqual([
			{ persistent: false, reason: expect.stringMatching(/refused to store more data/) }
		]);
		const d = await store.dashboard();
		expect(d.totals.attempts).toBe(5);
		expect((await store.exportAll({ markBackedUp: false })).data.cards).toHaveLength(5);
	});

	it('still rejects a caller bug with ProgressInputError', async () => {
		const store = await openProgressStore({ ...base(), idb: memoryIdb() });
		await expect(store.recordAnswer({ ...answer(), timeMs: -3 })).rejects.toBeInstanceOf(
			ProgressInputError
		);
		await expect(store.setSetting('theme', 'neon' as never)).rejects.toThrow(/setting theme/);
		expect(store.status.persistent).toBe(true);
	});

	it('classifies storage errors, including wrapped ones', () => {
		expect(isStorageFailure(new DOMException('x', 'QuotaExceededError'))).toBe(true);
		expect(isStorageFailure({ name: 'AbortError', inner: null })).toBe(true);
		expect(
			isStorageFailure({ name: 'BulkError', failures: [{ name: 'QuotaExceededError' }] })
		).toBe(true);
		expect(isStorageFailure(new TypeError('undefined is not a function'))).toBe(false);
		expect(isStorageFailure(new ProgressInputError('x', []))).toBe(false);
	});
});

describe('the store API', () => {
	it('covers lessons, exams, settings, packs and the exam date', async () => {
		const effects = fixedEffects({ start: T0 });
		const store = await openProgressStore({
			...base(),
			effects,
			idb: memoryIdb(),
			appVersion: '1.2.3'
		});
		await store.markLessonRead('assume-role', { completed: true });
		expect((await store.listLessons())[0]).toMatchObject({
			slug: 'assume-role',
			completed: true,
			completedAt: T0
		});
		const exam = await store.recordExam({
			startedAt: T0 - 60_000,
			results: [{ questionId: 'q', topic: 'mfa', correct: true }]
		});
		expect(exam).toMatchObject({
			score: 1,
			passed: true,
			perTopic: { mfa: { correct: 1, total: 1 } }
		});
		expect(await store.listExams()).toEqual([exam]);
		await store.setSetting('theme', 'dark');
		expect(await store.getSetting('theme')).toBe('dark');
		expect(await store.setExamDate(T0 + 20 * 86_400_000)).toBe(0);
		expect(await store.getSetting('examDate')).toBe(T0 + 20 * 86_400_000);
		await store.savePack({ id: 'p', version: '1', title: 'P', author: '', data: [1, 2] });
		expect((await store.listPacks()).map((p) => p.id)).toEqual(['p']);
		await store.removePack('p');
		expect(await store.listPacks()).toEqual([]);
		expect(JSON.parse(await store.exportText({ markBackedUp: false })).app.version).toBe('1.2.3');
		store.setCatalogue([{ topic: 'saml', questionCount: 4 }]);
		expect((await store.studyPlan()).topics.map((t) => t.topic)).toEqual(['saml']);
		expect(await store.dueForecast()).toHaveLength(14);
		expect(await store.dueCards()).toEqual([]);
		expect(await store.needsBackupReminder()).toBe(false);
	});

	it('clearAll deletes every table, aggregates included', async () => {
		const store = await openProgressStore({ ...base(), idb: memoryIdb() });
		await store.recordAnswer(answer());
		await store.markLessonRead('assume-role');
		await store.setSetting('lastBackupAt', T0);
		await store.clearAll();
		const { data } = await store.exportAll({ markBackedUp: false });
		expect(data).toEqual({
			attempts: [],
			cards: [],
			lessons: [],
			exams: [],
			settings: [],
			packs: [],
			aggregates: []
		});
		expect((await store.dashboard()).totals.attempts).toBe(0);
	});
});

describe('requestPersistence', () => {
	const cases: Array<[string, StorageManagerLike, PersistenceState]> = [
		['already persisted', { persisted: async () => true, persist: async () => false }, 'granted'],
		['granted on request', { persisted: async () => false, persist: async () => true }, 'granted'],
		['denied', { persisted: async () => false, persist: async () => false }, 'denied'],
		['no persist()', { persisted: async () => false }, 'unsupported'],
		['throws', { persist: async () => Promise.reject(new Error('insecure')) }, 'unsupported']
	];
	it.each(cases)('%s → %s', async (_, storage, expected) => {
		expect(await requestPersistence(storage)).toBe(expected);
	});

	it('is unsupported without navigator.storage, and the store remembers the answer', async () => {
		expect(await requestPersistence(undefined)).toBe('unsupported');
		const store = await openProgressStore({
			...base(),
			idb: memoryIdb(),
			storage: { persist: async () => true }
		});
		expect(await store.requestPersistence()).toBe('granted');
		expect(await store.getSetting('persistence')).toBe('granted');
	});
});

describe('lastResults', () => {
	it('gives each answered question its latest result', async () => {
		const store = await openProgressStore({ ...base(), idb: null });
		await store.recordAnswer(answer({ questionId: 'q-a', correct: false }));
		await store.recordAnswer(answer({ questionId: 'q-b', correct: true }));
		await store.recordAnswer(answer({ questionId: 'q-a', correct: true, at: T0 + 60_000 }));
		await store.recordAnswer(answer({ questionId: 'q-c', correct: false }));
		expect(Object.fromEntries(await store.lastResults())).toEqual({
			'q-a': true,
			'q-b': true,
			'q-c': false
		});
	});
});

describe('latestAnswerPacks', () => {
	it('names the pack of each question’s latest answer, in pages or in the tail', async () => {
		const { ctx } = makeCtx();
		const { recordAnswer } = await import('./attempt-repository');
		await recordAnswer(ctx, answer({ id: 'a1', questionId: 'lab-q1', packId: 'lab' }));
		await recordAnswer(ctx, answer({ id: 'a2', questionId: 'bank-q1' }));
		// Moved into a page: still found, through the pages' questionIds index.
		const tail = await ctx.db.attempts.toArray();
		await ctx.db.attempts.clear();
		await ctx.db.attemptPages.add(makePage(1, tail));
		await recordAnswer(
			ctx,
			answer({ id: 'a3', questionId: 'lab-q2', packId: 'lab', correct: false })
		);
		const packs = await latestAnswerPacks(ctx, ['lab-q1', 'bank-q1', 'lab-q2', 'never-answered']);
		expect([...packs]).toEqual([
			['lab-q1', 'lab'],
			['bank-q1', undefined],
			['lab-q2', 'lab']
		]);
		expect(await ctx.db.attemptPages.count()).toBe(1);
	});
});

describe('opening the store', () => {
	it('seals full pages of the answers recorded since (the tail), in the background', async () => {
		const idb = memoryIdb();
		const seed = new AppDB('progress', idb);
		const { attempts } = generateHistory(2 * PAGE_SIZE + 7, 50, 3);
		await seed.attempts.bulkAdd(attempts);
		seed.close();

		const store = await openProgressStore({ ...base(), idb, name: 'progress' });
		const check = new AppDB('progress', idb);
		await vi.waitFor(async () => expect(await check.attemptPages.count()).toBe(2), {
			timeout: 10_000
		});
		expect(await check.attempts.count()).toBe(7);
		const all = await readAllAttempts(check);
		expect(all.map((a) => a.id).sort()).toEqual(attempts.map((a) => a.id).sort());
		check.close();
		store.close();
	});
});
