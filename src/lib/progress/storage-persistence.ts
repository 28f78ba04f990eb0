import type { PersistenceState } from './settings-schema';

/** The part of `navigator.storage` we use; both methods may be missing in older browsers. */
export interface StorageManagerLike {
	persist?: () => Promise<boolean>;
	persisted?: () => Promise<boolean>;
}

function browserStorage(): StorageManagerLike | undefined {
	const nav = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator;
	return nav?.storage;
}

/**
 * Asks the browser not to evict our storage under pressure. Without it, Safari may delete
 * a site's data after 7 days without a visit, and other browsers when the disk fills —
 * for an app whose only copy of the learner's progress is local, that is the main risk.
 * Returns 'granted' if already persistent or granted now, 'denied' if refused (Chrome
 * decides silently from engagement; ask again later), 'unsupported' without the API.
 */
export async function requestPersistence(
	storage: StorageManagerLike | undefined = browserStorage()
): Promise<PersistenceState> {
	if (!storage || typeof storage.persist !== 'function') return 'unsupported';
	try {
		if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
		return (await storage.persist()) ? 'granted' : 'denied';
	} catch {
		// Some browsers throw outside a secure context or in sandboxed iframes.
		return 'unsupported';
	}
}

/** Whether storage is already persistent; undefined when the browser cannot tell. */
export async function isPersisted(
	storage: StorageManagerLike | undefined = browserStorage()
): Promise<boolean | undefined> {
	if (!storage || typeof storage.persisted !== 'function') return undefined;
	try {
		return await storage.persisted();
	} catch {
		return undefined;
	}
}
