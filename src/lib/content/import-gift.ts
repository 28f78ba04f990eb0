/**
 * Reads Moodle GIFT files (https://docs.moodle.org/en/GIFT_format) into imported questions:
 * multiple choice with one answer (`=`) or several (`~%50%`), true/false, per-answer feedback
 * (`#`), general feedback (`####`), `::titles::`, escapes (`\~ \= \# \{ \} \: \\ \n`), `//` comment
 * lines, `$CATEGORY:` and the `[markdown]`, `[html]`, `[moodle]` and `[plain]` text formats.
 * Question types this app has no place for (essay, matching, numerical, short answer) and
 * malformed questions are returned as problems with their line and title, never dropped silently.
 */
import {
	escapeMarkdown,
	htmlToMarkdown,
	type ImportedOption,
	type ImportedQuestion,
	type ImportProblem,
	type ImportResult
} from './import-question';

type Format = 'moodle' | 'html' | 'plain' | 'markdown';

/** Escaped characters become private-use placeholders while the structure is parsed. */
const ESCAPES: Record<string, string> = {
	'\\': '\uE000',
	'~': '\uE001',
	'=': '\uE002',
	'#': '\uE003',
	'{': '\uE004',
	'}': '\uE005',
	':': '\uE006',
	n: '\uE007'
};
const UNESCAPE: Record<string, string> = Object.fromEntries(
	Object.entries(ESCAPES).map(([c, p]) => [p, c === 'n' ? '\n' : c])
);

/** Where the missing word goes; survives the text conversions, becomes an escaped `_____`. */
const BLANK = '\uE010';

