/**
 * Plays a pack's scenarios as `npm run content:pack` does (check-content.ts playScenarios, with
 * scenario-runner's runScenario), so that the Author page refuses a pack whose scenarios do not
 * hold their own expectations: each failed step is an error located by scenario and step, saying
 * what was expected and what happened.
 *
 * The engine is passed in (LoadScenarioPlayer): the browser imports it, and loads what the
 * scenarios' steps need, only for a pack that has scenarios (state/pack-scenario-player.ts);
 * Node passes the full engine (sts/all-apis.ts).
 */
import type { ScenarioReport } from '../sts/scenario-runner';
import type { PackIssue, PackValidation } from './pack-check';
import type { Scenario } from './scenario-schema';

export interface ScenarioPlayer {
	/** Plays one scenario headless and checks its expectations (runScenario). */
	run(scenario: Scenario): ScenarioReport;
}

/** Loads the engine and whatever playing `scenarios` needs (STS operations, IAM data…). */
export type LoadScenarioPlayer = (scenarios: readonly Scenario[]) => Promise<ScenarioPlayer>;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Plays each scenario once; failed expectations and scenarios the simulator cannot play are
 * errors. `indexes` are the scenarios' positions in the pack when they are not 0, 1, 2…
 */
export function scenarioPlayIssues(
	scenarios: readonly Scenario[],
	player: ScenarioPlayer,
	indexes?: readonly number[]
): PackIssue[] {
	const issues: PackIssue[] = [];
	scenarios.forEach((scenario, n) => {
		const i = indexes?.[n] ?? n;
		let report: ScenarioReport;
		try {
			report = player.run(scenario);
		} catch (e) {
			issues.push({
				path: `scenarios[${i}]`,
				item: scenario.id,
				severity: 'error',
				message: `scenario "${scenario.id}": the simulator cannot play it: ${messageOf(e)}`
			});
			return;
		}
		for (const step of report.steps)
			if (!step.pass)
				issues.push({
					path: `scenarios[${i}].steps[${step.index}]`,
					item: scenario.id,
					severity: 'error',
					message: `scenario "${scenario.id}", step ${step.index + 1} (${step.label}): ${step.problem ?? 'expectation not met'}`
				});
	});
	return issues;
}

/**
 * Adds the play errors of the validated pack's scenarios (see the module comment) to
 * `validation`; with any, the pack cannot be stored (`pack` is dropped, as for other errors).
 * A pack that failed its schema has the scenarios that pass their own played, so their errors
 * come in the same pass. A pack without (valid) scenarios is returned as it is and the engine is
 * not loaded.
 */
export async function checkPackScenarios(
	validation: PackValidation,
	load: LoadScenarioPlayer
): Promise<PackValidation> {
	const scenarios = validation.scenarios ?? [];
	if (!scenarios.length) return validation;
	let issues: PackIssue[];
	try {
		issues = scenarioPlayIssues(scenarios, await load(scenarios), validation.scenarioIndexes);
	} catch (e) {
		issues = [
			{
				path: 'scenarios',
				severity: 'error',
				message: `the simulator could not be loaded to play the pack’s scenarios, so they are unchecked: ${messageOf(e)}`
			}
		];
	}
	if (!issues.length) return validation;
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { pack, ...rest } = validation;
	return { ...rest, issues: [...validation.issues, ...issues] };
}
