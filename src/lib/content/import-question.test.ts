import { describe, expect, it } from 'vitest';
import { escapeMarkdown, htmlToMarkdown, kebabFrom } from './import-question';
import { renderMarkdown } from './markdown';

describe('escapeMarkdown', () => {
	it('makes plain text render as the same text, with no HTML and no links', () => {
		const plain =
			'<script>alert(1)</script> *not bold* [not](javascript:x) `x` a_b _c_ ~d~\n# not a heading\n- not a list';
		const r = renderMarkdown(escapeMarkdown(plain));
		expect(r.problems).toEqual([]);
		expect(r.html).not.toMatch(/<(script|em|a|code|h1|ul|del)\b/);
		expect(r.html).toContain('&lt;script&gt;');
	});

	it('leaves identifiers with inner underscores readable', () => {
		expect(escapeMarkdown('Cognito_FitPulseAuth_Role')).toBe('Cognito_FitPulseAuth_Role');
	});
});

describe('htmlToMarkdown', () => {
	it('converts paragraphs, line breaks, emphasis, code, pre, lists and http(s) links', () => {
		const { markdown, notes } = htmlToMarkdown(
			'<p>One <b>two</b> <em>three</em> <code>x&lt;y</code></p><p>Line<br>break</p>' +
				'<ul><li>a</li><li>b</li></ul><ol><li>first</li><li>second</li></ol>' +
				'<pre>{"a": 1}</pre><a href="https://docs.aws.amazon.com/">docs</a>'
		);
		expect(notes).toEqual([]);
		expect(markdown).toBe(
			'One **two** *three* `x\\<y`\n\nLine\\\nbreak\n\n- a\n- b\n\n1. first\n2. second\n\n```\n{"a": 1}\n```\n\n[docs](https://docs.aws.amazon.com/)'
		);
	});

	it('drops script, style, event handlers, images and unsafe links, and says so', () => {
		const { markdown, notes } = htmlToMarkdown(
			'<p onclick="x()">Hi<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)>' +
				'<a href="javascript:alert(1)">click</a><svg onload=alert(1)></svg></p>'
		);
		expect(markdown).toBe('Hiclick');
		expect(notes).toEqual([
			'a <script> element was removed',
			'a <style> element was removed',
			'a link to "javascript:alert(1)" was removed (only http(s) links are kept)',
			'HTML tags removed: <img>, <svg>'
		]);
		expect(renderMarkdown(markdown).problems).toEqual([]);
	});

	it('decodes entities into text that stays text', () => {
		const { markdown } = htmlToMarkdown(
			'&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39; &#x263A;'
		);
		expect(markdown).toBe("\\<img src=x onerror=alert(1)\\> & 'q' ☺");
		expect(renderMarkdown(markdown).html).not.toContain('<img');
	});
});

describe('kebabFrom', () => {
	it('makes kebab-case ids of at most 8 words and 60 characters', () => {
		expect(kebabFrom('Role session: credentials (AssumeRole)!')).toBe(
			'role-session-credentials-assumerole'
		);
		expect(kebabFrom('Ünïcödé àccents')).toBe('unicode-accents');
		expect(kebabFrom('one two three four five six seven eight nine ten')).toBe(
			'one-two-three-four-five-six-seven-eight'
		);
		expect(kebabFrom('x'.repeat(80))).toHaveLength(60);
		expect(kebabFrom('???')).toBe('imported-question');
	});
});
