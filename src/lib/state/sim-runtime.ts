/**
 * The simulator page's engine: XState, the machine, the world, the clock and credential
 * lifecycles. The page renders from a snapshot prepared at build time and imports this module
 * after hydration, so its first JavaScript stays small; the STS operations with the policy
 * evaluation library (iam-simulate) load through `loadApis` when the learner starts to use the
 * page (SimulatorSession.prepare; README "How the simulator page loads").
 */
import { createActor, type Actor, type Snapshot } from 'xstate';
import type { Scenario } from '$lib/content/scenario-schema';
// Deep imports, not the barrel: '$lib/sts' registers every STS operation (all-apis.ts), while the
// page loads the optional ones on demand (api-loaders.ts).
import { loadActionCatalog } from '$lib/sts/action-catalog';
import { simMachine } from '$lib/sts/sim-machine';

export { loadActionCatalog };
export { callServices } from '$lib/sts/supported-services';
export {
	callUsesPolicy,
	canAdminNow,
	canCallNow,
	canParsePolicyNow,
	loadAdminActions,
	loadApis,
	loadPolicyParser,
	scenarioCalls,
	scenarioUsesAdmin,
	scenarioUsesPolicy,
	snapshotCalls,
	snapshotUsesAdmin,
	snapshotUsesPolicy,
	worldNamesManagedPolicy
} from '$lib/sts/api-loaders';
export {
	clearSavedSimulation,
	readSavedPredictions,
	readSavedSimulation,
	writeSavedSimulation
} from './sim-persistence';

export type SimActor = Actor<typeof simMachine>;

/** A simulator actor for the scenario, fresh or from a persisted snapshot (not started). */
export function createSimActor(scenario: Scenario, snapshot?: unknown): SimActor {
	return snapshot === undefined
		? createActor(simMachine, { input: { scenario } })
		: createActor(simMachine, { snapshot: snapshot as Snapshot<unknown>, input: { scenario } });
}

/**
 * The machine's starting snapshot, as plain data for the page to render before the engine has
 * loaded. The scenario is left out (the page has it already) and put back by `withScenario`.
 */
export function initialSnapshot(scenario: Scenario): Record<string, unknown> {
	const persisted = createSimActor(scenario).getPersistedSnapshot() as unknown as {
		context: Record<string, unknown>;
	};
	return { ...persisted, context: { ...persisted.context, scenario: null } };
}
