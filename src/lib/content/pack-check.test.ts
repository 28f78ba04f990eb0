import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../cli/read-content-dir';
import { loadContent } from './load-content';
import {
	contentIndexOf,
	MAX_PACK_BYTES,
	packHasLessons,
	packIds,
	packLessonTitle,
	packQuizQuestions,
	issueWhere,
	jsonErrorLine,
	parseIssuePath,
	validatePack,
	validatePackText,
	withFileLines
} from './pack-check';
import { compareVersions, type Pack } from './pack-schema';
import { parseScenario } from './scenario-loader';
import { lazyLocate, parseYamlSource } from './yaml-source';

const index = contentIndexOf(loadContent(readContentDir('content'), { parseScenario }).bundle);
const text = (name: string) => readFileSync(`tests/fixtures/packs/${name}`, 'utf8');
const json = (name: string) => JSON.parse(text(name)) as Pack;
const v1 = () => json('lab-session-durations-1.0.0.json');
/** Errors and warnings. */
const problems = (data: unknown, installed = [] as ReturnType<typeof packIds>[]) =>
	validatePack(data, index, installed, parseYamlSource).issues;
const errors = (data: unknown, installed = [] as ReturnType<typeof packIds>[]) =>
	validatePack(data, index, installed, parseYamlSource)
		.issues.filter((i) => i.severity === 'error')
		.map((i) => `${i.path}: ${i.message}`);

