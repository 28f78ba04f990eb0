import { getContent } from '$lib/server/content';
import { readingMinutes } from '$lib/content/reading-time';

export function load() {
	const { lessons, topics } = getContent();
	return {
		topics: topics.map((t) => ({ id: t.id, title: t.title })),
		lessons: lessons.map((l) => ({
			slug: l.slug,
			order: l.order,
			title: l.title,
			summary: l.summary,
			topics: l.topics,
			minutes: readingMinutes(l.plain)
		}))
	};
}
