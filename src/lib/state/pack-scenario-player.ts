/**
 * The simulator engine for checking a pack's scenarios on the Author page, imported only when a
 * pack has scenarios (pack-library.ts checkPackFile). It prepares the engine as the simulator page
 * does (simulator-session.svelte.ts): the optional STS operations the steps call, the
 * administrative actions and the policy parser when a step or the world needs them, and the IAM
 * data of the services whose actions the steps call (from /iam-data/), so that a step such as
 * s3:GetObject is played exactly as a learner will play it.
 */
import type { ScenarioPlayer } from '$lib/content/pack-scenario-check';
import type { Scenario } from '$lib/content/scenario-schema';
// Deep imports, not the barrel: '$lib/sts' registers every STS operation (all-apis.ts).
import { loadActionCatalog } from '$lib/sts/action-catalog';
import {
	loadAdminActions,
	loadApis,
	loadPolicyParser,
	scenarioCalls,
	scenarioUsesAdmin,
	scenarioUsesPolicy
} from '$lib/sts/api-loaders';
import { runScenario } from '$lib/sts/scenario-runner';
import { callServices } from '$lib/sts/supported-services';

/** Loads what playing `scenarios` needs, then plays them with scenario-runner's runScenario. */
export async function loadScenarioPlayer(scenarios: readonly Scenario[]): Promise<ScenarioPlayer> {
	const calls = scenarios.flatMap(scenarioCalls);
	await Promise.all([
		loadApis(calls),
		scenarios.some(scenarioUsesAdmin) ? loadAdminActions() : undefined,
		scenarios.some(scenarioUsesPolicy) ? loadPolicyParser() : undefined,
		// As on the simulator page and in `npm run content:pack`: without the IAM data, action names
		// are left unchecked rather than failing the check.
		loadActionCatalog(callServices(calls)).catch(() => undefined)
	]);
	return { run: (scenario) => runScenario(scenario) };
}
