import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../cli/read-content-dir';
import { checkContent } from './check-content';
import { formatIssue } from './content-issue';

const ROOT = 'tests/fixtures/content/check';

/** A fixture directory's files, keyed as content/… (as the CLI reads content/). */
function read(name: string): Record<string, string> {
	const dir = `${ROOT}/${name}`;
	return Object.fromEntries(
		Object.entries(readContentDir(dir)).map(([path, text]) => [
			`content/${relative(dir, path)}`,
			text
		])
	);
}

/** The valid base content with one error-class fixture laid over it. */
const withCase = (name: string) => ({ ...read('base'), ...read(name) });
const check = (name: string) => checkContent(withCase(name)).issues.map(formatIssue);

const CASES = [
	'schema-error',
	'yaml-syntax',
	'unknown-topic',
	'missing-lesson',
	'missing-scenario',
	'missing-misconception',
	'duplicate-ids',
	'unsafe-html',
	'bad-links',
	'failed-expectation',
	'wrong-answer-key',
	'house-rules'
];

describe('checkContent: the base fixture', () => {
	it('is valid, plays its scenario and holds its answer keys', () => {
		const result = checkContent(read('base'));
		expect(result.issues.map(formatIssue)).toEqual([]);
		expect(result.summary).toBe(
			'content ok: 2 lessons, 2 questions, 1 glossary terms, 1 scenarios'
		);
	});
});

