/**
 * "Did you mean …?" for a misspelt id, field name or topic: the closest known name, when one is
 * close enough to be the likely intent (an edit or two, or the same letters in another case).
 */

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i <= a.length; i++)
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
		}
	return d[a.length][b.length];
}

/** The known name closest to `word`, if it is within a third of the word's length (at most 3). */
export function closest(word: string, known: Iterable<string>): string | undefined {
	const lower = word.toLowerCase();
	const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of known) {
		if (candidate === word) continue;
		// Case or dashes alone (keypoints, key-points for keyPoints) count as one edit.
		const folded = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
		const distance =
			folded(candidate) === folded(word) ? 0.5 : editDistance(lower, candidate.toLowerCase());
		if (distance <= limit && distance < bestDistance) [best, bestDistance] = [candidate, distance];
	}
	return best;
}

/** `; did you mean "x"?` for a message, or nothing. */
export function didYouMean(word: string, known: Iterable<string>): string {
	const match = closest(word, known);
	return match ? `; did you mean "${match}"?` : '';
}
