import { readFileSync } from 'node:fs';

let cached: Record<string, string> | undefined;

/**
 * Section titles of docs/reference/sts-facts.md ("§2.2" → "Role chaining"), read at build time so
 * that explanation citations can say what they cite.
 */
export function factTitles(file = 'docs/reference/sts-facts.md'): Record<string, string> {
	if (cached) return cached;
	const titles: Record<string, string> = {};
	try {
		for (const line of readFileSync(file, 'utf8').split('\n')) {
			const m = /^#{2,3} (\d+(?:\.\d+)?)\.? (.+)$/.exec(line);
			if (m) titles[`§${m[1]}`] = m[2].replace(/\s*\(.*\)\s*$/, '').trim();
		}
	} catch {
		// Citations then show the bare section number.
	}
	cached = titles;
	return titles;
}
