import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAiken } from './import-aiken';

const { questions, problems } = parseAiken(
	readFileSync('tests/fixtures/import/questions.aiken.txt', 'utf8')
);

describe('parseAiken (tests/fixtures/import/questions.aiken.txt)', () => {
	it('reads single-answer questions with A. options', () => {
		expect(questions[0]).toEqual({
			line: 1,
			stem: 'Which STS API returns credentials for an IAM role?',
			multiple: false,
			options: [
				{ text: 'AssumeRole', correct: true },
				{ text: 'GetSessionToken', correct: false },
				{ text: 'GetCallerIdentity', correct: false }
			],
			notes: []
		});
	});

	it('reads multi-line question text and A) options', () => {
		expect(questions[1]).toMatchObject({
			line: 7,
			stem: 'A role session assumes another role.\nHow long may the new session last?',
			options: [{ text: 'One hour', correct: true }, { correct: false }, { correct: false }]
		});
	});

	it('ANSWER: A, C makes a multiple-answer question', () => {
		expect(questions[2].multiple).toBe(true);
		expect(questions[2].options.map((o) => o.correct)).toEqual([true, false, true, false]);
	});

	it('reports a missing ANSWER line, an unknown answer letter and a single option, with their line', () => {
		expect(problems).toEqual([
			{ line: 21, message: 'no ANSWER: line after the options; skipped' },
			{ line: 28, message: 'ANSWER E does not name one of the options A, B; skipped' },
			{ line: 30, message: 'a question needs at least two options (A. … B. …); skipped' }
		]);
	});

	it('reports a file that ends inside a question', () => {
		const r = parseAiken('Q?\nA. a\nB. b\n');
		expect(r.questions).toEqual([]);
		expect(r.problems).toEqual([{ line: 1, message: expect.stringMatching(/ends before/) }]);
	});

	it('escapes Markdown in Aiken’s plain text', () => {
		const r = parseAiken('Is <b>x</b> *bold*?\nA. [link](javascript:x)\nB. no\nANSWER: B\n');
		expect(r.questions[0].stem).toBe('Is \\<b\\>x\\</b\\> \\*bold\\*?');
		expect(r.questions[0].options[0].text).toBe('\\[link\\](javascript:x)');
	});
});
