import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { countStoredPacks } from './stored-pack-count';

const NAME = 'pack-count-test-progress';

function createDb(
	idb: IDBFactory,
	stores: string[],
	packs: { id: string }[] = [],
	version = 10
): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = idb.open(NAME, version);
		request.onupgradeneeded = () => {
			for (const store of stores) request.result.createObjectStore(store, { keyPath: 'id' });
		};
		request.onsuccess = () => {
			const db = request.result;
			if (!packs.length) {
				db.close();
				resolve();
				return;
			}
			const tx = db.transaction('packs', 'readwrite');
			for (const pack of packs) tx.objectStore('packs').put(pack);
			tx.oncomplete = () => {
				db.close();
				resolve();
			};
			tx.onerror = () => reject(tx.error);
		};
		request.onerror = () => reject(request.error);
	});
}

describe('countStoredPacks', () => {
	it('is 0 on a first visit, and creates no database', async () => {
		const idb = new IDBFactory();
		expect(await countStoredPacks(idb, NAME)).toBe(0);
		expect(await idb.databases()).toEqual([]);
	});

	it('counts the packs table of an existing database, at its own version', async () => {
		const idb = new IDBFactory();
		await createDb(idb, ['packs', 'lessons']);
		expect(await countStoredPacks(idb, NAME)).toBe(0);
		await createDb(idb, ['packs'], [{ id: 'a' }, { id: 'b' }]);
		expect(await countStoredPacks(idb, NAME)).toBe(2);
		expect(await idb.databases()).toEqual([{ name: NAME, version: 10 }]);
	});

	it('cannot tell for a database without a packs table, or without IndexedDB', async () => {
		const idb = new IDBFactory();
		await createDb(idb, ['lessons']);
		expect(await countStoredPacks(idb, NAME)).toBeUndefined();
		expect(await countStoredPacks(undefined, NAME)).toBeUndefined();
	});

	it('where databases cannot be listed, does not create the database to find out', async () => {
		const idb = new IDBFactory();
		const noListing = { open: idb.open.bind(idb), deleteDatabase: idb.deleteDatabase.bind(idb) };
		expect(await countStoredPacks(noListing, NAME)).toBeUndefined();
		expect(await idb.databases()).toEqual([]);
		await createDb(idb, ['packs'], [{ id: 'a' }]);
		expect(await countStoredPacks(noListing, NAME)).toBe(1);
	});

	it('cannot tell when opening fails', async () => {
		const idb = new IDBFactory();
		await createDb(idb, ['packs']);
		idb.open = () => {
			throw new DOMException('denied', 'SecurityError');
		};
		expect(await countStoredPacks(idb, NAME)).toBeUndefined();
	});
});
