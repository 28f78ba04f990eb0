import { createRandom, deriveSeed, type Random } from './seeded-random';

/**
 * Display order for a question's options: a seeded Fisher–Yates permutation of the authored
 * indices `0..optionCount-1`. `order[displayPosition] = authoredIndex`.
 */
export function shuffleOptions(optionCount: number, random: Random): number[] {
	return random.shuffle(Array.from({ length: optionCount }, (_, i) => i));
}

/**
 * The display order for one attempt at one question. The same seed, question and attempt give
 * the same order; a new attempt (or seed) gives a fresh one.
 */
export function optionOrderFor(
	seed: string,
	question: { id: string; options: ArrayLike<unknown> },
	attempt: number | string = 0
): number[] {
	return shuffleOptions(
		question.options.length,
		createRandom(deriveSeed(seed, 'options', question.id, attempt))
	);
}

/** Maps selected display positions back to authored indices (sorted ascending). */
export function toAuthored(
	order: readonly number[],
	displayPositions: readonly number[]
): number[] {
	return displayPositions.map((p) => order[p]).sort((a, b) => a - b);
}

/** True when `order` is a permutation of `0..optionCount-1`. */
export function isPermutation(order: readonly number[], optionCount: number): boolean {
	if (order.length !== optionCount) return false;
	const seen = new Set(order);
	return (
		seen.size === optionCount &&
		order.every((i) => Number.isInteger(i) && i >= 0 && i < optionCount)
	);
}