describe('validatePack', () => {
	it('accepts a valid pack and previews it', () => {
		const result = validatePack(v1(), index, [], parseYamlSource);
		expect(result.issues).toEqual([]);
		expect(result.pack?.id).toBe('lab-session-durations');
		expect(result.preview).toMatchObject({
			title: 'Lab pack — session durations',
			version: '1.0.0',
			author: 'Example Instructor',
			questions: [
				{ id: 'lab-chaining-two-facts', topic: 'role-chaining' },
				{ id: 'lab-duration-above-max', topic: 'durations' },
				{ id: 'lab-duration-default', topic: 'durations' }
			],
			lessons: [{ slug: 'lab-duration-notes', title: 'Lab notes — session durations' }],
			scenarios: [
				{ id: 'lab-duration-runner', title: 'A script asks for more than the role allows' }
			],
			byTopic: { 'role-chaining': 1, durations: 2 },
			clashes: []
		});
		expect(result.preview?.update).toBeUndefined();
	});

	it('lists every schema error with its field path, scenario steps included', () => {
		expect(errors(json('invalid-pack.json'))).toEqual([
			'format: format must be "sts-trainer-pack"',
			'formatVersion: formatVersion must be 1 (this app reads version 1 packs)',
			'id: must be kebab-case (lowercase letters, digits and single dashes)',
			'title: must not be empty',
			'version: version is a semantic version such as 1.0.0',
			'questions[0].difficulty: difficulty is 1 (recall), 2 (applied) or 3 (multi-step scenario)',
			'questions[0].options[0].why: why is required',
			'questions[0].options: a question needs at least 2 options',
			'questions[0].sources: cite at least one source',
			'lessons[0].markdown: markdown is required',
			'colour: unknown field "colour"',
			'questions[0].topic: topic is required: a pack question names its topic (one of the app’s topics)',
			'questions[1].topic: topic is required: a pack question names its topic (one of the app’s topics)',
			'scenarios[0].world.accounts[0].id: an account id is exactly 12 digits, e.g. "111111111111"',
			'scenarios[0].steps[0].advance: unknown field "advance"',
			'scenarios[0].steps[0].as: no user alice in account 111111111111'
		]);
		expect(
			validatePack(json('invalid-pack.json'), index, [], parseYamlSource).pack
		).toBeUndefined();
	});

	it('checks references: topics, lessons and anchors, scenarios, misconceptions, verify steps', () => {
		const pack = v1();
		pack.questions[0].topic = 'no-such-topic';
		pack.questions[1].lessons = ['session-durations#nope', 'lab-duration-notes#nope', 'nowhere'];
		pack.questions[1].options[1].misconception = 'no-such-misconception';
		pack.questions[2].scenario = 'lab-duration-runner';
		pack.questions[2].verify = [{ option: 0, step: 7, expect: { ok: true } }];
		pack.scenarios![0].questions = ['missing-question'];
		expect(errors(pack)).toEqual([
			expect.stringMatching(
				/^questions\[0\]\.topic: unknown topic "no-such-topic" \(topics: credentials, /
			),
			expect.stringMatching(
				/^questions\[1\]\.lessons\[0\]: lesson "session-durations" has no heading with anchor #nope \(it has: /
			),
			'questions[1].lessons[1]: lesson "lab-duration-notes" has no heading with anchor #nope (it has: the-rules)',
			'questions[1].lessons[2]: no lesson with slug "nowhere" in the app or the pack',
			'questions[1].options[1].misconception: no misconception with id "no-such-misconception"',
			'questions[2].verify[0].step: scenario "lab-duration-runner" has 2 steps: there is no step 7',
			'scenarios[0].questions[0]: no question with id "missing-question"'
		]);
	});

	it('reports every error in one pass: parts that pass their own schema are cross-checked too', () => {
		const pack = v1() as unknown as {
			title: string;
			questions: Record<string, unknown>[];
			lessons: Record<string, unknown>[];
		};
		// Question 0: a misspelt option key (a schema error); question 1: an unknown topic (a cross-check).
		const options = pack.questions[0].options as Record<string, unknown>[];
		options[0] = { text: options[0].text, corect: true, why: options[0].why };
		pack.questions[1].topic = 'external-ids';
		expect(errors(pack)).toEqual([
			'questions[0].options[0].correct: correct is required',
			'questions[0].options[0].corect: unknown field "corect"; did you mean "correct"?',
			expect.stringMatching(/^questions\[1\]\.topic: unknown topic "external-ids" \(topics: /)
		]);
		// Missing metadata, a lesson with a schema error, and references into the broken parts.
		pack.title = '';
		delete pack.lessons[0].markdown;
		pack.questions[2].lessons = ['lab-duration-notes#anything', 'nowhere'];
		pack.questions[2].scenario = 'lab-duration-runner';
		const result = validatePack(pack, index, [], parseYamlSource);
		expect(result.pack).toBeUndefined();
		expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.path)).toEqual([
			'title',
			'questions[0].options[0].correct',
			'questions[0].options[0].corect',
			'lessons[0].markdown',
			'questions[1].topic',
			// The broken lesson's anchors are unknown, so only the lesson nowhere is reported.
			'questions[2].lessons[1]'
		]);
		// The scenarios that passed their schema are handed on to be played, at their index.
		expect(result.scenarios?.map((s) => s.id)).toEqual(['lab-duration-runner']);
		expect(result.scenarioIndexes).toEqual([0]);
	});

	it('names the question, lesson or scenario of each problem next to its path', () => {
		const pack = v1();
		pack.questions[1].topic = 'external-ids';
		(pack.lessons![0] as Record<string, unknown>).extra = 1;
		pack.scenarios![0].topic = 'nope';
		const issues = validatePack(pack, index, [], parseYamlSource).issues.filter(
			(i) => i.severity === 'error'
		);
		expect(issues.map((i) => [i.path, i.item])).toEqual([
			['lessons[0].extra', 'lab-duration-notes'],
			['questions[1].topic', 'lab-duration-above-max'],
			['scenarios[0].topic', 'lab-duration-runner']
		]);
		expect(issues.map(issueWhere)).toEqual([
			'lessons[0] (lab-duration-notes).extra',
			'questions[1] (lab-duration-above-max).topic',
			'scenarios[0] (lab-duration-runner).topic'
		]);
		expect(issueWhere({ ...issues[1], fileLine: 57 })).toBe(
			'questions[1] (lab-duration-above-max).topic, line 57'
		);
		expect(
			issueWhere({
				path: 'lessons[0].markdown',
				item: 'x',
				line: 5,
				fileLine: 9,
				severity: 'error',
				message: ''
			})
		).toBe('lessons[0] (x).markdown, line 9 (Markdown line 5)');
		expect(issueWhere({ path: 'title', severity: 'error', message: '' })).toBe('title');
		expect(issueWhere({ path: '', severity: 'error', message: '' })).toBe('file');
	});

	it('checks lesson front matter, with the line in the lesson', () => {
		const pack = v1();
		pack.lessons![0].markdown = pack
			.lessons![0].markdown.replace('title: Lab notes — session durations\n', '')
			.replace('topics: [durations]', 'topics: [durations, nonsense]');
		expect(problems(pack)).toEqual([
			{
				path: 'lessons[0].markdown',
				item: 'lab-duration-notes',
				line: 2,
				severity: 'error',
				message: 'front matter title: title is required'
			}
		]);
		pack.lessons![0].markdown = 'no front matter';
		expect(errors(pack)).toEqual([
			'lessons[0].markdown: missing YAML front matter: start with --- and a title (as in content/lessons)'
		]);
	});

	it('refuses duplicate ids and ids that clash with the app or another pack, and shows the clashes', () => {
		const pack = v1();
		pack.questions[1].id = 'chain-one-hour-cap';
		pack.questions[2].id = pack.questions[0].id;
		pack.lessons![0].slug = 'role-chaining';
		const other = {
			...packIds(v1()),
			id: 'other-pack',
			title: 'Other pack',
			questions: ['lab-chaining-two-facts']
		};
		const result = validatePack(pack, index, [other], parseYamlSource);
		expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(
			expect.arrayContaining([
				'questions[1].id: question id "chain-one-hour-cap" is already used by the app’s own content',
				'questions[2].id: duplicate question id "lab-chaining-two-facts" in this pack',
				'questions[0].id: question id "lab-chaining-two-facts" is already used by the pack "Other pack" (other-pack)',
				'lessons[0].slug: lesson id "role-chaining" is already used by the app’s own content'
			])
		);
		expect(result.preview?.clashes).toEqual(
			expect.arrayContaining([
				{ kind: 'question', id: 'chain-one-hour-cap', with: 'the app’s content' },
				{ kind: 'question', id: 'lab-chaining-two-facts', with: 'Other pack' },
				{ kind: 'lesson', id: 'role-chaining', with: 'the app’s content' }
			])
		);
		expect(result.pack).toBeUndefined();
	});

	it('a newer version of an installed pack is an update; unchanged question ids keep their progress', () => {
		const result = validatePack(
			json('lab-session-durations-1.1.0.json'),
			index,
			[packIds(v1())],
			parseYamlSource
		);
		expect(result.issues).toEqual([]);
		expect(result.preview?.update).toEqual({
			from: '1.0.0',
			to: '1.1.0',
			relation: 'newer',
			kept: 2,
			added: 1,
			removed: 1
		});
		const again = validatePack(
			v1(),
			index,
			[packIds(json('lab-session-durations-1.1.0.json'))],
			parseYamlSource
		);
		expect(again.preview?.update?.relation).toBe('older');
	});

	it('resolves topic aliases to topic ids', () => {
		const pack = v1();
		pack.questions[0].topic = 'web-identity';
		expect(validatePack(pack, index, [], parseYamlSource).pack?.questions[0].topic).toBe('mobile');
	});
});

