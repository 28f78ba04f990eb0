import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import './all-apis'; // the synchronous full engine (every STS operation registered)
import { parseScenario } from '../content/scenario-loader';
import { loadActionCatalog, loadEveryService, servicesCalledIn } from './action-catalog';
import { runScenario } from './scenario-runner';

const dirs = [
	'tests/fixtures/reference-scenarios',
	'tests/fixtures/scenarios/good',
	// Conformance cases drawn from sts-facts and the AWS docs it cites (issue #3).
	'tests/fixtures/conformance'
];

const filesOf = (dir: string) => readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));

// As `npm run sim` plays them (sim-run.ts): in Node the whole IAM data is there, so a file may
// call any service's actions, not only the services the app's pages load.
beforeAll(async () => {
	await loadActionCatalog();
	const texts = dirs.flatMap((dir) => filesOf(dir).map((f) => readFileSync(join(dir, f), 'utf8')));
	await loadEveryService(servicesCalledIn(texts));
});

for (const dir of dirs) {
	const files = filesOf(dir);
	describe(dir, () => {
		it('has scenarios', () => expect(files.length).toBeGreaterThan(0));
		for (const file of files) {
			it(`${file}: every expectation holds`, () => {
				const path = join(dir, file);
				const report = runScenario(parseScenario(readFileSync(path, 'utf8'), path));
				const problems = report.steps
					.filter((s) => !s.pass)
					.map((s) => `step ${s.index + 1} (${s.label}): ${s.problem}`);
				expect(problems).toEqual([]);
				// These files pin AWS's wording: here messageIncludes must be found as written (the
				// runner also accepts it without quotes and case, see messageMatches).
				const inexact = report.steps.flatMap((s) =>
					s.checks
						.filter((c) => c.key === 'messageIncludes')
						.filter((c) => !String(c.actual ?? '').includes(String(c.expected)))
						.map((c) => `step ${s.index + 1} (${s.label}): "${c.expected}" not in "${c.actual}"`)
				);
				expect(inexact).toEqual([]);
				expect(report.failed).toBe(0);
				expect(report.passed).toBeGreaterThan(0);
			});
		}
	});
}
