// A check of IndexedDB that needs none of the progress layer (no Dexie, no FSRS, no schemas),
// so that every page can show the storage banner, and a first visit can tell that there is no
// saved progress yet, without loading that layer.
import { DB_NAME } from './db-name';
import { describeFailure, withTimeout } from './storage-failure';

export type ProbeOutcome = { persistent: true } | { persistent: false; reason: string };

type ProbeFactory = Pick<IDBFactory, 'open' | 'deleteDatabase'> &
	Partial<Pick<IDBFactory, 'databases'>>;

/**
 * Whether the progress database exists: true or false where the browser can list its
 * databases (`indexedDB.databases()`), undefined where it cannot or listing fails.
 */
export async function progressDbExists(
	idb: ProbeFactory | undefined,
	name: string = DB_NAME
): Promise<boolean | undefined> {
	if (!idb || typeof idb.databases !== 'function') return undefined;
	try {
		const list = await idb.databases();
		return list.some((d) => d.name === name);
	} catch {
		return undefined;
	}
}

function openAndClose(idb: ProbeFactory, name: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = idb.open(name);
		request.onsuccess = () => {
			request.result.close();
			resolve();
		};
		request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
	});
}

/** Deletes the throwaway database; a failure to delete it does not make storage unusable. */
function deleteQuietly(idb: ProbeFactory, name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = idb.deleteDatabase(name);
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
}

/**
 * Opens IndexedDB the way the progress store will, without changing anything: the progress
 * database itself when it exists (opened at its current version, so no upgrade runs), else a
 * throwaway database that is deleted again. Never throws; a failure comes back with the same
 * sentence the store's banner would show.
 */
export async function probeStorage(
	idb: ProbeFactory | undefined,
	timeoutMs: number,
	name: string = DB_NAME
): Promise<ProbeOutcome> {
	if (!idb) return { persistent: false, reason: 'This browser does not offer IndexedDB storage.' };
	try {
		const exists = await progressDbExists(idb, name);
		// A throwaway name, so that a first visit does not create the real database at version 1.
		const target = exists ? name : `${name}-probe`;
		await withTimeout(
			openAndClose(idb, target),
			timeoutMs,
			'Opening the database took too long (another tab may be blocking it).'
		);
		if (!exists) await deleteQuietly(idb, target);
		return { persistent: true };
	} catch (e) {
		return { persistent: false, reason: describeFailure(e) };
	}
}
