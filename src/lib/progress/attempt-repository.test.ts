import { describe, expect, it, onTestFinished } from 'vitest';
import { rebuildAggregates } from './aggregate-builder';
import { AppDB } from './app-db';
import { PAGE_SIZE, readAllAttempts, sealAttemptPages } from './attempt-pages';
import { questionHistory, recordAnswer } from './attempt-repository';
import { generateHistory } from './bench-history';
import { DAY_MS } from './day-calendar';
import { markLessonRead } from './lesson-repository';
import { fixedEffects } from './progress-effects';
import { ProgressInputError } from './progress-errors';
import { SCHEMA_VERSION } from './schema-primitives';
import { answer, dumpTables, failIdbWritesTo, makeCtx, T0 } from './test-harness';

async function expectAggregatesConsistent(ctx: ReturnType<typeof makeCtx>['ctx']) {
	const { db } = ctx;
	const rebuilt = rebuildAggregates(
		await db.attempts.toArray(),
		await db.cards.toArray(),
		await db.lessons.toArray(),
		ctx.effects
	);
	expect(await db.aggregates.toArray()).toEqual(rebuilt);
}

describe('recordAnswer', () => {
	it('writes the attempt, a card and the topic/day/time aggregates', async () => {
		const { ctx, db } = makeCtx();
		const r = await recordAnswer(ctx, answer({ chosen: [2, 0] }));
		expect(r.attempt).toMatchObject({
			id: 'id-000001',
			at: T0,
			chosen: [0, 2],
			schemaVersion: SCHEMA_VERSION,
			rating: 3
		});
		expect(r.card).toMatchObject({
			questionId: 'q-1',
			topic: 'assume-role',
			reps: 1,
			lastCorrect: true
		});
		expect(r.card.due).toBeGreaterThan(T0);
		const aggs = await db.aggregates.toArray();
		expect(aggs.map((a) => a.key)).toEqual(['day:2025-03-03', 'time:2', 'topic:assume-role']);
		expect(await db.aggregates.get('topic:assume-role')).toMatchObject({
			attempts: 1,
			correct: 1,
			seenCards: 1
		});
		expect(await questionHistory(ctx, 'q-1')).toEqual([r.attempt]);
	});

	it('is idempotent for a repeated id', async () => {
		const { ctx, db } = makeCtx();
		const first = await recordAnswer(ctx, answer({ id: 'client-1' }));
		const before = await dumpTables(db);
		ctx.effects.advance(5000);
		const again = await recordAnswer(ctx, answer({ id: 'client-1' }));
		expect(again.duplicate).toBe(true);
		expect(again.attempt).toEqual(first.attempt);
		expect(await dumpTables(db)).toEqual(before);
	});

	it('rejects a broken input with every bad field, writing nothing', async () => {
		const { ctx, db } = makeCtx();
		const bad = { ...answer(), timeMs: -1, chosen: [1, 1], topic: 'Not A Slug', mode: 'cheat' };
		const err = await recordAnswer(ctx, bad as never).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ProgressInputError);
		expect((err as ProgressInputError).problems.map((p) => p.path).sort()).toEqual([
			'chosen',
			'mode',
			'timeMs',
			'topic'
		]);
		expect(await db.attempts.count()).toBe(0);
	});

	it('is atomic: a failing aggregate write leaves no attempt and no card', async () => {
		const { ctx, db, idb } = makeCtx();
		onTestFinished(failIdbWritesTo(idb, 'aggregates'));
		await expect(recordAnswer(ctx, answer())).rejects.toMatchObject({ name: 'QuotaExceededError' });
		expect(await db.attempts.count()).toBe(0);
		expect(await db.cards.count()).toBe(0);
	});

	it('moves a card between topics when a question changes topic', async () => {
		const { ctx, db } = makeCtx();
		await recordAnswer(ctx, answer({ topic: 'mfa' }));
		ctx.effects.advance(DAY_MS);
		await recordAnswer(ctx, answer({ topic: 'saml' }));
		expect(await db.aggregates.get('topic:mfa')).toMatchObject({ attempts: 1, seenCards: 0 });
		expect(await db.aggregates.get('topic:saml')).toMatchObject({ attempts: 1, seenCards: 1 });
		await expectAggregatesConsistent(ctx);
	});

	it('keeps incremental aggregates equal to a full rebuild over a random history', async () => {
		const { ctx } = makeCtx();
		let seed = 42;
		const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let i = 0; i < 400; i++) {
			// Mostly forward in time, sometimes backwards (another tab's clock), across days.
			ctx.effects.advance(rand() < 0.1 ? -3_600_000 : Math.floor(rand() * 8 * 3_600_000));
			const q = Math.floor(rand() * 30);
			await recordAnswer(ctx, {
				...answer(),
				questionId: `q-${q}`,
				topic: ['mfa', 'saml', 'regions'][rand() < 0.05 ? Math.floor(rand() * 3) : q % 3]!,
				correct: rand() < 0.7,
				timeMs: Math.floor(rand() * 120_000),
				difficulty: ((q % 3) + 1) as 1 | 2 | 3,
				mode: rand() < 0.5 ? 'due' : 'practice'
			});
			if (rand() < 0.05) await markLessonRead(ctx, `lesson-${q % 4}`, { completed: rand() < 0.5 });
		}
		await expectAggregatesConsistent(ctx);
	});
});

