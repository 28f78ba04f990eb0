import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import { createActor, SimulatedClock, type AnyActorRef } from 'xstate';
import { parseScenario } from '../content/scenario-loader';
import { credentialMachine } from './credential-machine';
import { credentialActorId, SIM_MACHINE_VERSION, simMachine, stopSimulator } from './sim-machine';

const scenario = parseScenario(
	readFileSync('tests/fixtures/reference-scenarios/rev-001.yaml', 'utf8'),
	'rev-001.yaml'
);
const ALICE = 'user:111111111111/alice';
const OPS = 'arn:aws:iam::111111111111:role/Ops';
const assume = (name: string, DurationSeconds = 900) => ({
	type: 'call.submit' as const,
	request: {
		as: ALICE,
		call: 'AssumeRole',
		params: { RoleArn: OPS, RoleSessionName: `session-${name}`, DurationSeconds },
		save: name
	}
});

function start(options: { clock?: SimulatedClock; seed?: number } = {}) {
	return createActor(simMachine, {
		input: { scenario, seed: options.seed ?? 3 },
		...(options.clock ? { clock: options.clock } : {})
	}).start();
}
const childValue = (actor: ReturnType<typeof start>, key: string) => {
	const snap = actor.getSnapshot();
	const child = snap.children[credentialActorId(snap.context.generation, key)] as
		AnyActorRef | undefined;
	return child?.getSnapshot().value as string | undefined;
};

