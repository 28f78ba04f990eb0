import { createActor, type Actor, type Snapshot, type SnapshotFrom } from 'xstate';
import type { Scenario } from '$lib/content/scenario-schema';
import { simMachine, type Outcome, type SimMachineEvent } from '$lib/sts';
import {
	clearSavedSimulation,
	readSavedSimulation,
	scenarioFingerprint,
	writeSavedSimulation,
	type KeyValueStorage
} from './sim-persistence';

export type SimActor = Actor<typeof simMachine>;
export type SimSnapshot = SnapshotFrom<typeof simMachine>;

export interface SimulatorSessionOptions {
	/** Where sessions are saved; none on the server (nothing is saved or restored). */
	storage?: KeyValueStorage;
	/** Called while the clock plays, when credentials expire (the page announces it). */
	onexpiry?: (outcome: Extract<Outcome, { kind: 'advance' }>) => void;
	/** Milliseconds to wait before saving after a change. */
	saveDelay?: number;
}

/**
 * The simulator machine for one scenario page, as reactive state: `snapshot` follows the actor;
 * the session is restored from storage on `start()` and saved after every change.
 */
export class SimulatorSession {
	snapshot = $state.raw() as SimSnapshot;
	/** True when `start()` found and restored a saved session. */
	restored = $state(false);
	readonly scenario: Scenario;
	private actor: SimActor;
	private readonly fingerprint: string;
	private readonly options: SimulatorSessionOptions;
	private subscription: { unsubscribe(): void } | undefined;
	private saveTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(scenario: Scenario, options: SimulatorSessionOptions = {}) {
		this.scenario = scenario;
		this.options = options;
		this.fingerprint = scenarioFingerprint(scenario);
		this.actor = createActor(simMachine, { input: { scenario } });
		this.snapshot = this.actor.getSnapshot();
	}

	/** Browser only: restores a saved session if there is a usable one, then runs. */
	start(): void {
		const { storage } = this.options;
		const saved = storage
			? readSavedSimulation(storage, this.scenario.id, this.fingerprint)
			: undefined;
		let restored: SimActor | undefined;
		if (saved) {
			try {
				restored = createActor(simMachine, {
					snapshot: saved as Snapshot<unknown>,
					input: { scenario: this.scenario }
				});
				restored.start();
				if (restored.getSnapshot().status !== 'active') {
					restored.stop();
					restored = undefined;
				}
			} catch {
				restored = undefined;
			}
			if (!restored && storage) clearSavedSimulation(storage, this.scenario.id);
		}
		if (restored) {
			this.actor = restored;
			this.restored = restored.getSnapshot().context.timeline.length > 0;
		} else this.actor.start();
		this.snapshot = this.actor.getSnapshot();
		this.subscription = this.actor.subscribe({
			next: (snapshot) => this.changed(snapshot),
			error: () => undefined
		});
	}

	private changed(snapshot: SimSnapshot): void {
		const before = this.snapshot;
		this.snapshot = snapshot;
		if (snapshot.value === 'running' && this.options.onexpiry) {
			const log = snapshot.context.sim.log;
			const last = log[log.length - 1];
			if (
				log.length > before.context.sim.log.length &&
				last?.kind === 'advance' &&
				last.expired.length
			)
				this.options.onexpiry(last);
		}
		this.scheduleSave();
	}

	send(event: SimMachineEvent): void {
		this.actor.send(event);
	}

	get running(): boolean {
		return this.snapshot.value === 'running';
	}

	/** Back to the scenario's start; the saved session is discarded. */
	reset(): void {
		this.send({ type: 'clock.pause' });
		this.send({ type: 'scenario.load', scenario: this.scenario });
		this.cancelSave();
		if (this.options.storage) clearSavedSimulation(this.options.storage, this.scenario.id);
		this.restored = false;
	}

	private scheduleSave(): void {
		if (!this.options.storage || this.saveTimer !== undefined) return;
		this.saveTimer = setTimeout(() => this.save(), this.options.saveDelay ?? 250);
	}

	private cancelSave(): void {
		clearTimeout(this.saveTimer);
		this.saveTimer = undefined;
	}

	/** Saves a pending change now (when the page is hidden). */
	flush(): void {
		if (this.saveTimer !== undefined) this.save();
	}

	/** Saves now. */
	save(): void {
		this.cancelSave();
		const { storage } = this.options;
		if (!storage) return;
		writeSavedSimulation(
			storage,
			this.scenario.id,
			this.fingerprint,
			this.actor.getPersistedSnapshot()
		);
	}

	stop(): void {
		this.flush();
		this.subscription?.unsubscribe();
		this.actor.stop();
	}
}
