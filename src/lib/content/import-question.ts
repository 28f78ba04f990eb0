/**
 * The shape importers (GIFT, Aiken) produce before it is written as question YAML, and the text
 * conversions they share: Moodle's text formats to Markdown, ids from titles.
 */
import { decodeEntities } from './plain-text';

export interface ImportedOption {
	/** Markdown. */
	text: string;
	correct: boolean;
	/** Per-answer feedback (Markdown), which becomes the option's `why`. */
	feedback?: string;
	/** Something the author should know about this option (e.g. partial credit dropped). */
	note?: string;
}

export interface ImportedQuestion {
	/** 1-based line of the question in the source file. */
	line: number;
	/** The question's title in the source (GIFT `::title::`), used for its id. */
	title?: string;
	/** Markdown. */
	stem: string;
	/** Whether the source lets learners pick several answers. */
	multiple: boolean;
	options: ImportedOption[];
	/** General feedback (GIFT `####`), which becomes `explanation`. */
	explanation?: string;
	/** The source's category (GIFT `$CATEGORY`), a hint for the topic. */
	category?: string;
	/** What the author should check about this question's conversion. */
	notes: string[];
}

/** A question the importer could not convert, or a syntax error; reported, never dropped silently. */
export interface ImportProblem {
	line: number;
	title?: string;
	message: string;
}

export interface ImportResult {
	questions: ImportedQuestion[];
	problems: ImportProblem[];
}

/** Markdown-escapes plain text: what a plain-text source shows must show the same in Markdown. */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*~[\]<>]/g, (c) => `\\${c}`)
		.replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'))
		.replace(/^(\s*)(#{1,6}\s|[-+]\s|\d+\.\s)/gm, (_m, space: string, mark: string) => {
			return `${space}\\${mark}`;
		});
}

/**
 * Converts the HTML of a Moodle question to Markdown: paragraphs, line breaks, bold, italics,
 * code, pre, lists and http(s) links survive; script and style are dropped with their content;
 * every other tag is dropped and named in `notes`. Text is Markdown-escaped, so nothing that was
 * text can become HTML or a link.
 */
export function htmlToMarkdown(html: string): { markdown: string; notes: string[] } {
	const dropped = new Set<string>();
	const notes: string[] = [];
	let out = '';
	const lists: ('ul' | 'ol')[] = [];
	const counters: number[] = [];
	const links: string[] = [];
	let pre = 0;
	const source = html.replace(/<!--[\s\S]*?-->/g, '');
	const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^>]*)?)\/?>/g;
	let last = 0;
	const text = (raw: string) => {
		const decoded = decodeEntities(raw);
		out += pre > 0 ? decoded : escapeMarkdown(decoded.replace(/\s+/g, ' '));
	};
	for (let m = tag.exec(source); m; m = tag.exec(source)) {
		text(source.slice(last, m.index));
		last = tag.lastIndex;
		const closing = m[1] === '/';
		const name = m[2].toLowerCase();
		const attrs = m[3] ?? '';
		if (!closing && (name === 'script' || name === 'style')) {
			const end = source.toLowerCase().indexOf(`</${name}`, last);
			const close = end < 0 ? source.length : source.indexOf('>', end) + 1 || source.length;
			last = close;
			tag.lastIndex = close;
			notes.push(`a <${name}> element was removed`);
			continue;
		}
		switch (name) {
			case 'p':
			case 'div':
				out += closing ? '\n\n' : out && !out.endsWith('\n\n') ? '\n\n' : '';
				break;
			case 'br':
				out += '\\\n';
				break;
			case 'b':
			case 'strong':
				out += '**';
				break;
			case 'i':
			case 'em':
				out += '*';
				break;
			case 'code':
				if (pre === 0) out += '`';
				break;
			case 'pre':
				if (closing) {
					pre = Math.max(0, pre - 1);
					out += '\n```\n\n';
				} else {
					pre++;
					out += '\n\n```\n';
				}
				break;
			case 'ul':
			case 'ol':
				if (closing) {
					lists.pop();
					counters.pop();
					out += '\n';
				} else {
					lists.push(name);
					counters.push(0);
					out += '\n';
				}
				break;
			case 'li':
				if (!closing) {
					const depth = Math.max(0, lists.length - 1);
					const kind = lists[lists.length - 1] ?? 'ul';
					if (kind === 'ol') counters[counters.length - 1]++;
					out += `\n${'   '.repeat(depth)}${kind === 'ol' ? `${counters[counters.length - 1]}.` : '-'} `;
				}
				break;
			case 'a': {
				if (closing) {
					const href = links.pop();
					if (href) out += `](${href})`;
					break;
				}
				const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
				const url = decodeEntities(href?.[2] ?? href?.[3] ?? href?.[4] ?? '').trim();
				if (/^https?:\/\/[^\s()]+$/i.test(url)) {
					links.push(url);
					out += '[';
				} else {
					links.push('');
					if (url)
						notes.push(
							`a link to ${JSON.stringify(url)} was removed (only http(s) links are kept)`
						);
				}
				break;
			}
			default:
				dropped.add(name);
		}
	}
	text(source.slice(last));
	if (dropped.size)
		notes.push(`HTML tags removed: ${[...dropped].map((t) => `<${t}>`).join(', ')}`);
	const markdown = out
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return { markdown, notes };
}

/** A kebab-case id from a title or stem: at most `words` words and 60 characters. */
export function kebabFrom(text: string, words = 8): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[`*_[\]()#>]/g, ' ')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(/\s+/)
		.filter(Boolean)
		.slice(0, words)
		.join('-');
	return slug.slice(0, 60).replace(/-+$/, '') || 'imported-question';
}
