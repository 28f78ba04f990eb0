import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../cli/read-content-dir';
import { loadContent } from './load-content';
import { EXCERPT_LENGTH, searchDocs } from './search-docs';
import { buildSearchIndex, loadSearchIndex, search } from './search-index';

const { bundle } = loadContent(readContentDir('content'));
const docs = searchDocs(bundle);

describe('search documents of the bundled content', () => {
	it('cover every lesson section and glossary term', () => {
		const sections = bundle.lessons.flatMap((l) => l.headings.filter((h) => h.depth === 2));
		expect(docs.filter((d) => d.kind === 'lesson')).toHaveLength(
			bundle.lessons.length + sections.length
		);
		expect(docs.filter((d) => d.kind === 'glossary')).toHaveLength(bundle.glossary.length);
	});

	it('have plain-text excerpts: no Markdown, no HTML, no screen-reader text', () => {
		const entityOrHidden = /opens in a new tab|&(amp|lt|gt|quot|#\d+);/;
		const bad = docs.filter(
			(d) =>
				/[`<>]|\*\*|\]\(/.test(d.excerpt) ||
				entityOrHidden.test(d.excerpt) ||
				// The indexed text may quote code (`<Role>` in a SAML example), never hidden text.
				entityOrHidden.test(d.text)
		);
		expect(bad.map((d) => `${d.id}: ${d.excerpt}`)).toEqual([]);
	});

	it('cut long excerpts at a word boundary with an ellipsis', () => {
		for (const d of docs) {
			if (d.id === `lesson:${d.url.slice('/lessons/'.length)}`) continue; // lesson summaries
			expect(d.excerpt.length, d.id).toBeLessThanOrEqual(EXCERPT_LENGTH);
			if (!d.excerpt.endsWith('…')) continue;
			// The excerpt's last word is a whole word of the text, not cut inside.
			const last = d.excerpt.slice(0, -1).split(' ').at(-1)!;
			const escaped = last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			expect(d.text, `${d.id}: ${d.excerpt}`).toMatch(
				new RegExp(`(^|[\\s(“"])${escaped}(?=[\\s,:;.)”"]|$)`)
			);
		}
		expect(docs.some((d) => d.excerpt.endsWith('…'))).toBe(true);
	});
});

describe('searching', () => {
	const index = loadSearchIndex(JSON.stringify(buildSearchIndex(docs)));

	it('finds the external ID entries with readable snippets', () => {
		const hits = search(index, 'external id');
		expect(hits.length).toBeGreaterThan(0);
		expect(hits.map((h) => h.url)).toContain('/glossary#external-id');
		for (const h of hits) expect(h.excerpt).not.toMatch(/[`*]|opens in a new tab/);
	});

	it('returns nothing for an empty query', () => {
		expect(search(index, '  ')).toEqual([]);
	});
});
