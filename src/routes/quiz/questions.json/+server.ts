import { json } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';

export const prerender = true;

/**
 * The question bank with Markdown already rendered to safe HTML. One file, fetched by the quiz
 * pages and precached by the service worker, rather than embedded into every quiz page.
 */
export function GET() {
	const { questions, topics, lessons, scenarios } = getContent();
	return json({
		questions,
		topics: topics.map((t) => ({ id: t.id, title: t.title })),
		lessons: Object.fromEntries(lessons.map((l) => [l.slug, l.title])),
		scenarios: Object.fromEntries(scenarios.map((s) => [s.id, s.title]))
	});
}
