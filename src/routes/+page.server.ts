import { getContent } from '$lib/server/content';

export function load() {
	const { lessons, questions, scenarios, glossary } = getContent();
	return {
		counts: {
			lessons: lessons.length,
			questions: questions.length,
			scenarios: scenarios.length,
			terms: glossary.length
		},
		firstLesson: lessons[0] ? { slug: lessons[0].slug, title: lessons[0].title } : null
	};
}
