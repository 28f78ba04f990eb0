/**
 * Performance probes for the `bench` CLI (no timing asserts in tests). Targets: an AssumeRole call
 * including policy evaluation at a median ≤ 3 ms after warm-up; a clock advance with 1,000 live
 * credentials ≤ 16 ms (one frame), also when all of them expire in that advance.
 */
import { createActor } from 'xstate';
import type { ScenarioWorld } from '../content/scenario-schema';
import './all-apis';
import { simMachine, stopSimulator } from './sim-machine';
import { advance, call, createSimulator, type SimState } from './simulator';

export interface Timing {
	samples: number;
	medianMs: number;
	p95Ms: number;
	maxMs: number;
}

export interface BenchmarkResult {
	/** Engine: cross-account AssumeRole with trust + identity evaluation and full explanation. */
	assumeRole: Timing;
	/** The same without statement-level explanations. */
	assumeRoleNoExplain: Timing;
	/** Engine: advance the clock 60 s with 1,000 live credentials. */
	engineAdvance1000: Timing;
	/** Machine: clock.advance with 1,000 credential actors, none changing status. */
	machineAdvance1000: Timing;
	/** Machine: clock.advance that expires all 1,000 credential actors at once (worst case, after one warm-up round). */
	machineExpire1000: Timing;
	/** Machine: stopSimulator with 1,000 credential actors (each expiry round's machine, after use). */
	machineStop1000: Timing;
}

const BENCH_WORLD: ScenarioWorld = {
	start: '2026-01-01T00:00:00Z',
	accounts: [
		{
			id: '111111111111',
			users: [
				{
					name: 'alice',
					policies: [
						{
							Version: '2012-10-17',
							Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]
						}
					]
				}
			]
		},
		{
			id: '222222222222',
			roles: [
				{
					name: 'Target',
					maxSessionDuration: 43200,
					trust: {
						Version: '2012-10-17',
						Statement: [
							{
								Effect: 'Allow',
								Principal: { AWS: 'arn:aws:iam::111111111111:root' },
								Action: 'sts:AssumeRole',
								Condition: { StringEquals: { 'sts:ExternalId': 'ext-1' } }
							}
						]
					},
					policies: [
						{
							Version: '2012-10-17',
							Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]
						}
					]
				}
			]
		}
	]
};

const REQUEST = {
	as: 'user:111111111111/alice',
	call: 'AssumeRole',
	params: {
		RoleArn: 'arn:aws:iam::222222222222:role/Target',
		RoleSessionName: 'bench',
		ExternalId: 'ext-1',
		DurationSeconds: 43200
	}
};

function timing(samples: number[]): Timing {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return {
		samples: sorted.length,
		medianMs: at(0.5),
		p95Ms: at(0.95),
		maxMs: sorted[sorted.length - 1]
	};
}

function measure(iterations: number, warmup: number, fn: () => void): Timing {
	for (let i = 0; i < warmup; i++) fn();
	const samples: number[] = [];
	for (let i = 0; i < iterations; i++) {
		const t = performance.now();
		fn();
		samples.push(performance.now() - t);
	}
	return timing(samples);
}

function withCredentials(count: number): SimState {
	let state = createSimulator(BENCH_WORLD, { seed: 7 });
	for (let i = 0; i < count; i++) state = call(state, REQUEST, { explain: false }).state;
	return state;
}

function machineWith(count: number): ReturnType<typeof createActor<typeof simMachine>> {
	const actor = createActor(simMachine, { input: { world: BENCH_WORLD, seed: 7 } }).start();
	for (let i = 0; i < count; i++) actor.send({ type: 'call.submit', request: REQUEST });
	return actor;
}

/**
 * `credentials` sets the number of live credentials for the clock probes (default 1,000; tests use
 * fewer); `expiryRounds` the number of fresh machines timed for the expiry and stop probes (default 7).
 */
export function runBenchmark(
	options: {
		iterations?: number;
		warmup?: number;
		credentials?: number;
		expiryRounds?: number;
	} = {}
): BenchmarkResult {
	const iterations = options.iterations ?? 200;
	const warmup = options.warmup ?? 50;
	const count = options.credentials ?? 1000;
	const base = createSimulator(BENCH_WORLD, { seed: 7 });
	const assumeRole = measure(iterations, warmup, () => call(base, REQUEST));
	const assumeRoleNoExplain = measure(iterations, warmup, () =>
		call(base, REQUEST, { explain: false })
	);
	const live = withCredentials(count);
	const engineAdvance1000 = measure(iterations, warmup, () => advance(live, 60));

	const actor = machineWith(count);
	const machineAdvance1000 = measure(Math.min(iterations, 50), 5, () =>
		actor.send({ type: 'clock.advance', seconds: 1 })
	);
	stopSimulator(actor);
	// Each round needs a fresh machine (expiry happens once); the first round warms the JIT up.
	// An odd number of samples, so the median is one of them.
	const rounds = options.expiryRounds ?? 7;
	const expireSamples: number[] = [];
	const stopSamples: number[] = [];
	for (let i = 0; i <= rounds; i++) {
		const fresh = machineWith(count);
		let t = performance.now();
		fresh.send({ type: 'clock.advance', seconds: 43200 });
		if (i > 0) expireSamples.push(performance.now() - t);
		t = performance.now();
		stopSimulator(fresh);
		if (i > 0) stopSamples.push(performance.now() - t);
	}
	return {
		assumeRole,
		assumeRoleNoExplain,
		engineAdvance1000,
		machineAdvance1000,
		machineExpire1000: timing(expireSamples),
		machineStop1000: timing(stopSamples)
	};
}
