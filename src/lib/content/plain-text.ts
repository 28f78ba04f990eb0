/**
 * Plain text from the app's own rendered Markdown (markdown.ts), for search snippets: what a
 * sighted reader sees, without markup and without the text kept for screen readers only.
 */

/** Elements that start a new line: their tags become a space, so words on either side stay apart. */
const BLOCK =
	/<\/?(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|pre|blockquote|table|thead|tbody|tfoot|tr|td|th|caption|figure|figcaption|section|hr|br)\b[^>]*>/gi;

/** Named entities decoded (the Markdown renderer's own, and those common in imported HTML). */
const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”'
};

/** Decodes numeric and the named entities above; any other `&name;` is left as written. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff
				? String.fromCodePoint(code)
				: whole;
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/**
 * The visible text of rendered HTML: visually hidden text ("(opens in a new tab)") dropped,
 * a callout's title followed by a colon, inline tags removed without a trace (so "(<a>x</a>):"
 * reads "(x):"), block tags turned into spaces, entities decoded, whitespace collapsed.
 */
export function htmlToPlainText(html: string): string {
	const text = html
		.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
		.replace(/<p class="callout-title">([^<]*)<\/p>/g, ' $1: ')
		.replace(BLOCK, ' ')
		.replace(/<[^>]*>/g, '');
	return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/** Characters a cut text should not end on (an unfinished clause or an opening bracket). */
export const DANGLING = /[\s,;:([{“‘"'/–—-]+$/u;

/**
 * At most `max` characters of `text`, cut at a word boundary and ended with "…" when cut; a
 * single word longer than `max` is cut inside it.
 */
export function snippet(text: string, max = 160): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const limit = max - 1; // a character is left for the ellipsis
	// A space right after the limit ends a whole word, so it may be the cut too.
	const space = clean.slice(0, limit + 1).lastIndexOf(' ');
	const cut = space > limit / 2 ? clean.slice(0, space) : clean.slice(0, limit);
	return `${cut.replace(DANGLING, '')}…`;
}
