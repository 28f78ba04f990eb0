/**
 * Plays a parsed scenario headless and checks every `expect` as the contract's Expectations table
 * defines it (docs/reference/simulator-scenarios.md). Steps after a failed expectation still run.
 */
export { checkExpectations, globMatches, type ExpectationCheck } from './expectations';
import type { Scenario, ScenarioStep } from '../content/scenario-schema';
import { checkExpectations, type ExpectationCheck } from './expectations';
import { seedFromText } from './credential-ids';
import {
	applyStep,
	createSimulator,
	type CallOutcome,
	type Outcome,
	type SimState
} from './simulator';

export interface StepReport {
	index: number;
	kind: 'call' | 'advance' | 'revoke' | 'attach';
	/** e.g. "AssumeRole as user:111111111111/alice". */
	label: string;
	title?: string;
	outcome: Outcome;
	/** Whether the step had something to check: an `expect`, or a call the simulator could not run. */
	checked: boolean;
	checks: ExpectationCheck[];
	pass: boolean;
	/** For a failed step: what was expected and what happened, in one line. */
	problem?: string;
}

export interface ScenarioReport {
	id: string;
	title: string;
	steps: StepReport[];
	/** Checked steps that passed / failed (see StepReport.checked). */
	passed: number;
	failed: number;
	pass: boolean;
	final: SimState;
}

function stepKind(step: ScenarioStep): StepReport['kind'] {
	return 'call' in step
		? 'call'
		: 'advance' in step
			? 'advance'
			: 'revoke' in step
				? 'revoke'
				: 'attach';
}

function stepLabel(step: ScenarioStep): string {
	if ('call' in step)
		return `${step.call} as ${step.as}${step.region && step.region !== 'us-east-1' ? ` in ${step.region}` : ''}`;
	if ('advance' in step) return `advance ${step.advance} s`;
	if ('revoke' in step) return `revoke sessions of ${step.revoke}`;
	return `attach a policy to ${step.attach.to}`;
}

function happened(outcome: CallOutcome): string {
	if (outcome.simulatorError) return `the simulator could not run it: ${outcome.simulatorError}`;
	if (outcome.error) return `${outcome.error.code}: ${outcome.error.message}`;
	const f = outcome.facts;
	const parts = [outcome.action ? 'allowed' : 'ok'];
	if (f.arn) parts.push(`arn ${f.arn}`);
	if (f.expiresAt !== undefined) parts.push(`expiresIn ${f.expiresAt - outcome.at}`);
	return parts.join(', ');
}

/** Plays one scenario step and checks its expectations. */
export function playStep(
	state: SimState,
	step: ScenarioStep,
	index: number
): { state: SimState; report: StepReport } {
	const applied = applyStep(state, step);
	const outcome = applied.outcome;
	const base = {
		index,
		kind: stepKind(step),
		label: stepLabel(step),
		...(step.title ? { title: step.title } : {}),
		outcome
	};
	if (outcome.kind !== 'call') {
		const pass = !('ok' in outcome) || outcome.ok;
		return {
			state: applied.state,
			report: {
				...base,
				checked: !pass,
				checks: [],
				pass,
				...(pass ? {} : { problem: outcome.error })
			}
		};
	}
	const expect = 'call' in step ? step.expect : undefined;
	const checks = expect ? checkExpectations(expect, outcome) : [];
	const failed = checks.filter((c) => !c.pass);
	const pass = failed.length === 0 && outcome.simulatorError === undefined;
	const problem = pass
		? undefined
		: `expected ${failed.map((c) => `${c.key} ${JSON.stringify(c.expected)}`).join(', ') || 'the call to run'}; got ${happened(outcome)}`;
	const checked = expect !== undefined || outcome.simulatorError !== undefined;
	return {
		state: applied.state,
		report: { ...base, checked, checks, pass, ...(problem ? { problem } : {}) }
	};
}

export function summarise(steps: readonly StepReport[]): {
	passed: number;
	failed: number;
	pass: boolean;
} {
	const checked = steps.filter((s) => s.checked);
	const passed = checked.filter((s) => s.pass).length;
	return { passed, failed: checked.length - passed, pass: passed === checked.length };
}

export function runScenario(scenario: Scenario, options: { seed?: number } = {}): ScenarioReport {
	let state = createSimulator(scenario.world, { seed: options.seed ?? seedFromText(scenario.id) });
	const steps = scenario.steps.map((step, index) => {
		const played = playStep(state, step, index);
		state = played.state;
		return played.report;
	});
	return { id: scenario.id, title: scenario.title, steps, ...summarise(steps), final: state };
}
