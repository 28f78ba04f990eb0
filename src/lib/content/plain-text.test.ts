import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';
import { htmlToPlainText, snippet } from './plain-text';

const plain = (md: string) => htmlToPlainText(renderMarkdown(md).html);

describe('htmlToPlainText', () => {
	it('drops markup and screen-reader-only text, keeping punctuation next to link text', () => {
		expect(plain('Vendors need it ([third-party access](https://example.com/x)): always.')).toBe(
			'Vendors need it (third-party access): always.'
		);
		expect(plain('The `Expiration` field and **`AKIA`** keys, *not* `ASIA`.')).toBe(
			'The Expiration field and AKIA keys, not ASIA.'
		);
	});

	it('keeps words of separate blocks apart and decodes entities', () => {
		expect(
			plain(
				'# Title\n\nFirst paragraph.\n\n- one\n- two & <three>\n\n| a | b |\n|---|---|\n| c | d |'
			)
		).toBe('Title First paragraph. one two & <three> a b c d');
		expect(htmlToPlainText('it&#39;s &quot;q&quot; &#x2014; &lt;ok&gt;&nbsp;now &unknown;')).toBe(
			'it\'s "q" — <ok> now &unknown;'
		);
	});

	it('gives a callout’s title a colon', () => {
		expect(plain('> [!EXAM]\n> Remember this.')).toBe('Exam tip: Remember this.');
	});
});

describe('snippet', () => {
	const text =
		'A trust policy that names the vendor account is not enough on its own: the role also requires the external ID with StringEquals, so a confused deputy cannot use it.';

	it('returns short text whole', () => {
		expect(snippet('Short text.', 160)).toBe('Short text.');
		expect(snippet('  spaced   out  ', 160)).toBe('spaced out');
	});

	it('cuts long text at a word boundary, within the limit, and ends it with an ellipsis', () => {
		for (const max of [40, 60, 80, 100, 120, 150]) {
			const s = snippet(text, max);
			expect(s.length).toBeLessThanOrEqual(max);
			expect(s.endsWith('…')).toBe(true);
			const body = s.slice(0, -1);
			expect(text.startsWith(body)).toBe(true);
			// The cut falls between words: the next character of the text is a space or punctuation.
			expect(text[body.length]).toMatch(/[\s,:;.]/);
		}
	});

	it('does not end on a comma, colon or opening bracket', () => {
		expect(snippet('one two three, four five six seven', 16)).toBe('one two three…');
		expect(snippet('one two (three four five six seven', 10)).toBe('one two…');
		expect(snippet('alpha beta: gamma delta epsilon', 13)).toBe('alpha beta…');
	});

	it('keeps a whole word that ends exactly at the limit', () => {
		expect(snippet('abcd efgh ijkl', 10)).toBe('abcd efgh…');
	});

	it('cuts inside a single word longer than the limit', () => {
		expect(snippet('arn:aws:iam::111122223333:role/AVeryLongRoleNameIndeed', 20)).toBe(
			'arn:aws:iam::111122…'
		);
	});
});
