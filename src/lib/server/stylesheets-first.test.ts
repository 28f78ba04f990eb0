import { describe, expect, it } from 'vitest';
import { stylesheetsFirst } from './stylesheets-first';

const page = `<!doctype html><html><head>
<meta http-equiv="content-security-policy" content="default-src 'self'">
<link href="./_app/immutable/entry/start.js" rel="modulepreload">
<link href="./_app/immutable/chunks/a.js" rel="modulepreload">
<title>T</title>
<link href="./_app/immutable/assets/0.css" rel="stylesheet">
<link href="./_app/immutable/assets/2.css" rel="stylesheet">
<link rel="icon" href="./favicon.svg" type="image/svg+xml" />
</head><body><link href="./in-body.css" rel="stylesheet"><p>x</p></body></html>`;

describe('stylesheetsFirst', () => {
	it('puts the stylesheets, in order, before the first modulepreload; nothing else moves', () => {
		const out = stylesheetsFirst(page);
		const order = [...out.matchAll(/<(meta|link|title)\b[^>]*>/g)].map((m) => m[0]);
		expect(order).toEqual([
			`<meta http-equiv="content-security-policy" content="default-src 'self'">`,
			'<link href="./_app/immutable/assets/0.css" rel="stylesheet">',
			'<link href="./_app/immutable/assets/2.css" rel="stylesheet">',
			'<link href="./_app/immutable/entry/start.js" rel="modulepreload">',
			'<link href="./_app/immutable/chunks/a.js" rel="modulepreload">',
			'<title>',
			'<link rel="icon" href="./favicon.svg" type="image/svg+xml" />',
			'<link href="./in-body.css" rel="stylesheet">'
		]);
		// Same content, only reordered (whitespace aside).
		const tags = (html: string) => [...html.matchAll(/<[^>]+>/g)].map((m) => m[0]).sort();
		expect(tags(out)).toEqual(tags(page));
		expect(
			out.endsWith(
				'</head><body><link href="./in-body.css" rel="stylesheet"><p>x</p></body></html>'
			)
		).toBe(true);
	});

	it('leaves a page without modulepreloads, or with stylesheets already first, unchanged', () => {
		const noPreload = page.replace(/<link[^>]*modulepreload">\n/g, '');
		expect(stylesheetsFirst(noPreload)).toBe(noPreload);
		const once = stylesheetsFirst(page);
		expect(stylesheetsFirst(once)).toBe(once);
		expect(stylesheetsFirst('<p>no head</p>')).toBe('<p>no head</p>');
	});
});
