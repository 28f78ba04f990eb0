import { getContent } from '$lib/server/content';

export function load() {
	const { questions, topics } = getContent();
	return {
		count: questions.length,
		topics: new Set(questions.map((q) => q.topic)).size || topics.length
	};
}
