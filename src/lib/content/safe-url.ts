/** What a link in authored Markdown may point to. */
export type LinkKind = 'external' | 'internal' | 'anchor' | 'unsafe';

/**
 * Classifies a link target. Only http(s), site-relative paths and in-page anchors are allowed:
 * `javascript:`, `data:`, `vbscript:` and every other scheme could run script or leave the app.
 */
export function classifyLink(href: string): LinkKind {
	const h = href.trim();
	if (/^https?:\/\//i.test(h)) return 'external';
	if (h.startsWith('#')) return 'anchor';
	if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('//') || /[\s\\]/.test(h.slice(0, 12)))
		return 'unsafe';
	return 'internal';
}
