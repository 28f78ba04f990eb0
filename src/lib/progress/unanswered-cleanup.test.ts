// The one-off clean-up after open: attempts stored by older versions for unanswered exam
// questions (no option chosen) are dropped, with the cards only they created, and the
// aggregates rebuilt. Once, marked in `meta`; a failure never blocks the store.
import { Dexie, type DBCore } from 'dexie';
import { State } from 'ts-fsrs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rebuildAggregates } from './aggregate-builder';
import { AppDB, STORES_V2, type IdbDependencies } from './app-db';
import { makePage, readAllAttempts } from './attempt-pages';
import { recordAnswer } from './attempt-repository';
import { exportAll, serializeBackup } from './backup-export';
import { importBackup } from './backup-import';
import { scheduleCard } from './card-scheduler';
import { DAY_MS } from './day-calendar';
import { markLessonRead } from './lesson-repository';
import { REVIEW_STATE } from './mastery-model';
import { openProgressStore } from './progress-store';
import { fixedEffects } from './progress-effects';
import type { AttemptRecord, CardRecord } from './record-schemas';
import { isStable } from './mastery-model';
import { setExamDate } from './settings-repository';
import { dropUnansweredAttempts, UNANSWERED_CLEANUP_MARKER } from './unanswered-cleanup';
import { answer, makeCtx, memoryIdb, T0 } from './test-harness';

const NAME = 'progress';
type Rows = Record<string, Record<string, unknown>[]>;

/**
 * Writes, at Dexie version 2, what an older version of the app stored for this history: an exam
 * in which two questions were answered (`seen`, `mixed`) and three left unanswered (`unseen-1`,
 * `unseen-2`, and `mixed` again, answered earlier in practice). The old code counted each
 * unanswered question as a wrong answer (a card rated Again, every aggregate), and stored it
 * with no option chosen: recorded here the same way, then its `chosen` emptied. Half the
 * attempts are in a page, half in the tail, so that both places hold unanswered ones.
 */
async function writeOldDatabase(idb: IdbDependencies): Promise<Rows> {
	const { ctx, db } = makeCtx();
	const e = ctx.effects;
	await markLessonRead(ctx, 'assume-role');
	const unanswered = new Set<string>();
	const record = async (questionId: string, chosen: number[] | null, correct: boolean) => {
		e.advance(60_000);
		const r = await recordAnswer(
			ctx,
			answer({ questionId, chosen: chosen ?? [1], correct, mode: chosen ? 'practice' : 'exam' })
		);
		if (!chosen) unanswered.add(r.attempt.id);
	};
	await record('mixed', [0], true);
	await record('seen', [0], true);
	await record('unseen-1', null, false);
	e.advance(DAY_MS);
	await record('mixed', null, false);
	await record('unseen-2', null, false);
	await record('seen', [2], false);
	const attempts = (await db.attempts.orderBy('at').toArray()).map((a): AttemptRecord =>
		unanswered.has(a.id) ? { ...a, chosen: [] } : a
	);
	const rows: Rows = {
		attempts: attempts.slice(3),
		attemptPages: [makePage(1, attempts.slice(0, 3))],
		cards: await db.cards.toArray(),
		lessons: await db.lessons.toArray(),
		aggregates: await db.aggregates.toArray()
	};
	db.close();
	const old = new Dexie(NAME, idb);
	old.version(2).stores(STORES_V2);
	await old.open();
	for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
	old.close();
	return rows;
}

/** Every table of the database, read at whatever version it is. */
async function readRaw(idb: IdbDependencies): Promise<{ verno: number; tables: Rows }> {
	const raw = new Dexie(NAME, idb);
	await raw.open();
	const tables: Rows = {};
	for (const t of raw.tables) tables[t.name] = await t.toArray();
	const verno = raw.verno;
	raw.close();
	return { verno, tables };
}

/** Waits until the background clean-up of `name` has written its marker. */
async function cleanedUp(idb: IdbDependencies): Promise<void> {
	await vi.waitFor(
		async () => {
			const db = new AppDB(NAME, idb);
			const marker = await db.meta.get(UNANSWERED_CLEANUP_MARKER);
			db.close();
			expect(marker).toBeDefined();
		},
		{ timeout: 5000, interval: 20 }
	);
}

