/**
 * The fact base as learners read it on /facts. docs/reference/sts-facts.md is kept as compiled
 * (the record every rule and explanation traces to); the page leaves out what only the people
 * building the app need, and words the rest for learners. Section numbers are unchanged, so every
 * "§N" citation still leads to the same place.
 *
 * - The file's own title and preamble (how it was compiled, in the compiler's voice): the page
 *   has its own introduction, which explains the source tags and confidence markers.
 * - The note in §0 on how the archived IAM user guide was read: kept as a provenance note,
 *   without the first person.
 * - §14 compares "the seed guide" (the summary the app was built from) with AWS today: learners
 *   know it as older study material, so the title and a lead sentence say that.
 * - §15 compares moto and LocalStack with the real service, for the app's test suite: left out.
 */

/** Text between a "## N." heading and the next "## " heading (or the end), heading included. */
function sectionBounds(markdown: string, n: number): { start: number; end: number } | undefined {
	const heading = new RegExp(`^## ${n}\\. .*$`, 'm').exec(markdown);
	if (!heading) return undefined;
	const rest = markdown.slice(heading.index + heading[0].length);
	const next = /^## /m.exec(rest);
	return {
		start: heading.index,
		end: next ? heading.index + heading[0].length + next.index : markdown.length
	};
}

const SOURCE_NOTE = /^Note on `awsdocs\/iam-user-guide`:[\s\S]*?(?=\n\n)/m;
const SOURCE_NOTE_FOR_LEARNERS =
	'Note on `awsdocs/iam-user-guide`: the repository was archived in June 2023. Its last content ' +
	'commit (`e2b8637`, May 2023) was read in full; statements that may have changed since were ' +
	'checked against the current documentation pages, and where they differ the current page wins ' +
	'(the difference is noted).';

const SEED_TITLE = /^## 14\. Where the seed guide is inaccurate, outdated or oversimplified$/m;
const SEED_TITLE_FOR_LEARNERS =
	'## 14. Where older study material is inaccurate, outdated or oversimplified\n\n' +
	'Each quoted claim comes from a widely shared STS summary (the one this app started from); ' +
	'what follows it is what AWS does today. The lessons teach the corrected version.';

export class FactBaseShapeError extends Error {}

/** The learner's version of the fact base (see the module comment); throws if the file's shape changed. */
export function factBaseForLearners(markdown: string): string {
	const zero = /^## 0\. /m.exec(markdown);
	if (!zero) throw new FactBaseShapeError('the fact base has no "## 0." section');
	let body = markdown.slice(zero.index);
	if (!SOURCE_NOTE.test(body)) throw new FactBaseShapeError('the §0 source note was not found');
	body = body.replace(SOURCE_NOTE, SOURCE_NOTE_FOR_LEARNERS);
	if (!SEED_TITLE.test(body)) throw new FactBaseShapeError('the §14 title was not found');
	body = body.replace(SEED_TITLE, SEED_TITLE_FOR_LEARNERS);
	const tools = sectionBounds(body, 15);
	if (!tools) throw new FactBaseShapeError('§15 was not found');
	body = body.slice(0, tools.start) + body.slice(tools.end);
	// A horizontal rule left dangling at the end by the removed section.
	return body.replace(/(\n-{3,}\s*)+$/, '\n');
}
