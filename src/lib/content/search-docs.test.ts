import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../cli/read-content-dir';
import { loadContent } from './load-content';
import { searchDocs } from './search-docs';
import { buildSearchIndex, loadSearchIndex, search } from './search-index';
import { anchorFactHeadings } from './fact-sections';
import { factBaseForLearners } from './fact-base-page';
import { renderMarkdown } from './markdown';
import { parseScenario } from './scenario-loader';

const { bundle } = loadContent(readContentDir('content'), { parseScenario });
const factsHtml = (() => {
	const r = renderMarkdown(
		factBaseForLearners(readFileSync('docs/reference/sts-facts.md', 'utf8'))
	);
	return anchorFactHeadings(r.html, r.headings);
})();
const docs = searchDocs(bundle, { html: factsHtml });
const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('search documents of the bundled content', () => {
	it('cover every lesson section and glossary term', () => {
		const sections = bundle.lessons.flatMap((l) => l.headings.filter((h) => h.depth === 2));
		expect(docs.filter((d) => d.kind === 'lesson')).toHaveLength(
			bundle.lessons.length + sections.length
		);
		expect(docs.filter((d) => d.kind === 'glossary')).toHaveLength(bundle.glossary.length);
	});

	it('cover every scenario and every numbered fact-base section but the source key', () => {
		expect(bundle.scenarios.length).toBeGreaterThanOrEqual(12);
		expect(docs.filter((d) => d.kind === 'scenario').map((d) => d.url)).toEqual(
			bundle.scenarios.map((s) => `/simulator/${s.id}`)
		);
		const facts = docs.filter((d) => d.kind === 'fact');
		expect(facts.map((d) => d.url)).toContain('/facts#fact-2-2');
		expect(facts.map((d) => d.url)).not.toContain('/facts#fact-0');
		const chaining = facts.find((d) => d.url === '/facts#fact-2-2')!;
		expect(chaining.title).toBe('§2.2 Role chaining');
		// A section's text stops at the next numbered heading.
		expect(chaining.text).not.toMatch(/Console session durations/);
		expect(chaining.text.length).toBeGreaterThan(200);
	});

	it('have plain text: no Markdown, no HTML, no screen-reader text', () => {
		const entityOrHidden = /opens in a new tab|&(amp|lt|gt|quot|#\d+);/;
		// Lessons and glossary are Markdown whose prose has no literal "<" or "`"; the fact base
		// quotes both (`<value>`), so there only the renderer's tags would be wrong.
		const markup = (d: (typeof docs)[number]) =>
			d.kind === 'fact'
				? /<\/?(a|code|p|strong|em|span|li|ul|ol|table|tr|td|th|pre|h\d)\b|\*\*|\]\(/
				: /[`<>]|\*\*|\]\(/;
		const bad = docs.filter(
			(d) =>
				markup(d).test(d.text) ||
				entityOrHidden.test(d.text) ||
				// Code examples may quote `<Role>` (a SAML example), never hidden text.
				entityOrHidden.test(d.code ?? '')
		);
		expect(bad.map((d) => `${d.id}: ${d.text.slice(0, 200)}`)).toEqual([]);
	});

	it('keep code examples out of the text shown, searchable in their own field', () => {
		const withCode = docs.filter((d) => d.code);
		expect(withCode.length).toBeGreaterThan(10);
		for (const d of withCode) expect(d.text, d.id).not.toContain(d.code!.slice(0, 40));
	});
});

describe('searching', () => {
	const index = loadSearchIndex(JSON.stringify(buildSearchIndex(docs)));

	it('finds the external ID entries with readable snippets that mark the matched words', () => {
		const { hits } = search(index, 'external id');
		expect(hits.length).toBeGreaterThan(0);
		expect(hits.map((h) => h.url)).toContain('/glossary#external-id');
		for (const h of hits) {
			expect(text(h.snippet)).not.toMatch(/`|\*\*|opens in a new tab/);
			expect(text(h.snippet).length, h.id).toBeLessThanOrEqual(160);
		}
		// The best hits mark the words searched for (fuzzy matches such as "internal" rank lower).
		for (const h of hits.slice(0, 5)) {
			const marked = h.snippet.filter((p) => p.mark).map((p) => p.text.toLowerCase());
			expect(
				marked.some((m) => m.startsWith('external')),
				h.id
			).toBe(true);
		}
	});

	it('marks the words typed (or their continuation), not typo-tolerant near misses', () => {
		for (const h of search(index, 'sts:AssumeRole', 50).hits)
			for (const p of h.snippet.filter((x) => x.mark))
				expect(p.text.toLowerCase(), h.id).toMatch(/^(sts|assumerole)/);
	});

	it('shows the part of a long section where the words are, not its beginning', () => {
		const { hits } = search(index, 'PackedPolicyTooLarge');
		const fact = hits.find((h) => h.kind === 'fact');
		expect(fact).toBeDefined();
		expect(fact!.snippet.some((p) => p.mark && p.text === 'PackedPolicyTooLarge')).toBe(true);
	});

	it('shows the start of the text, cut at a word boundary, when only the title matched', () => {
		const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
		const small = buildSearchIndex([
			{ id: 'g', kind: 'glossary', title: 'Zebra', url: '/glossary#zebra', text: long }
		]);
		const [hit] = search(small, 'zebra').hits;
		const shown = text(hit!.snippet);
		expect(shown.startsWith('word0 word1')).toBe(true);
		expect(shown.endsWith('…')).toBe(true);
		expect(shown.length).toBeLessThanOrEqual(160);
		expect(long.split(' ')).toContain(shown.slice(0, -1).split(' ').at(-1));
		expect(hit!.snippet.some((p) => p.mark)).toBe(false);
	});

	it('finds a policy in a code example although its text is not shown', () => {
		const codeOnly = docs.find((d) => d.code && /AWSRevokeOlderSessions/.test(d.code));
		expect(codeOnly).toBeDefined();
		expect(search(index, 'AWSRevokeOlderSessions').hits.map((h) => h.id)).toContain(codeOnly!.id);
	});

	it('finds simulator scenarios and fact-base sections', () => {
		const kinds = new Set(search(index, 'SAML', 200).hits.map((h) => h.kind));
		expect(kinds).toEqual(new Set(['lesson', 'glossary', 'fact', 'scenario']));
	});

	it('counts every match while returning the best `limit`', () => {
		const all = search(index, 'role', 1000);
		const some = search(index, 'role', 5);
		expect(all.total).toBeGreaterThan(20);
		expect(some.total).toBe(all.total);
		expect(some.hits.map((h) => h.id)).toEqual(all.hits.slice(0, 5).map((h) => h.id));
	});

	it('returns nothing for an empty query', () => {
		expect(search(index, '  ')).toEqual({ hits: [], total: 0 });
	});
});
