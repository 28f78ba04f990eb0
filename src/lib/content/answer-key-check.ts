/**
 * Answer-key verification: a question that links a scenario may state, in `verify`, what a step of
 * that scenario does according to one of its options. The scenario is played by the simulator; an
 * option marked correct whose claim the simulator contradicts, or an option marked wrong whose
 * claim the simulator confirms, is an error in the answer key (or in the scenario).
 */
import { checkExpectations } from '../sts/expectations';
import type { StepReport } from '../sts/scenario-runner';
import type { ContentIssue } from './content-issue';
import type { QuestionFileSource } from './question-loader';
import type { AnswerKeyClaim } from './question-schema';

/** The steps of a played scenario, by scenario id. */
export type PlayedScenarios = ReadonlyMap<string, { steps: readonly StepReport[] }>;

/** Whether a step did what a claim says, and the words for a message either way. */
function judge(
	claim: AnswerKeyClaim,
	step: StepReport
): { holds: boolean; at: string; claimed: string; actual: string } | { problem: string } {
	const outcome = step.outcome;
	const at = `step ${claim.step} (${step.title ? `${step.title}: ` : ''}${step.label})`;
	if (outcome.kind !== 'call')
		return { problem: `${at} is not an API call; verify needs a step that makes a call` };
	if (outcome.simulatorError)
		return { problem: `the simulator could not run ${at}: ${outcome.simulatorError}` };
	const checks = checkExpectations(claim.expect, outcome);
	const failed = checks.filter((c) => !c.pass);
	const show = (key: string, value: unknown) => `${key} ${JSON.stringify(value ?? null)}`;
	return {
		holds: failed.length === 0,
		at,
		claimed: checks.map((c) => show(c.key, c.expected)).join(', '),
		actual: (failed.length ? failed : checks).map((c) => show(c.key, c.actual)).join(', ')
	};
}

/** Checks every `verify` claim of every question against the played scenarios. */
export function answerKeyIssues(
	questionFiles: readonly QuestionFileSource[],
	played: PlayedScenarios
): ContentIssue[] {
	const issues: ContentIssue[] = [];
	for (const { file, yaml, questions, indexes } of questionFiles) {
		questions.forEach((q, k) => {
			if (!q.verify || !q.scenario) return;
			const scenario = played.get(q.scenario);
			// A missing or invalid scenario is reported by the reference check.
			if (!scenario) return;
			q.verify.forEach((claim, c) => {
				const path = ['questions', indexes[k], 'verify', c];
				const report = (message: string) =>
					issues.push({
						file,
						...yaml.locate(path),
						path: `questions[${indexes[k]}].verify[${c}]`,
						message
					});
				const step = scenario.steps[claim.step - 1];
				if (!step) {
					report(
						`scenario "${q.scenario}" has ${scenario.steps.length} steps: there is no step ${claim.step} (steps count from 1)`
					);
					return;
				}
				const option = q.options[claim.option];
				if (!option) return; // reported by the schema
				const verdict = judge(claim, step);
				if ('problem' in verdict) report(verdict.problem);
				else if (option.correct && !verdict.holds)
					report(
						`option ${claim.option} is marked correct, but the simulator contradicts it: at ${verdict.at} the option says ${verdict.claimed}; the simulator gives ${verdict.actual}`
					);
				else if (!option.correct && verdict.holds)
					report(
						`option ${claim.option} is marked wrong, but the simulator confirms it: at ${verdict.at} the simulator gives ${verdict.actual}, as the option says`
					);
			});
		});
	}
	return issues;
}
