/**
 * Where simulator sessions are saved, and a light reader for the scenario list's "resume"
 * markers. Kept apart from sim-persistence.ts so the list page does not load the engine.
 */

import { LOCAL_KEY_PREFIX } from './local-learner-data';

export const SIM_STORAGE_PREFIX = `${LOCAL_KEY_PREFIX}simulator:`;

export const simStorageKey = (scenarioId: string) => SIM_STORAGE_PREFIX + scenarioId;

/** FNV-1a over the scenario's JSON: changes whenever the authored scenario changes. */
export function scenarioFingerprint(scenario: unknown): string {
	const text = JSON.stringify(scenario);
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return `${(h >>> 0).toString(16)}-${text.length}`;
}

export interface SavedProgress {
	/** Scenario steps played so far. */
	cursor: number;
	/** Actions in the session (steps and free calls). */
	actions: number;
}

/** How far a saved session got, or undefined (none saved, unreadable, or storage blocked). */
export function savedProgress(
	storage: Storage | undefined,
	scenarioId: string
): SavedProgress | undefined {
	try {
		const text = storage?.getItem(simStorageKey(scenarioId));
		if (!text) return undefined;
		const context = (JSON.parse(text) as { snapshot?: { context?: Record<string, unknown> } })
			.snapshot?.context;
		if (!context || typeof context.cursor !== 'number' || !Array.isArray(context.timeline))
			return undefined;
		return { cursor: context.cursor, actions: context.timeline.length };
	} catch {
		return undefined;
	}
}
