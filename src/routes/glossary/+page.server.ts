import { getContent, getSourceTitles } from '$lib/server/content';
import { renderMarkdown } from '$lib/content/markdown';
import { lessonRefTitle } from '$lib/content/lesson-ref';
import { sourceLinks } from '$lib/content/source-title';

export function load() {
	const { glossary, lessons } = getContent();
	const titles = getSourceTitles();
	return {
		terms: [...glossary]
			.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))
			.map((t) => ({
				id: t.id,
				term: t.term,
				aliases: t.aliases ?? [],
				html: renderMarkdown(t.definition).html,
				sources: sourceLinks(t.sources ?? [], titles),
				lessons: (t.lessons ?? []).map((ref) => ({
					href: `/lessons/${ref}`,
					title: lessonRefTitle(lessons, ref)
				}))
			}))
	};
}
