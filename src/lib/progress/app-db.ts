import { Dexie, type EntityTable } from 'dexie';
import type { AggregateRecord } from './aggregate-schema';
import type { AttemptPageRecord } from './attempt-pages';
import type { ProgressEffects } from './progress-effects';
import type {
	AttemptRecord,
	CardRecord,
	ExamRecord,
	LessonRecord,
	PackRecord
} from './record-schemas';
import type { SettingRecord } from './settings-schema';

import { DB_NAME } from './db-name';
import { upgradeRecords } from './schema-migrations';

export { DB_NAME };

/**
 * Every table a backup lists, in its order. Answers are one `attempts` list there whichever
 * table stores them (see {@link STORES_V2}): `attemptPages` is a storage detail, not in backups.
 */
export const PROGRESS_TABLES = [
	'attempts',
	'cards',
	'lessons',
	'exams',
	'settings',
	'packs',
	'aggregates'
] as const;
/** Name of a progress table. */
export type ProgressTable = (typeof PROGRESS_TABLES)[number];

/**
 * Dexie store spec of schema v1. A released spec is frozen: a change is a new version with
 * its own spec and migration, never an edit here (the v1 fixture database proves it).
 * Indexes exist only where a query needs them:
 * - attempts.at: "anything since the last backup?", date range of a backup;
 *   questionId / examId: a question's or an exam's history.
 * - cards.due: the due queue and the 14-day forecast (counted by key range, not scanned);
 *   [topic+due]: per-topic due counts for the study plan.
 * - lessons.lastReadAt: "anything read since the last backup?".
 * - aggregates: keyed `topic:…`, `day:YYYY-MM-DD`, `time:n`, so one prefix range is a kind.
 */
export const STORES_V1 = {
	attempts: 'id, at, questionId, examId',
	cards: 'questionId, due, [topic+due]',
	lessons: 'slug, lastReadAt',
	exams: 'id, finishedAt',
	settings: 'key',
	packs: 'id',
	aggregates: 'key'
} as const satisfies Record<ProgressTable, string>;

/**
 * Dexie store spec of schema v2: v1 plus `attemptPages` (`attempt-pages.ts`), immutable pages
 * of up to 1,000 answers, so that reading every answer (export) reads ~100 records rather
 * than 100,000. `attempts` keeps its spec and holds the answers not yet sealed into a page.
 * - attemptPages.page: order of writing; maxAt / minAt: "anything since the last backup?",
 *   the first answer; *ids: the duplicate check of recordAnswer; *questionIds: a question's
 *   history. (Multi-entry, on records written once: no index churn.)
 */
export const STORES_V2 = {
	...STORES_V1,
	attemptPages: 'page, maxAt, minAt, *ids, *questionIds'
} as const;

/**
 * Dexie store spec of Dexie version 3: v2's, unchanged (frozen as released). Version 3 used to
 * run a one-off data clean-up inside its upgrade; that clean-up now runs after the database
 * has opened (`unanswered-cleanup.ts`), so version 3 is a store-only bump.
 */
export const STORES_V3 = STORES_V2;

/**
 * Dexie store spec of Dexie version 4: v3 plus `meta`, rows the app keeps about the database
 * itself (e.g. that a one-off clean-up has run, {@link MetaRecord}). Not progress: not in
 * {@link PROGRESS_TABLES}, never in a backup. Records keep `schemaVersion` 2.
 */
export const STORES_V4 = {
	...STORES_V3,
	meta: 'key'
} as const;

/** A row of the `meta` table: a named fact about this database (see {@link STORES_V4}). */
export interface MetaRecord {
	key: string;
	/** When it was written (epoch ms). */
	at: number;
	value?: unknown;
}

/** The two globals Dexie needs, injectable so tests and the benchmark pick the backend. */
export interface IdbDependencies {
	indexedDB: IDBFactory;
	IDBKeyRange: typeof IDBKeyRange;
}

/** The progress database. Construct through {@link createAppDB}. */
export class AppDB extends Dexie {
	declare attempts: EntityTable<AttemptRecord, 'id'>;
	declare attemptPages: EntityTable<AttemptPageRecord, 'page'>;
	declare cards: EntityTable<CardRecord, 'questionId'>;
	declare lessons: EntityTable<LessonRecord, 'slug'>;
	declare exams: EntityTable<ExamRecord, 'id'>;
	declare settings: EntityTable<SettingRecord, 'key'>;
	declare packs: EntityTable<PackRecord, 'id'>;
	declare aggregates: EntityTable<AggregateRecord, 'key'>;
	declare meta: EntityTable<MetaRecord, 'key'>;
	/**
	 * Set when opening runs a schema upgrade (an existing older database, not a new one), so
	 * the open's timeout can tell a long upgrade, which is progress, from a hang.
	 */
	upgradeStarted = false;

	constructor(name: string, deps?: IdbDependencies) {
		// cache 'disabled': Dexie's live-query result cache only learns of writes made through
		// Dexie, and recordAnswer writes on the IndexedDB connection directly
		// (direct-transaction.ts); without the cache a live query re-reads after every change
		// notification, which is what the dashboard needs. Measured: no cost to recordAnswer.
		super(name, {
			cache: 'disabled',
			...(deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : {})
		});
		this.version(1).stores(STORES_V1);
		this.version(2)
			.stores(STORES_V2)
			.upgrade((tx) => {
				this.upgradeStarted = true;
				return upgradeRecords(tx, 2);
			});
		// Store-only bumps: no data is rewritten while the database opens (a failure there would
		// abort every open). Data clean-ups run after opening (unanswered-cleanup.ts).
		this.version(3).stores(STORES_V3);
		this.version(4).stores(STORES_V4);
		// The next version goes here the same way (see README, "Adding a record schema").
	}
}

/** Options of {@link createAppDB}. */
export interface CreateAppDBOptions {
	/** Database name; {@link DB_NAME} unless given (tests use unique names). */
	name?: string;
	/** IndexedDB implementation; the browser's globals unless given. */
	idb?: IdbDependencies;
}

/** The one way to make an {@link AppDB}. Does not open it (Dexie opens on first use). */
export function createAppDB(options: CreateAppDBOptions = {}): AppDB {
	return new AppDB(options.name ?? DB_NAME, options.idb);
}

/** What every repository function works on: a database and the injected effects. */
export interface ProgressContext {
	readonly db: AppDB;
	readonly effects: ProgressEffects;
}
