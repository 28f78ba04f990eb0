/**
 * The learner's session as a list of actions replayed from the scenario's starting world. The
 * simulator is deterministic, so undo ("scenario.back") is replaying all but the last action,
 * and a persisted session needs only the scenario, the seed and the timeline.
 */
import type { Scenario, ScenarioWorld } from '../content/scenario-schema';
import type { PolicyEdit } from './admin-model';
import type { CallRequest } from './api-support';
import { seedFromText } from './credential-ids';
import type { PolicyDocument } from './policy-model';
import { playStep, type StepReport } from './scenario-runner';
import {
	advance,
	attach,
	call,
	createSimulator,
	edit,
	revoke,
	type Outcome,
	type SimState
} from './simulator';

export type TimelineEntry =
	| { type: 'step'; index: number }
	| { type: 'call'; request: CallRequest }
	| { type: 'advance'; seconds: number }
	| { type: 'revoke'; arn: string }
	| { type: 'attach'; to: string; policy: PolicyDocument; name?: string }
	| { type: 'edit'; edit: PolicyEdit };

export interface Session {
	scenario: Scenario | null;
	world: ScenarioWorld;
	seed: number;
	timeline: TimelineEntry[];
	sim: SimState;
	/** Index of the next scenario step. */
	cursor: number;
	/** Reports of the scenario steps played so far, in order. */
	reports: StepReport[];
	last: Outcome | null;
}

export function startSession(
	source: { scenario: Scenario; seed?: number } | { world: ScenarioWorld; seed?: number }
): Session {
	const scenario = 'scenario' in source ? source.scenario : null;
	const world = scenario ? scenario.world : (source as { world: ScenarioWorld }).world;
	const seed = source.seed ?? (scenario ? seedFromText(scenario.id) : 1);
	return {
		scenario,
		world,
		seed,
		timeline: [],
		sim: createSimulator(world, { seed }),
		cursor: 0,
		reports: [],
		last: null
	};
}

/** Applies one action; returns the session unchanged (with `last` unchanged) when it cannot apply. */
export function applyEntry(session: Session, entry: TimelineEntry): Session {
	const s = session.sim;
	let next: { state: SimState; outcome: Outcome };
	let report: StepReport | undefined;
	switch (entry.type) {
		case 'step': {
			const step = session.scenario?.steps[entry.index];
			if (!step) return session;
			const played = playStep(s, step, entry.index);
			next = { state: played.state, outcome: played.report.outcome };
			report = played.report;
			break;
		}
		case 'call':
			next = call(s, entry.request);
			break;
		case 'advance':
			next = advance(s, entry.seconds);
			break;
		case 'revoke':
			next = revoke(s, entry.arn);
			break;
		case 'attach':
			next = attach(s, entry.to, entry.policy, entry.name);
			break;
		case 'edit':
			next = edit(s, entry.edit);
			break;
	}
	const timeline = mergeAdvance(session.timeline, entry);
	return {
		...session,
		sim: next.state,
		timeline,
		last: next.outcome,
		cursor: entry.type === 'step' ? entry.index + 1 : session.cursor,
		reports: report ? [...session.reports, report] : session.reports
	};
}

/** Consecutive clock advances (e.g. from playback ticks) are kept as one entry. */
function mergeAdvance(timeline: TimelineEntry[], entry: TimelineEntry): TimelineEntry[] {
	const prev = timeline[timeline.length - 1];
	if (entry.type === 'advance' && prev?.type === 'advance')
		return [...timeline.slice(0, -1), { type: 'advance', seconds: prev.seconds + entry.seconds }];
	return [...timeline, entry];
}

export function replay(session: Session, timeline: readonly TimelineEntry[]): Session {
	const fresh = startSession(
		session.scenario
			? { scenario: session.scenario, seed: session.seed }
			: { world: session.world, seed: session.seed }
	);
	return timeline.reduce(applyEntry, fresh);
}

/** Undo the last action (a scenario step or a free action). */
export function stepBack(session: Session): Session {
	return replay(session, session.timeline.slice(0, -1));
}

export function restart(session: Session): Session {
	return replay(session, []);
}

export function nextStep(session: Session): Session {
	const total = session.scenario?.steps.length ?? 0;
	return session.cursor < total
		? applyEntry(session, { type: 'step', index: session.cursor })
		: session;
}
