import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderWithMarked } from './markdown';
import { createGlossaryLinker } from './glossary-linker';

describe('renderMarkdown', () => {
	it('gives headings stable ids and lists them', () => {
		const r = renderMarkdown('# Title\n\n## Cross-account access\n\n## Cross-account access\n');
		expect(r.headings.map((h) => h.id)).toEqual([
			'title',
			'cross-account-access',
			'cross-account-access-2'
		]);
		expect(r.html).toContain('<h2 id="cross-account-access">');
	});

	it('renders a code block focusable (to scroll it) and without a label that would hide its text from a name', () => {
		const { html } = renderMarkdown('```json\n{ "Effect": "Deny" }\n```');
		expect(html).toContain('<pre tabindex="0"><code class="language-json">');
		expect(html).not.toContain('aria-label');
		expect(html).toContain('&quot;Effect&quot;: &quot;Deny&quot;');
	});

	it('escapes raw HTML and reports it with its line', () => {
		const r = renderMarkdown('Hello\n\n<script>alert(1)</script>\n');
		expect(r.html).not.toContain('<script>');
		expect(r.html).toContain('&lt;script&gt;');
		expect(r.problems).toEqual([{ line: 3, message: expect.stringMatching(/script/) }]);
	});

	it('reports event-handler attributes', () => {
		const r = renderMarkdown('text <img src=x onerror="alert(1)"> more');
		expect(r.html).not.toMatch(/<img[^>]*onerror/);
		expect(r.problems[0].message).toMatch(/event-handler/);
	});

	it('drops javascript: links and reports them', () => {
		const r = renderMarkdown('[click](javascript:alert(1))');
		expect(r.html).not.toContain('javascript:');
		expect(r.html).toContain('click');
		expect(r.problems[0].message).toMatch(/unsafe link/);
	});

	it('opens external links safely and keeps internal ones', () => {
		const r = renderMarkdown(
			'[AWS](https://docs.aws.amazon.com/) and [lesson](/lessons/assume-role)'
		);
		expect(r.html).toContain('target="_blank" rel="noopener noreferrer"');
		expect(r.html).toContain('<a href="/lessons/assume-role">lesson</a>');
	});

	it('renders an empty header cell (a table corner) as a data cell, not an empty <th>', () => {
		const r = renderMarkdown(
			'| | Console | API |\n| --- | --- | --- |\n| Result | session | keys |\n'
		);
		expect(r.html).toMatch(/<thead>\s*<tr>\s*<td><\/td>\s*<th>Console<\/th>/);
		expect(r.html).not.toMatch(/<th[^>]*>\s*<\/th>/);
	});

	it('refuses remote images', () => {
		const r = renderMarkdown('![x](https://evil.example/x.png)');
		expect(r.html).not.toContain('<img');
		expect(r.problems).toHaveLength(1);
	});

	it('renders callouts as notes with a title', () => {
		const r = renderMarkdown('> [!EXAM]\n> Pick **AssumeRole** for cross-account.\n');
		expect(r.html).toContain('class="callout callout-exam"');
		expect(r.html).toContain('Exam tip');
		expect(r.html).not.toContain('[!EXAM]');
		expect(r.html).toContain('<strong>AssumeRole</strong>');
	});

	it('escapes code blocks and makes them keyboard-scrollable', () => {
		const r = renderMarkdown('```json\n{"a": "<b>"}\n```\n');
		expect(r.html).toContain('<pre tabindex="0"');
		expect(r.html).toContain('&lt;b&gt;');
	});

	it('links the first glossary mention outside headings, links and code', () => {
		const linker = createGlossaryLinker([
			{ id: 'trust-policy', term: 'trust policy', definition: 'x' },
			{ id: 'assume-role', term: 'AssumeRole', definition: 'y' }
		])();
		const r = renderMarkdown(
			'## The trust policy\n\nA Trust policy says who. Another trust policy. `AssumeRole` and AssumeRoles and AssumeRole.',
			{ glossary: linker }
		);
		expect(r.html).toContain('<h2 id="the-trust-policy">The trust policy</h2>');
		expect(r.html.match(/href="\/glossary#trust-policy"/g)).toHaveLength(1);
		expect(r.html).toContain(
			'A <a class="glossary-term" href="/glossary#trust-policy">Trust policy</a>'
		);
		expect(r.html).toContain(
			'and AssumeRoles and <a class="glossary-term" href="/glossary#assume-role">AssumeRole</a>.'
		);
	});
});

describe('renderMarkdown on plain text (rendered without marked)', () => {
	const plain = [
		'Which role can the developer assume?',
		'It is 12:00, and the role’s session (1 hour) expires — “soon”, 50% of the time.',
		"Root's keys can't call it; use an IAM user's keys - or a role's.",
		'Ça marche: déjà vu'
	];
	const notPlain = [
		'1. a list in a block',
		'Visit www.example.com today',
		'Mail ops@example.com',
		'See https:now',
		'trailing space ',
		'`code`',
		'two\nlines',
		'**bold**'
	];

	it.each(plain)('matches marked for %j', (text) => {
		for (const inline of [false, true]) {
			const fast = renderMarkdown(text, { inline });
			expect(fast).toEqual(renderWithMarked(text, { inline }));
			expect(fast.html).not.toBe('');
		}
		const linker = createGlossaryLinker([
			{ id: 'role', term: 'role', definition: 'd', sources: ['https://docs.aws.amazon.com/'] }
		]);
		expect(renderMarkdown(text, { glossary: linker() })).toEqual(
			renderWithMarked(text, { glossary: linker() })
		);
	});

	it.each(notPlain)('leaves %j to marked', (text) => {
		expect(renderMarkdown(text)).toEqual(renderWithMarked(text));
	});

	it('matches marked on every question field of the bundled content', async () => {
		const { loadContent } = await import('./load-content');
		const { readContentDir } = await import('../../cli/read-content-dir');
		const { sources } = loadContent(readContentDir('content'));
		const fields = sources.questionFiles.flatMap((f) =>
			f.questions.flatMap((q) => [
				q.stem,
				...(q.explanation ? [q.explanation] : []),
				...q.options.flatMap((o) => [o.text, o.why])
			])
		);
		expect(fields.length).toBeGreaterThan(500);
		for (const text of fields)
			for (const inline of [false, true])
				expect(renderMarkdown(text, { inline }), text).toEqual(renderWithMarked(text, { inline }));
	});
});
