import { checkContent, playScenarios, type ContentCheck } from '../lib/content/check-content';
import { formatIssue, type ContentIssue } from '../lib/content/content-issue';
import type { Scenario } from '../lib/content/scenario-schema';
import { parseYamlSource, usePreparsedYaml } from '../lib/content/yaml-source';
import { readContentDir } from './read-content-dir';
import { defaultCacheFile, prefetchYaml, type Prefetched } from './yaml-prefetch';

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

export interface CheckDirOptions {
	cwd?: string;
	/** Reuse YAML parsed by earlier runs (default true); `false` parses everything. */
	cache?: boolean;
	/** Where that cache lives (default: defaultCacheFile(dir)). */
	cacheFile?: string;
}

/**
 * Reads a content directory and checks it. YAML unchanged since the last run comes from a cache
 * keyed by the text's hash; the rest is parsed on every core before the (single-threaded) check.
 */
export async function checkContentDir(
	dir: string,
	options: CheckDirOptions = {}
): Promise<ContentCheck & { yaml: Prefetched['stats'] }> {
	const files = readContentDir(dir, options.cwd);
	const cacheFile = options.cache === false ? null : (options.cacheFile ?? defaultCacheFile(dir));
	const { parsed, stats } = await prefetchYaml(files, { cacheFile });
	usePreparsedYaml(parsed);
	try {
		return { ...checkContent(files), yaml: stats };
	} finally {
		usePreparsedYaml(undefined);
	}
}

/**
 * `npm run content:check [-- DIR]`: validates every content file and cross-reference, plays every
 * scenario and checks its expectations and the answer keys that rely on it, prints every problem as
 * `file:line:column  path: message` (ordered by file and line), then a per-file count and a
 * one-line summary. Returns the exit code: 1 on any problem, else 0.
 */
export async function runContentCheck(
	dir: string,
	print: (line: string) => void,
	options: CheckDirOptions = {}
): Promise<number> {
	const { issues, byFile, summary } = await checkContentDir(dir, options);
	for (const issue of issues) print(formatIssue(issue));
	if (issues.length > 0) {
		print('');
		print('problems by file:');
		for (const [file, count] of Object.entries(byFile)) print(`  ${file}: ${count}`);
	}
	print(summary);
	return issues.length === 0 ? 0 : 1;
}
