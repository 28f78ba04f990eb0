const LINK = /<link\b[^>]*>/g;
const isStylesheet = (tag: string) => /\brel="stylesheet"/.test(tag);
const isModulePreload = (tag: string) => /\brel="modulepreload"/.test(tag);

/**
 * Moves a page's stylesheet links ahead of its modulepreload links, in the head.
 *
 * SvelteKit writes every `<link rel="modulepreload">` (about 25 on a quiz page) before the
 * stylesheets. Over HTTP/1.1, six connections per host, the browser then requests the scripts
 * first and the render-blocking CSS waits behind them, so nothing paints until ~25 scripts have
 * downloaded: on a slow phone network that put first paint ~0.7 s after the skeleton's. The
 * stylesheets are small; with them first, the page paints as soon as its HTML and CSS are in,
 * and the scripts follow. Their order among themselves is kept, and nothing else moves (the CSP
 * meta tag stays at the top, where SvelteKit puts it).
 */
export function stylesheetsFirst(html: string): string {
	const headEnd = html.indexOf('</head>');
	if (headEnd < 0) return html;
	const head = html.slice(0, headEnd);
	const links = [...head.matchAll(LINK)];
	const firstPreload = links.find((m) => isModulePreload(m[0]));
	if (!firstPreload) return html;
	const late = links.filter((m) => isStylesheet(m[0]) && m.index > firstPreload.index);
	if (!late.length) return html;
	let rest = head;
	// Remove from the end so earlier indexes stay valid.
	for (const m of [...late].reverse())
		rest = rest.slice(0, m.index) + rest.slice(m.index + m[0].length);
	const at = firstPreload.index;
	const moved = late.map((m) => m[0]).join('\n\t\t');
	return rest.slice(0, at) + moved + '\n\t\t' + rest.slice(at) + html.slice(headEnd);
}
