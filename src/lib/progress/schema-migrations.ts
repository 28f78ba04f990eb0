import type { Transaction } from 'dexie';
import { PROGRESS_TABLES, type ProgressTable } from './app-db';
import { pagesOf } from './attempt-pages';
import type { AttemptRecord } from './record-schemas';
import { SCHEMA_VERSION } from './schema-primitives';

/** A stored record of an older version: its shape is history, so it is untyped here. */
export type UntypedRecord = Record<string, unknown>;

/** Turns one record of version `to - 1` into version `to` (without touching schemaVersion). */
export type RecordMigration = (record: UntypedRecord) => UntypedRecord;

/** Everything that changes between version `to - 1` and `to`. */
export interface MigrationStep {
	/** Version this step produces. */
	to: number;
	/** Why the version exists, for the changelog and error messages. */
	description: string;
	/**
	 * Per-table record rewrite; tables not listed only get their schemaVersion bumped. The
	 * `attempts` rewrite also applies to every answer inside `attemptPages` (schema v2 on),
	 * and to the `attempts` list of a backup file.
	 */
	tables: Partial<Record<ProgressTable, RecordMigration>>;
	/**
	 * A change of how the database stores things (not of what a record says), run in the
	 * upgrade transaction BEFORE the records are rewritten: it sees and writes records of
	 * version `to - 1`, which the rewrite then migrates wherever they ended up. Backups do not
	 * see it: their layout is the envelope's, migrated by `tables` alone.
	 */
	reshape?: (tx: Transaction) => Promise<void>;
}

/** Steps keyed by the version they produce; must cover 2..current without gaps. */
export type MigrationMap = ReadonlyMap<number, MigrationStep>;

/**
 * The released migrations. Version n+1 adds its step here and a
 * `this.version(n+1)…upgrade((tx) => upgradeRecords(tx, n+1))` in AppDB; the same step then
 * upgrades old databases and old backup files alike.
 */
export const MIGRATIONS: MigrationMap = new Map([
	[
		2,
		{
			to: 2,
			description:
				'answers also stored in immutable pages of up to 1,000 (attemptPages); records unchanged',
			tables: {},
			reshape: (tx) => pageEveryAttempt(tx)
		}
	]
]);

/**
 * The v1 → v2 reshape: every answer (in time order, then id) into pages of 1,000, the last
 * one possibly shorter, and the attempts table emptied. Pages are written as v1 records for
 * `upgradeRecords` to migrate like every other. It also makes the upgrade cheaper than the
 * record rewrite it replaces: 100,000 answers are read once and written as 100 pages, where
 * rewriting each row in place would read and write 100,000 (the open has 5 s, see
 * `openPersistentDb`).
 */
async function pageEveryAttempt(tx: Transaction): Promise<void> {
	const attempts = tx.table('attempts');
	const all = (await attempts.orderBy('at').toArray()) as AttemptRecord[];
	if (all.length === 0) return;
	const pages = pagesOf(all, 1).map((p) => ({ ...p, schemaVersion: 1 }));
	await tx.table('attemptPages').bulkAdd(pages);
	await attempts.clear();
}

/** Throws unless `map` has exactly one step for each version in (1, target]. */
export function assertMigrationChain(map: MigrationMap, target: number = SCHEMA_VERSION): void {
	for (let v = 2; v <= target; v++) {
		const step = map.get(v);
		if (!step) throw new Error(`No migration to schema v${v}`);
		if (step.to !== v) throw new Error(`Migration keyed v${v} says it produces v${step.to}`);
	}
	for (const v of map.keys())
		if (v < 2 || v > target) throw new Error(`Migration to v${v} is outside 2..${target}`);
}

/**
 * Runs `record` of `table` through every step from `from` to `to`, in order, and stamps the
 * result with `schemaVersion: to`. The caller validates the result against the schema of `to`.
 */
export function migrateRecord(
	table: ProgressTable,
	record: UntypedRecord,
	from: number,
	to: number = SCHEMA_VERSION,
	map: MigrationMap = MIGRATIONS
): UntypedRecord {
	let out = record;
	for (let v = from + 1; v <= to; v++) {
		const step = map.get(v);
		if (!step) throw new Error(`No migration to schema v${v}`);
		const fn = step.tables[table];
		out = { ...(fn ? fn(out) : out), schemaVersion: v };
	}
	return out;
}

/**
 * Body of a Dexie `.upgrade()` for version `to`: rewrites every record of every table by
 * the step producing `to`. Runs inside Dexie's versionchange transaction, so an upgrade
 * that throws leaves the old database as it was.
 */
export async function upgradeRecords(
	tx: Transaction,
	to: number,
	map: MigrationMap = MIGRATIONS
): Promise<void> {
	await map.get(to)?.reshape?.(tx);
	for (const name of PROGRESS_TABLES) {
		if (!tx.storeNames.includes(name)) continue;
		await tx
			.table(name)
			.toCollection()
			.modify((record: UntypedRecord, ref: { value: UntypedRecord }) => {
				const from = typeof record.schemaVersion === 'number' ? record.schemaVersion : to - 1;
				ref.value = migrateRecord(name, record, from, to, map);
			});
	}
	// Pages (v2 on) hold answers too: each answer by the attempts step, the page stamped.
	if (tx.storeNames.includes('attemptPages'))
		await tx
			.table('attemptPages')
			.toCollection()
			.modify((page: UntypedRecord, ref: { value: UntypedRecord }) => {
				const from = typeof page.schemaVersion === 'number' ? page.schemaVersion : to - 1;
				const answers = Array.isArray(page.attempts) ? (page.attempts as UntypedRecord[]) : [];
				ref.value = {
					...page,
					attempts: answers.map((a) => migrateRecord('attempts', a, from, to, map)),
					schemaVersion: to
				};
			});
}
