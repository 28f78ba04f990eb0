import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { aggregateRecord } from './aggregate-schema';
import { AppDB, STORES_V4, type IdbDependencies } from './app-db';
import { attemptPageRecord, countAttempts, PAGE_SIZE, readAllAttempts } from './attempt-pages';
import { questionHistory, recordAnswer } from './attempt-repository';
import { exportAll } from './backup-export';
import { generateHistory } from './bench-history';
import { migrateEnvelope } from './backup-validator';
import { openProgressStore } from './progress-store';
import { fixedEffects } from './progress-effects';
import { UNANSWERED_CLEANUP_MARKER } from './unanswered-cleanup';
import { attemptRecord, cardRecord, examRecord, lessonRecord, packRecord } from './record-schemas';
import {
	assertMigrationChain,
	migrateRecord,
	MIGRATIONS,
	upgradeRecords,
	type MigrationMap
} from './schema-migrations';
import { SCHEMA_VERSION } from './schema-primitives';
import { settingRecord } from './settings-schema';
import { answer, dumpTables, makeCtx, memoryIdb, T0 } from './test-harness';

const FIXTURES = join(process.cwd(), 'tests/fixtures/progress');

interface DbFixture {
	schemaVersion: number;
	dexieVersion: number;
	stores: Record<string, string>;
	tables: Record<string, Record<string, unknown>[]>;
}

/** Every released schema version has a fixture database; list them here as they ship. */
const RELEASED = [1, 2];

/**
 * Builds a database exactly as version `v` of the app left it: with the Dexie schema frozen
 * in the fixture file (not today's), holding the fixture's rows.
 */
async function loadFixtureDb(v: number, idb: IdbDependencies, name: string): Promise<DbFixture> {
	const fixture = JSON.parse(readFileSync(join(FIXTURES, `db-v${v}.json`), 'utf8')) as DbFixture;
	const old = new Dexie(name, idb);
	old.version(fixture.dexieVersion).stores(fixture.stores);
	await old.open();
	for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
	old.close();
	return fixture;
}

const currentSchemas = {
	attempts: attemptRecord,
	attemptPages: attemptPageRecord,
	cards: cardRecord,
	lessons: lessonRecord,
	exams: examRecord,
	settings: settingRecord,
	packs: packRecord,
	aggregates: aggregateRecord
} as const;
const STORED_TABLES = Object.keys(currentSchemas) as (keyof typeof currentSchemas)[];

type Row = Record<string, unknown>;
/** A fixture row as the current code stores it: stamped with the current version (answers in pages too). */
const current = (row: Row): Row => ({
	...row,
	...(Array.isArray(row.attempts)
		? { attempts: (row.attempts as Row[]).map((a) => ({ ...a, schemaVersion: SCHEMA_VERSION })) }
		: {}),
	schemaVersion: SCHEMA_VERSION
});
/** The fixture's tables as the current code stores them. */
const fixtureAsCurrent = (f: DbFixture) =>
	Object.fromEntries(STORED_TABLES.map((t) => [t, (f.tables[t] ?? []).map(current)]));
/** Every answer a fixture holds, in either table. */
const answersIn = (f: DbFixture): Row[] => [
	...(f.tables.attemptPages ?? []).flatMap((p) => p.attempts as Row[]),
	...f.tables.attempts!
];

describe.each(RELEASED)('fixture database of schema v%i', (v) => {
	it('opens with the current code, which finds and accepts every record', async () => {
		const idb = memoryIdb();
		const fixture = await loadFixtureDb(v, idb, 'progress');
		const store = await openProgressStore({
			idb,
			name: 'progress',
			effects: fixedEffects({ start: T0 + 13 * 86_400_000 })
		});
		expect(store.status).toEqual({ persistent: true });
		const db = new AppDB('progress', idb);
		// The one-off clean-up after open runs in the background; these fixtures hold nothing
		// for it to drop. Its `meta` row is the app's bookkeeping, not progress.
		await vi.waitFor(async () => expect(await db.meta.count()).toBe(1));
		const { meta, ...tables } = await dumpTables(db);
		expect(meta).toEqual([
			{ key: UNANSWERED_CLEANUP_MARKER, at: T0 + 13 * 86_400_000, value: { attempts: 0, cards: 0 } }
		]);
		for (const table of STORED_TABLES) {
			// Every record found, as the fixture had it but for its (migrated) version stamp;
			// answers wherever they are stored (v1 → v2 moves them all into pages).
			if (table !== 'attempts' && table !== 'attemptPages')
				expect(tables[table], table).toEqual((fixture.tables[table] ?? []).map(current));
			for (const row of tables[table]!)
				expect(currentSchemas[table].safeParse(row).error, table).toBeUndefined();
		}
		const answers = answersIn(fixture);
		const byId = (a: Row, b: Row) => (String(a.id) < String(b.id) ? -1 : 1);
		expect([...((await readAllAttempts(db)) as unknown as Row[])].sort(byId)).toEqual(
			answers.map(current).sort(byId)
		);
		if (v === 2) expect(tables).toEqual(fixtureAsCurrent(fixture));
		const dashboard = await store.dashboard();
		expect(dashboard.totals.attempts).toBe(answers.length);
		const backup = await store.exportAll({ markBackedUp: false });
		expect(backup.data.attempts).toHaveLength(answers.length);
		const r = await store.recordAnswer({
			id: 'after-upgrade', // the fixed clock's generated ids are the fixture's own
			questionId: 'mfa-q1',
			topic: 'mfa',
			chosen: [1],
			correct: true,
			timeMs: 9000,
			mode: 'due'
		});
		expect(r.card.reps).toBeGreaterThan(1);
		expect(r.duplicate).toBe(false);
		// An answer already stored, wherever it is, is not recorded twice.
		for (const a of [answers[0]!, answers.at(-1)!]) {
			const again = await store.recordAnswer({
				id: a.id as string,
				questionId: a.questionId as string,
				topic: a.topic as string,
				chosen: a.chosen as number[],
				correct: a.correct as boolean,
				timeMs: a.timeMs as number,
				mode: a.mode as 'practice'
			});
			expect(again.duplicate).toBe(true);
		}
		expect(await countAttempts(db)).toBe(answers.length + 1);
		store.close();
		db.close();
	});
});

