import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { aggregateRecord } from './aggregate-schema';
import { AppDB, PROGRESS_TABLES, type IdbDependencies } from './app-db';
import { migrateEnvelope } from './backup-validator';
import { openProgressStore } from './progress-store';
import { fixedEffects } from './progress-effects';
import { attemptRecord, cardRecord, examRecord, lessonRecord, packRecord } from './record-schemas';
import {
	assertMigrationChain,
	migrateRecord,
	MIGRATIONS,
	upgradeRecords,
	type MigrationMap
} from './schema-migrations';
import { settingRecord } from './settings-schema';
import { dumpTables, memoryIdb, T0 } from './test-harness';

const FIXTURES = join(process.cwd(), 'tests/fixtures/progress');

interface DbFixture {
	schemaVersion: number;
	dexieVersion: number;
	stores: Record<string, string>;
	tables: Record<string, Record<string, unknown>[]>;
}

/** Every released schema version has a fixture database; list them here as they ship. */
const RELEASED = [1];

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
	cards: cardRecord,
	lessons: lessonRecord,
	exams: examRecord,
	settings: settingRecord,
	packs: packRecord,
	aggregates: aggregateRecord
} as const;

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
		const tables = await dumpTables(db);
		for (const table of PROGRESS_TABLES) {
			expect(tables[table]!.length, table).toBe(fixture.tables[table]!.length);
			for (const row of tables[table]!)
				expect(currentSchemas[table].safeParse(row).error, table).toBeUndefined();
		}
		if (v === 1) expect(tables).toEqual(fixture.tables);
		const dashboard = await store.dashboard();
		expect(dashboard.totals.attempts).toBe(fixture.tables.attempts!.length);
		const r = await store.recordAnswer({
			questionId: 'mfa-q1',
			topic: 'mfa',
			chosen: [1],
			correct: true,
			timeMs: 9000,
			mode: 'due'
		});
		expect(r.card.reps).toBeGreaterThan(1);
		store.close();
		db.close();
	});
});

// A synthetic v2, written the way a real one would be: attempts gain an index on `mode`
// and a `source` field; nothing else changes but every record's schemaVersion.
const V2: MigrationMap = new Map([
	[
		2,
		{
			to: 2,
			description: 'attempts: source field, mode index',
			tables: { attempts: (r) => ({ ...r, source: 'local' }) }
		}
	]
]);

class AppDBv2 extends AppDB {
	constructor(name: string, idb: IdbDependencies, map: MigrationMap = V2) {
		super(name, idb);
		this.version(2)
			.stores({ attempts: 'id, at, questionId, examId, mode' })
			.upgrade((tx) => upgradeRecords(tx, 2, map));
	}
}

describe('migration machinery (synthetic v1 → v2)', () => {
	it('upgrades a v1 fixture database in place, every table, with the new index', async () => {
		const idb = memoryIdb();
		const fixture = await loadFixtureDb(1, idb, 'progress');
		const db = new AppDBv2('progress', idb);
		await db.open();
		expect(db.verno).toBe(2);
		const attempts = await db.attempts.toArray();
		expect(attempts).toHaveLength(fixture.tables.attempts!.length);
		expect(
			attempts.every(
				(a) =>
					(a as unknown as { source: string }).source === 'local' &&
					(a.schemaVersion as number) === 2
			)
		).toBe(true);
		for (const table of PROGRESS_TABLES)
			for (const row of await db.table(table).toArray()) expect(row.schemaVersion, table).toBe(2);
		const dueByIndex = await db.attempts.where('mode').equals('due').count();
		expect(dueByIndex).toBe(fixture.tables.attempts!.filter((a) => a.mode === 'due').length);
		db.close();
	});

	it('leaves the old database untouched when a migration throws', async () => {
		const idb = memoryIdb();
		const fixture = await loadFixtureDb(1, idb, 'progress');
		const broken: MigrationMap = new Map([
			[
				2,
				{
					to: 2,
					description: 'fails',
					tables: {
						cards: () => {
							throw new Error('bug in migration');
						}
					}
				}
			]
		]);
		await expect(new AppDBv2('progress', idb, broken).open()).rejects.toThrow(/bug in migration/);
		const db = new AppDB('progress', idb);
		expect(await dumpTables(db)).toEqual(fixture.tables);
		expect(db.verno).toBe(1);
	});

	it('migrates an old backup envelope with the same steps', () => {
		const env = JSON.parse(readFileSync(join(FIXTURES, 'backup-v1.json'), 'utf8'));
		const out = migrateEnvelope(env, 1, 2, V2) as {
			schemaVersion: number;
			data: Record<string, Record<string, unknown>[]>;
		};
		expect(out.schemaVersion).toBe(2);
		expect(out.data.attempts!.every((a) => a.source === 'local' && a.schemaVersion === 2)).toBe(
			true
		);
		expect(out.data.lessons!.every((l) => l.schemaVersion === 2 && !('source' in l))).toBe(true);
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
		expect(() => assertMigrationChain(V2, 1)).toThrow(/outside/);
	});
});
