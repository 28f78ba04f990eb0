/**
 * Reads a scenario file (YAML, or JSON which is YAML) with the scenario schema. Kept apart from
 * scenario-schema.ts so that the browser, which gets scenarios as data (prerendered pages, packs),
 * never loads a YAML parser.
 */
import { z } from 'zod';
import { ContentError, type ContentIssue } from './content-issue';
import { readableIssues } from './scenario-issues';
import { scenarioSchema, type Scenario } from './scenario-schema';
import { issuesFromZod, parseYamlSource } from './yaml-source';

/** Parses a scenario file (YAML, or JSON which is YAML); throws ContentError with located issues. */
export function parseScenario(text: string, file: string): Scenario {
	const source = parseYamlSource(text, file);
	const result = scenarioSchema.safeParse(source.data);
	if (result.success) return result.data;
	const issues: ContentIssue[] = issuesFromZod(
		new z.ZodError(readableIssues(result.error.issues, source.data, [], scenarioSchema)),
		source,
		[],
		scenarioSchema
	);
	throw new ContentError(dedupe(issues));
}

function dedupe(issues: ContentIssue[]): ContentIssue[] {
	const seen = new Set<string>();
	return issues.filter((i) => {
		const key = `${i.line}:${i.column}:${i.path}:${i.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