describe('a pack full of XSS payloads', () => {
	const result = validatePackText(text('xss-pack.json'), index, [], parseYamlSource);

	it('loads: Markdown that would be escaped or dropped is only a warning', () => {
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(result.issues.length).toBeGreaterThan(50);
		expect(result.pack).toBeDefined();
	});

	it('renders to HTML with only safe tags, safe attributes and safe links', () => {
		const rendered = packQuizQuestions(result.pack)!;
		const html = rendered.questions
			.flatMap((q) => [
				q.stemHtml,
				q.explanationHtml ?? '',
				...q.options.flatMap((o) => [o.html, o.whyHtml])
			])
			.join('\n');
		const tags = [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)((?:\s[^>]*)?)>/g)];
		expect(tags.length).toBeGreaterThan(10);
		const allowedTags = ['p', 'a', 'code', 'strong', 'em', 'span', 'pre', 'br', 'ul', 'ol', 'li'];
		for (const [tag, name, attrs] of tags) {
			expect(allowedTags, tag).toContain(name.toLowerCase());
			for (const [, attr, value] of attrs.matchAll(/\s([^\s=]+)="([^"]*)"/g)) {
				expect(['href', 'title', 'target', 'rel', 'class'], tag).toContain(attr);
				if (attr === 'href') expect(value, tag).toMatch(/^(https?:\/\/|\/(?!\/)|#|[a-z0-9&])/i);
			}
			expect(attrs, tag).not.toMatch(/\son[a-z]+\s*=/i);
		}
		expect(html).not.toMatch(
			/<(script|style|svg|img|iframe|object|form|meta|base|math|details)\b/i
		);
		expect(html).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
	});
});

