// The Dexie v3 upgrade: attempts stored by older versions for unanswered exam questions (no
// option chosen) are dropped, with the cards only they created, and the aggregates rebuilt.
import { Dexie } from 'dexie';
import { State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { rebuildAggregates } from './aggregate-builder';
import { AppDB, STORES_V2, type IdbDependencies } from './app-db';
import { makePage, readAllAttempts } from './attempt-pages';
import { recordAnswer } from './attempt-repository';
import { DAY_MS } from './day-calendar';
import { markLessonRead } from './lesson-repository';
import { REVIEW_STATE } from './mastery-model';
import { openProgressStore } from './progress-store';
import { fixedEffects } from './progress-effects';
import type { AttemptRecord } from './record-schemas';
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

describe('Dexie v3: unanswered exam questions stored by older versions', () => {
	it('keeps REVIEW_STATE equal to ts-fsrs State.Review (isStable reads cards without ts-fsrs)', () => {
		expect(REVIEW_STATE).toBe(State.Review);
	});

	it('are dropped on open, with the cards only they created; the figures count real answers only', async () => {
		const idb = memoryIdb();
		const old = await writeOldDatabase(idb);
		const effects = fixedEffects({ start: T0 + 3 * DAY_MS });
		const store = await openProgressStore({ idb, name: NAME, effects });
		expect(store.status).toEqual({ persistent: true });

		const db = new AppDB(NAME, idb);
		expect(db.verno).toBe(3);
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
		// Cards: the two questions only ever left unanswered have none; `mixed` (also answered)
		// and `seen` keep theirs, as they were.
		const cards = await db.cards.toArray();
		expect(cards.map((c) => c.questionId).sort()).toEqual(['mixed', 'seen']);
		for (const c of cards) expect(c).toEqual(old.cards!.find((o) => o.questionId === c.questionId));
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

	it('a failing clean-up leaves the old database as it was, and the store works in memory with a reason', async () => {
		const idb = memoryIdb();
		const old = await writeOldDatabase(idb);
		const broken = {
			utcOffsetMinutes: () => {
				throw new Error('bug in the clean-up');
			}
		};
		const store = await openProgressStore({
			idb,
			name: NAME,
			effects: fixedEffects({ start: T0 + 3 * DAY_MS }),
			createDb: (n, d) => new AppDB(n, d, broken)
		});
		// The banner's reason; the app goes on (in memory).
		expect(store.status.persistent).toBe(false);
		expect(store.status.reason).toBeTruthy();
		const r = await store.recordAnswer(answer({ questionId: 'after' }));
		expect(r.duplicate).toBe(false);
		expect((await store.dashboard()).totals.attempts).toBe(1);
		store.close();
		// On disk: still version 2, every record as it was.
		const { verno, tables } = await readRaw(idb);
		expect(verno).toBe(2);
		for (const [table, rows] of Object.entries(old)) expect(tables[table], table).toEqual(rows);
		// The next open (here, with the fix) cleans it.
		const fixed = await openProgressStore({ idb, name: NAME });
		expect(fixed.status).toEqual({ persistent: true });
		expect((await fixed.dashboard()).totals).toEqual({ attempts: 3, correct: 2 });
		fixed.close();
	});
});
