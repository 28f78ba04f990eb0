/**
 * Plain text from the app's own rendered HTML (Markdown rendered by `markdown.ts`, so tags are
 * well formed and the only entities are the ones it escapes), for short excerpts.
 */
const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

/** Tags that separate words (blocks, line breaks); inline ones (`code`, `em`, `a`…) do not. */
const BREAKING_TAG =
	/<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|pre|blockquote|h[1-6]|table|thead|tbody|tr|td|th|figure|figcaption)\b[^>]*>/gi;

/** The text of `html`: tags dropped (blocks apart by a space), entities decoded, spaces collapsed. */
export function htmlText(html: string): string {
	return html
		.replace(BREAKING_TAG, ' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] === '#') {
				const code =
					name[1] === 'x' || name[1] === 'X'
						? parseInt(name.slice(2), 16)
						: parseInt(name.slice(1), 10);
				return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
			}
			return ENTITIES[name.toLowerCase()] ?? whole;
		})
		.replace(/\s+/g, ' ')
		.trim();
}

/** At most `max` characters of `text`, cut at a word boundary with an ellipsis when shortened. */
export function excerpt(text: string, max: number): string {
	if (text.length <= max) return text;
	// One character more: a word that ends exactly at `max` is kept whole.
	const space = text.slice(0, max + 1).lastIndexOf(' ');
	const cut = space > max / 2 ? text.slice(0, space) : text.slice(0, max);
	return `${cut.replace(/[\s.,;:!?]+$/, '')}…`;
}
