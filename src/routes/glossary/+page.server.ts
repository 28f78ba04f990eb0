import { getContent } from '$lib/server/content';
import { renderMarkdown } from '$lib/content/markdown';
import { resolveLessonRef } from '$lib/content/lesson-ref';

export function load() {
	const { glossary, lessons } = getContent();
	/** "Lesson › Section" for lesson#anchor, so two sections of one lesson read differently. */
	const title = (ref: string) => {
		const { lesson, section } = resolveLessonRef(lessons, ref);
		if (!lesson) return ref;
		return section ? `${lesson.title} › ${section}` : lesson.title;
	};
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
					title: title(ref)
				}))
			}))
	};
}
