import { describe, expect, it } from 'vitest';
import { htmlToPlainText as htmlText, snippet as excerpt } from './plain-text';
import { renderMarkdown } from './markdown';

describe('htmlToPlainText on question stems', () => {
	it('drops tags and decodes entities', () => {
		expect(
			htmlText('<p>A <code>sts:AssumeRole</code> call &amp; a <em>trust</em> policy.</p>')
		).toBe('A sts:AssumeRole call & a trust policy.');
		expect(htmlText('<p>1 &lt; 2 &gt; 0 &quot;x&quot; &#39;y&#39; &#x41;</p>')).toBe(
			'1 < 2 > 0 "x" \'y\' A'
		);
		expect(htmlText('<p>One.</p>\n<ul>\n<li>Two</li><li>Three</li>\n</ul>')).toBe('One. Two Three');
		expect(htmlText('<p>Line<br>break</p><p>Next</p>')).toBe('Line break Next');
		// Inline elements add no space of their own.
		expect(htmlText('<p>tags (<code>team</code>, <code>ticket</code>) and <em>x</em>.</p>')).toBe(
			'tags (team, ticket) and x.'
		);
	});

	it('reads what the Markdown renderer produces', () => {
		const { html } = renderMarkdown(
			'A developer runs `aws sts get-caller-identity` & sees **<arn>**.'
		);
		expect(htmlText(html)).toBe('A developer runs aws sts get-caller-identity & sees <arn>.');
	});
});

describe('excerpt', () => {
	it('keeps short text as it is', () => {
		expect(excerpt('Short stem.', 40)).toBe('Short stem.');
	});

	it('cuts long text at a word with an ellipsis', () => {
		// At most `max` characters, the ellipsis included.
		expect(excerpt('A company wants its developers to assume a role in another account.', 31)).toBe(
			'A company wants its developers…'
		);
		expect(excerpt('Supercalifragilisticexpialidocious words', 10)).toBe('Supercali…');
	});
});
