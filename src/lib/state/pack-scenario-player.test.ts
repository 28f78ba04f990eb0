// The Author page's engine, as the browser loads it: no all-apis.ts here (each test file has its
// own modules), so every STS operation, the administrative actions, the policy parser and the IAM
// data a pack scenario needs must be loaded by loadScenarioPlayer itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPackScenarios } from '$lib/content/pack-scenario-check';
import { packSchema } from '$lib/content/pack-schema';
import type { Scenario } from '$lib/content/scenario-schema';
import { isApiLoaded } from '$lib/sts/api-handlers';
import { loadedActionCatalog } from '$lib/sts/action-catalog';
import { loadScenarioPlayer } from './pack-scenario-player';

const scenariosOf = (name: string): Scenario[] =>
	packSchema.parse(JSON.parse(readFileSync(`tests/fixtures/packs/${name}`, 'utf8'))).scenarios ??
	[];

describe('loadScenarioPlayer', () => {
	it('loads what the scenarios need and plays them as the command line does', async () => {
		expect(isApiLoaded('GetSessionToken')).toBe(false);
		expect(loadedActionCatalog()).toBeUndefined();
		const wrong = scenariosOf('lab-wrong-expectations-1.0.0.json');
		const managed = scenariosOf('lab-managed-policies-1.0.0.json');
		const session: Scenario = {
			...wrong[0],
			id: 'session-token',
			steps: [
				{ as: 'user:111122223333/report-script', call: 'GetSessionToken', expect: { ok: true } }
			]
		};
		const all = [...wrong, ...managed, session];
		const checked = await checkPackScenarios({ issues: [], scenarios: all }, loadScenarioPlayer);
		// Managed policies by ARN (policy parser), an attach step (administrative actions), an
		// optional STS operation and s3 actions play; only the wrong expectations fail.
		expect(checked.issues.map((i) => i.path)).toEqual([
			'scenarios[0].steps[0]',
			'scenarios[0].steps[3]'
		]);
		expect(checked.issues[1].message).toContain('Amazon S3 has no action GetObjekt');
		expect(isApiLoaded('GetSessionToken')).toBe(true);
		// Only the IAM data of the services the steps call.
		expect(Object.keys(loadedActionCatalog() ?? {})).toEqual(['s3']);
	});
});
