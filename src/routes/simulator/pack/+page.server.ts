import { factTitles } from '../[id]/fact-titles.server';

/** Built once: the pack scenario itself is read from this browser's storage (see +page.svelte). */
export function load() {
	return { factTitles: factTitles() };
}
