/**
 * Conformance files whose listed steps the simulator answers differently on purpose (see
 * tests/fixtures/conformance-disputed/README.md). Every other step must hold; if the set of
 * disagreeing steps changes, the decision in the README must be revisited.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import './all-apis';
import { parseScenario } from '../content/scenario-loader';
import { loadActionCatalog } from './action-catalog';
import { runScenario } from './scenario-runner';

const DIR = 'tests/fixtures/conformance-disputed';
/** File → the 1-based steps that disagree, as the README lists them. */
const DISPUTED: Record<string, number[]> = {
	'blind13-gst-mfa-code-messages.yaml': [2, 5, 8],
	'blind13-gst-mfa-verification-budget.yaml': [2, 3, 4, 5, 6, 7, 8, 9, 12, 15],
	'blind13-saml-assertion-attributes.yaml': [11],
	'blind13-saml-trust-context.yaml': [2, 3, 4, 7, 8, 9, 12, 15, 17],
	'blind13-wi-token-claims.yaml': [12],
	'blind13-wi-trust-context.yaml': [1, 3, 5, 9]
};

beforeAll(async () => {
	await loadActionCatalog();
});

describe('disputed conformance files', () => {
	const readme = readFileSync(`${DIR}/README.md`, 'utf8');
	for (const [file, steps] of Object.entries(DISPUTED)) {
		it(`${file}: exactly the listed steps disagree, every other one holds`, () => {
			const path = `${DIR}/${file}`;
			const report = runScenario(parseScenario(readFileSync(path, 'utf8'), path));
			const failing = report.steps.filter((s) => !s.pass).map((s) => s.index + 1);
			expect(failing).toEqual(steps);
			expect(report.passed).toBeGreaterThan(0);
			expect(readme).toContain(`\`${file}\``);
		});
	}
});
