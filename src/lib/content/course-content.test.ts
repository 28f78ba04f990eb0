// Checks of the bundled course (content/) that the schemas cannot express: the order of the
// lessons, how their titles and emphasis read, and that every cited page has a readable title.
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../cli/read-content-dir';
import { FINAL_REVIEW } from './authoring-rules';
import { AWS_DOC_TITLES } from './aws-doc-titles';
import { loadContent } from './load-content';
import { buildSourceTitles } from './source-title';

const { bundle, issues } = loadContent(readContentDir('content'));

/** The text a reader sees, outside code. */
const visibleText = (html: string) =>
	html
		.replace(/<pre[\s\S]*?<\/pre>/g, ' ')
		.replace(/<code>[\s\S]*?<\/code>/g, ' ')
		.replace(/<[^>]+>/g, '');

describe('the bundled course', () => {
	it('loads without problems', () => {
		expect(issues).toEqual([]);
		expect(bundle.lessons.length).toBeGreaterThan(10);
	});

	it('ends with the final review, which calls itself that', () => {
		const last = bundle.lessons.at(-1)!;
		expect(last.slug).toBe(FINAL_REVIEW);
		expect(last.summary).toMatch(/final review/i);
		expect(bundle.lessons.map((l) => l.order)).toEqual(bundle.lessons.map((_, i) => i + 1));
	});

	it('has lesson titles punctuated with a colon or dash, not a spaced hyphen', () => {
		expect(bundle.lessons.filter((l) => / - /.test(l.title)).map((l) => l.title)).toEqual([]);
	});

	it('renders no stray emphasis markers in the lessons', () => {
		const stray: string[] = [];
		for (const lesson of bundle.lessons) {
			if (/<(em|strong)><\1>/.test(lesson.html)) stray.push(`${lesson.slug}: nested emphasis`);
			// A literal * is fine only as a wildcard ending a name ("AssumeRole* APIs").
			for (const m of visibleText(lesson.html).matchAll(/.{0,30}\*.{0,30}/g))
				if (!/\w\*(?=[\s,)/.]|$)/.test(m[0]) || /\*\*|\*\w/.test(m[0]))
					stray.push(`${lesson.slug}: ${m[0]}`);
		}
		expect(stray).toEqual([]);
	});

	it('gives each AWS page one title across the lessons', () => {
		const titles = new Map<string, Set<string>>();
		for (const lesson of bundle.lessons)
			for (const s of lesson.sources)
				titles.set(s.url, (titles.get(s.url) ?? new Set()).add(s.title));
		const differing = [...titles].filter(([, t]) => t.size > 1).map(([url, t]) => [url, [...t]]);
		expect(differing).toEqual([]);
	});

	it('has a readable title for every page a question or glossary term cites', () => {
		const known = buildSourceTitles(bundle.lessons, AWS_DOC_TITLES);
		const titled = (url: string) =>
			known.has(url) ||
			known.has(url.split('#')[0]) ||
			// API reference pages are named from their address: "AssumeRole (AWS STS API Reference)".
			/^https:\/\/docs\.aws\.amazon\.com\/[^/]+\/latest\/APIReference\/(API_\w+|CommonErrors)\.html$/.test(
				url
			);
		const cited = [
			...bundle.questions.flatMap((q) => q.sources),
			...bundle.glossary.flatMap((t) => t.sources ?? [])
		];
		expect(cited.length).toBeGreaterThan(100);
		// Add a missing page's title to src/lib/content/aws-doc-titles.ts.
		expect([...new Set(cited.filter((url) => !titled(url)))]).toEqual([]);
	});
});
