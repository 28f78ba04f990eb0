import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from './content-issue';
import { loadContent } from './load-content';
import { readContentDir } from '../../cli/read-content-dir';

const good = () => readContentDir('tests/fixtures/content/good');
const bad = (name: string) => readFileSync(`tests/fixtures/content/bad/${name}`, 'utf8');

function withFile(path: string, text: string) {
	return loadContent({ ...good(), [path]: text });
}

describe('loadContent (good fixtures)', () => {
	const { bundle, issues } = loadContent(good());

	it('has no issues', () => expect(issues.map(formatIssue)).toEqual([]));

	it('orders lessons by their numeric prefix and takes the slug from the file name', () => {
		expect(bundle.lessons.map((l) => [l.order, l.slug])).toEqual([
			[1, 'assume-role'],
			[2, 'web-identity']
		]);
	});

	it('links the first glossary mention in a lesson', () => {
		expect(bundle.lessons[0].html).toContain('href="/glossary#trust-policy"');
		expect(bundle.lessons[0].html).toContain('href="/glossary#assume-role-api"');
	});

	it('accepts topic aliases', () => expect(bundle.lessons[1].topics).toEqual(['web-identity']));

	it('renders questions with their file topic and option HTML', () => {
		const q = bundle.questions.find((x) => x.id === 'ar-basic')!;
		expect(q.topic).toBe('assume-role');
		expect(q.stemHtml).toContain('<strong>role</strong>');
		expect(q.options[0].html).toBe('<code>AssumeRole</code>');
	});
});

describe('loadContent (bad fixtures fail with file, line and field)', () => {
	it('missing title', () => {
		const { issues } = withFile('content/lessons/03-missing-title.md', bad('missing-title.md'));
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({
			file: 'content/lessons/03-missing-title.md',
			line: 2,
			path: 'title'
		});
	});

	it('bad front matter YAML', () => {
		const { issues } = withFile('content/lessons/03-bad.md', bad('bad-front-matter.md'));
		expect(issues[0].file).toBe('content/lessons/03-bad.md');
		expect(issues[0].line).toBeGreaterThanOrEqual(3);
		expect(issues[0].message).toMatch(/YAML syntax error/);
	});

	it('unknown field', () => {
		const { issues } = withFile('content/lessons/03-extra.md', bad('unknown-field.md'));
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ line: 10 });
		expect(issues[0].message).toMatch(/colour/);
	});

	it('unsafe HTML and javascript: links', () => {
		const { issues } = withFile('content/lessons/03-unsafe.md', bad('unsafe-html.md'));
		expect(issues.map((i) => [i.line, i.path])).toEqual([
			[16, 'body'],
			[18, 'body']
		]);
		expect(issues[0].message).toMatch(/<script>/);
		expect(issues[1].message).toMatch(/unsafe link/);
	});

	it('question rules and cross-references', () => {
		const { issues } = withFile('content/questions/bad.yaml', bad('bad-question.yaml'));
		const text = issues.map(formatIssue);
		expect(text).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/^content\/questions\/bad\.yaml:\d+:\d+ {2}questions\[0\]\.options\[1\]\.why: /
				),
				expect.stringMatching(
					/questions\[0\]\.options: a single-answer question needs exactly one correct option/
				)
			])
		);
	});

	it('a reference to a missing anchor names the anchors that exist', () => {
		const fixed = bad('bad-question.yaml')
			.replace('why: ""', 'why: no')
			.replace('{ text: B, correct: true', '{ text: B, correct: false');
		const { issues } = withFile('content/questions/bad.yaml', fixed);
		expect(issues).toHaveLength(1);
		expect(formatIssue(issues[0])).toMatch(
			/^content\/questions\/bad\.yaml:10:\d+ {2}questions\[0\]\.lessons\[0\]: lesson "assume-role" has no heading with anchor #no-such-anchor \(it has: the-trust-policy\)/
		);
	});

	it('duplicate question ids across files', () => {
		const { issues } = withFile(
			'content/questions/again.yaml',
			readFileSync('tests/fixtures/content/good/questions/assume-role.yaml', 'utf8')
		);
		expect(issues.filter((i) => /duplicate question id/.test(i.message))).toHaveLength(2);
	});
});
