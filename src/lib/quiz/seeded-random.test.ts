import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, hashSeed, mulberry32, newSeed } from './seeded-random';

describe('seeded random', () => {
	it('repeats the same stream for the same seed', () => {
		const a = createRandom('exam-42');
		const b = createRandom('exam-42');
		const xs = Array.from({ length: 20 }, () => a.next());
		expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
	});

	it('gives different streams for different seeds', () => {
		const a = createRandom('seed-a');
		const b = createRandom('seed-b');
		const xs = Array.from({ length: 5 }, () => a.next());
		expect(Array.from({ length: 5 }, () => b.next())).not.toEqual(xs);
		expect(hashSeed('a')).not.toBe(hashSeed('b'));
		expect(deriveSeed('s', 'q1', 0)).not.toBe(deriveSeed('s', 'q1', 1));
	});

	it('accepts numeric seeds and matches mulberry32', () => {
		const m = mulberry32(7);
		const r = createRandom(7);
		expect(r.next()).toBe(m());
	});

	it('int stays in range and shuffle is a non-mutating permutation', () => {
		const r = createRandom('x');
		for (let i = 0; i < 200; i++) {
			const v = r.int(5);
			expect(v).toBeGreaterThanOrEqual(0);
			expect(v).toBeLessThan(5);
		}
		const input = [1, 2, 3, 4, 5, 6, 7, 8];
		const out = r.shuffle(input);
		expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect([...out].sort((a, b) => a - b)).toEqual(input);
	});

	it('newSeed returns a non-empty string that varies', () => {
		expect(newSeed()).toMatch(/^[0-9a-z]+$/);
		expect(newSeed()).not.toBe(newSeed());
	});
});
