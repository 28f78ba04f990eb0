import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { progressDbExists, probeStorage } from './storage-probe';

const NAME = 'probe-test-progress';

async function names(idb: IDBFactory): Promise<string[]> {
	return (await idb.databases()).map((d) => d.name ?? '');
}

function createDb(idb: IDBFactory, name: string, version: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = idb.open(name, version);
		request.onupgradeneeded = () => request.result.createObjectStore('things');
		request.onsuccess = () => {
			request.result.close();
			resolve();
		};
		request.onerror = () => reject(request.error);
	});
}

describe('progressDbExists', () => {
	it('tells whether the database exists where the browser can list databases', async () => {
		const idb = new IDBFactory();
		expect(await progressDbExists(idb, NAME)).toBe(false);
		await createDb(idb, NAME, 10);
		expect(await progressDbExists(idb, NAME)).toBe(true);
	});

	it('cannot tell without indexedDB.databases() or when listing fails', async () => {
		const idb = new IDBFactory();
		const noListing = { open: idb.open.bind(idb), deleteDatabase: idb.deleteDatabase.bind(idb) };
		expect(await progressDbExists(noListing, NAME)).toBeUndefined();
		const failing = { ...noListing, databases: () => Promise.reject(new Error('nope')) };
		expect(await progressDbExists(failing, NAME)).toBeUndefined();
		expect(await progressDbExists(undefined, NAME)).toBeUndefined();
	});
});

describe('probeStorage', () => {
	it('on a first visit leaves no database behind', async () => {
		const idb = new IDBFactory();
		expect(await probeStorage(idb, 1000, NAME)).toEqual({ persistent: true });
		expect(await names(idb)).toEqual([]);
	});

	it('opens an existing database at its own version, without an upgrade', async () => {
		const idb = new IDBFactory();
		await createDb(idb, NAME, 30);
		expect(await probeStorage(idb, 1000, NAME)).toEqual({ persistent: true });
		const [db] = await idb.databases();
		expect(db).toEqual({ name: NAME, version: 30 });
	});

	it('explains a browser that refuses storage, as the store banner does', async () => {
		const idb = new IDBFactory();
		idb.open = () => {
			throw new DOMException('The user denied permission to access the database.', 'SecurityError');
		};
		expect(await probeStorage(idb, 1000, NAME)).toEqual({
			persistent: false,
			reason:
				'The browser does not allow this site to store data (privacy settings or private browsing).'
		});
	});

	it('explains a browser without IndexedDB', async () => {
		expect(await probeStorage(undefined, 1000, NAME)).toEqual({
			persistent: false,
			reason: 'This browser does not offer IndexedDB storage.'
		});
	});

	it('gives up on an open that never answers', async () => {
		const idb = new IDBFactory();
		idb.open = () => ({}) as IDBOpenDBRequest;
		const outcome = await probeStorage(idb, 20, NAME);
		expect(outcome.persistent).toBe(false);
		expect(outcome).toMatchObject({ reason: expect.stringContaining('took too long') });
	});
});
