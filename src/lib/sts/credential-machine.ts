/**
 * One issued credential set as an actor: active → expiringSoon (last 5 minutes) → expired, or
 * revoked (issued before "Revoke active sessions", sts-facts §6) until it expires. Time is the
 * simulator's, pushed by the parent in `clock.changed`; the actor never reads a real clock.
 *
 * The transitions are guarded on the event itself (no context writes), because a clock change may
 * reach a thousand of these actors within one frame.
 */
import { setup } from 'xstate';
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

type Moment = { now: number; revokedBefore?: number };
type Limits = { issuedAt: number; expiresAt: number };

/** The state a credential set is in at a moment (the same rule as credentialStatus). */
export function lifecycleState(c: Limits, m: Moment): CredentialStatus {
	return credentialStatus(c, m.now, m.revokedBefore);
}

export const credentialMachine = setup({
	types: {
		context: {} as CredentialActorInput,
		input: {} as CredentialActorInput,
		events: {} as CredentialActorEvent
	},
	guards: {
		isExpired: ({ context, event }) => lifecycleState(context, event) === 'expired',
		isRevoked: ({ context, event }) => lifecycleState(context, event) === 'revoked',
		isExpiringSoon: ({ context, event }) => lifecycleState(context, event) === 'expiringSoon',
		startsExpired: ({ context }) => lifecycleState(context, context) === 'expired',
		startsRevoked: ({ context }) => lifecycleState(context, context) === 'revoked',
		startsExpiringSoon: ({ context }) => lifecycleState(context, context) === 'expiringSoon'
	}
}).createMachine({
	id: 'credential',
	context: ({ input }) => ({ ...input }),
	initial: 'issued',
	// Any state can follow any other: time moves backwards when the learner steps back through a
	// scenario, and a revocation can be undone by editing the policy away. Targeting the current
	// state is a no-op (transitions are not re-entering by default).
	on: {
		'clock.changed': [
			{ guard: 'isExpired', target: '.expired' },
			{ guard: 'isRevoked', target: '.revoked' },
			{ guard: 'isExpiringSoon', target: '.expiringSoon' },
			{ target: '.active' }
		]
	},
	states: {
		/** Transient: enters the state that holds at spawn time. */
		issued: {
			always: [
				{ guard: 'startsExpired', target: 'expired' },
				{ guard: 'startsRevoked', target: 'revoked' },
				{ guard: 'startsExpiringSoon', target: 'expiringSoon' },
				{ target: 'active' }
			]
		},
		active: {},
		expiringSoon: {},
		revoked: {},
		// Not a final state: the actor stays, so the UI can still show expired credentials.
		expired: {}
	}
});
