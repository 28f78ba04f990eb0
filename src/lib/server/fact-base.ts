import { readFileSync } from 'node:fs';
import { renderMarkdown } from '$lib/content/markdown';
import { anchorFactHeadings, factSections } from '$lib/content/fact-sections';
import { factBaseForLearners } from '$lib/content/fact-base-page';

/**
 * The STS fact base (docs/reference/sts-facts.md) as learners read it on /facts, read and rendered
 * at build time with the project's Markdown renderer (raw HTML escaped, links restricted).
 * Numbered headings get the anchors explanations link to: "### 2.2 …" is #fact-2-2 (see
 * $lib/content/fact-sections). The /facts page and the search index both read it from here.
 */
export function learnerFactBase() {
	const source = readFileSync('docs/reference/sts-facts.md', 'utf8');
	// The page has its own title and introduction; what only the app's builders need is left out.
	const body = factBaseForLearners(source);
	const rendered = renderMarkdown(body);
	return {
		html: anchorFactHeadings(rendered.html, rendered.headings),
		sections: factSections(body).map(({ number, title, anchor, depth }) => ({
			number,
			title,
			anchor,
			depth
		}))
	};
}
