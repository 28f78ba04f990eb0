import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGift } from './import-gift';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');
const { questions, problems } = parseGift(fixture('features.gift'));
const byTitle = (title: string) => {
	const q = questions.find((x) => x.title === title);
	if (!q) throw new Error(`no question titled ${title}`);
	return q;
};

describe('parseGift (tests/fixtures/import/features.gift)', () => {
	it('reads every supported question, in order, with its title and line', () => {
		expect(questions.map((q) => [q.line, q.title])).toEqual([
			[4, 'Role session credentials'],
			[11, 'Temporary credentials parts'],
			[19, 'Escapes: all of them'],
			[24, 'Missing word'],
			[26, 'Markdown format'],
			[31, 'HTML format'],
			[36, 'Moodle format'],
			[38, 'False statement'],
			[40, 'Partial credit'],
			[46, 'No feedback at all']
		]);
	});

	it('single answer: = is right, ~ is wrong, # is each answer’s feedback', () => {
		const q = byTitle('Role session credentials');
		expect(q.multiple).toBe(false);
		expect(q.stem).toBe('Which STS API returns temporary credentials for an IAM role?');
		expect(q.options).toEqual([
			{
				text: 'AssumeRole',
				correct: true,
				feedback: 'It returns an access key ID, a secret access key and a session token.'
			},
			{
				text: 'GetSessionToken',
				correct: false,
				feedback: 'It returns credentials for the calling user, not for a role.'
			},
			{ text: 'GetCallerIdentity', correct: false, feedback: 'It only says who the caller is.' }
		]);
	});

	it('multiple answers: ~%50% weights are right, negative weights wrong, #### is general feedback', () => {
		const q = byTitle('Temporary credentials parts');
		expect(q.multiple).toBe(true);
		expect(q.options.map((o) => [o.text, o.correct])).toEqual([
			['A session token', true],
			['An expiration time', true],
			['A password', false],
			['An MFA device', false]
		]);
		expect(q.explanation).toMatch(/^Temporary credentials are an access key ID/);
	});

	it('escapes \\: \\{ \\} \\~ \\= \\# and \\n, in titles, stems, answers and feedback', () => {
		const q = byTitle('Escapes: all of them');
		expect(q.stem).toBe(
			'The ARN arn:aws:iam::111122223333:role/Admin uses {braces}, a \\~tilde, an = sign and a # hash.\nSecond line. Which is right?'
		);
		expect(q.options).toEqual([
			{ text: 'This one = right', correct: true, feedback: 'Because # is kept.' },
			{ text: 'That one', correct: false, feedback: 'No \\~ way.' }
		]);
	});

	it('missing-word format leaves a blank where the answers were', () => {
		expect(byTitle('Missing word').stem).toBe(
			'The STS API \\_\\_\\_\\_\\_ exchanges an OIDC token for credentials.'
		);
	});

	it('[markdown] is kept as Markdown', () => {
		const q = byTitle('Markdown format');
		expect(q.stem).toBe('Which call needs **no** permissions?');
		expect(q.options[0].text).toBe('`GetCallerIdentity`');
		expect(q.options[1].feedback).toBe(
			'The caller needs `sts:AssumeRole` and the role must trust it.'
		);
	});

	it('[html] becomes Markdown: script dropped, unsafe links dropped, other tags noted', () => {
		const q = byTitle('HTML format');
		expect(q.stem).toBe('Which **condition key** carries the external ID?');
		expect(q.options[0].text).toBe('`sts:ExternalId`');
		expect(q.options[0].feedback).toBe(
			'See [the guide](https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html) & this.'
		);
		expect(q.options[1]).toMatchObject({
			text: '*aws:SourceArn*',
			feedback: 'That is for services acting for you.'
		});
		expect(q.notes).toEqual([
			'a <script> element was removed',
			'a link to "javascript:alert(1)" was removed (only http(s) links are kept)',
			'HTML tags removed: <span>'
		]);
		expect(JSON.stringify([q.stem, q.options])).not.toMatch(/<script|alert|javascript/);
	});

	it('[moodle] text with HTML line breaks becomes Markdown line breaks; {TRUE#wrong#right}', () => {
		const q = byTitle('Moodle format');
		expect(q.stem).toBe('Role sessions last one hour by default.\\\nTrue or false?');
		expect(q.options).toEqual([
			{
				text: 'True',
				correct: true,
				feedback: 'Yes: 3600 seconds unless DurationSeconds says otherwise.'
			},
			{ text: 'False', correct: false, feedback: 'No: the default is 3600 seconds.' }
		]);
	});

	it('{F#wrong#right}: False is right, the first feedback goes to the wrong answer', () => {
		expect(byTitle('False statement').options).toEqual([
			{ text: 'True', correct: false, feedback: 'Role chaining caps sessions at one hour.' },
			{ text: 'False', correct: true, feedback: 'Right: the cap is one hour.' }
		]);
	});

	it('partial credit in a single-answer question is imported as wrong, with a note', () => {
		const q = byTitle('Partial credit');
		expect(q.options.map((o) => o.correct)).toEqual([true, false, false]);
		expect(q.options[1].note).toBe('partial credit (50%) in the source; imported as wrong');
	});

	it('answers without feedback have no feedback (the YAML writer marks them TODO)', () => {
		expect(byTitle('No feedback at all').options.every((o) => o.feedback === undefined)).toBe(true);
	});

	it('$CATEGORY applies to the questions after it', () => {
		expect(new Set(questions.map((q) => q.category))).toEqual(
			new Set(['$course$/top/STS/assume-role'])
		);
	});

	it('reports unsupported types and malformed questions with title and line, never drops them silently', () => {
		expect(problems).toEqual([
			{
				line: 49,
				title: 'Essay question',
				message: expect.stringMatching(/^essay questions are not supported/)
			},
			{
				line: 51,
				title: 'Matching question',
				message: expect.stringMatching(/^matching questions are not supported/)
			},
			{
				line: 56,
				title: 'Numerical question',
				message: expect.stringMatching(/^numerical questions are not supported/)
			},
			{
				line: 58,
				title: 'Short answer question',
				message: expect.stringMatching(/^short answer questions are not supported/)
			},
			{ line: 60, message: expect.stringMatching(/description, not a question/) },
			{ line: 62, title: 'Unbalanced', message: expect.stringMatching(/^unbalanced braces/) }
		]);
	});

	it('ignores comment lines, also between a title and its answers, and handles CRLF', () => {
		const r = parseGift('// a comment\r\n::T::Q? {\r\n// inside\r\n=a#yes\r\n~b#no\r\n}\r\n');
		expect(r.problems).toEqual([]);
		expect(r.questions[0]).toMatchObject({ title: 'T', stem: 'Q?', line: 2 });
		expect(r.questions[0].options.map((o) => o.text)).toEqual(['a', 'b']);
	});

	it('a multiple-answer question with one right answer, or none, is handled', () => {
		const one = parseGift('Q? {~%100%a ~b}');
		expect(one.questions[0].multiple).toBe(true);
		expect(one.questions[0].options.map((o) => o.correct)).toEqual([true, false]);
		const none = parseGift('::N::Q? {~a ~b}');
		expect(none.questions).toEqual([]);
		expect(none.problems[0]).toMatchObject({
			title: 'N',
			message: expect.stringMatching(/no answer is right/)
		});
	});
});