describe('where a problem is in the pack file', () => {
	it('reads field paths back into keys', () => {
		expect(parseIssuePath('questions[3].options[1].why')).toEqual([
			'questions',
			3,
			'options',
			1,
			'why'
		]);
		expect(parseIssuePath('')).toEqual([]);
	});

	it('gives each schema problem the line of its field, or of the object missing it', () => {
		const source = text('invalid-pack.json');
		const lines = source.split('\n');
		const lineOf = (needle: string, from = 0) =>
			lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
		const issues = withFileLines(
			validatePack(JSON.parse(source), index, [], parseYamlSource).issues,
			lazyLocate(source)
		);
		const at = (path: string) => issues.find((i) => i.path === path)?.fileLine;
		// An unknown key: its own line.
		expect(at('colour')).toBe(lineOf('"colour"'));
		// A missing field: the line where the object that lacks it opens.
		expect(at('questions[0].options[0].why')).toBe(lineOf('{', lineOf('"options"')));
		// A wrong value: the line of its key.
		expect(at('questions[0].difficulty')).toBe(lineOf('"difficulty": 5'));
		expect(issues.every((i) => !i.path || i.fileLine! >= 1)).toBe(true);
	});

	it('gives a JSON syntax error its line, whichever way the engine words it', () => {
		const bad = '{\n\t"id": "x",\n\t"title" "y"\n}';
		const [issue] = validatePackText(bad, index).issues;
		expect(issue!.message).toMatch(/^not a JSON file: /);
		expect(issue!.fileLine).toBe(3);
		expect(jsonErrorLine(bad, 'Unexpected string in JSON at position 20')).toBe(3);
		expect(
			jsonErrorLine(
				bad,
				"Expected ':' after property name in JSON at position 22 (line 3 column 10)"
			)
		).toBe(3);
		expect(
			jsonErrorLine(
				bad,
				"JSON.parse: expected ':' after property name in object at line 3 column 10 of the JSON data"
			)
		).toBe(3);
		expect(jsonErrorLine('', 'Unexpected end of JSON input')).toBeUndefined();
	});
});

describe('validatePackText and packQuizQuestions', () => {
	it('refuses files that are not JSON or too large', () => {
		expect(validatePackText('{ nope', index).issues[0].message).toMatch(/^not a JSON file: /);
		expect(
			validatePackText(' '.repeat(MAX_PACK_BYTES + 1), index, [], parseYamlSource).issues[0].message
		).toMatch(/larger than 10 MB/);
	});

	it('renders a stored pack’s questions marked with the pack id; invalid stored data gives nothing', () => {
		const rendered = packQuizQuestions(v1())!;
		expect(rendered.questions.map((q) => [q.id, q.packId])).toEqual([
			['lab-chaining-two-facts', 'lab-session-durations'],
			['lab-duration-above-max', 'lab-session-durations'],
			['lab-duration-default', 'lab-session-durations']
		]);
		expect(rendered.questions[1].stemHtml).toContain('<code>MaxSessionDuration</code>');
		expect(packQuizQuestions({ format: 'nope' })).toBeUndefined();
	});
});

describe('compareVersions', () => {
	it('orders semantic versions, pre-releases before releases', () => {
		const sorted = [
			'1.10.0',
			'1.2.0',
			'1.0.0-beta.2',
			'1.0.0',
			'1.0.0-beta.10',
			'1.0.0-alpha',
			'0.9.9'
		].sort(compareVersions);
		expect(sorted).toEqual([
			'0.9.9',
			'1.0.0-alpha',
			'1.0.0-beta.2',
			'1.0.0-beta.10',
			'1.0.0',
			'1.2.0',
			'1.10.0'
		]);
		expect(compareVersions('1.0.0+build', '1.0.0')).toBe(0);
	});
});

describe('pack lessons and the YAML reader', () => {
	it('needs a YAML reader only for packs with lessons', () => {
		const withLessons = json('lab-session-durations-1.1.0.json');
		expect(packHasLessons(withLessons)).toBe(true);
		expect(() => validatePack(withLessons, index)).toThrow(/needs readYaml/);
		const { lessons: _, ...without } = withLessons as Record<string, unknown>;
		expect(packHasLessons(without)).toBe(false);
		expect(validatePack(without, index).preview?.lessons).toEqual([]);
	});

	it('reads lesson titles from their front matter', () => {
		const lesson = { slug: 'x', markdown: '---\ntitle: "Notes: durations"\n---\n\n## A\n' };
		expect(packLessonTitle(lesson, parseYamlSource)).toBe('Notes: durations');
		expect(packLessonTitle({ slug: 'x', markdown: 'no front matter' }, parseYamlSource)).toBe('x');
	});
});

describe('a pack over its size limits', () => {
	it('is refused without checking more items than a pack may hold', () => {
		const pack = v1() as unknown as { scenarios: unknown[] };
		const scenario = pack.scenarios[0] as { id: string };
		pack.scenarios = Array.from({ length: 300 }, (_, i) => ({ ...scenario, id: `s-${i}` }));
		const result = validatePack(pack, index, [], parseYamlSource);
		expect(result.pack).toBeUndefined();
		expect(result.issues.some((i) => /at most|<=200/i.test(i.message))).toBe(true);
		// Only the first 200 are kept for playing.
		expect(result.scenarios?.length ?? 0).toBeLessThanOrEqual(200);
	});
});
