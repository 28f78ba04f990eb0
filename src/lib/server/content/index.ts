import { formatIssue } from '$lib/content/content-issue';
import type { ContentBundle } from '$lib/content/content-bundle';
import { loadContent } from '$lib/content/load-content';
import { type Scenario } from '$lib/content/scenario-schema';
import { parseScenario } from '$lib/content/scenario-loader';
import { AWS_DOC_TITLES } from '$lib/content/aws-doc-titles';
import { buildSourceTitles, sourceTitle } from '$lib/content/source-title';
import { lessonRefTitle } from '$lib/content/lesson-ref';

// The one place that reads content/: Vite inlines every file at build time.
const files = import.meta.glob('/content/**/*.{md,yaml,yml,json}', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

let cached: ContentBundle<Scenario> | undefined;
let titles: Map<string, string> | undefined;

/** Validated content; a content problem fails the build with file, line and field. */
export function getContent(): ContentBundle<Scenario> {
	if (cached) return cached;
	const record = Object.fromEntries(
		Object.entries(files)
			.filter(([path]) => !path.endsWith('/README.md'))
			.map(([path, text]) => [path.replace(/^\//, ''), text])
	);
	const { bundle, issues } = loadContent(record, { parseScenario });
	if (issues.length > 0) {
		throw new Error(
			`Content has ${issues.length} problem(s):\n${issues.map(formatIssue).join('\n')}`
		);
	}
	const known = buildSourceTitles(bundle.lessons, AWS_DOC_TITLES);
	titles = known;
	// Questions carry the titles of their sources and lesson sections, so the quiz shows names
	// rather than addresses, and two sections of one lesson apart.
	cached = {
		...bundle,
		questions: bundle.questions.map((q) => ({
			...q,
			sourceTitles: q.sources.map((url) => sourceTitle(url, known)),
			...(q.lessons
				? { lessonTitles: q.lessons.map((ref) => lessonRefTitle(bundle.lessons, ref)) }
				: {})
		}))
	};
	return cached;
}

/**
 * Titles of the AWS pages the content cites, by URL: those the lessons name, then
 * `aws-doc-titles.ts`. Pass to `sourceTitle` / `sourceLinks`.
 */
export function getSourceTitles(): ReadonlyMap<string, string> {
	getContent();
	return titles!;
}
