// How many content packs are installed, read with raw IndexedDB (no Dexie, no schemas), so that
// the quiz pages of a learner without packs never load the pack library and the progress layer
// just to find an empty table.
import { DB_NAME } from './db-name';
import { progressDbExists } from './storage-probe';

type CountFactory = Pick<IDBFactory, 'open' | 'deleteDatabase'> &
	Partial<Pick<IDBFactory, 'databases'>>;

/** The object store packs live in (app-db.ts, STORES_V1). */
const PACKS_STORE = 'packs';

/**
 * The number of installed packs: 0 when the progress database does not exist (nothing is created
 * then), the row count of its packs table when it does; undefined when it cannot tell (no
 * IndexedDB, a failure, a database without that table), so that callers fall back to the store.
 * Opens the database at its current version, so no upgrade runs, and steps aside (closes) if the
 * store asks for a version change meanwhile.
 */
export async function countStoredPacks(
	idb: CountFactory | undefined,
	name: string = DB_NAME
): Promise<number | undefined> {
	if (!idb) return undefined;
	const exists = await progressDbExists(idb, name);
	if (exists === false) return 0;
	try {
		return await new Promise<number | undefined>((resolve) => {
			const request = idb.open(name);
			// The database did not exist after all (a browser that cannot list databases): do not
			// create it here; the store creates it with its tables when it is first needed.
			request.onupgradeneeded = () => request.transaction?.abort();
			request.onerror = () => resolve(undefined);
			request.onblocked = () => resolve(undefined);
			request.onsuccess = () => {
				const db = request.result;
				db.onversionchange = () => db.close();
				if (!db.objectStoreNames.contains(PACKS_STORE)) {
					db.close();
					resolve(undefined);
					return;
				}
				try {
					const count = db.transaction(PACKS_STORE, 'readonly').objectStore(PACKS_STORE).count();
					count.onsuccess = () => resolve(count.result);
					count.onerror = () => resolve(undefined);
				} catch {
					resolve(undefined);
				} finally {
					db.close();
				}
			};
		});
	} catch {
		return undefined;
	}
}
