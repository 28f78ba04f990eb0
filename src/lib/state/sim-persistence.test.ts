import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor, type Snapshot } from 'xstate';
import { parseScenario } from '$lib/content/scenario-loader';
import { SIM_MACHINE_VERSION, simMachine } from '$lib/sts';
import {
	clearSavedSimulation,
	readSavedPredictions,
	readSavedSimulation,
	scenarioFingerprint,
	simStorageKey,
	writeSavedSimulation,
	type KeyValueStorage
} from './sim-persistence';
import { savedProgress } from './sim-storage-keys';

const scenario = parseScenario(
	readFileSync('content/scenarios/vendor-external-id.yaml', 'utf8'),
	'vendor-external-id.yaml'
);

class MemoryStorage implements KeyValueStorage {
	map = new Map<string, string>();
	full = false;
	get length() {
		return this.map.size;
	}
	key(i: number) {
		return [...this.map.keys()][i] ?? null;
	}
	getItem(key: string) {
		return this.map.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.full) throw new Error('QuotaExceededError');
		this.map.set(key, value);
	}
	removeItem(key: string) {
		this.map.delete(key);
	}
	clear() {
		this.map.clear();
	}
}

function played(steps: number) {
	const actor = createActor(simMachine, { input: { scenario } }).start();
	for (let i = 0; i < steps; i++) actor.send({ type: 'scenario.next' });
	return actor;
}

describe('saved simulator sessions', () => {
	const fp = scenarioFingerprint(scenario);

	it('restore the machine where it was, credential actors included', () => {
		const storage = new MemoryStorage();
		const actor = played(3);
		expect(writeSavedSimulation(storage, scenario.id, fp, actor.getPersistedSnapshot())).toBe(true);
		const snapshot = readSavedSimulation(storage, scenario.id, fp);
		expect(snapshot).toBeDefined();
		const restored = createActor(simMachine, {
			snapshot: snapshot as Snapshot<unknown>,
			input: { scenario }
		}).start();
		const ctx = restored.getSnapshot().context;
		expect(ctx.cursor).toBe(3);
		expect(ctx.sim.credentials).toHaveLength(1);
		expect(Object.keys(restored.getSnapshot().children)).toHaveLength(1);
		expect(savedProgress(storage as unknown as Storage, scenario.id)).toEqual({
			cursor: 3,
			actions: 3
		});
	});

	it('keep the predictions saved with them, and only well-formed ones', () => {
		const storage = new MemoryStorage();
		const actor = played(2);
		writeSavedSimulation(storage, scenario.id, fp, actor.getPersistedSnapshot(), undefined, {
			0: 'works',
			1: 'refused'
		});
		expect(readSavedPredictions(storage, scenario.id, fp)).toEqual({ 0: 'works', 1: 'refused' });
		expect(readSavedPredictions(storage, scenario.id, 'other')).toEqual({});
		const saved = JSON.parse(storage.getItem(simStorageKey(scenario.id))!) as Record<
			string,
			unknown
		>;
		storage.setItem(
			simStorageKey(scenario.id),
			JSON.stringify({ ...saved, predictions: { 0: 'works', x: 'works', 2: 'maybe', 3: 1 } })
		);
		expect(readSavedPredictions(storage, scenario.id, fp)).toEqual({ 0: 'works' });
		storage.setItem(simStorageKey(scenario.id), '{not json');
		expect(readSavedPredictions(storage, scenario.id, fp)).toEqual({});
	});

	it('come back paused when saved while the clock played', () => {
		const storage = new MemoryStorage();
		const actor = played(1);
		actor.send({ type: 'clock.play' });
		writeSavedSimulation(storage, scenario.id, fp, actor.getPersistedSnapshot());
		actor.stop();
		expect(readSavedSimulation(storage, scenario.id, fp)?.value).toBe('paused');
	});

	it('are discarded for another machine version or a changed scenario', () => {
		const storage = new MemoryStorage();
		const actor = played(1);
		writeSavedSimulation(storage, scenario.id, fp, actor.getPersistedSnapshot());
		expect(readSavedSimulation(storage, scenario.id, 'other')).toBeUndefined();
		expect(storage.getItem(simStorageKey(scenario.id))).toBeNull();

		storage.setItem(
			simStorageKey(scenario.id),
			JSON.stringify({
				version: SIM_MACHINE_VERSION + 1,
				scenario: fp,
				snapshot: actor.getPersistedSnapshot()
			})
		);
		expect(readSavedSimulation(storage, scenario.id, fp)).toBeUndefined();
		storage.setItem(simStorageKey(scenario.id), '{not json');
		expect(readSavedSimulation(storage, scenario.id, fp)).toBeUndefined();
		expect(savedProgress(storage as unknown as Storage, scenario.id)).toBeUndefined();
	});

	it('survive a full or blocked storage without throwing', () => {
		const storage = new MemoryStorage();
		storage.full = true;
		expect(writeSavedSimulation(storage, scenario.id, fp, {})).toBe(false);
		clearSavedSimulation(storage, scenario.id);
		expect(readSavedSimulation(storage, scenario.id, fp)).toBeUndefined();
	});

	it('fingerprint the scenario text', () => {
		expect(scenarioFingerprint(scenario)).toBe(fp);
		expect(scenarioFingerprint({ ...scenario, title: 'changed' })).not.toBe(fp);
	});
});
