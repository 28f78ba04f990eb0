/**
 * Saved simulator sessions: one per scenario in localStorage, as the machine's
 * `getPersistedSnapshot()` with SIM_MACHINE_VERSION and a fingerprint of the scenario. A save of
 * another machine version, or of a scenario whose content has changed since, is discarded.
 */
import { SIM_MACHINE_VERSION } from '$lib/sts/sim-machine';
import { deletionGuard, type DeletionGuard } from './local-learner-data';
import { simStorageKey } from './sim-storage-keys';

export { scenarioFingerprint, simStorageKey } from './sim-storage-keys';

/** The learner's guess before a step: will AWS accept the call or refuse it? */
export type StepPrediction = 'works' | 'refused';

export interface SavedSimulation {
	version: number;
	/** Fingerprint of the scenario the session was played on. */
	scenario: string;
	snapshot: unknown;
	/** The learner's predictions, by step index (absent in saves from before they were kept). */
	predictions?: Record<string, StepPrediction>;
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

/**
 * The predictions saved with this scenario's session: an empty record when there are none, the
 * save is unusable (see {@link readSavedSimulation}) or an entry is not a prediction.
 */
export function readSavedPredictions(
	storage: KeyValueStorage,
	scenarioId: string,
	fingerprint: string
): Record<number, StepPrediction> {
	const out: Record<number, StepPrediction> = {};
	try {
		const saved: unknown = JSON.parse(storage.getItem(simStorageKey(scenarioId)) ?? 'null');
		if (!isRecord(saved) || saved.scenario !== fingerprint || !isRecord(saved.predictions))
			return out;
		for (const [k, v] of Object.entries(saved.predictions))
			if (/^\d+$/.test(k) && (v === 'works' || v === 'refused')) out[Number(k)] = v;
	} catch {
		// Nothing usable.
	}
	return out;
}

/** Saves; returns false when storage is full or blocked (the session goes on in memory). */
export function writeSavedSimulation(
	storage: KeyValueStorage,
	scenarioId: string,
	fingerprint: string,
	snapshot: unknown,
	guard: Pick<DeletionGuard, 'mayWrite'> = deletionGuard,
	predictions: Readonly<Record<number, StepPrediction>> = {}
): boolean {
	const value: SavedSimulation = {
		version: SIM_MACHINE_VERSION,
		scenario: fingerprint,
		snapshot,
		...(Object.keys(predictions).length ? { predictions: { ...predictions } } : {})
	};
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
