import type { SnapshotFrom } from 'xstate';
import type { Scenario } from '$lib/content/scenario-schema';
import type { ActionCatalog, Outcome, SimMachineEvent, simMachine } from '$lib/sts';
import type { KeyValueStorage, StepPrediction } from './sim-persistence';
import { scenarioFingerprint } from './sim-storage-keys';
import type { SimActor } from './sim-runtime';
import { nextTask } from './when-idle';

export type SimSnapshot = SnapshotFrom<typeof simMachine>;

/** Events the administrative actions process (loaded on demand in the browser). */
const ADMIN_EVENTS = new Set<string>(['admin.revoke', 'admin.attach', 'policy.edit']);
/**
 * Events that play scenario steps (the next one, or all but the last when stepping back) and so
 * need what prepare() loads. A free-play call loads its own operation; administrative actions
 * load theirs; the clock, restart and loading a scenario need nothing more than the engine.
 */
const NEEDS_PREPARE = new Set<string>(['scenario.next', 'scenario.back']);
type Runtime = typeof import('./sim-runtime');

export interface SimulatorSessionOptions {
	/** Where sessions are saved; none on the server (nothing is saved or restored). */
	storage?: KeyValueStorage;
	/** Called while the clock plays, when credentials expire (the page announces it). */
	onexpiry?: (outcome: Extract<Outcome, { kind: 'advance' }>) => void;
	/** Milliseconds to wait before saving after a change. */
	saveDelay?: number;
}

/** The initial snapshot prepared at build time (initialSnapshot) with the scenario put back. */
export function withScenario(initial: unknown, scenario: Scenario): SimSnapshot {
	const snap = initial as { context: Record<string, unknown> };
	return { ...snap, context: { ...snap.context, scenario } } as unknown as SimSnapshot;
}

/**
 * The simulator machine for one scenario page, as reactive state. Until `start()` has loaded
 * the engine (sim-runtime.ts, imported after hydration), `snapshot` is the starting snapshot
 * prepared at build time, so the page renders and hydrates without the engine's JavaScript.
 * Then the saved session is restored, if any, and every change is saved.
 */
export class SimulatorSession {
	snapshot = $state.raw() as SimSnapshot;
	/** True when `start()` found and restored a saved session. */
	restored = $state(false);
	/** The learner's predictions by step index; saved with the session, cleared by reset(). */
	predictions = $state<Record<number, StepPrediction>>({});
	/** The engine has loaded; events are processed. */
	ready = $state(false);
	/** Why the engine could not be loaded. */
	failed = $state<string | undefined>();
	/**
	 * Why what an event needed could not be loaded (the event was dropped); cleared when a later
	 * event's load succeeds.
	 */
	loadError = $state<string | undefined>();
	readonly scenario: Scenario;
	private actor: SimActor | undefined;
	private runtime: Runtime | undefined;
	private readonly fingerprint: string;
	private readonly options: SimulatorSessionOptions;
	private subscription: { unsubscribe(): void } | undefined;
	private saveTimer: ReturnType<typeof setTimeout> | undefined;
	private started: Promise<boolean> | undefined;
	/** The `call` of every scenario step and of the restored session. */
	private calls: string[] = [];
	/** `stop()` was called (the page is going away). */
	private stopped = false;
	/**
	 * Set while events wait for a module: what prepare() loads, a free-play call's STS operation,
	 * the policy parser or the administrative actions.
	 */
	private queue: Promise<void> | undefined;
	/** A step or the restored session uses the administrative actions / the policy parser. */
	private needsAdmin = false;
	private needsPolicy = false;
	/** prepare() has loaded what the scenario's steps and the restored session need. */
	private prepared = false;
	private preparing: Promise<void> | undefined;

	constructor(scenario: Scenario, initial: unknown, options: SimulatorSessionOptions = {}) {
		this.scenario = scenario;
		this.options = options;
		this.fingerprint = scenarioFingerprint(scenario);
		this.snapshot = withScenario(initial, scenario);
	}

	/** Browser only: loads the engine, restores a saved session if there is a usable one, then runs. */
	start(load: () => Promise<Runtime> = () => import('./sim-runtime')): Promise<boolean> {
		this.started ??= load()
			.then((runtime) => this.run(runtime))
			.then(
				() => true,
				(e: unknown) => {
					this.failed = e instanceof Error ? e.message : String(e);
					return false;
				}
			);
		return this.started;
	}