describe('checkContent: every error class, located as file:line:column  path: message', () => {
	it('schema errors: each question is validated alone, so a valid one is still cross-checked', () => {
		expect(check('schema-error')).toEqual([
			'content/questions/schema.yaml:5:5  questions[0].difficulty: difficulty is 1 (recall), 2 (applied) or 3 (multi-step scenario)',
			'content/questions/schema.yaml:8:9  questions[0].options[0].why: why is required',
			'content/questions/schema.yaml:11:5  questions[1].id: must be kebab-case (lowercase letters, digits and single dashes)',
			'content/questions/schema.yaml:11:5  questions[1].choose: a multiple-answer question needs `choose`',
			'content/questions/schema.yaml:15:5  questions[1]: unknown field "colour"',
			'content/questions/schema.yaml:19:15  questions[1].sources[0]: must be an http(s) URL such as https://docs.aws.amazon.com/...',
			'content/questions/schema.yaml:27:15  questions[2].lessons[0]: no lesson with slug "no-such-lesson"'
		]);
	});

	it('YAML syntax errors, in question files and lesson front matter, with their own line', () => {
		expect(check('yaml-syntax')).toEqual([
			expect.stringMatching(
				/^content\/lessons\/03-broken\.md:4:1 {2}YAML syntax error: Flow sequence/
			),
			'content/questions/broken.yaml:5:5  YAML syntax error: Map keys must be unique',
			expect.stringMatching(
				/^content\/questions\/broken\.yaml:8:5 {2}YAML syntax error: Flow sequence/
			)
		]);
	});

	it('unknown topics: a file default (once, on its own line), a question’s own, a lesson’s, a misspelt one', () => {
		expect(check('unknown-topic')).toEqual([
			'content/lessons/03-topic.md:6:23  topics[1]: unknown topic "nonsense" (see content/topics.yaml)',
			'content/questions/topic.yaml:1:1  topic: unknown topic "no-such-topic" (see content/topics.yaml)',
			'content/questions/topic.yaml:12:5  questions[1].topic: unknown topic "also-unknown" (see content/topics.yaml)',
			'content/questions/topic.yaml:29:5  questions[3].topic: unknown topic "external-ids"; did you mean "external-id"? (see content/topics.yaml)'
		]);
	});

	it('missing lessons and anchors name the anchors that exist', () => {
		expect(check('missing-lesson')).toEqual([
			'content/questions/lessons.yaml:10:15  questions[0].lessons[0]: no lesson with slug "no-such-lesson"',
			'content/questions/lessons.yaml:10:31  questions[0].lessons[1]: lesson "external-id" has no heading with anchor #no-such-anchor (it has: the-condition)'
		]);
	});

	it('missing scenarios, from a question and from a lesson', () => {
		expect(check('missing-scenario')).toEqual([
			'content/lessons/03-scenario.md:10:27  scenarios[1]: no scenario with id "ghost-scenario"',
			'content/questions/scenario.yaml:10:5  questions[0].scenario: no scenario with id "no-such-scenario"'
		]);
	});

	it('a missing misconception', () => {
		expect(check('missing-misconception')).toEqual([
			'content/questions/misconception.yaml:9:45  questions[0].options[1].misconception: no misconception with id "no-such-misconception" in content/misconceptions.yaml'
		]);
	});

	it('duplicate question and scenario ids across files name the other file', () => {
		expect(check('duplicate-ids')).toEqual([
			'content/questions/external-id.yaml:3:5  questions[0].id: duplicate question id "extid-wrong-id" (first in content/questions/again.yaml)',
			'content/scenarios/vendor-audit.yaml:1:1  id: duplicate scenario id "vendor-audit" (first in content/scenarios/vendor-audit-copy.yaml)'
		]);
	});

	it('unsafe HTML: script, event handlers, javascript: links, style and other raw HTML', () => {
		const issues = check('unsafe-html');
		expect(issues).toEqual([
			expect.stringMatching(
				/^content\/lessons\/03-unsafe\.md:16:1 {2}body: raw <script> is not allowed/
			),
			expect.stringMatching(
				/^content\/lessons\/03-unsafe\.md:18:1 {2}body: event-handler attributes/
			),
			expect.stringMatching(
				/^content\/lessons\/03-unsafe\.md:20:1 {2}body: unsafe link target "javascript:alert\(1\)"/
			),
			expect.stringMatching(
				/^content\/lessons\/03-unsafe\.md:22:1 {2}body: raw HTML is not allowed .*"<b>"/
			),
			expect.stringMatching(
				/^content\/lessons\/03-unsafe\.md:22:1 {2}body: raw HTML is not allowed .*"<\/b>"/
			),
			expect.stringMatching(
				/^content\/questions\/unsafe\.yaml:6:5 {2}questions\[0\]\.stem: raw <script>/
			),
			expect.stringMatching(
				/^content\/questions\/unsafe\.yaml:6:5 {2}questions\[0\]\.stem: raw HTML .*<\/script>/
			),
			expect.stringMatching(
				/^content\/questions\/unsafe\.yaml:9:9 {2}questions\[0\]\.options\[0\]\.text: event-handler/
			),
			expect.stringMatching(
				/^content\/questions\/unsafe\.yaml:11:9 {2}questions\[0\]\.options\[0\]\.why: unsafe link target "javascript:/
			),
			expect.stringMatching(
				/^content\/questions\/unsafe\.yaml:15:5 {2}questions\[0\]\.explanation: raw HTML .*<style>/
			)
		]);
	});

	it('links in lesson bodies to lessons, anchors, glossary terms, scenarios and pages that do not exist', () => {
		expect(check('bad-links')).toEqual([
			'content/lessons/03-links.md:14:1  body: no lesson with slug "no-such-lesson"',
			'content/lessons/03-links.md:16:1  body: lesson "assume-role" has no heading with anchor #no-such-heading (it has: the-trust-policy)',
			'content/lessons/03-links.md:18:1  body: lesson "links" has no heading with anchor #nowhere (it has: section)',
			'content/lessons/03-links.md:20:1  body: no glossary term with id "no-such-term"',
			'content/lessons/03-links.md:22:1  body: no scenario with id "no-such-scenario"',
			'content/lessons/03-links.md:24:1  body: link to /admin: no such page in the app'
		]);
	});

	it('the house rules the bundled content (a folder with the final review) is held to: exam tips, narration, debriefs, no answer given away', () => {
		expect(check('house-rules')).toEqual([
			'content/lessons/03-no-tip.md:1:1  body: no exam tip: every lesson has at least one `> [!EXAM]` callout (see "Lessons" in content/README.md)',
			"content/scenarios/untold.yaml:5:1  summary: the summary names AccessDenied, an error a step expects: it is read before any prediction, so leave the answer to the step's debrief",
			'content/scenarios/untold.yaml:27:5  steps[0]: step 1 ("The wrong external ID"): the title or narration names the expected error AccessDenied, which gives the answer away before the learner predicts it; name it in the debrief',
			'content/scenarios/untold.yaml:34:5  steps[1].narration: step 2 has no narration: every step, clock moves and policy changes too, says in `narration:` what happens before the learner plays it',
			'content/scenarios/untold.yaml:35:5  steps[2].debrief: step 3 ("The right external ID") has no debrief: a call step says in `debrief:` what AWS did and why, shown once it has been played'
		]);
	});

	it('the house rules hold only for the app content (with its final review), not for a pack folder', () => {
		// `content:check -- my-pack` checks a folder without the final review: no house rules.
		const pack = withCase('house-rules');
		delete pack['content/lessons/04-exam-tips-and-scenarios.md'];
		const issues = checkContent(pack).issues.map(formatIssue);
		expect(issues).toEqual([]);
		expect(check('house-rules')).toHaveLength(5);
	});

	it('the final review stays the last lesson, and lessons are numbered without gaps', () => {
		const lesson = (title: string) =>
			read('base')['content/lessons/02-external-id.md'].replace(
				'title: External ID',
				`title: ${title}`
			);
		const files = {
			...read('base'),
			'content/lessons/03-exam-tips-and-scenarios.md': lesson('Exam tips'),
			'content/lessons/04-late.md': lesson('A lesson added after the review')
		};
		expect(checkContent(files).issues.map(formatIssue)).toEqual([
			'content/lessons/03-exam-tips-and-scenarios.md:1:1  file name: the final review stays the last lesson, but content/lessons/04-late.md comes after it: rename 04-late.md to 03-late.md and this file to 04-exam-tips-and-scenarios.md'
		]);
		const gap = {
			...read('base'),
			'content/lessons/04-exam-tips-and-scenarios.md': lesson('Exam tips')
		};
		expect(checkContent(gap).issues.map(formatIssue)).toEqual([
			'content/lessons/04-exam-tips-and-scenarios.md:1:1  file name: lessons are numbered 01 to 03 without gaps or repeats: this one would be 03'
		]);
		// Without a final review (a test fixture, a pack's folder) the numbers only order the lessons.
		expect(
			checkContent({ ...read('base'), 'content/lessons/07-late.md': lesson('Late') }).issues
		).toEqual([]);
	});

	it('a failed scenario expectation, at its step', () => {
		expect(check('failed-expectation')).toEqual([
			'content/scenarios/vendor-audit.yaml:38:5  steps[1]: step 2 (The right external ID: AssumeRole as user:111111111111/vendor): expected expiresIn 7200; got ok, arn arn:aws:sts::222222222222:assumed-role/Audit/audit, expiresIn 3600'
		]);
	});

	it('answer keys the simulator contradicts or confirms, and claims that cannot be checked', () => {
		expect(check('wrong-answer-key')).toEqual([
			'content/questions/wrong-key.yaml:16:9  questions[0].verify[0]: option 0 is marked correct, but the simulator contradicts it: at step 1 (The wrong external ID: AssumeRole as user:111111111111/vendor) the option says ok true; the simulator gives ok false',
			'content/questions/wrong-key.yaml:17:9  questions[0].verify[1]: option 1 is marked wrong, but the simulator confirms it: at step 1 (The wrong external ID: AssumeRole as user:111111111111/vendor) the simulator gives error "AccessDenied", as the option says',
			'content/questions/wrong-key.yaml:18:9  questions[0].verify[2]: scenario "vendor-audit" has 2 steps: there is no step 9 (steps count from 1)',
			'content/questions/wrong-key.yaml:27:5  questions[1].verify: `verify` needs `scenario`: the scenario whose steps prove the options',
			'content/questions/wrong-key.yaml:28:11  questions[1].verify[0].option: no option 5: options count from 0 and this question has 2'
		]);
	});
});

