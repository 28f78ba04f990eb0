/**
 * The simulator state and the pure functions that move it: a call, a clock advance, an
 * administrative change. Deterministic given the seed; the state is plain JSON-serialisable data.
 */
import type { ScenarioStep, ScenarioWorld } from '../content/scenario-schema';
import type { AdminResult } from './admin-actions';
import { revokedBeforeOf, type PolicyEdit } from './admin-model';
import { adminActions } from './api-handlers';
import type { CallRequest } from './api-support';
import { formatDuration, formatInstant, type Instant } from './clock';
import { SeededRandom, type RngState } from './credential-ids';
import { dispatchCall, tickOf } from './call-dispatch';
import { explanation } from './explanation';
import type { AdminOutcome, CallOutcome, ClockOutcome, Outcome } from './sim-outcomes';
import {
	credentialStatus,
	sessionOwnerArn,
	type CredentialStatus,
	type IssuedCredentials
} from './issued-credentials';
import { normalizePolicy } from './policy-model';
import { buildWorld, managedStandIn, type World } from './world';
import { findEntity } from './world-lookup';

export const SIM_STATE_VERSION = 1;

export type { CallOutcome, ClockOutcome, AdminOutcome, Outcome } from './sim-outcomes';

export interface SimState {
	version: typeof SIM_STATE_VERSION;
	world: World;
	now: Instant;
	rng: RngState;
	/** Every credential set issued, in issue order (an array: cheap to extend immutably). */
	credentials: IssuedCredentials[];
	/** `save:` names → access key ID. */
	saved: Record<string, string>;
	log: Outcome[];
	attachCount: number;
}

export interface CallOptions {
	/** Statement-level explanations (default true; the benchmark turns them off). */
	explain?: boolean;
}

export function createSimulator(world: ScenarioWorld, options: { seed?: number } = {}): SimState {
	const random = new SeededRandom(options.seed ?? 1);
	const built = buildWorld(world, random);
	return {
		version: SIM_STATE_VERSION,
		world: built,
		now: built.start,
		rng: random.state,
		credentials: [],
		saved: {},
		log: [],
		attachCount: 0
	};
}

export function call(
	state: SimState,
	request: CallRequest,
	options: CallOptions = {}
): { state: SimState; outcome: CallOutcome } {
	const random = new SeededRandom(state.rng);
	const outcome = dispatchCall(state, request, random, options.explain ?? true);
	const issued = outcome.credentials;
	let { credentials, saved } = state;
	if (issued) {
		const creds = request.save ? { ...issued, savedAs: request.save } : issued;
		credentials = [...credentials, creds];
		if (request.save) saved = { ...saved, [request.save]: creds.accessKeyId };
	}
	const { credentials: _omit, ...logged } = outcome;
	void _omit;
	return {
		state: { ...state, rng: random.state, credentials, saved, log: [...state.log, logged] },
		outcome: logged
	};
}

export function advance(
	state: SimState,
	seconds: number
): { state: SimState; outcome: ClockOutcome } {
	const now = state.now + Math.max(0, Math.floor(seconds));
	const expired = state.credentials
		.filter((c) => c.expiresAt > state.now && c.expiresAt <= now)
		.map((c) => c.accessKeyId);
	const outcome: ClockOutcome = {
		kind: 'advance',
		at: now,
		seconds,
		expired,
		explanation: explanation(
			`The clock moved ${formatDuration(seconds)} to ${formatInstant(now)}.${expired.length ? ` ${expired.length} credential set${expired.length === 1 ? '' : 's'} expired; any request signed with them now fails with ExpiredToken (sts-facts §1).` : ''}`,
			{ facts: expired.length ? ['§1'] : [] }
		)
	};
	return { state: { ...state, now, log: [...state.log, outcome] }, outcome };
}

function admin(
	state: SimState,
	kind: AdminOutcome['kind'],
	target: string,
	run: () => AdminResult,
	attachCount = state.attachCount
): { state: SimState; outcome: AdminOutcome } {
	let result: AdminResult;
	try {
		result = run();
	} catch (e) {
		// Not an AWS answer: the administrative actions were not loaded (a loading bug).
		const error = `internal error: ${(e as Error).message}`;
		result = { ok: false, error, explanation: explanation(error) };
	}
	const outcome: AdminOutcome = {
		kind,
		at: state.now,
		target,
		ok: result.ok,
		...(result.ok ? {} : { error: result.error }),
		explanation: result.explanation
	};
	return {
		state: {
			...state,
			...(result.ok ? { world: result.world, attachCount } : {}),
			log: [...state.log, outcome]
		},
		outcome
	};
}

export function revoke(state: SimState, arn: string) {
	return admin(state, 'revoke', arn, () =>
		adminActions().revokeSessions(state.world, arn, state.now, tickOf(state))
	);
}

export function attach(
	state: SimState,
	to: string,
	policy: Parameters<typeof normalizePolicy>[0],
	name?: string,
	policyArn?: string
) {
	const count = state.attachCount + 1;
	return admin(
		state,
		'attach',
		to,
		() =>
			adminActions().attachPolicy(
				state.world,
				to,
				normalizePolicy(policy),
				name ?? `attached-${count}`,
				policyArn
			),
		count
	);
}

export function edit(state: SimState, change: PolicyEdit) {
	return admin(state, 'policy-edit', change.kind === 'trust' ? change.roleArn : change.arn, () =>
		adminActions().editPolicy(state.world, change)
	);
}

/** Plays one scenario step. */
export function applyStep(
	state: SimState,
	step: ScenarioStep,
	options: CallOptions = {}
): { state: SimState; outcome: Outcome } {
	if ('call' in step) {
		const {
			expect: _expect,
			title: _title,
			narration: _narration,
			debrief: _debrief,
			...request
		} = step;
		void [_expect, _title, _narration, _debrief];
		return call(state, request, options);
	}
	if ('advance' in step) return advance(state, step.advance);
	if ('revoke' in step) return revoke(state, step.revoke);
	const given = step.attach.policy;
	if (typeof given === 'string') {
		// An AWS managed policy by ARN: attached under its own name, as AttachRolePolicy does.
		const managed = managedStandIn(given);
		return attach(
			state,
			step.attach.to,
			managed.document,
			step.attach.name ?? managed.name,
			managed.arn
		);
	}
	const policy =
		'Statement' in given ? given : { Version: '2012-10-17' as const, Statement: given };
	return attach(state, step.attach.to, policy, step.attach.name);
}

/** The lifecycle status of issued credentials now (for the UI and the credential actors). */
export function statusOf(state: SimState, creds: IssuedCredentials): CredentialStatus {
	const ownerArn = sessionOwnerArn(creds.identity);
	const owner = ownerArn ? findEntity(state.world, ownerArn) : undefined;
	return credentialStatus(
		creds,
		state.now,
		owner ? revokedBeforeOf(owner.entity.policies) : undefined
	);
}
