import { error } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import { renderMarkdown } from '$lib/content/markdown';
import { resolveLessonRef } from '$lib/content/lesson-ref';
import { linkFactCitationsHtml } from '$lib/content/fact-sections';
import { initialSnapshot, loadPolicyParser, scenarioUsesPolicy } from '$lib/state/sim-runtime';
import { factTitles } from './fact-titles.server';

export function entries() {
	return getContent().scenarios.map((s) => ({ id: s.id }));
}

export async function load({ params }) {
	const { scenarios, lessons, questions, topics } = getContent();
	const scenario = scenarios.find((s) => s.id === params.id);
	if (!scenario) error(404, 'No such scenario');
	// initialSnapshot builds the world: AWS managed policies it names by ARN need their stand-ins.
	if (scenarioUsesPolicy(scenario)) await loadPolicyParser();
	/** A lesson reference's title: the section's heading for lesson#anchor, else the lesson's. */
	const lessonTitle = (ref: string) => {
		const { lesson, section } = resolveLessonRef(lessons, ref);
		return section || lesson?.title || ref;
	};
	const titles = factTitles();
	/** A step's text as HTML, its fact-base citations ("sts-facts §5") linked as the explanations' are. */
	const stepHtml = (text: string | undefined) =>
		text ? linkFactCitationsHtml(renderMarkdown(text).html, titles) : '';
	return {
		scenario,
		topic:
			topics.find((t) => t.id === scenario.topic || t.aliases?.includes(scenario.topic))?.title ??
			scenario.topic,
		summaryHtml: scenario.summary ? renderMarkdown(scenario.summary).html : '',
		narrationHtml: scenario.steps.map((s) => stepHtml(s.narration)),
		debriefHtml: scenario.steps.map((s) => stepHtml(s.debrief)),
		lessons: (scenario.lessons ?? []).map((ref) => ({
			href: `/lessons/${ref}`,
			title: lessonTitle(ref)
		})),
		questions: (scenario.questions ?? []).filter((id) => questions.some((q) => q.id === id)),
		factTitles: titles,
		/** The machine's starting snapshot: the page renders from it until the engine has loaded. */
		initial: initialSnapshot(scenario)
	};
}
