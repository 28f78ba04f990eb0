import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readContentDir } from '../../cli/read-content-dir';
import '../sts/all-apis';
import { loadActionCatalog } from '../sts/action-catalog';
import { runScenario } from '../sts/scenario-runner';
import { loadContent } from './load-content';
import { contentIndexOf, validatePack } from './pack-check';
import { checkPackScenarios, scenarioPlayIssues, type ScenarioPlayer } from './pack-scenario-check';
import { parseScenario } from './scenario-loader';
import { parseYamlSource } from './yaml-source';

const index = contentIndexOf(loadContent(readContentDir('content'), { parseScenario }).bundle);
const json = (name: string) =>
	JSON.parse(readFileSync(`tests/fixtures/packs/${name}`, 'utf8')) as unknown;
const validate = (name: string) => validatePack(json(name), index, [], parseYamlSource);
/** The full engine, with the IAM data of every supported service, as `npm run content:pack` has it. */
const node = async (): Promise<ScenarioPlayer> => {
	await loadActionCatalog();
	return { run: (s) => runScenario(s) };
};
const errors = (issues: { path: string; message: string; severity: string }[]) =>
	issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`);

describe('checkPackScenarios', () => {
	it('reports each step that does not hold its expectation, by scenario and step; the pack cannot be stored', async () => {
		const validation = validate('lab-wrong-expectations-1.0.0.json');
		// Everything but the play passes: the pack would be stored without playing its scenario.
		expect(validation.issues).toEqual([]);
		expect(validation.pack).toBeDefined();
		const checked = await checkPackScenarios(validation, node);
		expect(checked.pack).toBeUndefined();
		expect(checked.preview).toEqual(validation.preview);
		const found = errors(checked.issues);
		expect(found).toHaveLength(2);
		expect(found[0]).toMatch(
			/^scenarios\[0\]\.steps\[0\]: scenario "lab-wrong-expectations", step 1 \(AssumeRole as user:111122223333\/report-script\): expected ok true; got ValidationError: /
		);
		// The IAM data is loaded: a misspelt action is not played as if it existed.
		expect(found[1]).toBe(
			'scenarios[0].steps[3]: scenario "lab-wrong-expectations", step 4 (s3:GetObjekt as user:111122223333/report-script): expected allowed false; got the simulator could not run it: Amazon S3 has no action GetObjekt'
		);
	});

	it('keeps a pack whose scenarios hold their expectations, service actions and managed policies included', async () => {
		for (const name of ['lab-session-durations-1.0.0.json', 'lab-managed-policies-1.0.0.json']) {
			const validation = validate(name);
			const checked = await checkPackScenarios(validation, node);
			expect(checked.issues, name).toEqual([]);
			expect(checked.pack, name).toBeDefined();
		}
	});

	it('plays the valid scenarios of a pack that has schema errors elsewhere, at their index in the pack', async () => {
		const data = json('lab-wrong-expectations-1.0.0.json') as {
			title: string;
			scenarios: unknown[];
		};
		data.title = '';
		data.scenarios.unshift({ id: 'broken' });
		const validation = validatePack(data, index, [], parseYamlSource);
		expect(validation.pack).toBeUndefined();
		const checked = await checkPackScenarios(validation, node);
		const played = checked.issues.filter((i) => i.path.startsWith('scenarios[1].steps'));
		expect(played.map((i) => [i.path, i.item])).toEqual([
			['scenarios[1].steps[0]', 'lab-wrong-expectations'],
			['scenarios[1].steps[3]', 'lab-wrong-expectations']
		]);
	});

	it('does not load the engine for a pack without scenarios, nor for one whose scenarios fail their schema', async () => {
		const load = vi.fn(node);
		const noScenarios = json('lab-session-durations-1.0.0.json') as Record<string, unknown>;
		delete noScenarios.scenarios;
		for (const data of [noScenarios, json('invalid-pack.json')]) {
			const validation = validatePack(data, index, [], parseYamlSource);
			expect(await checkPackScenarios(validation, load)).toBe(validation);
		}
		expect(load).not.toHaveBeenCalled();
	});

	it('a scenario the simulator cannot play, or an engine that cannot load, is an error, not a crash', async () => {
		const validation = validate('lab-session-durations-1.0.0.json');
		const crashed = await checkPackScenarios(validation, async () => ({
			run: () => {
				throw new TypeError('world.accounts is not iterable');
			}
		}));
		expect(crashed.pack).toBeUndefined();
		expect(errors(crashed.issues)).toEqual([
			'scenarios[0]: scenario "lab-duration-runner": the simulator cannot play it: world.accounts is not iterable'
		]);
		const unloaded = await checkPackScenarios(validation, () =>
			Promise.reject(new Error('Failed to fetch dynamically imported module'))
		);
		expect(unloaded.pack).toBeUndefined();
		expect(errors(unloaded.issues)).toEqual([
			'scenarios: the simulator could not be loaded to play the pack’s scenarios, so they are unchecked: Failed to fetch dynamically imported module'
		]);
	});

	it('scenarioPlayIssues plays every scenario, even after one fails', async () => {
		const wrong = validate('lab-wrong-expectations-1.0.0.json').scenarios!;
		const right = validate('lab-session-durations-1.0.0.json').scenarios!;
		const issues = scenarioPlayIssues([...right, ...wrong], await node());
		expect(issues.map((i) => i.path)).toEqual(['scenarios[1].steps[0]', 'scenarios[1].steps[3]']);
	});
});
