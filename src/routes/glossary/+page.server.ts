import { getContent } from '$lib/server/content';
import { renderMarkdown } from '$lib/content/markdown';

export function load() {
	const { glossary, lessons } = getContent();
	const titles = new Map(lessons.map((l) => [l.slug, l.title]));
	return {
		terms: [...glossary]
			.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))
			.map((t) => ({
				id: t.id,
				term: t.term,
				aliases: t.aliases ?? [],
				html: renderMarkdown(t.definition).html,
				sources: t.sources ?? [],
				lessons: (t.lessons ?? []).map((ref) => ({
					href: `/lessons/${ref}`,
					title: titles.get(ref.split('#')[0]) ?? ref
				}))
			}))
	};
}
