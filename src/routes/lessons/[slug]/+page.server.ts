import { error } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import { readingMinutes } from '$lib/content/reading-time';

export function entries() {
	return getContent().lessons.map((l) => ({ slug: l.slug }));
}

export function load({ params }) {
	const { lessons, topics, scenarios } = getContent();
	const index = lessons.findIndex((l) => l.slug === params.slug);
	if (index < 0) error(404, 'No such lesson');
	const lesson = lessons[index];
	const brief = (i: number) =>
		lessons[i] ? { slug: lessons[i].slug, title: lessons[i].title } : null;
	const scenarioTitles = new Map(scenarios.map((s) => [s.id, s.title]));
	return {
		lesson: {
			slug: lesson.slug,
			title: lesson.title,
			summary: lesson.summary,
			objectives: lesson.objectives,
			keyPoints: lesson.keyPoints,
			sources: lesson.sources,
			html: lesson.html,
			headings: lesson.headings.filter((h) => h.depth === 2),
			minutes: readingMinutes(lesson.plain),
			topics: lesson.topics.map((id) => topics.find((t) => t.id === id)?.title ?? id),
			scenarios: (lesson.scenarios ?? []).map((id) => ({ id, title: scenarioTitles.get(id) ?? id }))
		},
		position: index + 1,
		total: lessons.length,
		prev: brief(index - 1),
		next: brief(index + 1)
	};
}
