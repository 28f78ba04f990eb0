import type { Actor, AnyStateMachine, EventFromLogic, SnapshotFrom } from 'xstate';

/**
 * Exposes an XState actor's snapshot as reactive state. The machine stays the single source of
 * truth; components read `snapshot` and call `send`.
 */
export class ActorState<TMachine extends AnyStateMachine> {
	snapshot = $state.raw() as SnapshotFrom<TMachine>;
	readonly actor: Actor<TMachine>;
	private subscription: { unsubscribe(): void };

	constructor(actor: Actor<TMachine>) {
		this.actor = actor;
		this.snapshot = actor.getSnapshot();
		this.subscription = actor.subscribe((s) => (this.snapshot = s));
	}

	send(event: EventFromLogic<TMachine>): void {
		this.actor.send(event);
	}

	stop(): void {
		this.subscription.unsubscribe();
		this.actor.stop();
	}
}
