import type { ContentBundle } from './content-bundle';
import { renderMarkdown } from './markdown';
import { htmlToPlainText, snippet } from './plain-text';
import type { SearchDoc } from './search-index';

/** The longest excerpt a result shows, ellipsis included. */
export const EXCERPT_LENGTH = 160;

/**
 * Splits each lesson at its ## headings so a hit lands on the section that matched. Text and
 * excerpts are plain text: no Markdown or HTML, no screen-reader-only text.
 */
export function searchDocs(bundle: Pick<ContentBundle, 'lessons' | 'glossary'>): SearchDoc[] {
	const docs: SearchDoc[] = [];
	for (const lesson of bundle.lessons) {
		const parts = lesson.html.split(/(?=<h2 id=")/);
		docs.push({
			id: `lesson:${lesson.slug}`,
			kind: 'lesson',
			title: lesson.title,
			url: `/lessons/${lesson.slug}`,
			excerpt: lesson.summary,
			text: `${lesson.summary} ${htmlToPlainText(parts[0])} ${lesson.keyPoints.join(' ')}`
		});
		for (const part of parts.slice(1)) {
			const id = /^<h2 id="([^"]+)">([\s\S]*?)<\/h2>/.exec(part);
			if (!id) continue;
			const html = part.slice(id[0].length);
			const body = htmlToPlainText(html);
			// The excerpt reads the section's prose; its code examples are searched, not shown.
			const prose = htmlToPlainText(html.replace(/<pre[\s\S]*?<\/pre>/g, ' '));
			docs.push({
				id: `lesson:${lesson.slug}#${id[1]}`,
				kind: 'lesson',
				title: `${lesson.title}: ${htmlToPlainText(id[2])}`,
				url: `/lessons/${lesson.slug}#${id[1]}`,
				excerpt: snippet(prose || body, EXCERPT_LENGTH),
				text: body
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
			excerpt: snippet(definition, EXCERPT_LENGTH),
			text: `${(term.aliases ?? []).join(' ')} ${definition}`
		});
	}
	return docs;
}