	/**
	 * The IAM action catalogue, for checking and suggesting service actions (after `start()`):
	 * with `scope` 'session', only the services the scenario's steps and the restored session call
	 * (what playing them needs); with 'all', every supported service (what free play needs).
	 */
	async actionCatalog(scope: 'session' | 'all' = 'all'): Promise<ActionCatalog | undefined> {
		if (!(await this.whenReady()) || !this.runtime) return undefined;
		const { runtime } = this;
		return runtime
			.loadActionCatalog(scope === 'all' ? undefined : runtime.callServices(this.calls))
			.catch(() => undefined);
	}

	/** Resolves once the engine runs (false if it could not be loaded). */
	whenReady(): Promise<boolean> {
		return this.started ?? this.start();
	}

	private async run(runtime: Runtime): Promise<void> {
		// The engine's modules were evaluated in the task now running: the machine starts in the next.
		await nextTask();
		this.runtime = runtime;
		const { storage } = this.options;
		const saved = storage
			? runtime.readSavedSimulation(storage, this.scenario.id, this.fingerprint)
			: undefined;
		// The STS operations the scenario's steps and a restored session (step back replays it) call,
		// the administrative actions and the policy parser if a step or the restored session uses
		// them: loaded by prepare(), when the learner starts to use the page, not before it is ready.
		this.calls = [
			...runtime.scenarioCalls(this.scenario),
			...(saved ? runtime.snapshotCalls(saved) : [])
		];
		this.needsAdmin =
			runtime.scenarioUsesAdmin(this.scenario) || (!!saved && runtime.snapshotUsesAdmin(saved));
		this.needsPolicy =
			runtime.scenarioUsesPolicy(this.scenario) || (!!saved && runtime.snapshotUsesPolicy(saved));
		// Building the world needs the stand-ins of AWS managed policies it names by ARN.
		if (runtime.worldNamesManagedPolicy(this.scenario)) await runtime.loadPolicyParser();
		let actor: SimActor | undefined;
		if (saved) {
			try {
				actor = runtime.createSimActor(this.scenario, saved);
				actor.start();
				if (actor.getSnapshot().status !== 'active') {
					actor.stop();
					actor = undefined;
				}
			} catch {
				actor = undefined;
			}
			if (!actor && storage) runtime.clearSavedSimulation(storage, this.scenario.id);
		}
		if (actor) {
			this.restored = actor.getSnapshot().context.timeline.length > 0;
			if (storage)
				this.predictions = {
					...runtime.readSavedPredictions(storage, this.scenario.id, this.fingerprint),
					...this.predictions // made while the engine loaded
				};
		} else {
			actor = runtime.createSimActor(this.scenario);
			actor.start();
			const started = actor.getSnapshot();
			if (started.status !== 'active') {
				actor.stop();
				throw started.error instanceof Error
					? started.error
					: new Error('the scenario could not be started');
			}
		}
		// The page renders the machine's snapshot (and every view derived from it) in a task of its own.
		await nextTask();
		if (this.stopped) {
			actor.stop(); // the page went away meanwhile
			return;
		}
		this.actor = actor;
		this.snapshot = actor.getSnapshot();
		this.subscription = actor.subscribe({
			next: (snapshot) => this.changed(snapshot),
			error: () => undefined
		});
		this.ready = true;
		// Predictions made while the engine loaded are saved with the session too.
		if (Object.keys(this.predictions).length) this.scheduleSave();
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

	/**
	 * Loads what playing the scenario's steps and stepping back through the restored session need:
	 * their STS operations (with the policy evaluation library), the administrative actions and the
	 * policy parser if they use them. The page calls it when the learner starts to use it (a focus,
	 * a key or a pointer inside the simulator), so that loading is not part of the page's own load;
	 * an event that needs it waits for it (send). Resolves at once when already done; after a
	 * failure (offline before the files were cached) the next call tries again.
	 */
	prepare(): Promise<void> {
		const { runtime } = this;
		if (this.prepared) return Promise.resolve();
		if (!runtime) return this.whenReady().then((ok) => (ok ? this.prepare() : undefined));
		this.preparing ??= Promise.all([
			runtime.loadApis(this.calls),
			this.needsAdmin ? runtime.loadAdminActions() : undefined,
			this.needsPolicy ? runtime.loadPolicyParser() : undefined
		]).then(
			() => {
				this.prepared = true;
			},
			(e: unknown) => {
				this.preparing = undefined;
				throw e;
			}
		);
		return this.preparing;
	}

	/**
	 * Sends an event; ignored until the engine has loaded (await `whenReady()` first). The promise
	 * resolves once the event has been processed: at once, unless it needs a module not loaded yet
	 * (a step or step back before prepare() has finished, a call to an STS operation used for the
	 * first time in free play, a call with a session policy before the policy parser, an
	 * administrative action), which is sent when the module has loaded;
	 * later events wait behind it, so the order is kept.
	 */
	send(event: SimMachineEvent): Promise<void> {
		const { actor, runtime } = this;
		if (!actor || !runtime) return Promise.resolve();
		if (!this.wouldWait(event)) {
			actor.send(event);
			return Promise.resolve();
		}
		const queued: Promise<void> = (this.queue ?? Promise.resolve())
			.then(() => this.loadFor(event, runtime))
			.then(
				() => {
					this.loadError = undefined;
					actor.send(event);
				},
				(e: unknown) => {
					this.loadError = e instanceof Error ? e.message : String(e);
				}
			)
			.finally(() => {
				if (this.queue === queued) this.queue = undefined;
			});
		this.queue = queued;
		return queued;
	}

	/** Loads what `event` needs (nothing is loaded twice: each loader skips what is there). */
	private loadFor(event: SimMachineEvent, runtime: Runtime): Promise<unknown> {
		if (NEEDS_PREPARE.has(event.type)) return this.prepare();
		if (event.type === 'call.submit')
			return Promise.all([
				runtime.loadApis([event.request.call]),
				runtime.callUsesPolicy(event.request) ? runtime.loadPolicyParser() : undefined
			]);
		return ADMIN_EVENTS.has(event.type) ? runtime.loadAdminActions() : Promise.resolve();
	}

	/**
	 * True when `send(event)` would not process the event at once: the engine is not there, or it
	 * needs a module not loaded yet, or other events wait before it.
	 */
	wouldWait(event: SimMachineEvent): boolean {
		const { runtime } = this;
		if (!this.actor || !runtime) return true;
		if (this.queue) return true;
		if (!this.prepared && NEEDS_PREPARE.has(event.type)) return true;
		if (event.type === 'call.submit')
			return (
				!runtime.canCallNow(event.request.call) ||
				(runtime.callUsesPolicy(event.request) && !runtime.canParsePolicyNow())
			);
		return ADMIN_EVENTS.has(event.type) && !runtime.canAdminNow();
	}

	/** True when an administrative action (revoke, attach, policy edit) is processed at once. */
	get adminReady(): boolean {
		return this.runtime?.canAdminNow() ?? false;
	}

	/**
	 * Loads the administrative actions (after the engine), so that a policy edit about to be
	 * applied is processed at once; rejects when they could not be loaded.
	 */
	async loadAdmin(): Promise<void> {
		if (!(await this.whenReady()) || !this.runtime) throw new Error(this.failed ?? 'no engine');
		await this.runtime.loadAdminActions();
	}

	/**
	 * Loads the STS operation a call form is about to use, and the policy parser (the form may send
	 * a session policy), so submitting it is instant.
	 */
	preloadCall(call: string): void {
		if (this.runtime && !this.runtime.canCallNow(call))
			void this.runtime.loadApis([call]).catch(() => undefined);
		if (this.runtime && !this.runtime.canParsePolicyNow())
			void this.runtime.loadPolicyParser().catch(() => undefined);
	}

	get running(): boolean {
		return this.snapshot.value === 'running';
	}

	/** Records the learner's prediction for a step, and saves it with the session. */
	predict(stepIndex: number, prediction: StepPrediction): void {
		this.predictions = { ...this.predictions, [stepIndex]: prediction };
		this.scheduleSave();
	}

	/** Back to the scenario's start; the saved session is discarded. */
	reset(): void {
		this.predictions = {};
		void this.send({ type: 'clock.pause' });
		void this.send({ type: 'scenario.load', scenario: this.scenario });
		this.cancelSave();
		if (this.options.storage && this.runtime)
			this.runtime.clearSavedSimulation(this.options.storage, this.scenario.id);
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
		if (!storage || !this.runtime || !this.actor) return;
		this.runtime.writeSavedSimulation(
			storage,
			this.scenario.id,
			this.fingerprint,
			this.actor.getPersistedSnapshot(),
			undefined,
			this.predictions
		);
	}

	stop(): void {
		this.stopped = true;
		this.flush();
		this.subscription?.unsubscribe();
		this.actor?.stop();
	}
}