describe('schema v2: answers in pages', () => {
	it('v1 → v2 moves every answer of a large v1 attempts table into pages, in time order', async () => {
		const idb = memoryIdb();
		const { attempts } = generateHistory(2_345, 300, 8);
		const v1 = new Dexie('progress', idb);
		v1.version(1).stores(
			JSON.parse(readFileSync(join(FIXTURES, 'db-v1.json'), 'utf8')).stores as Record<
				string,
				string
			>
		);
		await v1.open();
		// As v1 stored them (generateHistory stamps the current version).
		await v1.table('attempts').bulkAdd(attempts.map((a) => ({ ...a, schemaVersion: 1 })));
		v1.close();
		const db = new AppDB('progress', idb);
		await db.open();
		expect(db.verno).toBe(4);
		const pages = await db.attemptPages.toArray();
		expect(pages.map((p) => [p.page, p.attempts.length])).toEqual([
			[1, PAGE_SIZE],
			[2, PAGE_SIZE],
			[3, 345]
		]);
		for (const p of pages) expect(attemptPageRecord.safeParse(p).error).toBeUndefined();
		expect(await db.attempts.count()).toBe(0);
		// Every answer exactly once, in time order (then id), stamped v2.
		const byTime = [...attempts].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
		expect(await readAllAttempts(db)).toEqual(byTime);
		db.close();
	});

	it('seals the tail into a new page at export once it holds a page; lookups see both', async () => {
		const { ctx, db } = makeCtx();
		ctx.effects.set(Date.UTC(2026, 0, 1));
		const { attempts } = generateHistory(1_002, 200, 6);
		await db.attempts.bulkAdd(attempts); // a tail as recordAnswer leaves it, just longer
		const r = await recordAnswer(
			ctx,
			answer({ id: 'newest', questionId: attempts[0]!.questionId })
		);
		expect(await db.attemptPages.count()).toBe(0);
		const env = await exportAll(ctx, { markBackedUp: false });
		expect(env.data.attempts).toHaveLength(1_003);
		const pages = await db.attemptPages.toArray();
		expect(pages.map((p) => p.page)).toEqual([1]);
		expect(pages[0]!.attempts).toHaveLength(PAGE_SIZE);
		expect(await db.attempts.count()).toBe(3);
		// The newest answer (recorded at the clock, after the generated history) stays in the tail.
		expect(await db.attempts.get('newest')).toEqual(r.attempt);
		// A sealed answer's id is still recorded once only, and nothing is written.
		const sealed = pages[0]!.attempts[17]!;
		const before = await dumpTables(db);
		const { schemaVersion: _v, rating: _r, ...input } = sealed;
		const again = await recordAnswer(ctx, input);
		expect(again).toMatchObject({ duplicate: true, attempt: sealed });
		expect(await dumpTables(db)).toEqual(before);
		// Export reads pages then tail: the same answers as before sealing.
		expect(env.data.attempts.map((a) => a.id).sort()).toEqual(
			[...attempts.map((a) => a.id), 'newest'].sort()
		);
		// A question's history reads its sealed answers and its tail answers alike.
		const q = attempts[0]!.questionId;
		const history = await questionHistory(ctx, q);
		expect(history.map((a) => a.id).sort()).toEqual(
			env.data.attempts
				.filter((a) => a.questionId === q)
				.map((a) => a.id)
				.sort()
		);
		expect(history.some((a) => a.id === 'newest')).toBe(true);
		expect(history.length).toBeGreaterThan(2);
		const env2 = await exportAll(ctx, { markBackedUp: false });
		expect(env2.data.attempts).toEqual(env.data.attempts);
	});
});

