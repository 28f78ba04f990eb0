import { describe, expect, it } from 'vitest';
import { createRandom } from './seeded-random';
import { isPermutation, optionOrderFor, shuffleOptions, toAuthored } from './shuffle-options';
import { q } from './test-fixtures';

describe('shuffleOptions', () => {
	it('presents every option exactly once', () => {
		for (let n = 2; n <= 8; n++) {
			const order = shuffleOptions(n, createRandom(`n${n}`));
			expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
			expect(isPermutation(order, n)).toBe(true);
		}
	});

	it('is reproducible per seed, question and attempt', () => {
		const question = q('xacct', 'cross-account', { options: 8 });
		expect(optionOrderFor('seed-1', question, 0)).toEqual(optionOrderFor('seed-1', question, 0));
	});

	it('differs between seeds and between attempts', () => {
		const question = q('xacct', 'cross-account', { options: 8 });
		const base = optionOrderFor('seed-1', question, 0);
		const seeds = ['seed-2', 'seed-3', 'seed-4'].map((s) => optionOrderFor(s, question, 0));
		expect(seeds.some((o) => o.join() !== base.join())).toBe(true);
		const attempts = [1, 2, 3].map((a) => optionOrderFor('seed-1', question, a));
		expect(attempts.some((o) => o.join() !== base.join())).toBe(true);
	});

	it('maps display positions back to authored indices', () => {
		expect(toAuthored([2, 0, 3, 1], [0, 3])).toEqual([1, 2]);
	});

	it('isPermutation rejects duplicates, gaps and wrong lengths', () => {
		expect(isPermutation([0, 0, 1], 3)).toBe(false);
		expect(isPermutation([0, 1, 3], 3)).toBe(false);
		expect(isPermutation([0, 1], 3)).toBe(false);
	});
});
