import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factBaseForLearners, FactBaseShapeError } from './fact-base-page';
import { factSections } from './fact-sections';

const source = readFileSync('docs/reference/sts-facts.md', 'utf8');
const page = factBaseForLearners(source);

describe('factBaseForLearners (the /facts page)', () => {
	it("starts at §0: the compiler's title and preamble are left out", () => {
		expect(page.startsWith('## 0. Source key')).toBe(true);
		expect(page).not.toContain('my inference');
	});

	it('words the §0 provenance note without the first person', () => {
		expect(source).toMatch(/I used its last content commit/);
		expect(page).not.toMatch(/\bI used\b/);
		expect(page).toContain('Its last content commit (`e2b8637`, May 2023) was read in full');
	});

	it('calls §14 older study material, and leaves out §15 (test tools), keeping every other section number', () => {
		expect(page).toContain('## 14. Where older study material is inaccurate');
		expect(page).not.toContain('seed guide');
		expect(page).not.toMatch(/^## 15\./m);
		expect(page).not.toContain('moto and LocalStack vs. the real service');
		const numbers = (md: string) => factSections(md).map((s) => s.number);
		expect(numbers(page)).toEqual(numbers(source).filter((n) => n !== '15'));
	});

	it('fails loudly when the file no longer has the shape it curates', () => {
		expect(() => factBaseForLearners('# Title\n\nno sections')).toThrow(FactBaseShapeError);
		expect(() => factBaseForLearners(source.replace('## 15.', '## 16.'))).toThrow('§15');
	});
});
