import { describe, expect, it } from 'vitest';
import { generateHistory, runProgressBench } from './bench';
import { memoryIdb } from './test-harness';

describe('bench', () => {
	it('generates a deterministic history through the real rating and scheduling code', () => {
		const a = generateHistory(500, 50, 4);
		const b = generateHistory(500, 50, 4);
		expect(a).toEqual(b);
		expect(a.attempts).toHaveLength(500);
		expect(a.cards.length).toBeLessThanOrEqual(50);
		expect(new Set(a.attempts.map((x) => x.rating)).size).toBeGreaterThan(2);
	});

	it('seeds, measures and cleans up on any IndexedDB (numbers only, no timing asserts)', async () => {
		const r = await runProgressBench({
			idb: memoryIdb(),
			attempts: 3000,
			questions: 200,
			recordSamples: 20,
			dashboardRuns: 2
		});
		expect(r.attempts).toBe(3000);
		for (const key of [
			'seedMs',
			'dashboardColdMs',
			'dashboardWarmMedianMs',
			'dueCardsMs',
			'recordAnswerP50Ms',
			'recordAnswerP95Ms',
			'bareTxP50Ms',
			'bareTxP95Ms',
			'exportMs'
		] as const)
			expect(Number.isFinite(r[key]) && r[key] >= 0, key).toBe(true);
		expect(r.exportBytes).toBeGreaterThan(3000 * 100);
		// The bare transactions' attempts are gone before the export: 3,000 plus the 20 answers.
		expect(r.exportedAttempts).toBe(3020);
	});
});
