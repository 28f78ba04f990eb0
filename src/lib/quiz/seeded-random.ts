/**
 * Reproducible randomness for the quiz: every draw and every shuffle takes a {@link Random}
 * built from a seed, so the same seed always gives the same questions in the same order.
 */

/** A seeded pseudo-random source. */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, maxExclusive). */
	int(maxExclusive: number): number;
	/** A shuffled copy of `items` (Fisher–Yates); the input is not modified. */
	shuffle<T>(items: readonly T[]): T[];
}

/** Hashes a string to a 32-bit unsigned seed (cyrb53, folded to 32 bits). */
export function hashSeed(seed: string): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < seed.length; i++) {
		const ch = seed.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (h1 ^ h2) >>> 0;
}

/** mulberry32: a small, fast 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Builds a {@link Random} from a string or numeric seed. */
export function createRandom(seed: string | number): Random {
	const next = mulberry32(typeof seed === 'number' ? seed : hashSeed(seed));
	const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
	return {
		next,
		int,
		shuffle<T>(items: readonly T[]): T[] {
			const out = items.slice();
			for (let i = out.length - 1; i > 0; i--) {
				const j = int(i + 1);
				[out[i], out[j]] = [out[j], out[i]];
			}
			return out;
		}
	};
}

/** Derives a sub-seed (e.g. per question and attempt) so streams stay independent. */
export function deriveSeed(seed: string, ...parts: (string | number)[]): string {
	return [seed, ...parts].join('\u241f');
}

/** A fresh random seed for a new session (the only non-reproducible step; store the result). */
export function newSeed(): string {
	const c = globalThis.crypto;
	if (c?.getRandomValues) {
		const buf = new Uint32Array(2);
		c.getRandomValues(buf);
		return `${buf[0].toString(36)}${buf[1].toString(36)}`;
	}
	return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
}
