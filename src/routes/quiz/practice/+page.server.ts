import { getContent } from '$lib/server/content';
import { outlineOf } from '$lib/state/question-bank';

/** The setup form is prerendered from this; the full bank (with packs) is fetched on the client. */
export function load() {
	return { outline: outlineOf(getContent()) };
}