describe('simMachine', () => {
	it('starts paused at the scenario start with a versioned context', () => {
		const actor = start();
		const snap = actor.getSnapshot();
		expect(snap.value).toBe('paused');
		expect(snap.context).toMatchObject({
			version: SIM_MACHINE_VERSION,
			cursor: 0,
			error: null,
			tracked: []
		});
		expect(snap.context.sim.now).toBe(Date.parse('2026-01-01T10:00:00Z') / 1000);
	});

	it('call.submit issues credentials and spawns an actor for them', () => {
		const actor = start();
		actor.send(assume('a'));
		const { context } = actor.getSnapshot();
		expect(context.last).toMatchObject({ kind: 'call', ok: true });
		const key = context.sim.credentials[0].accessKeyId;
		expect(context.tracked).toEqual([{ accessKeyId: key, status: 'active' }]);
		expect(childValue(actor, key)).toBe('active');
	});

	it('credential actors follow the simulated clock: active → expiringSoon → expired', () => {
		const actor = start();
		actor.send(assume('a', 900));
		const key = actor.getSnapshot().context.sim.credentials[0].accessKeyId;
		actor.send({ type: 'clock.advance', seconds: 600 });
		expect(childValue(actor, key)).toBe('expiringSoon');
		actor.send({ type: 'clock.advance', seconds: 300 });
		expect(childValue(actor, key)).toBe('expired');
		expect(actor.getSnapshot().context.tracked[0].status).toBe('expired');
	});

	it('admin.revoke marks older sessions revoked; scenario.back undoes it and time', () => {
		const actor = start();
		actor.send(assume('a', 3600));
		actor.send({ type: 'clock.advance', seconds: 60 });
		actor.send({ type: 'admin.revoke', arn: OPS });
		const key = actor.getSnapshot().context.sim.credentials[0].accessKeyId;
		expect(childValue(actor, key)).toBe('revoked');
		actor.send({ type: 'scenario.back' });
		expect(childValue(actor, key)).toBe('active');
		actor.send({ type: 'clock.advance', seconds: 3600 });
		expect(childValue(actor, key)).toBe('expired');
		actor.send({ type: 'scenario.back' });
		expect(childValue(actor, key)).toBe('active');
		actor.send({ type: 'scenario.back' });
		actor.send({ type: 'scenario.back' });
		expect(actor.getSnapshot().context.sim.credentials).toEqual([]);
		expect(Object.keys(actor.getSnapshot().children)).toEqual([]);
		actor.send({ type: 'scenario.back' });
		expect(actor.getSnapshot().context.timeline).toEqual([]);
	});

	it('scenario.next plays the scenario with expectation reports; restart rewinds', () => {
		const actor = start();
		for (let i = 0; i < 10; i++) actor.send({ type: 'scenario.next' });
		const { context } = actor.getSnapshot();
		expect(context.cursor).toBe(scenario.steps.length);
		expect(context.reports.map((r) => r.pass)).toEqual(scenario.steps.map(() => true));
		expect(context.tracked.map((t) => t.status)).toEqual(['revoked']);
		actor.send({ type: 'scenario.restart' });
		expect(actor.getSnapshot().context).toMatchObject({
			cursor: 0,
			reports: [],
			timeline: [],
			tracked: []
		});
	});

	it('free actions interleave with scenario steps and are undone one at a time', () => {
		const actor = start();
		actor.send({ type: 'scenario.next' });
		actor.send({ type: 'call.submit', request: { as: 'creds:early', call: 'GetCallerIdentity' } });
		expect(actor.getSnapshot().context.timeline.map((t) => t.type)).toEqual(['step', 'call']);
		actor.send({ type: 'scenario.back' });
		expect(actor.getSnapshot().context).toMatchObject({
			cursor: 1,
			timeline: [{ type: 'step', index: 0 }]
		});
	});

	it('rejects invalid policies with a readable error and keeps the state', () => {
		const actor = start();
		actor.send({ type: 'admin.attach', to: OPS, policy: '{"Statement":[{"Effect":"Allow"}]}' });
		// IAM's message (the details are in a policy edit's explanation).
		expect(actor.getSnapshot().context.error).toBe('Syntax errors in policy.');
		expect(actor.getSnapshot().context.timeline).toEqual([]);
		actor.send({
			type: 'policy.edit',
			edit: {
				kind: 'trust',
				roleArn: OPS,
				document: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }
			}
		});
		expect(actor.getSnapshot().context.error).toBe(
			'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!'
		);
		expect(actor.getSnapshot().context.last?.explanation.summary).toContain('needs a Principal');
		// Refused when saved, as IAM does (IAM Principal page: no wildcard in part of an ARN).
		actor.send({
			type: 'policy.edit',
			edit: {
				kind: 'trust',
				roleArn: OPS,
				document: {
					Statement: [
						{
							Effect: 'Allow',
							Principal: { AWS: 'arn:aws:iam::111111111111:user/ci-*' },
							Action: 'sts:AssumeRole'
						}
					]
				}
			}
		});
		expect(actor.getSnapshot().context.error).toBe(
			'Invalid principal in policy: "AWS":"arn:aws:iam::111111111111:user/ci-*"'
		);
		expect(
			JSON.stringify(actor.getSnapshot().context.sim.world.accounts['111111111111'].roles.Ops.trust)
		).not.toContain('ci-*');
		actor.send({
			type: 'admin.attach',
			to: OPS,
			policy: {
				Version: '2012-10-17',
				Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }]
			},
			name: 'deny-all'
		});
		expect(actor.getSnapshot().context.error).toBeNull();
		expect(
			actor
				.getSnapshot()
				.context.sim.world.accounts['111111111111'].roles.Ops.policies.map((p) => p.name)
		).toContain('deny-all');
	});

	it('clock.play advances simulated time on ticks of the injected clock; clock.pause stops', () => {
		const clock = new SimulatedClock();
		const actor = start({ clock });
		const t0 = actor.getSnapshot().context.sim.now;
		actor.send({ type: 'clock.play', speed: 120 });
		expect(actor.getSnapshot().value).toBe('running');
		clock.increment(1000);
		clock.increment(1000);
		expect(actor.getSnapshot().context.sim.now).toBe(t0 + 240);
		expect(actor.getSnapshot().context.timeline).toEqual([{ type: 'advance', seconds: 240 }]);
		actor.send({ type: 'clock.pause' });
		clock.increment(5000);
		expect(actor.getSnapshot().context.sim.now).toBe(t0 + 240);
	});

	it('the tick delay can be provided', () => {
		const clock = new SimulatedClock();
		const actor = createActor(simMachine.provide({ delays: { tick: 250 } }), {
			input: { scenario },
			clock
		}).start();
		const t0 = actor.getSnapshot().context.sim.now;
		actor.send({ type: 'clock.play', speed: 1 });
		for (let i = 0; i < 4; i++) clock.increment(250);
		expect(actor.getSnapshot().context.sim.now).toBe(t0 + 4);
	});

	it('persists and restores, children included', () => {
		const actor = start();
		actor.send(assume('a', 900));
		actor.send({ type: 'clock.advance', seconds: 700 });
		const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
		actor.stop();
		const restored = createActor(simMachine, { snapshot: persisted, input: { scenario } }).start();
		const key = restored.getSnapshot().context.sim.credentials[0].accessKeyId;
		expect(childValue(restored, key)).toBe('expiringSoon');
		restored.send({ type: 'clock.advance', seconds: 200 });
		expect(childValue(restored, key)).toBe('expired');
	});

	it('scenario.load replaces the session and the credential actors', () => {
		const actor = start();
		actor.send(assume('a'));
		const other = parseScenario(
			readFileSync('tests/fixtures/reference-scenarios/gst-001.yaml', 'utf8'),
			'gst-001.yaml'
		);
		actor.send({ type: 'scenario.load', scenario: other });
		const snap = actor.getSnapshot();
		expect(snap.context).toMatchObject({ generation: 1, cursor: 0, tracked: [] });
		expect(snap.context.scenario?.id).toBe('gst-001');
		expect(Object.keys(snap.children)).toEqual([]);
		actor.send({ type: 'scenario.next' });
		expect(Object.keys(actor.getSnapshot().children)[0]).toMatch(/^credential-1-ASIA/);
	});

	it('expires many credential actors in one advance, each with its own state', () => {
		const actor = start();
		for (let i = 0; i < 40; i++) actor.send(assume(`k${i}`, i % 2 ? 900 : 1800));
		actor.send({ type: 'clock.advance', seconds: 900 });
		const { context } = actor.getSnapshot();
		const values = context.sim.credentials.map((c) => childValue(actor, c.accessKeyId));
		expect(values).toEqual(context.tracked.map((t) => t.status));
		expect(values.filter((v) => v === 'expired')).toHaveLength(20);
		expect(values.filter((v) => v === 'active')).toHaveLength(20);
	});

	it('credentials.release stops the credential actors newest first; the next sync brings them back', () => {
		const actor = start();
		actor.send(assume('a'));
		actor.send(assume('b'));
		const stopped: string[] = [];
		const keys = actor.getSnapshot().context.sim.credentials.map((c) => c.accessKeyId);
		for (const key of keys) {
			const id = credentialActorId(0, key);
			actor.getSnapshot().children[id]?.subscribe({ complete: () => stopped.push(id) });
		}
		actor.send({ type: 'credentials.release' });
		expect(Object.keys(actor.getSnapshot().children)).toEqual([]);
		expect(actor.getSnapshot().context.tracked).toEqual([]);
		expect(stopped).toEqual([credentialActorId(0, keys[1]), credentialActorId(0, keys[0])]);
		actor.send({ type: 'clock.advance', seconds: 600 });
		expect(keys.map((k) => childValue(actor, k))).toEqual(['expiringSoon', 'expiringSoon']);
		stopSimulator(actor);
		expect(actor.getSnapshot().status).toBe('stopped');
	});

	it('a credential actor follows the lifecycle rule and keeps its snapshot when nothing changes', () => {
		const input = { accessKeyId: 'ASIAEXAMPLE', issuedAt: 0, expiresAt: 900, now: 0 };
		const child = createActor(credentialMachine, { input }).start();
		const first = child.getSnapshot();
		expect(first.value).toBe('active');
		child.send({ type: 'clock.changed', now: 100 });
		expect(child.getSnapshot()).toBe(first);
		const seen: string[] = [];
		child.subscribe((s) => seen.push(s.value));
		for (const [now, revokedBefore] of [[600], [700], [900], [50, 10], [50]])
			child.send({ type: 'clock.changed', now, ...(revokedBefore ? { revokedBefore } : {}) });
		expect(seen).toEqual(['expiringSoon', 'expiringSoon', 'expired', 'revoked', 'active']);
		expect(child.getSnapshot().context).toEqual(input);
		const born = createActor(credentialMachine, {
			input: { ...input, now: 10, revokedBefore: 20 }
		});
		expect(born.getSnapshot().value).toBe('revoked');
	});

	it('ignores events that cannot apply', () => {
		const actor = start();
		actor.send({ type: 'clock.advance', seconds: -5 });
		actor.send({ type: 'scenario.back' });
		expect(actor.getSnapshot().context.timeline).toEqual([]);
		const free = createActor(simMachine, { input: { world: scenario.world } }).start();
		free.send({ type: 'scenario.next' });
		expect(free.getSnapshot().context.cursor).toBe(0);
	});
});
