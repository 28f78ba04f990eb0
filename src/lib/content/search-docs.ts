import type { ContentBundle } from './content-bundle';
import { renderMarkdown } from './markdown';
import { htmlToPlainText } from './plain-text';
import type { SearchDoc } from './search-index';

/**
 * A section's prose (searched, stored, shown around the matched words) and its code examples
 * (searched only).
 */
function proseAndCode(html: string): Pick<SearchDoc, 'text' | 'code'> {
	const blocks = html.match(/<pre[\s\S]*?<\/pre>/g) ?? [];
	const text = htmlToPlainText(html.replace(/<pre[\s\S]*?<\/pre>/g, ' '));
	const code = htmlToPlainText(blocks.join(' '));
	return { text, ...(code ? { code } : {}) };
}

/** The fact base as /facts shows it: rendered HTML whose numbered headings carry `fact-…` ids. */
export interface FactBaseHtml {
	html: string;
}

/**
 * Splits each lesson at its ## headings and the fact base at its numbered headings, so a hit
 * lands on the section that matched; adds glossary terms and simulator scenarios. The text is
 * plain: no Markdown or HTML, no screen-reader-only text.
 */
export function searchDocs(
	bundle: Pick<ContentBundle, 'lessons' | 'glossary' | 'scenarios'>,
	facts?: FactBaseHtml
): SearchDoc[] {
	const docs: SearchDoc[] = [];
	for (const lesson of bundle.lessons) {
		const parts = lesson.html.split(/(?=<h2 id=")/);
		docs.push({
			id: `lesson:${lesson.slug}`,
			kind: 'lesson',
			title: lesson.title,
			url: `/lessons/${lesson.slug}`,
			text: `${lesson.summary} ${htmlToPlainText(parts[0])} ${lesson.keyPoints.join(' ')}`
		});
		for (const part of parts.slice(1)) {
			const id = /^<h2 id="([^"]+)">([\s\S]*?)<\/h2>/.exec(part);
			if (!id) continue;
			const html = part.slice(id[0].length);
			docs.push({
				id: `lesson:${lesson.slug}#${id[1]}`,
				kind: 'lesson',
				title: `${lesson.title}: ${htmlToPlainText(id[2])}`,
				url: `/lessons/${lesson.slug}#${id[1]}`,
				...proseAndCode(html)
			});
		}
	}
	for (const term of bundle.glossary) {
		const definition = htmlToPlainText(renderMarkdown(term.definition).html);
		docs.push({
			id: `glossary:${term.id}`,
			kind: 'glossary',
			title: term.term,
			url: `/glossary#${term.id}`,
			// The definition first: a result whose match is in the title shows its start.
			text: `${definition} ${(term.aliases ?? []).join(' ')}`.trim()
		});
	}
	for (const scenario of bundle.scenarios) {
		const summary = htmlToPlainText(renderMarkdown(scenario.summary ?? '').html);
		docs.push({
			id: `scenario:${scenario.id}`,
			kind: 'scenario',
			title: scenario.title,
			url: `/simulator/${scenario.id}`,
			text: summary
		});
	}
	if (facts) docs.push(...factDocs(facts.html));
	return docs;
}

/**
 * One document per numbered section of the fact base (the text up to the next numbered heading),
 * leaving out §0, the key to its source tags.
 */
function factDocs(html: string): SearchDoc[] {
	const docs: SearchDoc[] = [];
	const heading = /<h([23]) id="(fact-[\d-]+)"[^>]*>([\s\S]*?)<\/h\1>/g;
	const found = [...html.matchAll(heading)];
	found.forEach((m, i) => {
		const [whole, , anchor, inner] = m as unknown as [string, string, string, string];
		if (anchor === 'fact-0') return;
		const end = found[i + 1]?.index ?? html.length;
		const body = html.slice(m.index! + whole.length, end);
		const number = anchor.slice('fact-'.length).replace(/-/g, '.');
		const title = htmlToPlainText(inner).replace(/^\d+(?:\.\d+)?\.?\s*/, '');
		docs.push({
			id: `fact:${number}`,
			kind: 'fact',
			title: `§${number} ${title}`,
			url: `/facts#${anchor}`,
			...proseAndCode(body)
		});
	});
	return docs;
}
