/**
 * Reads Aiken files (https://docs.moodle.org/en/Aiken_format): a question's text, then its options
 * `A. …` or `A) …`, then `ANSWER: B`. The text may span several lines; `ANSWER: A, C` (a common
 * extension) makes a multiple-answer question. Aiken has no feedback, so every option's `why` is
 * left for the author. Malformed questions are returned as problems with their line.
 */
import {
	escapeMarkdown,
	type ImportedQuestion,
	type ImportProblem,
	type ImportResult
} from './import-question';

const OPTION = /^([A-Z])[.)]\s+(.*)$/;
const ANSWER = /^ANSWER\s*:\s*(.*)$/i;

export function parseAiken(source: string): ImportResult {
	const questions: ImportedQuestion[] = [];
	const problems: ImportProblem[] = [];
	const lines = source
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n')
		.split('\n');

	let stem: string[] = [];
	let options: { letter: string; text: string }[] = [];
	let start = 0;
	const reset = () => {
		stem = [];
		options = [];
	};

	lines.forEach((raw, i) => {
		const line = raw.trim();
		const n = i + 1;
		if (!line) {
			// A blank line inside a question's text is kept as a paragraph break.
			if (stem.length && !options.length) stem.push('');
			return;
		}
		const answer = ANSWER.exec(line);
		if (answer) {
			const text = stem.join('\n').trim();
			if (!text) {
				problems.push({ line: n, message: 'ANSWER without a question before it; skipped' });
			} else if (options.length < 2) {
				problems.push({
					line: start,
					message: 'a question needs at least two options (A. … B. …); skipped'
				});
			} else {
				const letters = answer[1]
					.split(/[\s,;]+/)
					.filter(Boolean)
					.map((l) => l.toUpperCase());
				const unknown = letters.filter((l) => !options.some((o) => o.letter === l));
				if (!letters.length || unknown.length) {
					problems.push({
						line: n,
						message: `ANSWER ${answer[1] || '(empty)'} does not name one of the options ${options.map((o) => o.letter).join(', ')}; skipped`
					});
				} else {
					questions.push({
						line: start,
						stem: escapeMarkdown(text),
						multiple: letters.length > 1,
						options: options.map((o) => ({
							text: escapeMarkdown(o.text),
							correct: letters.includes(o.letter)
						})),
						notes: []
					});
				}
			}
			reset();
			return;
		}
		const option = OPTION.exec(line);
		if (option && stem.length) {
			options.push({ letter: option[1], text: option[2].trim() });
			return;
		}
		if (options.length) {
			// Text after the options without an ANSWER line: the question never ended.
			problems.push({ line: start, message: 'no ANSWER: line after the options; skipped' });
			reset();
		}
		if (!stem.length) start = n;
		stem.push(line);
	});
	if (stem.length || options.length)
		problems.push({
			line: start,
			message: 'the file ends before this question’s ANSWER: line; skipped'
		});
	return { questions, problems };
}
