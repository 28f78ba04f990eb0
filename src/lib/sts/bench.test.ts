import { describe, expect, it } from 'vitest';
import { runBenchmark } from './bench';

describe('runBenchmark', () => {
	it('measures every probe (no timing assertions: machines differ)', () => {
		const result = runBenchmark({ iterations: 5, warmup: 1, credentials: 20, expiryRounds: 3 });
		for (const timing of Object.values(result)) {
			expect(timing.samples).toBeGreaterThan(0);
			expect(timing.medianMs).toBeGreaterThanOrEqual(0);
		}
	});
});
