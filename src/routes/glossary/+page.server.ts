import { getContent, getSourceTitles } from '$lib/server/content';
import { renderMarkdown } from '$lib/content/markdown';
import { lessonLinkGroups } from '$lib/content/lesson-ref';
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
				// Each lesson once, with the sections the term names: "Lesson (Section, Section)".
				lessons: lessonLinkGroups(lessons, t.lessons ?? [])
			}))
	};
}
