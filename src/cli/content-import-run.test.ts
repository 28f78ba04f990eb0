import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, runContentImport } from './content-import-run';

function run(...argv: string[]) {
	let out = '';
	const err: string[] = [];
	const code = runContentImport(['--', ...argv], {
		readFile: (path) => readFileSync(path, 'utf8'),
		out: (text) => (out += text),
		err: (line) => err.push(line)
	});
	return { code, out, err };
}

describe('npm run content:import', { timeout: 30_000 }, () => {
	// Whole-content checks take seconds on a busy machine; the default 5 s is too tight.
	it('prints YAML on stdout and every skipped question on stderr with file, line and title', () => {
		const { code, out, err } = run('tests/fixtures/import/features.gift', '--topic', 'assume-role');
		expect(code).toBe(0);
		expect(out).toMatch(/^# yaml-language-server/);
		expect(out).toMatch(/^topic: assume-role$/m);
		expect(err).toEqual([
			'tests/fixtures/import/features.gift:49  "Essay question": essay questions are not supported (only multiple choice and true/false); skipped',
			'tests/fixtures/import/features.gift:51  "Matching question": matching questions are not supported (only multiple choice and true/false); skipped',
			'tests/fixtures/import/features.gift:56  "Numerical question": numerical questions are not supported (only multiple choice and true/false); skipped',
			'tests/fixtures/import/features.gift:58  "Short answer question": short answer questions are not supported (only multiple choice and true/false); skipped',
			'tests/fixtures/import/features.gift:60  no answers ({…}): a description, not a question; skipped',
			'tests/fixtures/import/features.gift:62  "Unbalanced": unbalanced braces: every question needs one {…} answer block; skipped',
			expect.stringMatching(
				/^imported 10 question\(s\) from tests\/fixtures\/import\/features\.gift; 6 skipped or unreadable \(listed above\); \d+ TODO\(s\) to resolve/
			)
		]);
	});

	it('never reuses an id the bundled content already has', () => {
		const { out } = run('tests/fixtures/import/complete.gift');
		// content/questions already has no "default-session-length"; the imported ids are new.
		const ids = [...out.matchAll(/^ {2}- id: (.+)$/gm)].map((m) => m[1]);
		const bundled = readFileSync('content/questions/durations.yaml', 'utf8');
		for (const id of ids) expect(bundled).not.toContain(`- id: ${id}\n`);
	});

	it('accepts a topic alias and refuses an unknown topic', () => {
		expect(run('tests/fixtures/import/complete.gift', '--topic', 'web-identity').out).toMatch(
			/^topic: mobile$/m
		);
		const bad = run('tests/fixtures/import/complete.gift', '--topic', 'nope');
		expect(bad.code).toBe(2);
		expect(bad.err[0]).toMatch(/^unknown topic "nope"; topics: credentials, /);
	});

	it('reads Aiken files (detected, or with --format aiken)', () => {
		const { code, out, err } = run('tests/fixtures/import/questions.aiken.txt');
		expect(code).toBe(0);
		expect(out.match(/^ {2}- id: /gm)).toHaveLength(3);
		expect(err.slice(0, 3)).toEqual([
			'tests/fixtures/import/questions.aiken.txt:21  no ANSWER: line after the options; skipped',
			'tests/fixtures/import/questions.aiken.txt:28  ANSWER E does not name one of the options A, B; skipped',
			'tests/fixtures/import/questions.aiken.txt:30  a question needs at least two options (A. … B. …); skipped'
		]);
		expect(detectFormat('x.txt', 'Q?\nA. a\nB. b\nANSWER: A\n')).toBe('aiken');
		expect(detectFormat('x.txt', 'Q? {=a ~b}\n')).toBe('gift');
		expect(detectFormat('x.gift', 'Q? {=a ~b}\n')).toBe('gift');
	});

	it('exits 1 when nothing could be imported and 2 on usage errors', () => {
		expect(run('tests/fixtures/import/complete.gift', '--format', 'aiken').code).toBe(1);
		expect(run().code).toBe(2);
		expect(run('a.gift', '--colour').code).toBe(2);
		expect(run('no-such-file.gift').err[0]).toMatch(
			/^no-such-file\.gift: cannot read the file \(ENOENT\)/
		);
	});
});
