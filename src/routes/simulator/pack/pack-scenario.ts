/**
 * Pack scenarios in the simulator: where one is played, its card in the scenario list and the data
 * its page needs, made in the browser from the scenario stored with its pack. Pack Markdown goes
 * through the same safe renderer as the app's own scenarios.
 */
import { linkFactCitationsHtml } from '$lib/content/fact-sections';
import { renderMarkdown } from '$lib/content/markdown';
import { packLessonHref } from '$lib/content/pack-lesson-address';
import type { ContentIndex } from '$lib/content/pack-check';
import type { Scenario } from '$lib/content/scenario-schema';
import { stsApiOf } from '$lib/sts/api-model';
import { packScenarioHref } from '$lib/content/pack-scenario-address';

export {
	packScenarioHref,
	packScenarioTarget,
	type PackScenarioTarget
} from '$lib/content/pack-scenario-address';
/** A topic's title (topics are named by id or alias), or the name itself when unknown. */
export function topicTitle(index: Pick<ContentIndex, 'topics'>, name: string): string {
	return index.topics.find((t) => t.id === name || t.aliases?.includes(name))?.title ?? name;
}

/** The STS APIs a scenario calls, in order of first use. */
export function scenarioApis(scenario: Scenario): string[] {
	return [
		...new Set(
			scenario.steps.flatMap((step) => {
				const api = 'call' in step ? stsApiOf(step.call) : undefined;
				return api ? [api] : [];
			})
		)
	];
}

export interface PackScenarioCard {
	id: string;
	title: string;
	topic: string;
	summaryHtml: string;
	steps: number;
	apis: string[];
	packTitle: string;
	href: string;
}

/** A pack scenario as the simulator's list shows it, marked with its pack's title. */
export function packScenarioCard(
	entry: { packId: string; packTitle: string; scenario: Scenario },
	index: Pick<ContentIndex, 'topics'>
): PackScenarioCard {
	const { scenario } = entry;
	return {
		id: scenario.id,
		title: scenario.title,
		topic: topicTitle(index, scenario.topic),
		summaryHtml: scenario.summary ? renderMarkdown(scenario.summary).html : '',
		steps: scenario.steps.length,
		apis: scenarioApis(scenario),
		packTitle: entry.packTitle,
		href: packScenarioHref({ packId: entry.packId, scenarioId: scenario.id })
	};
}

/**
 * What the scenario page shows around the simulator, as the prerendered scenario pages have it:
 * topic title, summary and narration HTML (fact-base citations, "sts-facts §5", linked to /facts
 * with `factTitles`), and "Background" links to the app's lessons and to the scenario's own pack's
 * lessons (`pack`: its id and its lessons' titles by slug).
 */
export function packScenarioPageData(
	scenario: Scenario,
	index: ContentIndex,
	pack?: { packId: string; lessons: Record<string, string> },
	factTitles: Record<string, string> = {}
) {
	const stepHtml = (text: string | undefined) =>
		text ? linkFactCitationsHtml(renderMarkdown(text).html, factTitles) : '';
	return {
		scenario,
		topic: topicTitle(index, scenario.topic),
		summaryHtml: scenario.summary ? renderMarkdown(scenario.summary).html : '',
		narrationHtml: scenario.steps.map((s) => stepHtml(s.narration)),
		debriefHtml: scenario.steps.map((s) => stepHtml(s.debrief)),
		lessons: (scenario.lessons ?? []).flatMap((ref) => {
			const [slug, section] = ref.split('#');
			const lesson = index.lessons[slug];
			if (lesson) return [{ href: `/lessons/${ref}`, title: lesson.title }];
			if (pack && Object.hasOwn(pack.lessons, slug))
				return [
					{
						href: packLessonHref({ packId: pack.packId, slug, ...(section ? { section } : {}) }),
						title: pack.lessons[slug]
					}
				];
			return [];
		}),
		questions: scenario.questions ?? []
	};
}
