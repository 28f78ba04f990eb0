import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runContentCheck } from './content-check-run';

const work = mkdtempSync(join(tmpdir(), 'content-check-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(dir: string): Promise<{ code: number; lines: string[] }> {
	const lines: string[] = [];
	const code = runContentCheck(dir, (line) => lines.push(line));
	return { code, lines };
}

describe('npm run content:check', { timeout: 30_000 }, () => {
	// Whole-content checks take seconds on a busy machine; the default 5 s is too tight.
	it('exits 0 and says so on valid content', async () => {
		const { code, lines } = await run('tests/fixtures/content/check/base');
		expect(code).toBe(0);
		expect(lines).toEqual(['content ok: 2 lessons, 2 questions, 1 glossary terms, 1 scenarios']);
	});

	it('prints every problem, then the count by file and a summary, and exits 1', async () => {
		const dir = join(work, 'content');
		cpSync('tests/fixtures/content/check/base', dir, { recursive: true });
		for (const name of ['unknown-topic', 'failed-expectation'])
			cpSync(`tests/fixtures/content/check/${name}`, dir, { recursive: true });
		const { code, lines } = await run(dir);
		expect(code).toBe(1);
		// Paths are printed relative to the working directory, as editors and terminals link them.
		const at = (file: string) => expect.stringMatching(new RegExp(`content/${file}:\\d+:\\d+  `));
		expect(lines).toEqual([
			at('lessons/03-topic.md'),
			at('questions/topic.yaml'),
			at('questions/topic.yaml'),
			at('questions/topic.yaml'),
			at('scenarios/vendor-audit.yaml'),
			'',
			'problems by file:',
			expect.stringMatching(/03-topic\.md: 1$/),
			expect.stringMatching(/topic\.yaml: 3$/),
			expect.stringMatching(/vendor-audit\.yaml: 1$/),
			'5 problems in 3 files (valid: 3 lessons, 6 questions, 1 glossary terms, 1 scenarios)'
		]);
	});
});
