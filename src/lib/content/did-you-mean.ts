/**
 * "Did you mean …?" for a misspelt id, field name or topic: the closest known name, when one is
 * close enough to be the likely intent (see closest: an edit or more by the word's length, or the
 * same letters in another case or with other dashes).
 */
import { closest } from '../sts/closest-name';

export { closest, editDistance } from '../sts/closest-name';

/** `; did you mean "x"?` for a message, or nothing. */
export function didYouMean(word: string, known: Iterable<string>): string {
	const match = closest(word, known);
	return match ? `; did you mean "${match}"?` : '';
}
