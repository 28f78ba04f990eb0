import { json } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import { topicResolver } from '$lib/content/topic-schema';

export const prerender = true;

/**
 * What the progress dashboard needs from the content, and no more: topic titles and question
 * counts (mastery and readiness are measured against every topic) and lesson titles in course
 * order ("lessons read: x of N"), and the questions' ids (due reviews count only cards of
 * questions the app has). A few kilobytes, precached, instead of the question bank.
 */
export function GET() {
	const { topics, questions, lessons } = getContent();
	const resolve = topicResolver(topics);
	const counts = new Map<string, number>();
	for (const q of questions) {
		const id = resolve(q.topic) ?? q.topic;
		counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return json({
		topics: topics.map((t) => ({
			id: t.id,
			title: t.title,
			questionCount: counts.get(t.id) ?? 0,
			...(t.aliases?.length ? { aliases: t.aliases } : {})
		})),
		lessons: lessons.map((l) => ({ slug: l.slug, title: l.title })),
		questionIds: questions.map((q) => q.id)
	});
}
