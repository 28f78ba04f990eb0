import { Marked, type Tokens, type Token } from 'marked';
import { escapeHtml } from './html-escape';
import { classifyLink } from './safe-url';
import { slugify } from './slugify';
import type { GlossaryLinker } from './glossary-linker';

/** A problem an author must fix; the renderer still produces safe output. */
export interface MarkdownProblem {
	/** 1-based line within the Markdown text. */
	line: number;
	message: string;
}

export interface Heading {
	depth: number;
	text: string;
	id: string;
}

/** A site-relative link found in the Markdown, to be checked against the site's pages. */
export interface InternalLink {
	href: string;
	line: number;
}

export interface RenderedMarkdown {
	html: string;
	headings: Heading[];
	problems: MarkdownProblem[];
	links: InternalLink[];
}

export interface RenderOptions {
	glossary?: GlossaryLinker;
	/** Inline Markdown only (option text): no paragraphs. */
	inline?: boolean;
}

const CALLOUTS: Record<string, string> = {
	EXAM: 'Exam tip',
	NOTE: 'Note',
	WARNING: 'Warning',
	UPDATED: 'Updated: AWS today'
};

type CalloutQuote = Tokens.Blockquote & { callout?: string };

function describeHtml(raw: string): string {
	if (/<\s*script/i.test(raw))
		return 'raw <script> is not allowed: it could run script in a learner’s browser';
	if (/\son[a-z]+\s*=/i.test(raw))
		return 'event-handler attributes (on…=) are not allowed: they could run script in a learner’s browser';
	if (/javascript:/i.test(raw)) return 'javascript: URLs are not allowed: they could run script';
	return `raw HTML is not allowed in Markdown (found ${JSON.stringify(raw.trim().slice(0, 40))}); use Markdown syntax`;
}

/** State of the render in progress; the one Marked instance below reads and fills it. */
interface RenderState {
	source: string;
	options: RenderOptions;
	problems: MarkdownProblem[];
	headings: Heading[];
	links: InternalLink[];
	usedIds: Map<string, number>;
	searchFrom: number;
	suppressGlossary: number;
	tableCount: number;
}

let state: RenderState | undefined;
const current = (): RenderState => {
	if (!state) throw new Error('markdown renderer used outside renderMarkdown');
	return state;
};

function lineOf(raw: string): number {
	const s = current();
	const at = s.source.indexOf(raw, s.searchFrom);
	const index = at >= 0 ? at : s.source.indexOf(raw);
	if (at >= 0) s.searchFrom = at;
	return index < 0 ? 1 : s.source.slice(0, index).split('\n').length;
}
const report = (raw: string, message: string) =>
	current().problems.push({ line: lineOf(raw), message });

/**
 * One Marked instance for every render: building one per call cost more than the rendering itself
 * (5,000 questions have ~60,000 Markdown fields). Rendering is synchronous, so the per-call state
 * lives in `state` for the duration of one renderMarkdown call.
 */