describe('two tabs answering at once', () => {
	it('loses nothing: every attempt, every review and every counter lands', async () => {
		const a = makeCtx({ effects: fixedEffects({ start: T0, idPrefix: 'tab-a' }) });
		const b = makeCtx({
			idb: a.idb,
			name: a.name,
			effects: fixedEffects({ start: T0, idPrefix: 'tab-b' })
		});
		expect(b.db).not.toBe(a.db);
		const burst = (h: typeof a, n: number) =>
			Promise.all(
				Array.from({ length: n }, (_, i) =>
					recordAnswer(
						h.ctx,
						answer({ questionId: `shared-${i % 3}`, at: T0 + i * 1000, correct: i % 4 !== 0 })
					)
				)
			);
		await Promise.all([burst(a, 40), burst(b, 40)]);
		const check = new AppDB(a.name, a.idb);
		expect(await check.attempts.count()).toBe(80);
		const topic = await check.aggregates.get('topic:assume-role');
		expect(topic).toMatchObject({ attempts: 80, correct: 60, seenCards: 3 });
		const reps = (await check.cards.toArray()).reduce((s, c) => s + c.reps, 0);
		expect(reps).toBe(80);
		expect(await check.aggregates.get('day:2025-03-03')).toMatchObject({ attempts: 80 });
		await expectAggregatesConsistent({ db: check, effects: a.effects });
	});

	it('loses nothing while the other tab seals the tail into pages (page rollover)', async () => {
		const a = makeCtx({ effects: fixedEffects({ start: T0, idPrefix: 'tab-a' }) });
		const b = makeCtx({
			idb: a.idb,
			name: a.name,
			effects: fixedEffects({ start: T0, idPrefix: 'tab-b' })
		});
		// A tail just short of two pages, as a long session leaves it.
		const { attempts } = generateHistory(2 * PAGE_SIZE - 5, 200, 6);
		await a.db.attempts.bulkAdd(attempts.map((x) => ({ ...x, at: T0 - DAY_MS + (x.at % DAY_MS) })));
		a.effects.set(T0 + DAY_MS);
		b.effects.set(T0 + DAY_MS);
		const answers = Array.from({ length: 30 }, (_, i) =>
			recordAnswer(b.ctx, answer({ questionId: `q-${i % 7}`, correct: i % 3 !== 0 }))
		);
		// Tab A seals (twice, racing tab B's answers) while tab B records 30 answers.
		const [pagesWritten] = await Promise.all([
			sealAttemptPages(a.db).then(async (n) => n + (await sealAttemptPages(a.db))),
			...answers
		]);
		expect(pagesWritten).toBeGreaterThanOrEqual(1);
		const check = new AppDB(a.name, a.idb);
		const all = await readAllAttempts(check);
		expect(all).toHaveLength(2 * PAGE_SIZE - 5 + 30);
		expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
		const pages = await check.attemptPages.toArray();
		expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
		expect(pages.every((p) => p.attempts.length === PAGE_SIZE)).toBe(true);
		expect(await check.attempts.count()).toBe(all.length - pages.length * PAGE_SIZE);
		expect(await check.aggregates.get('day:2025-03-04')).toMatchObject({ attempts: 30 });
	});

	it('(control) the same burst without a shared transaction does lose updates', async () => {
		// Proves the two-connection setup really interleaves: read and write in separate
		// transactions, as a naive implementation would, and increments go missing.
		const a = makeCtx();
		const b = makeCtx({ idb: a.idb, name: a.name });
		await a.db.settings.put({
			key: 'lastBackupAt',
			value: T0,
			schemaVersion: SCHEMA_VERSION,
			updatedAt: T0
		});
		const naive = (db: AppDB) => async () => {
			const row = await db.settings.get('lastBackupAt');
			await db.settings.put({ ...row!, value: (row!.value as number) + 1 });
		};
		await Promise.all([...Array(20)].flatMap(() => [naive(a.db)(), naive(b.db)()]));
		const final = (await a.db.settings.get('lastBackupAt'))!.value as number;
		expect(final - T0).toBeLessThan(40);
	});
});
