import { readFileSync } from 'node:fs';
import { factBaseForLearners } from '$lib/content/fact-base-page';
import { factSections, shortFactTitle } from '$lib/content/fact-sections';

let cached: Record<string, string> | undefined;

/**
 * Section titles of docs/reference/sts-facts.md as /facts shows them ("§2.2" → "Role chaining"), read at build time so
 * that explanation citations can say what they cite (and link to it on /facts).
 */
export function factTitles(file = 'docs/reference/sts-facts.md'): Record<string, string> {
	if (cached) return cached;
	const titles: Record<string, string> = {};
	try {
		for (const s of factSections(factBaseForLearners(readFileSync(file, 'utf8'))))
			titles[`§${s.number}`] = shortFactTitle(s.title);
	} catch {
		// Citations then show the bare section number.
	}
	cached = titles;
	return titles;
}
