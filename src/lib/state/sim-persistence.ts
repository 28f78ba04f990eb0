/**
 * Saved simulator sessions: one per scenario in localStorage, as the machine's
 * `getPersistedSnapshot()` with SIM_MACHINE_VERSION and a fingerprint of the scenario. A save of
 * another machine version, or of a scenario whose content has changed since, is discarded.
 */
import { SIM_MACHINE_VERSION } from '$lib/sts/sim-machine';
import { deletionGuard, type DeletionGuard } from './local-learner-data';
import { simStorageKey } from './sim-storage-keys';

export { scenarioFingerprint, simStorageKey } from './sim-storage-keys';

export interface SavedSimulation {
	version: number;
	/** Fingerprint of the scenario the session was played on. */
	scenario: string;
	snapshot: unknown;
}

/** The subset of Storage used here (localStorage, or a Map-backed fake in tests). */
export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The persisted snapshot for this scenario, or undefined (nothing saved, unreadable, another
 * version or another scenario text; unusable saves are removed). A session saved while the
 * clock was playing comes back paused.
 */
export function readSavedSimulation(
	storage: KeyValueStorage,
	scenarioId: string,
	fingerprint: string
): Record<string, unknown> | undefined {
	const key = simStorageKey(scenarioId);
	let saved: unknown;
	try {
		const text = storage.getItem(key);
		if (text === null) return undefined;
		saved = JSON.parse(text);
	} catch {
		saved = undefined;
	}
	const snapshot = isRecord(saved) ? saved.snapshot : undefined;
	const usable =
		isRecord(saved) &&
		saved.version === SIM_MACHINE_VERSION &&
		saved.scenario === fingerprint &&
		isRecord(snapshot) &&
		isRecord(snapshot.context) &&
		snapshot.context.version === SIM_MACHINE_VERSION;
	if (!usable) {
		clearSavedSimulation(storage, scenarioId);
		return undefined;
	}
	return snapshot.value === 'running' ? { ...snapshot, value: 'paused' } : snapshot;
}

/** Saves; returns false when storage is full or blocked (the session goes on in memory). */
export function writeSavedSimulation(
	storage: KeyValueStorage,
	scenarioId: string,
	fingerprint: string,
	snapshot: unknown,
	guard: Pick<DeletionGuard, 'mayWrite'> = deletionGuard
): boolean {
	const value: SavedSimulation = { version: SIM_MACHINE_VERSION, scenario: fingerprint, snapshot };
	// A session from before "Delete all progress" in another tab is not saved again.
	if (!guard.mayWrite()) return false;
	try {
		storage.setItem(simStorageKey(scenarioId), JSON.stringify(value));
		return true;
	} catch {
		return false;
	}
}

export function clearSavedSimulation(storage: KeyValueStorage, scenarioId: string): void {
	try {
		storage.removeItem(simStorageKey(scenarioId));
	} catch {
		// Nothing to do.
	}
}
