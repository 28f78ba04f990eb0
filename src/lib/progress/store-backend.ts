import { Dexie } from 'dexie';
import { AppDB, DB_NAME, type IdbDependencies, type ProgressContext } from './app-db';
import { readAllAttempts } from './attempt-pages';
import type { SourceTables } from './backup-merge';
import { describeFailure, withTimeout } from './storage-failure';

/** Makes the AppDB for a backend; injectable so tests can add failure-injecting middleware. */
export type DbFactory = (name: string, idb: IdbDependencies) => AppDB;

/** Where a fresh in-memory IndexedDB comes from. */
export type MemoryIdbLoader = () => Promise<IdbDependencies>;

/**
 * The default in-memory backend: the same Dexie code over fake-indexeddb's in-memory
 * IndexedDB, loaded only when needed (a separate chunk that most learners never fetch).
 * Reusing the real code path means the fallback cannot drift from the persistent store:
 * same transactions, same indexes, same liveQuery. It needs `fake-indexeddb` bundled at
 * run time (today a devDependency; it should move to dependencies).
 */
export const loadMemoryIdb: MemoryIdbLoader = async () => {
	const mod = await import('fake-indexeddb');
	return { indexedDB: new mod.IDBFactory(), IDBKeyRange: mod.IDBKeyRange };
};

/** The browser's IndexedDB, or undefined when there is none (old browser, some webviews, SSR). */
export function browserIdb(): IdbDependencies | undefined {
	const g = globalThis as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };
	try {
		// Reading the property itself throws in some sandboxed iframes.
		return g.indexedDB && g.IDBKeyRange
			? { indexedDB: g.indexedDB, IDBKeyRange: g.IDBKeyRange }
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * Dexie's liveQuery only runs when the *global* `Dexie.dependencies.indexedDB` is set (it
 * bails out early otherwise, even for a database constructed with its own IndexedDB; see
 * Dexie issue #2046). In a browser without IndexedDB — exactly when we fall back to memory —
 * or in Node, that global is empty and every live query would silently never emit. Fill
 * it with the backend we actually use, but never replace a real browser IndexedDB.
 */
export function ensureLiveQueryDeps(idb: IdbDependencies): void {
	const deps = Dexie.dependencies;
	if (!deps.indexedDB) {
		deps.indexedDB = idb.indexedDB;
		deps.IDBKeyRange = idb.IDBKeyRange;
	}
}

/**
 * How long an open that is running a schema upgrade may take. The upgrade reads and rewrites
 * every stored answer once (v1 → v2: 100,000 answers took 11–28 s in Chromium on the busy
 * 2-core VM); cutting it off at the ordinary timeout would abort it, leave the database at
 * the old version and the learner in memory, on every load.
 */
export const UPGRADE_TIMEOUT_MS = 180_000;

/** Opened database, or the reason it could not be opened. */
export type OpenOutcome = { ok: true; db: AppDB } | { ok: false; reason: string };

/**
 * Opens the persistent database, never throwing: no IndexedDB, a throwing `open`, a failed
 * upgrade, or an open that hangs (blocked by another tab, or storage switched off) for
 * longer than `timeoutMs` all come back as a reason. An open that has started a schema
 * upgrade by then is given up to {@link UPGRADE_TIMEOUT_MS} instead.
 */
export async function openPersistentDb(
	idb: IdbDependencies | undefined,
	createDb: DbFactory,
	timeoutMs: number,
	name: string = DB_NAME
): Promise<OpenOutcome> {
	if (!idb) return { ok: false, reason: 'This browser does not offer IndexedDB storage.' };
	let db: AppDB | undefined;
	try {
		ensureLiveQueryDeps(idb);
		const opening = createDb(name, idb);
		db = opening;
		const opened = opening.open().then(() => undefined);
		await withTimeout(
			opened,
			timeoutMs,
			'Opening the database took too long (another tab may be blocking it).'
		).catch((e: unknown) => {
			// A blocked or dead open never reaches the upgrade; one that did is working.
			if (!opening.upgradeStarted) throw e;
			return withTimeout(
				opened,
				UPGRADE_TIMEOUT_MS,
				'Upgrading the stored progress took too long.'
			);
		});
		return { ok: true, db };
	} catch (e) {
		try {
			db?.close();
		} catch {
			// Closing a half-open database can itself throw; we are abandoning it anyway.
		}
		return { ok: false, reason: describeFailure(e) };
	}
}

/** Opens a fresh in-memory database. */
export async function openMemoryDb(
	load: MemoryIdbLoader,
	createDb: DbFactory,
	name: string = DB_NAME
): Promise<AppDB> {
	const idb = await load();
	ensureLiveQueryDeps(idb);
	const db = createDb(name, idb);
	await db.open();
	return db;
}

/**
 * Copies every source table from a failing database into the memory one, so a learner
 * who hits a full disk keeps seeing their progress for the rest of the session. Reads
 * usually still work when writes do not; if they do not, the copy is skipped.
 */
export async function copyProgress(from: ProgressContext, to: ProgressContext): Promise<boolean> {
	try {
		const { db } = from;
		const tables: SourceTables = await db.transaction('r', db.tables, async () => ({
			attempts: await readAllAttempts(db),
			cards: await db.cards.toArray(),
			lessons: await db.lessons.toArray(),
			exams: await db.exams.toArray(),
			settings: await db.settings.toArray(),
			packs: await db.packs.toArray()
		}));
		// Loaded here, on the rare failure path, so that opening the store does not load it.
		const { replaceAllTables } = await import('./bulk-writer');
		await replaceAllTables(to, tables);
		return true;
	} catch {
		return false;
	}
}
