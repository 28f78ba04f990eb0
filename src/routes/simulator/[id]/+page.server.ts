import { error } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import { renderMarkdown } from '$lib/content/markdown';

export function entries() {
	return getContent().scenarios.map((s) => ({ id: s.id }));
}

export function load({ params }) {
	const { scenarios, lessons, questions, topics } = getContent();
	const scenario = scenarios.find((s) => s.id === params.id);
	if (!scenario) error(404, 'No such scenario');
	const lessonTitle = (ref: string) =>
		lessons.find((l) => l.slug === ref.split('#')[0])?.title ?? ref;
	return {
		scenario,
		topic:
			topics.find((t) => t.id === scenario.topic || t.aliases?.includes(scenario.topic))?.title ??
			scenario.topic,
		summaryHtml: scenario.summary ? renderMarkdown(scenario.summary).html : '',
		narrationHtml: scenario.steps.map((s) => (s.narration ? renderMarkdown(s.narration).html : '')),
		lessons: (scenario.lessons ?? []).map((ref) => ({
			href: `/lessons/${ref}`,
			title: lessonTitle(ref)
		})),
		questions: (scenario.questions ?? []).filter((id) => questions.some((q) => q.id === id))
	};
}
