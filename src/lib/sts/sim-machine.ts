/**
 * The simulator as an XState 5 machine, for the UI. Context holds the session (scenario, seed,
 * timeline, simulator state); each issued credential set is a spawned child actor
 * (credential-machine.ts, id `credential-<generation>-<accessKeyId>`). The simulated clock moves
 * only on `clock.advance` or, while `running`, on ticks whose real delay comes from the actor's
 * clock (inject `SimulatedClock` in tests; override the `tick` delay with `machine.provide`).
 * Randomness is the seeded generator in the simulator state (input `seed`), so snapshots replay.
 *
 * Events: call.submit, clock.advance, clock.play, clock.pause, admin.revoke, admin.attach,
 * policy.edit, scenario.load, scenario.next, scenario.back, scenario.restart, credentials.release.
 *
 * Stop the actor with `stopSimulator(actor)` rather than `actor.stop()` when it may hold many
 * credential actors: XState stops children oldest first, which is quadratic with a large constant
 * (see stopCredentialActors in credential-sync.ts); releasing them newest first beforehand is cheap.
 */
import { assign, enqueueActions, setup, type Actor } from 'xstate';
import type { Scenario, ScenarioWorld } from '../content/scenario-schema';
import type { PolicyEdit } from './admin-model';
import type { CallRequest } from './api-support';
import { credentialMachine } from './credential-machine';
import {
	credentialActorId,
	stopCredentialActors,
	syncCredentialActors,
	type TrackedCredential
} from './credential-sync';
import { iamPolicyErrorMessage, policyParser } from './policy-model';
import {
	applyEntry,
	nextStep,
	restart,
	startSession,
	stepBack,
	type Session,
	type TimelineEntry
} from './sim-timeline';

/** Bump when the context or child shapes change; persisted snapshots of another version must be discarded. */
export const SIM_MACHINE_VERSION = 2;

export { credentialActorId, type TrackedCredential };

export type SimMachineInput = ({ scenario: Scenario } | { world: ScenarioWorld }) & {
	seed?: number;
};

export interface SimMachineContext extends Session {
	version: typeof SIM_MACHINE_VERSION;
	/** Status of each credential set, in the order of `sim.credentials`, as last pushed to its actor. */
	tracked: TrackedCredential[];
	/** Changes when another scenario is loaded, so its credential actors get fresh ids. */
	generation: number;
	/** Simulated seconds per real tick while running. */
	speed: number;
	/** Why the last event was rejected (e.g. an invalid policy); null after a successful event. */
	error: string | null;
}

export type SimMachineEvent =
	| { type: 'call.submit'; request: CallRequest }
	| { type: 'clock.advance'; seconds: number }
	| { type: 'clock.play'; speed?: number }
	| { type: 'clock.pause' }
	| { type: 'admin.revoke'; arn: string }
	| { type: 'admin.attach'; to: string; policy: unknown; name?: string }
	| { type: 'policy.edit'; edit: PolicyEdit }
	| { type: 'scenario.load'; scenario: Scenario; seed?: number }
	| { type: 'scenario.next' }
	| { type: 'scenario.back' }
	| { type: 'scenario.restart' }
	/** Stops every credential actor; the next event that syncs credentials spawns them again. */
	| { type: 'credentials.release' };

function withSession(session: Session): Partial<SimMachineContext> {
	return { ...session, error: null };
}

function initialContext(input: SimMachineInput, generation: number): SimMachineContext {
	return {
		...startSession(input),
		version: SIM_MACHINE_VERSION,
		tracked: [],
		generation,
		speed: 60,
		error: null
	};
}

