import { formatIssue } from '$lib/content/content-issue';
import type { ContentBundle } from '$lib/content/content-bundle';
import { loadContent } from '$lib/content/load-content';
import { type Scenario } from '$lib/content/scenario-schema';
import { parseScenario } from '$lib/content/scenario-loader';

// The one place that reads content/: Vite inlines every file at build time.
const files = import.meta.glob('/content/**/*.{md,yaml,yml,json}', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

let cached: ContentBundle<Scenario> | undefined;

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
	cached = bundle;
	return bundle;
}