describe('checkContent: every problem at once', { timeout: 30_000 }, () => {
	// Whole-content checks take seconds on a busy machine; the default 5 s is too tight.
	it('reports the problems of every error class in one run, ordered by file and line, with a summary', () => {
		const all = CASES.reduce((files, name) => ({ ...files, ...read(name) }), read('base'));
		const result = checkContent(all);
		const everything = result.issues.map(formatIssue);
		for (const name of CASES) expect(everything).toEqual(expect.arrayContaining(check(name)));
		const files = new Set(result.issues.map((i) => i.file));
		expect(result.summary).toMatch(
			new RegExp(`^${result.issues.length} problems in ${files.size} files \\(valid: `)
		);
		expect(Object.values(result.byFile).reduce((a, b) => a + b, 0)).toBe(result.issues.length);
		const sorted = [...result.issues].sort(
			(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
		);
		expect(result.issues).toEqual(sorted);
	});

	it('does not report references to a lesson, scenario or question whose own file is invalid', () => {
		const files = withCase('base');
		files['content/lessons/02-external-id.md'] = files['content/lessons/02-external-id.md'].replace(
			'title: External ID',
			'title: [unclosed'
		);
		files['content/scenarios/vendor-audit.yaml'] = files[
			'content/scenarios/vendor-audit.yaml'
		].replace('call: AssumeRole', 'call: NoSuchApi');
		const issues = checkContent(files).issues.map(formatIssue);
		expect(issues.filter((i) => /no lesson with slug|no scenario with id/.test(i))).toEqual([]);
		expect(issues.some((i) => i.startsWith('content/lessons/02-external-id.md'))).toBe(true);
		expect(issues.some((i) => i.startsWith('content/scenarios/vendor-audit.yaml'))).toBe(true);
	});

	it('does not blame other files for the ids of a question or scenario file whose YAML does not parse', () => {
		// One indentation slip makes the whole file unreadable: the ids it declares are still known,
		// so the author is sent to the slip, not to the files that name those ids.
		const files = withCase('base');
		const slip = (file: string, from: string, to: string) => {
			expect(files[file]).toContain(from);
			files[file] = files[file].replace(from, to);
		};
		slip('content/questions/external-id.yaml', '    type: single', '   type: single');
		const questionSlip = checkContent(files).issues.map(formatIssue);
		expect(questionSlip.filter((i) => /no question with id/.test(i))).toEqual([]);
		slip('content/scenarios/vendor-audit.yaml', '    call: AssumeRole', '   call: AssumeRole');
		const issues = checkContent(files).issues.map(formatIssue);
		expect(issues.filter((i) => /no question with id|no scenario with id/.test(i))).toEqual([]);
		expect(issues.some((i) => /external-id\.yaml:\d+:\d+ {2}YAML syntax error/.test(i))).toBe(true);
		expect(issues.some((i) => /vendor-audit\.yaml:\d+:\d+ {2}YAML syntax error/.test(i))).toBe(
			true
		);
	});
});