const marked = new Marked({
	gfm: true,
	walkTokens(token: Token) {
		if (token.type === 'blockquote') {
			const quote = token as CalloutQuote;
			const first = quote.tokens[0];
			if (first?.type === 'paragraph') {
				const match = /^\[!([A-Z]+)\][ \t]*\n?/.exec(first.text);
				if (match && CALLOUTS[match[1]]) {
					quote.callout = match[1];
					const inline = first.tokens?.[0];
					if (inline && 'text' in inline) {
						inline.text = inline.text.replace(/^\[!([A-Z]+)\][ \t]*\n?/, '');
						if ('raw' in inline) inline.raw = inline.text;
					}
				} else if (match)
					report(
						quote.raw,
						`unknown callout [!${match[1]}] (use ${Object.keys(CALLOUTS).join(', ')})`
					);
			}
		}
		if (token.type === 'html') report(token.raw, describeHtml(token.raw));
		if (token.type === 'link' && ['internal', 'anchor'].includes(classifyLink(token.href)))
			current().links.push({ href: token.href, line: lineOf(token.raw) });
		if (token.type === 'link' && classifyLink(token.href) === 'unsafe')
			report(
				token.raw,
				`unsafe link target ${JSON.stringify(token.href)}: links must be http(s), relative or #anchor`
			);
		if (token.type === 'image' && classifyLink(token.href) !== 'internal')
			report(
				token.raw,
				`image ${JSON.stringify(token.href)} must be a file served by the app (no remote images)`
			);
	},
	renderer: {
		html({ text }) {
			return escapeHtml(text);
		},
		heading({ tokens, depth }) {
			const s = current();
			s.suppressGlossary++;
			const inner = this.parser.parseInline(tokens);
			s.suppressGlossary--;
			const plain = tokens.map((t) => ('text' in t ? t.text : t.raw)).join('');
			let id = slugify(plain) || 'section';
			const seen = s.usedIds.get(id) ?? 0;
			s.usedIds.set(id, seen + 1);
			if (seen > 0) id = `${id}-${seen + 1}`;
			s.headings.push({ depth, text: plain, id });
			return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
		},
		link({ href, title, tokens }) {
			const s = current();
			s.suppressGlossary++;
			const inner = this.parser.parseInline(tokens);
			s.suppressGlossary--;
			const kind = classifyLink(href);
			if (kind === 'unsafe') return inner;
			const t = title ? ` title="${escapeHtml(title)}"` : '';
			if (kind === 'external')
				return `<a href="${escapeHtml(href)}"${t} target="_blank" rel="noopener noreferrer">${inner}<span class="visually-hidden"> (opens in a new tab)</span></a>`;
			return `<a href="${escapeHtml(href)}"${t}>${inner}</a>`;
		},
		image({ href, text }) {
			if (classifyLink(href) !== 'internal') return escapeHtml(text);
			return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}" loading="lazy">`;
		},
		text(token) {
			if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
			const s = current();
			const escaped = 'escaped' in token && token.escaped ? token.text : escapeHtml(token.text);
			return s.options.glossary && s.suppressGlossary === 0
				? s.options.glossary.link(escaped)
				: escaped;
		},
		codespan({ text }) {
			return `<code>${escapeHtml(text)}</code>`;
		},
		code({ text, lang }) {
			const language = lang ? ` class="language-${escapeHtml(lang.split(/\s/)[0])}"` : '';
			// Focusable so keyboard users can scroll a wide block. No aria-label: it would stand in for
			// the code wherever the block is part of a name (a question's stem names its options), so a
			// screen reader said "JSON example" instead of the error text the question is about.
			return `<pre tabindex="0"><code${language}>${escapeHtml(text)}</code></pre>\n`;
		},
		table(token) {
			// Let the default table renderer build the table, then wrap it for horizontal scroll.
			const inner = Object.getPrototypeOf(this).table.call(this, token) as string;
			// Focusable so keyboard users can scroll a wide table; numbered so landmarks stay unique.
			const s = current();
			s.tableCount++;
			return `<div class="table-wrap" tabindex="0" role="region" aria-label="Table ${s.tableCount}">${inner}</div>\n`;
		},
		tablecell(token) {
			// An empty corner cell names nothing, so it is a data cell: an empty <th> is an
			// unlabelled header to screen readers (axe: empty-table-header).
			if (token.header && !token.text.trim()) return '<td></td>\n';
			return Object.getPrototypeOf(this).tablecell.call(this, token) as string;
		},
		blockquote(token) {
			const quote = token as CalloutQuote;
			const body = this.parser.parse(quote.tokens);
			if (!quote.callout) return `<blockquote>${body}</blockquote>\n`;
			const kind = quote.callout.toLowerCase();
			// role=note, not <aside>: several callouts per page must not become duplicate landmarks.
			return `<div class="callout callout-${kind}" role="note"><p class="callout-title">${CALLOUTS[quote.callout]}</p>${body}</div>\n`;
		}
	}
});

/**
 * Renders authored Markdown to HTML that is safe to insert: raw HTML is escaped (and reported),
 * links are limited to http(s), site paths and anchors, external links open in a new tab without
 * an opener, remote images are refused (the app makes no third-party requests).
 */
export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedMarkdown {
	return renderPlainText(source, options) ?? renderWithMarked(source, options);
}

/**
 * One line of words in which Markdown finds no syntax: letters, digits, spaces and plain
 * punctuation, starting with a letter (a digit could open a list), not ending in a space, and
 * nothing GFM would autolink. About half the fields of a question bank look like this.
 */
const PLAIN_TEXT = /^\p{L}[\p{L}\p{N} ,.;:'"?()%’‘“”—–-]*$/u;
const AUTOLINK = /www\.|https?:|@/i;

/**
 * What marked renders for plain text (its text tokens, escaped and glossary-linked by the renderer
 * above, in a paragraph unless inline), without running marked: at 5,000 questions the renderer's
 * fixed cost per call was a third of `content:check`. markdown.test.ts checks it against marked.
 */
function renderPlainText(source: string, options: RenderOptions): RenderedMarkdown | undefined {
	if (!PLAIN_TEXT.test(source) || source.endsWith(' ') || AUTOLINK.test(source)) return undefined;
	const escaped = escapeHtml(source);
	const text = options.glossary ? options.glossary.link(escaped) : escaped;
	return {
		html: options.inline ? text : `<p>${text}</p>\n`,
		headings: [],
		problems: [],
		links: []
	};
}

/** renderMarkdown through marked, for any text (exported for the test of renderPlainText). */
export function renderWithMarked(source: string, options: RenderOptions = {}): RenderedMarkdown {
	const outer = state;
	state = {
		source,
		options,
		problems: [],
		headings: [],
		links: [],
		usedIds: new Map(),
		searchFrom: 0,
		suppressGlossary: 0,
		tableCount: 0
	};
	try {
		const html = options.inline
			? (marked.parseInline(source, { async: false }) as string)
			: (marked.parse(source, { async: false }) as string);
		const { headings, problems, links } = state;
		return { html, headings, problems, links };
	} finally {
		state = outer;
	}
}