export const simMachine = setup({
	types: {
		context: {} as SimMachineContext,
		input: {} as SimMachineInput,
		events: {} as SimMachineEvent
	},
	actors: { credential: credentialMachine },
	delays: { tick: 1000 },
	guards: {
		hasNextStep: ({ context }) =>
			context.scenario !== null && context.cursor < context.scenario.steps.length,
		canGoBack: ({ context }) => context.timeline.length > 0,
		validAttachPolicy: ({ event }) =>
			event.type === 'admin.attach' && policyParser()(event.policy, 'identity').ok
	},
	actions: {
		apply: assign(({ context }, entry: TimelineEntry) => withSession(applyEntry(context, entry))),
		/** Credential actors follow the state: spawn, update changed statuses, stop removed ones. */
		syncCredentials: enqueueActions(({ context, enqueue }) =>
			enqueue.assign({
				tracked: syncCredentialActors(
					context.sim,
					context.tracked,
					context.generation,
					enqueue,
					false
				)
			})
		),
		/** After a call only new credentials can exist; nothing else changed. */
		syncNewCredentials: enqueueActions(({ context, enqueue }) =>
			enqueue.assign({
				tracked: syncCredentialActors(
					context.sim,
					context.tracked,
					context.generation,
					enqueue,
					true
				)
			})
		),
		/** Newest first: see stopCredentialActors in credential-sync.ts for why the order matters. */
		stopAllCredentialActors: enqueueActions(({ context, enqueue }) => {
			stopCredentialActors(
				context.tracked.map((t) => t.accessKeyId),
				context.generation,
				enqueue
			);
			enqueue.assign({ tracked: [] });
		})
	}
}).createMachine({
	id: 'sts-simulator',
	context: ({ input }) => initialContext(input, 0),
	initial: 'paused',
	on: {
		'call.submit': {
			actions: [
				{ type: 'apply', params: ({ event }) => ({ type: 'call', request: event.request }) },
				'syncNewCredentials'
			]
		},
		'clock.advance': {
			guard: ({ event }) => Number.isFinite(event.seconds) && event.seconds > 0,
			actions: [
				{
					type: 'apply',
					params: ({ event }) => ({ type: 'advance', seconds: Math.floor(event.seconds) })
				},
				'syncCredentials'
			]
		},
		'admin.revoke': {
			actions: [
				{ type: 'apply', params: ({ event }) => ({ type: 'revoke', arn: event.arn }) },
				'syncCredentials'
			]
		},
		'admin.attach': [
			{
				guard: 'validAttachPolicy',
				actions: [
					{
						type: 'apply',
						params: ({ event }) => {
							const parsed = policyParser()(event.policy, 'identity');
							if (!parsed.ok) throw new Error('unreachable: guarded by validAttachPolicy');
							return {
								type: 'attach',
								to: event.to,
								policy: parsed.policy,
								...(event.name ? { name: event.name } : {})
							};
						}
					},
					'syncCredentials'
				]
			},
			{
				actions: assign(({ event }) => {
					const parsed = policyParser()(event.policy, 'identity');
					// IAM's message, as for policy edits (admin-actions.ts refused()).
					return {
						error: parsed.ok ? null : iamPolicyErrorMessage(parsed.kind, parsed.iamMessage)
					};
				})
			}
		],
		'policy.edit': {
			actions: [
				{ type: 'apply', params: ({ event }) => ({ type: 'edit', edit: event.edit }) },
				assign(({ context }) => ({
					error:
						context.last?.kind === 'policy-edit' && !context.last.ok
							? (context.last.error ?? 'rejected')
							: null
				})),
				'syncCredentials'
			]
		},
		'scenario.next': {
			guard: 'hasNextStep',
			actions: [assign(({ context }) => withSession(nextStep(context))), 'syncCredentials']
		},
		'scenario.back': {
			guard: 'canGoBack',
			actions: [assign(({ context }) => withSession(stepBack(context))), 'syncCredentials']
		},
		'scenario.restart': {
			actions: [assign(({ context }) => withSession(restart(context))), 'syncCredentials']
		},
		'credentials.release': { actions: 'stopAllCredentialActors' },
		'scenario.load': {
			actions: [
				'stopAllCredentialActors',
				assign(({ context, event }) => ({
					...initialContext(
						{ scenario: event.scenario, ...(event.seed !== undefined ? { seed: event.seed } : {}) },
						context.generation + 1
					),
					speed: context.speed
				})),
				'syncCredentials'
			]
		}
	},
	states: {
		paused: {
			on: {
				'clock.play': {
					target: 'running',
					actions: assign(({ context, event }) => ({ speed: event.speed ?? context.speed }))
				}
			}
		},
		running: {
			after: {
				tick: {
					target: 'running',
					reenter: true,
					actions: [
						{
							type: 'apply',
							params: ({ context }) => ({ type: 'advance', seconds: context.speed })
						},
						'syncCredentials'
					]
				}
			},
			on: {
				'clock.pause': 'paused',
				'clock.play': {
					actions: assign(({ context, event }) => ({ speed: event.speed ?? context.speed }))
				}
			}
		}
	}
});

/** Stops a simulator actor, releasing its credential actors newest first (see the header). */
export function stopSimulator(actor: Actor<typeof simMachine>): void {
	actor.send({ type: 'credentials.release' });
	actor.stop();
}