/**
 * An AppDB whose writes to `aggregates` fail as on a full disk: the clean-up's last write, so
 * everything it changed before must be rolled back.
 */
function fullDiskDb(name: string, deps: IdbDependencies): AppDB {
	const db = new AppDB(name, deps);
	db.use({
		stack: 'dbcore',
		name: 'full-disk',
		create: (down: DBCore): DBCore => ({
			...down,
			table: (t) => {
				const table = down.table(t);
				return t !== 'aggregates'
					? table
					: {
							...table,
							mutate: () => Promise.reject(new DOMException('disk full', 'QuotaExceededError'))
						};
			}
		})
	});
	return db;
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('clean-up after open: unanswered exam questions stored by older versions', () => {
	it('keeps REVIEW_STATE equal to ts-fsrs State.Review (isStable reads cards without ts-fsrs)', () => {
		expect(REVIEW_STATE).toBe(State.Review);
	});

	it('are dropped on open, with the cards only they created; the figures count real answers only', async () => {
		const idb = memoryIdb();
		const old = await writeOldDatabase(idb);
		const effects = fixedEffects({ start: T0 + 3 * DAY_MS });
		const store = await openProgressStore({ idb, name: NAME, effects });
		expect(store.status).toEqual({ persistent: true });
		await cleanedUp(idb);

		const db = new AppDB(NAME, idb);
		await db.open();
		expect(db.verno).toBe(4);
		expect(await db.meta.get(UNANSWERED_CLEANUP_MARKER)).toEqual({
			key: UNANSWERED_CLEANUP_MARKER,
			at: T0 + 3 * DAY_MS,
			value: { attempts: 3, cards: 2 }
		});
		const answers = await readAllAttempts(db);
		// The three real answers, each once, wherever they were; nothing without an option chosen.
		expect(answers.map((a) => [a.questionId, a.chosen])).toEqual([
			['mixed', [0]],
			['seen', [0]],
			['seen', [2]]
		]);
		// The page lost its unanswered attempt and still describes what it holds.
		const [page] = await db.attemptPages.toArray();
		expect(page).toEqual(makePage(1, answers.slice(0, 2)));
		// Cards: the two questions only ever left unanswered have none; `seen` (never left
		// unanswered) keeps its card as it was; `mixed`, answered right in practice and then
		// left unanswered in the exam (rated Again), is scheduled from its real answer alone.
		const cards = await db.cards.toArray();
		expect(cards.map((c) => c.questionId).sort()).toEqual(['mixed', 'seen']);
		const card = (id: string) => cards.find((c) => c.questionId === id);
		const oldCard = (id: string) => old.cards!.find((c) => c.questionId === id);
		expect(card('seen')).toEqual(oldCard('seen'));
		const realMixed = answers.find((a) => a.questionId === 'mixed')!;
		expect(card('mixed')).toEqual(
			scheduleCard(undefined, {
				...realMixed,
				questionDifficulty: realMixed.difficulty,
				grade: realMixed.rating
			})
		);
		expect(card('mixed')).not.toEqual(oldCard('mixed'));
		expect(card('mixed')!.reps).toBe(1);
		expect(oldCard('mixed')!.reps).toBe(2);
		// Aggregates as a rebuild from the cleaned tables gives them (what an import would do).
		expect(await db.aggregates.toArray()).toEqual(
			rebuildAggregates(answers, cards, await db.lessons.toArray(), effects)
		);
		expect(old.aggregates!.length).toBeGreaterThan(0);

		// The figures the learner sees: 3 answers, 2 right (the old data said 6 and 2).
		const d = await store.dashboard();
		expect(d.totals).toEqual({ attempts: 3, correct: 2 });
		expect(d.accuracyByDay.reduce((s, x) => s + x.attempts, 0)).toBe(3);
		const mfa = d.topics.find((t) => t.topic === 'assume-role');
		expect(mfa?.attempts).toBe(3);
		// No review card for a question never answered.
		const queue = await store.reviewQueue(T0 + 30 * DAY_MS, 50);
		expect(queue.cards.map((c) => c.questionId).sort()).toEqual(['mixed', 'seen']);
		expect(queue.dueNow).toBe(2);
		expect([...(await store.lastResults()).keys()].sort()).toEqual(['mixed', 'seen']);
		// The lesson read is still on its day.
		expect(d.lessons.read).toBe(1);
		store.close();
		db.close();
	});

	it('a failing clean-up never blocks the store: persistent, the data as it was, logged; the next open cleans it', async () => {
		const idb = memoryIdb();
		const old = await writeOldDatabase(idb);
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const store = await openProgressStore({
			idb,
			name: NAME,
			effects: fixedEffects({ start: T0 + 3 * DAY_MS }),
			createDb: fullDiskDb
		});
		expect(store.status).toEqual({ persistent: true });
		await vi.waitFor(() => expect(warn).toHaveBeenCalled(), { timeout: 5000, interval: 20 });
		expect(String(warn.mock.calls[0]![0])).toMatch(/clean-up failed/);
		expect((warn.mock.calls[0]![1] as Error).name).toBe('QuotaExceededError');
		// Still the store on disk, with the old figures (6 "answers", 2 right), and it records.
		expect(store.status).toEqual({ persistent: true });
		expect((await store.dashboard()).totals).toEqual({ attempts: 6, correct: 2 });
		store.close();
		// On disk: every record as it was, no marker (the transaction was rolled back).
		const { verno, tables } = await readRaw(idb);
		expect(verno).toBe(4);
		for (const [table, rows] of Object.entries(old)) expect(tables[table], table).toEqual(rows);
		expect(tables.meta).toEqual([]);

		// The next open (the disk has room again) cleans it.
		const fixed = await openProgressStore({ idb, name: NAME });
		expect(fixed.status).toEqual({ persistent: true });
		await cleanedUp(idb);
		expect((await fixed.dashboard()).totals).toEqual({ attempts: 3, correct: 2 });
		const r = await fixed.recordAnswer(answer({ questionId: 'after' }));
		expect(r.duplicate).toBe(false);
		expect((await fixed.dashboard()).totals.attempts).toBe(4);
		fixed.close();
	});

	it('a card also answered for real is rescheduled from its real answers, oldest first, under the exam date; the figures follow', async () => {
		const { ctx, db } = makeCtx();
		const e = ctx.effects;
		await setExamDate(ctx, T0 + 20 * DAY_MS);
		// Four right answers spread over a month make the card stable (Review, stability ≥ 7 days);
		// then an older version stored an unanswered exam question for it, rated Again.
		const real: AttemptRecord[] = [];
		for (const day of [0, 1, 4, 14]) {
			e.set(T0 + day * DAY_MS);
			real.push((await recordAnswer(ctx, answer({ questionId: 'q', timeMs: 5_000 }))).attempt);
		}
		const stableBefore = await db.cards.get('q');
		expect(isStable(stableBefore)).toBe(true);
		e.set(T0 + 40 * DAY_MS);
		const lapse = await recordAnswer(
			ctx,
			answer({ questionId: 'q', chosen: [1], correct: false, mode: 'exam' })
		);
		await db.attempts.update(lapse.attempt.id, { chosen: [] });
		expect(isStable(await db.cards.get('q'))).toBe(false);
		const topicBefore = (await db.aggregates.toArray()).find((r) => r.kind === 'topic');
		expect(topicBefore).toMatchObject({ stableCards: 0 });

		const removed = await db.transaction('rw', db.tables, (tx) =>
			dropUnansweredAttempts(tx, ctx.effects)
		);
		expect(removed).toEqual({ attempts: 1, cards: 0 });

		// The same card as replaying the real answers in order with the exam date set now.
		let expected: CardRecord | undefined;
		for (const a of real)
			expected = scheduleCard(
				expected,
				{ ...a, questionDifficulty: a.difficulty, grade: a.rating },
				{ examAt: T0 + 20 * DAY_MS }
			);
		const card = await db.cards.get('q');
		expect(card).toEqual(expected);
		expect(card).toEqual(stableBefore);
		// Not the card the same answers give without the exam date, nor in another order.
		let noExam: CardRecord | undefined;
		for (const a of real)
			noExam = scheduleCard(noExam, { ...a, questionDifficulty: a.difficulty, grade: a.rating });
		expect(card).not.toEqual(noExam);
		let reversed: CardRecord | undefined;
		for (const a of [...real].reverse())
			reversed = scheduleCard(
				reversed,
				{ ...a, questionDifficulty: a.difficulty, grade: a.rating },
				{ examAt: T0 + 20 * DAY_MS }
			);
		expect(card).not.toEqual(reversed);
		// The figures: the card counts as stable again, as a rebuild from the cleaned tables says.
		const rows = await db.aggregates.toArray();
		expect(rows.find((r) => r.kind === 'topic')).toMatchObject({ stableCards: 1, attempts: 4 });
		expect(rows).toEqual(
			rebuildAggregates(
				await readAllAttempts(db),
				await db.cards.toArray(),
				await db.lessons.toArray(),
				ctx.effects
			)
		);
		db.close();
	});

	it.each(['merge', 'replace'] as const)(
		'importing (%s) a backup made before the clean-up cleans what it brings back',
		async (mode) => {
			const { ctx, db } = makeCtx();
			const e = ctx.effects;
			const real = (await recordAnswer(ctx, answer({ questionId: 'mixed' }))).attempt;
			e.advance(DAY_MS);
			const lapse = await recordAnswer(
				ctx,
				answer({ questionId: 'mixed', chosen: [1], correct: false, mode: 'exam' })
			);
			await db.attempts.update(lapse.attempt.id, { chosen: [] });
			const oldBackup = serializeBackup(await exportAll(ctx, { markBackedUp: false }));
			await db.transaction('rw', db.tables, (tx) => dropUnansweredAttempts(tx, ctx.effects));
			const cleanedCard = await db.cards.get('mixed');
			expect(cleanedCard).toEqual(
				scheduleCard(undefined, {
					...real,
					questionDifficulty: real.difficulty,
					grade: real.rating
				})
			);

			const result = await importBackup(ctx, oldBackup, mode);
			expect(result.ok && result.warnings).toContain(
				'1 unanswered exam question stored by an older version was left out: it was never answered, so it does not count as an answer.'
			);
			expect((await readAllAttempts(db)).map((a) => a.id)).toEqual([real.id]);
			expect(await db.cards.get('mixed')).toEqual(cleanedCard);
			expect((await db.aggregates.toArray()).find((r) => r.kind === 'topic')).toMatchObject({
				attempts: 1,
				correct: 1
			});
			db.close();
		}
	);

	it('running twice changes nothing', async () => {
		const idb = memoryIdb();
		await writeOldDatabase(idb);
		const effects = fixedEffects({ start: T0 + 3 * DAY_MS });
		const first = await openProgressStore({ idb, name: NAME, effects });
		await cleanedUp(idb);
		first.close();
		const cleaned = await readRaw(idb);
		expect(cleaned.tables.meta).toHaveLength(1);

		// Opened again: the marker says done, nothing is written.
		const second = await openProgressStore({ idb, name: NAME, effects });
		await vi.waitFor(async () => expect((await second.dashboard()).totals.attempts).toBe(3));
		second.close();
		expect(await readRaw(idb)).toEqual(cleaned);

		// Even without the marker, the clean-up itself finds nothing and writes nothing.
		const db = new AppDB(NAME, idb);
		const again = await db.transaction(
			'rw',
			[db.attempts, db.attemptPages, db.cards, db.lessons, db.aggregates],
			(tx) => dropUnansweredAttempts(tx, effects)
		);
		expect(again).toEqual({ attempts: 0, cards: 0 });
		db.close();
		expect(await readRaw(idb)).toEqual(cleaned);
	});
});
