import { formatIssue, type ContentIssue } from '../lib/content/content-issue';
import { loadContent } from '../lib/content/load-content';
import { parseScenario, type Scenario } from '../lib/content/scenario-schema';
import { parseYamlSource } from '../lib/content/yaml-source';
import { runScenario } from '../lib/sts/scenario-runner';
import { readContentDir } from './read-content-dir';

/** Plays every scenario and turns each failed expectation into an issue at its step's line. */
export function scenarioExpectationIssues(
	files: Record<string, string>,
	scenarios: Scenario[]
): ContentIssue[] {
	const issues: ContentIssue[] = [];
	for (const [file, text] of Object.entries(files)) {
		if (!/(^|\/)scenarios\/[^/]+\.(ya?ml|json)$/.test(file)) continue;
		const id = (parseYamlSource(text, file).data as { id?: unknown } | null)?.id;
		const scenario = scenarios.find((s) => s.id === id);
		if (!scenario) continue;
		const report = runScenario(scenario);
		const yaml = parseYamlSource(text, file);
		for (const step of report.steps.filter((s) => !s.pass)) {
			const at = yaml.locate(['steps', step.index, 'expect']);
			issues.push({
				file,
				...at,
				path: `steps[${step.index}]`,
				message: `${step.label}: ${step.problem ?? 'expectation not met'}`
			});
		}
	}
	return issues;
}

/**
 * `npm run content:check [-- DIR]`: validates every content file and cross-reference, plays every
 * scenario and checks its expectations, prints every problem as `file:line:column  path: message`,
 * exits 1 on any error.
 */
export function runContentCheck(dir: string, print: (line: string) => void): number {
	const files = readContentDir(dir);
	const { bundle, issues } = loadContent(files, { parseScenario });
	issues.push(...scenarioExpectationIssues(files, bundle.scenarios));
	for (const issue of issues) print(formatIssue(issue));
	const counts = `${bundle.lessons.length} lessons, ${bundle.questions.length} questions, ${bundle.glossary.length} glossary terms, ${bundle.scenarios.length} scenarios`;
	print(
		issues.length === 0
			? `content ok: ${counts}`
			: `${issues.length} problem(s) found (${counts} valid)`
	);
	return issues.length === 0 ? 0 : 1;
}