// A synthetic record schema v3, written the way a real one would be: attempts gain an index on
// `mode` and a `source` field (in the tail and inside pages alike); nothing else changes but
// every record's schemaVersion. Dexie version 3 is taken by the data clean-up (records stay v2),
// so it comes as Dexie version 4.
const V3: MigrationMap = new Map([
	...MIGRATIONS,
	[
		3,
		{
			to: 3,
			description: 'attempts: source field, mode index',
			tables: { attempts: (r) => ({ ...r, source: 'local' }) }
		}
	]
]);

class AppDBv3 extends AppDB {
	constructor(name: string, idb: IdbDependencies, map: MigrationMap = V3) {
		super(name, idb);
		this.version(5)
			.stores({ ...STORES_V4, attempts: 'id, at, questionId, examId, mode' })
			.upgrade((tx) => upgradeRecords(tx, 3, map));
	}
}

describe('migration machinery (synthetic v3)', () => {
	it.each(RELEASED)(
		'upgrades the v%i fixture database in place, every table, pages included, with the new index',
		async (v) => {
			const idb = memoryIdb();
			const fixture = await loadFixtureDb(v, idb, 'progress');
			const db = new AppDBv3('progress', idb);
			await db.open();
			expect(db.verno).toBe(5);
			const answers = (await readAllAttempts(db)) as unknown as Row[];
			expect(answers).toHaveLength(answersIn(fixture).length);
			expect(answers.every((a) => a.source === 'local' && a.schemaVersion === 3)).toBe(true);
			for (const table of STORED_TABLES)
				for (const row of await db.table(table).toArray()) expect(row.schemaVersion, table).toBe(3);
			// The new index covers the tail (v1's answers were all paged by the v2 step).
			const tail = v === 1 ? [] : fixture.tables.attempts!;
			expect(await db.attempts.count()).toBe(tail.length);
			const dueByIndex = await db.attempts.where('mode').equals('due').count();
			expect(dueByIndex).toBe(tail.filter((a) => a.mode === 'due').length);
			db.close();
		}
	);

	it('leaves the old database untouched when a migration throws', async () => {
		const idb = memoryIdb();
		const fixture = await loadFixtureDb(1, idb, 'progress');
		const broken: MigrationMap = new Map([
			...MIGRATIONS,
			[
				3,
				{
					to: 3,
					description: 'fails',
					tables: {
						cards: () => {
							throw new Error('bug in migration');
						}
					}
				}
			]
		]);
		await expect(new AppDBv3('progress', idb, broken).open()).rejects.toThrow(/bug in migration/);
		// Read with v1's own schema: still v1, as it was (the v2 step was rolled back too).
		const old = new Dexie('progress', idb);
		old.version(1).stores(fixture.stores);
		await old.open();
		expect(old.verno).toBe(1);
		for (const [table, rows] of Object.entries(fixture.tables))
			expect(await old.table(table).toArray(), table).toEqual(rows);
		old.close();
	});

	it('migrates an old backup envelope with the same steps', () => {
		const env = JSON.parse(readFileSync(join(FIXTURES, 'backup-v1.json'), 'utf8'));
		const out = migrateEnvelope(env, 1, 3, V3) as {
			schemaVersion: number;
			data: Record<string, Record<string, unknown>[]>;
		};
		expect(out.schemaVersion).toBe(3);
		expect(out.data.attempts!.every((a) => a.source === 'local' && a.schemaVersion === 3)).toBe(
			true
		);
		expect(out.data.lessons!.every((l) => l.schemaVersion === 3 && !('source' in l))).toBe(true);
		expect(env.data.attempts[0].schemaVersion).toBe(1); // input not mutated
	});

	it('applies steps in order and checks the chain', () => {
		const chain: MigrationMap = new Map([
			[
				3,
				{
					to: 3,
					description: 'b',
					tables: { settings: (r) => ({ ...r, trail: `${r.trail as string}3` }) }
				}
			],
			[2, { to: 2, description: 'a', tables: { settings: (r) => ({ ...r, trail: 'v2' }) } }]
		]);
		expect(migrateRecord('settings', { key: 'theme' }, 1, 3, chain)).toEqual({
			key: 'theme',
			trail: 'v23',
			schemaVersion: 3
		});
		expect(() => assertMigrationChain(MIGRATIONS)).not.toThrow();
		expect(() => assertMigrationChain(chain, 3)).not.toThrow();
		expect(() => assertMigrationChain(chain, 4)).toThrow(/No migration to schema v4/);
		expect(() =>
			assertMigrationChain(new Map([[2, { to: 3, description: '', tables: {} }]]), 2)
		).toThrow(/produces v3/);
		expect(() => assertMigrationChain(V3, 2)).toThrow(/outside/);
	});
});
