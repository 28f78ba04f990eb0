import { checkContent, playScenarios, type ContentCheck } from '../lib/content/check-content';
import { lengthCueNotes } from '../lib/content/answer-cues';
import { formatIssue, type ContentIssue } from '../lib/content/content-issue';
import type { Scenario } from '../lib/content/scenario-schema';
import { parseYamlSource } from '../lib/content/yaml-source';
import { readContentDir } from './read-content-dir';

const SCENARIO_FILE = /(^|\/)scenarios\/[^/]+\.(ya?ml|json)$/;

/** Plays every scenario and turns each failed expectation into an issue at its step's line. */
export function scenarioExpectationIssues(
	files: Record<string, string>,
	scenarios: Scenario[]
): ContentIssue[] {
	const byId = new Map(scenarios.map((s) => [s.id, s]));
	const located = Object.entries(files).flatMap(([file, text]) => {
		if (!SCENARIO_FILE.test(file)) return [];
		try {
			const yaml = parseYamlSource(text, file);
			const value = byId.get(String((yaml.data as { id?: unknown } | null)?.id));
			return value ? [{ value, file, yaml }] : [];
		} catch {
			return []; // a YAML syntax error is reported by loadContent
		}
	});
	return playScenarios(located).issues;
}

/** Reads a content directory (paths relative to cwd, as editors link them) and checks it. */
export function checkContentDir(dir: string, cwd?: string): ContentCheck {
	return checkContent(readContentDir(dir, cwd));
}

/**
 * `npm run content:check [-- DIR]`: validates every content file and cross-reference, plays every
 * scenario and checks its expectations and the answer keys that rely on it, prints every problem as
 * `file:line:column  path: message` (ordered by file and line), then a per-file count and a
 * one-line summary. Returns the exit code: 1 on any problem, else 0.
 */
export function runContentCheck(dir: string, print: (line: string) => void): number {
	const { bundle, issues, byFile, summary } = checkContentDir(dir);
	for (const issue of issues) print(formatIssue(issue));
	// Advice, not a problem: the exit code does not depend on it.
	for (const note of lengthCueNotes(bundle.questions)) print(`note: ${note}`);
	if (issues.length > 0) {
		print('');
		print('problems by file:');
		for (const [file, count] of Object.entries(byFile)) print(`  ${file}: ${count}`);
	}
	print(summary);
	return issues.length === 0 ? 0 : 1;
}
