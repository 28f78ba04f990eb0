/**
 * The known name a misspelt one was probably meant to be: shared by the content check's "did you
 * mean" (content/did-you-mean.ts: fields, ids, topics) and the simulator's unknown policy
 * condition operators (policy-document.ts). Plain TypeScript, loaded in the browser too.
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

/** Edits allowed by default: a third of the word's length, rounded down, at most 3. */
const defaultMaxEdits = (word: string) => Math.min(3, Math.floor(word.length / 3));

/** The same letters in another case, or with dashes or underscores added or left out. */
const folded = (s: string) => s.toLowerCase().replace(/[-_]/g, '');

/**
 * The known name closest to `word`, ignoring case, if it is at most `maxEdits` edits away (by
 * default a third of the word's length, rounded down, at most 3: none for a word of one or two
 * letters, so that `as` is not taken for `at`, one for 3 to 5 letters). A name that differs from
 * the word in case or dashes alone (keypoints, key-points for keyPoints) counts as half an edit:
 * within reach of any word, however short, and preferred over a name a letter off.
 */
export function closest(
	word: string,
	known: Iterable<string>,
	maxEdits = defaultMaxEdits(word)
): string | undefined {
	const lower = word.toLowerCase();
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of known) {
		if (candidate === word) continue;
		const distance =
			folded(candidate) === folded(word) ? 0.5 : editDistance(lower, candidate.toLowerCase());
		if (distance <= Math.max(maxEdits, 0.5) && distance < bestDistance)
			[best, bestDistance] = [candidate, distance];
	}
	return best;
}
