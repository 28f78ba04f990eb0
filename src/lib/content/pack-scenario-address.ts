/**
 * Where a pack scenario is played (a module of its own, so that pages linking pack scenarios do
 * not load the Markdown renderer and the STS model with pack-scenario.ts).
 */

export interface PackScenarioTarget {
	packId: string;
	scenarioId: string;
}

/**
 * The page that plays a pack scenario: one prerendered page, the scenario named in the URL's hash.
 * The service worker's precache ignores the hash, so the page opens offline too.
 */
export function packScenarioHref({ packId, scenarioId }: PackScenarioTarget): string {
	return `/simulator/pack#${new URLSearchParams({ pack: packId, scenario: scenarioId })}`;
}

/** The pack and scenario named by a hash made by packScenarioHref, if it names both. */
export function packScenarioTarget(hash: string): PackScenarioTarget | undefined {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const packId = params.get('pack');
	const scenarioId = params.get('scenario');
	return packId && scenarioId ? { packId, scenarioId } : undefined;
}