const protect = (text: string) => text.replace(/\\([\\~=#{}:n])/g, (_m, c: string) => ESCAPES[c]);
const restore = (text: string) => text.replace(/[\uE000-\uE007]/g, (p) => UNESCAPE[p]);

/** A block of lines (one question, or a $CATEGORY) and the line it starts on. */
interface Block {
	line: number;
	text: string;
}

/** Splits on blank lines, drops `//` comment lines, and keeps a block open while a `{` is open. */
function blocks(source: string): Block[] {
	const lines = source
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n')
		.split('\n');
	const out: Block[] = [];
	let current: { line: number; lines: string[] } | undefined;
	let open = 0;
	lines.forEach((raw, i) => {
		const line = protect(raw);
		if (line.trim().startsWith('//')) return;
		if (line.trim() === '' && open <= 0) {
			if (current) out.push({ line: current.line, text: current.lines.join('\n') });
			current = undefined;
			open = 0;
			return;
		}
		current ??= { line: i + 1, lines: [] };
		current.lines.push(line);
		for (const c of line) open += c === '{' ? 1 : c === '}' ? -1 : 0;
	});
	if (current) out.push({ line: current.line, text: current.lines.join('\n') });
	return out;
}

/** `[format]` prefix of a text, or the default. */
function withFormat(text: string, fallback: Format): { format: Format; text: string } {
	const m = /^\s*\[(moodle|html|plain|markdown)\]/.exec(text);
	return m ? { format: m[1] as Format, text: text.slice(m[0].length) } : { format: fallback, text };
}

/** Text in a GIFT format, as Markdown; notes say what the conversion changed. */
function toMarkdown(raw: string, format: Format, notes: string[]): string {
	const text = restore(raw).trim();
	if (format === 'markdown') return text;
	// Moodle's own format is plain text that may contain HTML; [html] is HTML.
	if (format === 'html' || (format === 'moodle' && /<\/?[a-zA-Z][^>]*>/.test(text))) {
		const converted = htmlToMarkdown(text);
		notes.push(...converted.notes);
		return converted.markdown;
	}
	return escapeMarkdown(text);
}

interface RawAnswer {
	weight: number;
	exact: boolean;
	text: string;
	feedback?: string;
}

/** Splits a multiple-choice answer block on its `=` and `~` markers. */
function answers(block: string): RawAnswer[] {
	const out: RawAnswer[] = [];
	for (const m of block.matchAll(/([=~])([^=~]*)/g)) {
		let body = m[2];
		let weight = m[1] === '=' ? 100 : 0;
		const w = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(body);
		if (w) {
			weight = Number(w[1]);
			body = body.slice(w[0].length);
		}
		const hash = body.indexOf('#');
		out.push({
			weight,
			exact: m[1] === '=' && !w,
			text: hash >= 0 ? body.slice(0, hash) : body,
			...(hash >= 0 ? { feedback: body.slice(hash + 1) } : {})
		});
	}
	return out;
}

export function parseGift(source: string): ImportResult {
	const questions: ImportedQuestion[] = [];
	const problems: ImportProblem[] = [];
	let category: string | undefined;

	for (const block of blocks(source)) {
		let text = block.text.trim();
		if (/^\$CATEGORY:/.test(text)) {
			category = restore(text.slice('$CATEGORY:'.length)).trim();
			continue;
		}
		let title: string | undefined;
		const named = /^::([\s\S]*?)::/.exec(text);
		if (named) {
			title = restore(named[1]).trim();
			text = text.slice(named[0].length).trim();
		}
		const problem = (message: string) =>
			problems.push({ line: block.line, ...(title ? { title } : {}), message });

		const start = text.indexOf('{');
		const end = text.indexOf('}', start + 1);
		if (start < 0 && text.indexOf('}') < 0) {
			problem('no answers ({…}): a description, not a question; skipped');
			continue;
		}
		if (start < 0 || end < 0) {
			problem('unbalanced braces: every question needs one {…} answer block; skipped');
			continue;
		}
		let answerText = text.slice(start + 1, end).trim();
		const before = text.slice(0, start).trim();
		const after = text.slice(end + 1).trim();
		// Missing-word format: answers in the middle of the sentence leave a blank there.
		const stemRaw = after ? `${before} ${BLANK} ${after}` : before;

		let general: string | undefined;
		const gf = answerText.lastIndexOf('####');
		if (gf >= 0) {
			general = answerText.slice(gf + 4);
			answerText = answerText.slice(0, gf).trim();
		}

		const { format, text: stemText } = withFormat(stemRaw, 'moodle');
		const notes: string[] = [];
		const md = (raw: string | undefined) => {
			if (raw === undefined || raw.trim() === '') return undefined;
			const f = withFormat(raw, format);
			return toMarkdown(f.text, f.format, notes) || undefined;
		};
		const stem = (md(stemText) ?? '').replace(BLANK, '\\_\\_\\_\\_\\_');
		if (!stem) {
			problem('the question has no text; skipped');
			continue;
		}

		const type =
			answerText === ''
				? 'essay'
				: answerText.startsWith('#')
					? 'numerical'
					: answerText.includes('~')
						? 'multichoice'
						: answerText.includes('=') && answerText.includes('->')
							? 'matching'
							: /^(T|TRUE|F|FALSE)$/.test(answerText.split('#')[0].trim())
								? 'truefalse'
								: 'short answer';

		let options: ImportedOption[];
		let multiple = false;
		if (type === 'truefalse') {
			const [value, wrongFeedback, rightFeedback] = answerText.split('#');
			const isTrue = value.trim().startsWith('T');
			const right = md(rightFeedback);
			const wrong = md(wrongFeedback);
			options = [
				{
					text: 'True',
					correct: isTrue,
					...((isTrue ? right : wrong) ? { feedback: isTrue ? right : wrong } : {})
				},
				{
					text: 'False',
					correct: !isTrue,
					...((isTrue ? wrong : right) ? { feedback: isTrue ? wrong : right } : {})
				}
			];
		} else if (type === 'multichoice') {
			const raw = answers(answerText);
			// Moodle: a question with no `=` answer lets learners tick several answers.
			multiple = !raw.some((a) => a.exact);
			options = raw.map((a) => {
				const correct = multiple ? a.weight > 0 : a.weight >= 100;
				const partial = !multiple && a.weight > 0 && a.weight < 100;
				return {
					text: md(a.text) ?? '',
					correct,
					...(md(a.feedback) ? { feedback: md(a.feedback) } : {}),
					...(partial
						? { note: `partial credit (${a.weight}%) in the source; imported as wrong` }
						: {})
				};
			});
			if (options.some((o) => !o.text)) {
				problem('an answer has no text; skipped');
				continue;
			}
			if (options.length < 2) {
				problem('a multiple-choice question needs at least two answers; skipped');
				continue;
			}
			if (!options.some((o) => o.correct)) {
				problem('no answer is right (no = and no positive %weight%); skipped');
				continue;
			}
		} else {
			problem(`${type} questions are not supported (only multiple choice and true/false); skipped`);
			continue;
		}
		questions.push({
			line: block.line,
			...(title ? { title } : {}),
			stem,
			multiple,
			options,
			...(md(general) ? { explanation: md(general) } : {}),
			...(category ? { category } : {}),
			notes: [...new Set(notes)]
		});
	}
	return { questions, problems };
}
