/**
 * Everything `npm run content:check` verifies, as a pure function of the files' text: schemas,
 * YAML syntax, cross-references, Markdown safety, scenario expectations (each scenario is played
 * once), answer keys (`verify`) and, for the app's content (a folder with the final review lesson,
 * not a pack's), the house rules (authoring-rules.ts: exam tips, narration, debriefs). Every
 * problem is collected; nothing stops at the first one.
 */
import '../sts/all-apis';
import { runScenario, type ScenarioReport } from '../sts/scenario-runner';
import { answerKeyIssues } from './answer-key-check';
import { authoringRuleIssues } from './authoring-rules';
import type { ContentBundle } from './content-bundle';
import type { ContentIssue } from './content-issue';
import type { Located } from './cross-check';
import { loadContent } from './load-content';
import { type Scenario } from './scenario-schema';
import { parseScenario } from './scenario-loader';

export interface ContentCheck {
	bundle: ContentBundle<Scenario>;
	/** Every problem, ordered by file, line and column. */
	issues: ContentIssue[];
	/** Problem count by file, for the summary. */
	byFile: Record<string, number>;
	/** One line: `content ok: …` or `N problems in M files …`. */
	summary: string;
}

/** Plays each scenario once; failed expectations (and simulator crashes) become issues. */
export function playScenarios(scenarios: readonly Located<Scenario>[]): {
	issues: ContentIssue[];
	reports: Map<string, ScenarioReport>;
} {
	const issues: ContentIssue[] = [];
	const reports = new Map<string, ScenarioReport>();
	for (const { value: scenario, file, yaml } of scenarios) {
		let report: ScenarioReport;
		try {
			report = runScenario(scenario);
		} catch (e) {
			issues.push({
				file,
				line: 1,
				column: 1,
				path: '',
				message: `the simulator failed on this scenario: ${(e as Error).message}`
			});
			continue;
		}
		reports.set(scenario.id, report);
		for (const step of report.steps.filter((s) => !s.pass)) {
			// Counted from 1 and titled, as `npm run sim`, the Packs page and `verify` name steps.
			const title = scenario.steps[step.index]?.title;
			issues.push({
				file,
				...yaml.locate(['steps', step.index, 'expect']),
				path: `steps[${step.index}]`,
				message: `step ${step.index + 1} (${title ? `${title}: ` : ''}${step.label}): ${step.problem ?? 'expectation not met'}`
			});
		}
	}
	return { issues, reports };
}

const byLocation = (a: ContentIssue, b: ContentIssue) =>
	a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/** Validates all content and plays every scenario; see the module comment. */
export function checkContent(files: Record<string, string>): ContentCheck {
	const { bundle, issues, sources } = loadContent(files, { parseScenario });
	const played = playScenarios(sources.scenarios);
	issues.push(
		...played.issues,
		...answerKeyIssues(sources.questionFiles, played.reports),
		...authoringRuleIssues(bundle.lessons, sources.scenarios)
	);
	issues.sort(byLocation);
	const byFile: Record<string, number> = {};
	for (const i of issues) byFile[i.file] = (byFile[i.file] ?? 0) + 1;
	const counts = `${bundle.lessons.length} lessons, ${bundle.questions.length} questions, ${bundle.glossary.length} glossary terms, ${bundle.scenarios.length} scenarios`;
	const fileCount = Object.keys(byFile).length;
	const summary =
		issues.length === 0
			? `content ok: ${counts}`
			: `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} in ${fileCount} ${fileCount === 1 ? 'file' : 'files'} (valid: ${counts})`;
	return { bundle, issues, byFile, summary };
}
