import { getContent } from '$lib/server/content';
import { renderMarkdown } from '$lib/content/markdown';

export function load() {
	const { glossary, lessons } = getContent();
	const bySlug = new Map(lessons.map((l) => [l.slug, l]));
	/** "Lesson › Section" for lesson#anchor, so two sections of one lesson read differently. */
	const title = (ref: string) => {
		const [slug, anchor] = ref.split('#');
		const lesson = bySlug.get(slug);
		if (!lesson) return ref;
		const section = anchor && lesson.headings.find((h) => h.id === anchor)?.text;
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
