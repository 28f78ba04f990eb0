import { getContent } from '$lib/server/content';
import { renderMarkdown } from '$lib/content/markdown';
import { stsApiOf } from '$lib/content/scenario-schema';

export function load() {
	const { scenarios, topics } = getContent();
	const topicOf = (id: string) => topics.find((t) => t.id === id || t.aliases?.includes(id));
	return {
		scenarios: scenarios.map((s) => ({
			id: s.id,
			title: s.title,
			topic: topicOf(s.topic)?.title ?? s.topic,
			summaryHtml: s.summary ? renderMarkdown(s.summary).html : '',
			steps: s.steps.length,
			/** The STS APIs the scenario calls, in order of first use. */
			apis: [
				...new Set(
					s.steps.flatMap((step) => {
						const api = 'call' in step ? stsApiOf(step.call) : undefined;
						return api ? [api] : [];
					})
				)
			]
		}))
	};
}
