import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '$lib/content/scenario-loader';
import { simStorageKey } from './sim-persistence';
import { initialSnapshot } from './sim-runtime';
import { SimulatorSession } from './simulator-session.svelte';

const scenario = parseScenario(
	readFileSync('content/scenarios/credentials-expire-and-refresh.yaml', 'utf8'),
	'credentials-expire-and-refresh.yaml'
);

function memory() {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (k: string) => map.get(k) ?? null,
		setItem: (k: string, v: string) => void map.set(k, v),
		removeItem: (k: string) => void map.delete(k)
	};
}

const initial = initialSnapshot(scenario);

describe('SimulatorSession', () => {
	afterEach(() => vi.useRealTimers());

	it('renders the build-time snapshot until the engine has loaded', async () => {
		const session = new SimulatorSession(scenario, initial);
		expect(session.ready).toBe(false);
		expect(session.snapshot.context.scenario).toBe(scenario);
		expect(session.snapshot.context.cursor).toBe(0);
		session.send({ type: 'scenario.next' }); // ignored: no engine yet
		expect(await session.whenReady()).toBe(true);
		expect(session.ready).toBe(true);
		expect(session.snapshot.context.cursor).toBe(0);
		// A step before prepare() (the page calls it on the learner's first focus, key or pointer)
		// waits for what it needs; the clock needs nothing.
		const stepped = session.send({ type: 'scenario.next' });
		expect(session.snapshot.context.cursor).toBe(0);
		await stepped;
		expect(session.snapshot.context.cursor).toBe(1);
		session.send({ type: 'scenario.next' });
		expect(session.snapshot.context.cursor).toBe(2);
		session.stop();
	});

	it('prepare() loads what the steps call; a failed load is tried again', async () => {
		const runtime = await import('./sim-runtime');
		let fail = true;
		const loaded: string[][] = [];
		const session = new SimulatorSession(scenario, initial);
		await session.start(async () => ({
			...runtime,
			loadApis: (calls: Iterable<string>) => {
				loaded.push([...calls]);
				return fail ? Promise.reject(new Error('offline')) : runtime.loadApis(calls);
			}
		}));
		expect(loaded).toEqual([]); // nothing before the learner starts
		const before = session.snapshot.context.sim.now;
		session.send({ type: 'clock.advance', seconds: 60 }); // needs nothing: processed at once
		expect(session.snapshot.context.sim.now).toBe(before + 60);
		await expect(session.prepare()).rejects.toThrow('offline');
		fail = false;
		await session.prepare();
		expect(loaded).toEqual([runtime.scenarioCalls(scenario), runtime.scenarioCalls(scenario)]);
		await session.prepare(); // done: no further load
		expect(loaded).toHaveLength(2);
		session.send({ type: 'scenario.next' });
		expect(session.snapshot.context.cursor).toBe(1);
		session.stop();
	});

	it('loads the action catalogue of the services the steps call, and all of it for free play', async () => {
		const vendor = parseScenario(
			readFileSync('content/scenarios/vendor-external-id.yaml', 'utf8'),
			'vendor-external-id.yaml'
		);
		const runtime = await import('./sim-runtime');
		const asked: (string[] | undefined)[] = [];
		const session = new SimulatorSession(vendor, initialSnapshot(vendor));
		await session.start(async () => ({
			...runtime,
			loadActionCatalog: (services?: Iterable<string>) => {
				asked.push(services && [...services]);
				return Promise.resolve({});
			}
		}));
		await session.actionCatalog('session');
		await session.actionCatalog('all');
		expect(asked).toEqual([['s3'], undefined]);
		session.stop();
	});

	it('a session stopped while its engine loads does not start running', async () => {
		const session = new SimulatorSession(scenario, initial);
		const started = session.start();
		session.stop();
		expect(await started).toBe(true);
		expect(session.ready).toBe(false);
		session.send({ type: 'scenario.next' }); // ignored
		expect(session.snapshot.context.cursor).toBe(0);
	});

	it('reports an engine that cannot be loaded', async () => {
		const session = new SimulatorSession(scenario, initial);
		expect(await session.start(() => Promise.reject(new Error('offline')))).toBe(false);
		expect(session.failed).toBe('offline');
		expect(session.ready).toBe(false);
	});

	it('follows the machine, saves after changes and restores on the next start', async () => {
		const storage = memory();
		const first = new SimulatorSession(scenario, initial, { storage });
		await first.start();
		await first.prepare();
		vi.useFakeTimers();
		expect(first.restored).toBe(false);
		first.send({ type: 'scenario.next' });
		expect(first.snapshot.context.cursor).toBe(1);
		expect(storage.map.size).toBe(0);
		vi.advanceTimersByTime(300);
		expect(storage.map.has(simStorageKey(scenario.id))).toBe(true);
		first.send({ type: 'scenario.next' });
		first.stop(); // flushes the pending save

		vi.useRealTimers(); // starting yields to the event loop between its steps
		const second = new SimulatorSession(scenario, initial, { storage });
		await second.start();
		expect(second.restored).toBe(true);
		expect(second.snapshot.context.cursor).toBe(2);
		second.reset();
		expect(second.snapshot.context.cursor).toBe(0);
		expect(storage.map.size).toBe(0);
		second.stop();
	});

	it("keeps the learner's predictions with the saved session, until reset", async () => {
		const storage = memory();
		const first = new SimulatorSession(scenario, initial, { storage });
		await first.start();
		await first.prepare();
		first.predict(0, 'works');
		first.send({ type: 'scenario.next' });
		first.predict(1, 'refused');
		first.send({ type: 'scenario.next' });
		first.stop(); // flushes the pending save

		const second = new SimulatorSession(scenario, initial, { storage });
		second.predict(2, 'works'); // made while the engine loads: kept too
		await second.start();
		expect(second.snapshot.context.cursor).toBe(2);
		expect(second.predictions).toEqual({ 0: 'works', 1: 'refused', 2: 'works' });
		second.reset();
		expect(second.predictions).toEqual({});
		second.stop();

		const third = new SimulatorSession(scenario, initial, { storage });
		third.predict(0, 'refused'); // before the engine loads, and nothing played after it
		// An engine slower to load than the save delay (250 ms): the save the prediction asked for
		// comes too early to write anything.
		const runtime = await import('./sim-runtime');
		await third.start(async () => {
			await new Promise((done) => setTimeout(done, 400));
			return runtime;
		});
		expect(third.predictions).toEqual({ 0: 'refused' });
		third.stop(); // flushes the save scheduled once the engine was ready

		const fourth = new SimulatorSession(scenario, initial, { storage });
		await fourth.start();
		expect(fourth.predictions).toEqual({ 0: 'refused' });
		fourth.stop();
	});

	it('announces expiries while the clock plays', async () => {
		const expired: string[][] = [];
		const session = new SimulatorSession(scenario, initial, {
			onexpiry: (o) => expired.push(o.expired)
		});
		await session.start();
		// The scenario's steps do not call GetSessionToken: this first free-play use loads it.
		await session.send({
			type: 'call.submit',
			request: {
				as: scenario.steps.map((s) => ('as' in s ? s.as : '')).find((a) => a.startsWith('user:'))!,
				call: 'GetSessionToken',
				params: { DurationSeconds: 900 }
			}
		});
		expect(session.snapshot.context.sim.credentials).toHaveLength(1);
		vi.useFakeTimers();
		session.send({ type: 'clock.play', speed: 300 });
		expect(session.running).toBe(true);
		vi.advanceTimersByTime(3000);
		expect(expired).toHaveLength(1);
		session.send({ type: 'clock.pause' });
		session.stop();
	});

	it('a world that names an AWS managed policy by ARN starts: the parser (with its stand-ins) loads first', async () => {
		const managed = parseScenario(
			[
				'id: managed-arn',
				'title: A user with ReadOnlyAccess',
				'topic: credentials',
				'world:',
				'  start: 2026-01-20T01:00:00Z',
				'  accounts:',
				'    - id: "111122223333"',
				'      users:',
				'        - name: reader',
				'          policies: [arn:aws:iam::aws:policy/ReadOnlyAccess]',
				'steps:',
				'  - call: s3:GetObject',
				'    as: user:111122223333/reader',
				'    resource: arn:aws:s3:::reports/r.csv',
				'    expect: { allowed: true }'
			].join('\n'),
			'managed-arn.yaml'
		);
		// The starting snapshot is made where the parser is loaded, as the page's prerender does.
		const built = await import('./sim-runtime');
		await built.loadPolicyParser();
		const start = built.initialSnapshot(managed);
		vi.resetModules(); // then a browser's fresh registry: no policy parser yet
		const runtime = await import('./sim-runtime');
		const { SimulatorSession: BrowserSession } = await import('./simulator-session.svelte');
		expect(runtime.canParsePolicyNow()).toBe(false);
		const session = new BrowserSession(managed, start);
		expect(await session.start()).toBe(true);
		expect(session.failed).toBeUndefined();
		await session.send({ type: 'scenario.next' });
		expect(session.snapshot.context.reports[0]?.pass).toBe(true);
		session.stop();
	});

	it('only stepping waits for prepare(); an administrative action or the clock does not', async () => {
		const session = new SimulatorSession(scenario, initial);
		await session.start();
		await session.loadAdmin();
		const role = Object.values(session.snapshot.context.sim.world.accounts).flatMap((a) =>
			Object.values(a.roles)
		)[0];
		expect(session.wouldWait({ type: 'scenario.next' })).toBe(true);
		expect(session.wouldWait({ type: 'clock.advance', seconds: 5 })).toBe(false);
		const edit = {
			type: 'policy.edit',
			edit: { kind: 'identity-remove', arn: role.arn, name: 'none' }
		} as const;
		expect(session.wouldWait(edit)).toBe(false);
		void session.send(edit);
		expect(session.snapshot.context.last?.kind).toBe('policy-edit');
		// While a step waits, everything after it waits too (the order is kept).
		const stepped = session.send({ type: 'scenario.next' });
		expect(session.wouldWait(edit)).toBe(true);
		await stepped;
		expect(session.wouldWait(edit)).toBe(false);
		session.stop();
	});

	it('a load that fails drops the event with loadError (not the engine failure), and a later success clears it', async () => {
		const runtime = await import('./sim-runtime');
		let fail = true;
		const session = new SimulatorSession(scenario, initial);
		await session.start(async () => ({
			...runtime,
			loadApis: (calls: Iterable<string>) =>
				fail ? Promise.reject(new Error('offline')) : runtime.loadApis(calls)
		}));
		await session.send({ type: 'scenario.next' });
		expect(session.snapshot.context.cursor).toBe(0);
		expect(session.loadError).toBe('offline');
		expect(session.failed).toBeUndefined();
		fail = false;
		await session.send({ type: 'scenario.next' });
		expect(session.snapshot.context.cursor).toBe(1);
		expect(session.loadError).toBeUndefined();
		session.stop();
	});

	it('an administrative action waits for its module, and loadAdmin makes edits immediate', async () => {
		const session = new SimulatorSession(scenario, initial);
		await session.start();
		const role = Object.values(session.snapshot.context.sim.world.accounts).flatMap((a) =>
			Object.values(a.roles)
		)[0];
		// Whether or not an earlier test loaded them, the revoke is processed once awaited.
		await session.send({ type: 'admin.revoke', arn: role.arn });
		const last = session.snapshot.context.last;
		expect(last?.kind).toBe('revoke');
		expect(last && 'ok' in last && last.ok).toBe(true);
		await session.loadAdmin();
		expect(session.adminReady).toBe(true);
		void session.send({
			type: 'policy.edit',
			edit: { kind: 'identity-remove', arn: role.arn, name: 'AWSRevokeOlderSessions' }
		});
		expect(session.snapshot.context.last?.kind).toBe('policy-edit');
		session.stop();
	});
});
