/**
 * One issued credential set as an actor: active → expiringSoon (last 5 minutes) → expired, or
 * revoked (issued before "Revoke active sessions", sts-facts §6) until it expires. Time is the
 * simulator's, pushed by the parent in `clock.changed`; the actor never reads a real clock.
 *
 * The lifecycle is a finite-state machine written as plain XState actor logic (a transition
 * function over `value`) rather than with `createMachine`: a clock advance may expire a thousand
 * of these actors within one frame, and a `createMachine` macrostep costs about 10 µs per actor
 * (statechart bookkeeping: entry/exit sets, transition domains, snapshot cloning) against well
 * under 1 µs for this logic. The states and the rule between them are the same; the snapshot
 * carries the state in `value`, as a machine snapshot does.
 */
import type { ActorLogic, ActorSystem, ActorSystemInfo } from 'xstate';
import { credentialStatus, type CredentialStatus } from './issued-credentials';

export interface CredentialActorInput {
	accessKeyId: string;
	issuedAt: number;
	expiresAt: number;
	/** Simulated time when the actor starts, and the revocation cut-off in force then. */
	now: number;
	revokedBefore?: number;
}

export type CredentialActorEvent = { type: 'clock.changed'; now: number; revokedBefore?: number };

/** The actor's snapshot: `value` is the lifecycle state; `context` the input it was spawned with. */
export interface CredentialSnapshot {
	status: 'active';
	output: undefined;
	error: undefined;
	value: CredentialStatus;
	context: CredentialActorInput;
}

type Moment = { now: number; revokedBefore?: number };
type Limits = { issuedAt: number; expiresAt: number };

/** The state a credential set is in at a moment (the same rule as credentialStatus). */
export function lifecycleState(c: Limits, m: Moment): CredentialStatus {
	return credentialStatus(c, m.now, m.revokedBefore);
}

/**
 * Any state can follow any other: time moves backwards when the learner steps back through a
 * scenario, and a revocation can be undone by editing the policy away. An event that leaves the
 * state unchanged returns the same snapshot object, so selectors that compare snapshots see no
 * change (the parent only sends on a change anyway). The context is never written: the event
 * carries the moment.
 */
export const credentialMachine: ActorLogic<
	CredentialSnapshot,
	CredentialActorEvent,
	CredentialActorInput,
	ActorSystem<ActorSystemInfo>
> = {
	transition(snapshot, event) {
		if (event.type !== 'clock.changed') return snapshot;
		const value = lifecycleState(snapshot.context, event);
		return value === snapshot.value ? snapshot : { ...snapshot, value };
	},
	// The state that holds at spawn time (a credential may be born expiring soon, or revoked on restore).
	getInitialSnapshot: (_scope, input) => ({
		status: 'active',
		output: undefined,
		error: undefined,
		value: lifecycleState(input, input),
		context: { ...input }
	}),
	getPersistedSnapshot: (snapshot) => snapshot,
	restoreSnapshot: (persisted) => persisted as CredentialSnapshot
};
