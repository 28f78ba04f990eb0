import type { Transaction } from 'dexie';
import { PROGRESS_TABLES, type ProgressTable } from './app-db';
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
	/** Per-table record rewrite; tables not listed only get their schemaVersion bumped. */
	tables: Partial<Record<ProgressTable, RecordMigration>>;
}

/** Steps keyed by the version they produce; must cover 2..current without gaps. */
export type MigrationMap = ReadonlyMap<number, MigrationStep>;

/**
 * The released migrations. Empty: v1 is the first released schema. Version n+1 adds its
 * step here and a `this.version(n+1)…upgrade((tx) => upgradeRecords(tx, n+1))` in AppDB;
 * the same step then upgrades old databases and old backup files alike.
 */
export const MIGRATIONS: MigrationMap = new Map();

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
}
