import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runContentPack } from './content-pack-run';
import { readContentDir } from './read-content-dir';

const work = mkdtempSync(join(tmpdir(), 'content-pack-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(...argv: string[]) {
	let out = '';
	const err: string[] = [];
	const written: Record<string, string> = {};
	const code = runContentPack(['--', ...argv], {
		readDir: (dir) => readContentDir(dir),
		writeFile: (path, text) => (written[path] = text),
		out: (text) => (out += text),
		err: (line) => err.push(line)
	});
	return { code, out, err, written };
}

/** A copy of the source fixture to break. */
function copy(name: string): string {
	const dir = join(work, name);
	cpSync('tests/fixtures/packs/source', dir, { recursive: true });
	return dir;
}

describe('npm run content:pack', { timeout: 30_000 }, () => {
	// Whole-content checks take seconds on a busy machine; the default 5 s is too tight.
	it('builds the fixture pack exactly as committed (the e2e test loads that file)', () => {
		const { code, written, err } = run('tests/fixtures/packs/source', '-o', 'pack.json');
		expect(code).toBe(0);
		expect(written['pack.json']).toBe(
			readFileSync('tests/fixtures/packs/lab-session-durations-1.0.0.json', 'utf8')
		);
		// Counts read as English.
		expect(err).toEqual([
			'pack lab-session-durations 1.0.0: 3 questions, 1 lesson, 1 scenario written to pack.json'
		]);
	});

	it('lets flags override pack.yaml and prints to stdout without -o', () => {
		const { code, out } = run(
			'tests/fixtures/packs/source',
			'--version',
			'2.0.0',
			'--title',
			'Renamed'
		);
		expect(code).toBe(0);
		expect(JSON.parse(out)).toMatchObject({
			version: '2.0.0',
			title: 'Renamed',
			id: 'lab-session-durations'
		});
	});

	it('refuses invalid content and locates every problem in its file', () => {
		const dir = copy('broken');
		rmSync(join(dir, 'pack.yaml'));
		const q = join(dir, 'questions/durations.yaml');
		writeFileSync(
			q,
			readFileSync(q, 'utf8')
				.replace('topic: durations', 'topic: nonsense')
				.replace('- id: lab-duration-default', '- id: chain-one-hour-cap')
				.replace(
					'{ option: 1, step: 1, expect: { ok: true } }',
					'{ option: 1, step: 1, expect: { error: ValidationError } }'
				)
		);
		const lesson = join(dir, 'lessons/01-lab-duration-notes.md');
		writeFileSync(lesson, readFileSync(lesson, 'utf8') + '\n<script>alert(1)</script>\n');
		const scenario = join(dir, 'scenarios/lab-duration-runner.yaml');
		writeFileSync(
			scenario,
			readFileSync(scenario, 'utf8').replace(
				'expect: { ok: true, expiresIn: 3600 }',
				'expect: { ok: true, expiresIn: 60 }'
			)
		);
		writeFileSync(join(dir, 'topics.yaml'), 'topics: []\n');

		const { code, err, written, out } = run(dir, '--author', 'Someone');
		expect(code).toBe(1);
		expect(written).toEqual({});
		expect(out).toBe('');
		const at = (file: string) =>
			new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+  `);
		expect(err).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/topics\.yaml: not part of a pack .*; ignored$/),
				expect.stringMatching(/^\(command line\):1:1 {2}--id: id is required$/),
				expect.stringMatching(/^\(command line\):1:1 {2}--title: title is required$/),
				expect.stringMatching(/^\(command line\):1:1 {2}--version: version is required$/),
				expect.stringMatching(
					new RegExp(
						at('questions/durations.yaml').source +
							'questions\\[0\\]\\.topic: unknown topic "nonsense"'
					)
				),
				expect.stringMatching(
					new RegExp(
						at('questions/durations.yaml').source +
							'questions\\[1\\]\\.id: question id "chain-one-hour-cap" is already used by the app’s own content'
					)
				),
				expect.stringMatching(
					new RegExp(
						at('questions/durations.yaml').source +
							'questions\\[0\\]\\.verify\\[1\\]: option 1 is marked wrong, but the simulator confirms it'
					)
				),
				expect.stringMatching(
					new RegExp(
						at('lessons/01-lab-duration-notes.md').source.replace(':\\d+:\\d+', ':22:1') +
							'raw <script> is not allowed'
					)
				),
				expect.stringMatching(
					new RegExp(
						at('scenarios/lab-duration-runner.yaml').source +
							'steps\\[1\\]: step 2 \\(The default works: AssumeRole .*expected expiresIn 60'
					)
				),
				expect.stringMatching(/^\d+ problems: no pack written/)
			])
		);
	});

	it('reports every problem in one run and counts them in English', () => {
		const dir = copy('one-problem');
		const q = join(dir, 'questions/chaining.yaml');
		writeFileSync(
			q,
			readFileSync(q, 'utf8').replace('topic: role-chaining', 'topic: external-ids')
		);
		const one = run(dir);
		expect(one.code).toBe(1);
		expect(one.err.at(-1)).toBe(
			`1 problem: no pack written (3 questions, 1 lesson, 1 scenario read from ${dir})`
		);
		// A schema error in one question does not hide another question's unknown topic.
		const d = join(dir, 'questions/durations.yaml');
		writeFileSync(d, readFileSync(d, 'utf8').replace('correct: true', 'corect: true'));
		const three = run(dir);
		expect(three.err.slice(0, -1)).toEqual([
			expect.stringMatching(
				/chaining\.yaml:\d+:\d+ {2}questions\[0\]\.topic: unknown topic "external-ids"/
			),
			expect.stringMatching(
				/durations\.yaml:\d+:\d+ {2}questions\[0\]\.options\[0\]\.correct: correct is required/
			),
			expect.stringMatching(
				/durations\.yaml:\d+:\d+ {2}questions\[0\]\.options\[0\]: unknown field "corect"/
			)
		]);
		expect(three.err.at(-1)).toMatch(
			/^3 problems: no pack written \(2 questions, 1 lesson, 1 scenario read from /
		);
	});

	it('usage errors exit 2', () => {
		expect(run().code).toBe(2);
		expect(run('a', 'b').code).toBe(2);
		expect(run('tests/fixtures/packs/source', '--colour', 'x').code).toBe(2);
		expect(run('no-such-dir').err[0]).toMatch(/^no-such-dir: cannot read the folder \(ENOENT\)/);
	});
});
