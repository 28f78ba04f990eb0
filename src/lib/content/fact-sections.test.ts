import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	anchorFactHeadings,
	factAnchor,
	factHref,
	factSections,
	parseFactHeading,
	linkFactCitationsHtml,
	shortFactTitle,
	splitFactCitations
} from './fact-sections';
import { renderMarkdown } from './markdown';

describe('fact-base section anchors', () => {
	it('turns a section number or citation into a CSS-safe anchor', () => {
		expect(factAnchor('§2.2')).toBe('fact-2-2');
		expect(factAnchor('2.2')).toBe('fact-2-2');
		expect(factAnchor('§13')).toBe('fact-13');
		expect(factHref('§0')).toBe('/facts#fact-0');
	});

	it('reads the number and title of "## N." and "### N.M" headings', () => {
		expect(parseFactHeading('0. Source key')).toEqual({ number: '0', title: 'Source key' });
		expect(parseFactHeading('2.2 Role chaining')).toEqual({
			number: '2.2',
			title: 'Role chaining'
		});
		expect(parseFactHeading('Source key')).toBeUndefined();
		expect(parseFactHeading('Notes on 2.2')).toBeUndefined();
	});

	it('lists the numbered ## and ### sections, skipping the title, other headings and code', () => {
		const md = [
			'# AWS STS fact base',
			'## 0. Source key',
			'## 2. The credential-issuing APIs',
			'### 2.2 Role chaining',
			'#### 2.2.1 Too deep',
			'## Appendix',
			'```',
			'## 9. Inside a code block',
			'```',
			'## 10. Regional endpoints (latest docs)'
		].join('\n');
		expect(factSections(md)).toEqual([
			{ number: '0', title: 'Source key', anchor: 'fact-0', depth: 2 },
			{ number: '2', title: 'The credential-issuing APIs', anchor: 'fact-2', depth: 2 },
			{ number: '2.2', title: 'Role chaining', anchor: 'fact-2-2', depth: 3 },
			{ number: '10', title: 'Regional endpoints (latest docs)', anchor: 'fact-10', depth: 2 }
		]);
		expect(shortFactTitle('Regional endpoints (latest docs)')).toBe('Regional endpoints');
	});

	it('gives rendered headings their section anchors, as links to themselves', () => {
		const { html, headings } = renderMarkdown(
			'## 2. APIs\n\ntext\n\n### 2.2 Role `chaining`\n\n## Notes\n'
		);
		const out = anchorFactHeadings(html, headings);
		expect(out).toContain(
			'<h2 id="fact-2" class="fact-heading" tabindex="-1"><a href="#fact-2">2. APIs</a></h2>'
		);
		expect(out).toContain(
			'<h3 id="fact-2-2" class="fact-heading" tabindex="-1"><a href="#fact-2-2">2.2 Role <code>chaining</code></a></h3>'
		);
		// An unnumbered heading keeps the renderer's id.
		expect(out).toContain('<h2 id="notes">Notes</h2>');
	});

	it('anchors every section of the real fact base, and each section once', () => {
		const source = readFileSync('docs/reference/sts-facts.md', 'utf8');
		const sections = factSections(source);
		expect(sections.map((s) => s.number)).toEqual(expect.arrayContaining(['0', '2.2', '7', '13']));
		const { html, headings } = renderMarkdown(source);
		const out = anchorFactHeadings(html, headings);
		for (const s of sections) expect(out.split(`id="${s.anchor}"`)).toHaveLength(2);
	});
});

describe('citations in explanation text', () => {
	it('splits out each section cited after "sts-facts"', () => {
		expect(splitFactCitations('Capped at 1 hour (sts-facts §2.1, §2.2 and §12).')).toEqual([
			{ text: 'Capped at 1 hour (fact base ' },
			{ text: '§2.1', section: '§2.1' },
			{ text: ', ' },
			{ text: '§2.2', section: '§2.2' },
			{ text: ' and ' },
			{ text: '§12', section: '§12' },
			{ text: ').' }
		]);
		expect(splitFactCitations('Denied (sts-facts §7; IAM-EVAL). Then sts-facts §6.')).toEqual([
			{ text: 'Denied (fact base ' },
			{ text: '§7', section: '§7' },
			{ text: '; IAM-EVAL). Then fact base ' },
			{ text: '§6', section: '§6' },
			{ text: '.' }
		]);
	});

	it('leaves other text, and a § without "sts-facts", as one plain part', () => {
		expect(splitFactCitations('See §2.2 <b>x</b>')).toEqual([{ text: 'See §2.2 <b>x</b>' }]);
		expect(splitFactCitations('')).toEqual([]);
	});
});

describe('citations in rendered narration and debriefs', () => {
	const titles = { '§5': 'ExternalId', '§8': 'Trust "policies" & conditions' };

	it('reads "fact base" and links each known section, as the explanations do', () => {
		const html = renderMarkdown(
			'Only the trust policy makes `ExternalId` mandatory (sts-facts §5, §8, §99).'
		).html;
		const out = linkFactCitationsHtml(html, titles);
		expect(out).not.toContain('sts-facts');
		expect(out).toContain(
			'(fact base <a href="/facts#fact-5" title="STS fact base §5: ExternalId">§5</a>, ' +
				'<a href="/facts#fact-8" title="STS fact base §8: Trust &#34;policies&#34; &#38; conditions">§8</a>, §99).'
		);
		expect(out).toContain('<code>ExternalId</code>');
	});

	it('leaves a citation in an attribute, a link or a code span as written (no link inside a tag)', () => {
		const html = renderMarkdown(
			'[AWS](https://docs.aws.amazon.com/ "see sts-facts §5") and `sts-facts §8`, [the §5 page](/facts "x") (sts-facts §5).'
		).html;
		const out = linkFactCitationsHtml(html, titles);
		expect(out).toContain('title="see sts-facts §5"');
		expect(out).toContain('<code>sts-facts §8</code>');
		// Only the citation in plain text became a link, and every tag is still whole.
		expect(out.match(/<a href="\/facts#fact-5"/g)).toHaveLength(1);
		expect(out).toContain(
			'(fact base <a href="/facts#fact-5" title="STS fact base §5: ExternalId">§5</a>).'
		);
		expect(out.replace(/<[^<>]*>/g, '')).not.toMatch(/[<>]/);
	});

	it('leaves HTML without citations as it was', () => {
		const html = '<p>See <a href="/glossary#x">§2</a> <code>a &lt; b</code></p>';
		expect(linkFactCitationsHtml(html, titles)).toBe(html);
	});
});
