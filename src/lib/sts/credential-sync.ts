/**
 * Keeps the credential actors of the simulator machine in line with the simulator state.
 */
import { revokedBeforeOf } from './admin-model';
import type { CredentialActorEvent, CredentialActorInput } from './credential-machine';
import {
	credentialStatus,
	issuedMoment,
	sessionOwnerArn,
	type CredentialStatus
} from './issued-credentials';
import type { SimState } from './simulator';
import { findEntity } from './world-lookup';

export interface TrackedCredential {
	accessKeyId: string;
	status: CredentialStatus;
}

export const credentialActorId = (generation: number, accessKeyId: string) =>
	`credential-${generation}-${accessKeyId}`;

/** The subset of XState's `enqueue` the sync needs. */
export interface CredentialEnqueue {
	spawnChild(src: 'credential', options: { id: string; input: CredentialActorInput }): void;
	sendTo(id: string, event: CredentialActorEvent): void;
	stopChild(id: string): void;
}

/**
 * Spawns actors for new credentials, stops those whose credentials no longer exist (after
 * stepping back), and sends `clock.changed` only to actors whose status changed, so a clock
 * advance costs one event per transition rather than one per credential. Returns the new
 * tracking list, in the order of `sim.credentials`.
 *
 * `onlyNew`: after a call the previous credentials are a prefix of the list and neither the
 * clock nor any policy changed, so only the new ones need work.
 */
export function syncCredentialActors(
	sim: SimState,
	tracked: readonly TrackedCredential[],
	generation: number,
	enqueue: CredentialEnqueue,
	onlyNew: boolean
): TrackedCredential[] {
	// One revocation cut-off per role or user (sts-facts §6), not per credential set.
	const cutOffs = new Map<string | undefined, number | undefined>();
	const cutOff = (ownerArn: string | undefined) => {
		if (!cutOffs.has(ownerArn)) {
			const owner = ownerArn ? findEntity(sim.world, ownerArn) : undefined;
			cutOffs.set(ownerArn, owner ? revokedBeforeOf(owner.entity.policies) : undefined);
		}
		return cutOffs.get(ownerArn);
	};
	const previous = onlyNew
		? new Map<string, CredentialStatus>()
		: new Map(tracked.map((t) => [t.accessKeyId, t.status]));
	const next = onlyNew ? tracked.slice() : [];
	for (let i = onlyNew ? tracked.length : 0; i < sim.credentials.length; i++) {
		const creds = sim.credentials[i];
		const key = creds.accessKeyId;
		const before = cutOff(sessionOwnerArn(creds.identity));
		const status = credentialStatus(creds, sim.now, before);
		const id = credentialActorId(generation, key);
		const old = previous.get(key);
		const moment = before !== undefined ? { revokedBefore: before } : {};
		if (old === undefined) {
			const input: CredentialActorInput = {
				accessKeyId: key,
				// With the call's tick, so a same-second revocation orders as the engine does (sts-facts §6).
				issuedAt: issuedMoment(creds),
				expiresAt: creds.expiresAt,
				now: sim.now,
				...moment
			};
			enqueue.spawnChild('credential', { id, input });
		} else if (old !== status) {
			enqueue.sendTo(id, { type: 'clock.changed', now: sim.now, ...moment });
		}
		previous.delete(key);
		next.push({ accessKeyId: key, status });
	}
	stopCredentialActors([...previous.keys()], generation, enqueue);
	return next;
}

/**
 * Stops credential actors newest first. Each stop makes XState copy the parent's `children`
 * object without the stopped actor. Removing the most recently added key keeps that object in
 * V8's fast mode, so each copy is a cheap block copy; removing the oldest key first turns it into
 * a dictionary, and every later copy re-sorts it by insertion order. Stopping n actors stays
 * quadratic (XState copies the object per stop), but with 1,000 actors it takes a few hundred
 * milliseconds instead of several seconds. `keys` are in issue order.
 */
export function stopCredentialActors(
	keys: readonly string[],
	generation: number,
	enqueue: Pick<CredentialEnqueue, 'stopChild'>
): void {
	for (let i = keys.length - 1; i >= 0; i--)
		enqueue.stopChild(credentialActorId(generation, keys[i]));
}
