import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContentIndex } from '$lib/content/pack-check';
import { packSchema } from '$lib/content/pack-schema';
import {
	packScenarioCard,
	packScenarioHref,
	packScenarioPageData,
	packScenarioTarget
} from './pack-scenario';

const pack = packSchema.parse(
	JSON.parse(readFileSync('tests/fixtures/packs/lab-session-durations-1.0.0.json', 'utf8'))
);
const scenario = pack.scenarios![0];
const index: ContentIndex = {
	topics: [{ id: 'durations', title: 'Session durations', aliases: ['duration'] }],
	lessons: { 'role-chaining': { title: 'Role chaining', anchors: ['the-one-hour-cap'] } },
	scenarios: {},
	misconceptions: [],
	questions: []
};

describe('pack scenario addresses', () => {
	it('name the pack and the scenario in the hash, and read back', () => {
		const href = packScenarioHref({ packId: 'lab-session-durations', scenarioId: 'lab-x' });
		expect(href).toBe('/simulator/pack#pack=lab-session-durations&scenario=lab-x');
		expect(packScenarioTarget(new URL(href, 'http://localhost').hash)).toEqual({
			packId: 'lab-session-durations',
			scenarioId: 'lab-x'
		});
	});

	it('name nothing without both parts', () => {
		expect(packScenarioTarget('')).toBeUndefined();
		expect(packScenarioTarget('#pack=x')).toBeUndefined();
		expect(packScenarioTarget('#scenario=y')).toBeUndefined();
	});
});

describe('packScenarioCard', () => {
	it('marks the card with its pack, names the topic and lists the STS APIs called', () => {
		const card = packScenarioCard({ packId: pack.id, packTitle: pack.title, scenario }, index);
		expect(card).toMatchObject({
			id: 'lab-duration-runner',
			title: 'A script asks for more than the role allows',
			topic: 'Session durations',
			steps: scenario.steps.length,
			apis: ['AssumeRole'],
			packTitle: pack.title,
			href: `/simulator/pack#pack=${pack.id}&scenario=lab-duration-runner`
		});
		expect(card.summaryHtml).toBe(
			'<p>A reporting script asks for a two-hour session on a role capped at one hour.</p>\n'
		);
	});

	it('escapes raw HTML in a pack summary', () => {
		const card = packScenarioCard(
			{
				packId: 'p',
				packTitle: 'P',
				scenario: { ...scenario, summary: 'Hi <img src=x onerror=alert(1)>' }
			},
			index
		);
		expect(card.summaryHtml).not.toContain('<img');
		expect(card.summaryHtml).toContain('&lt;img');
	});
});

describe('packScenarioPageData', () => {
	it('renders narration per step and links only lessons the app has', () => {
		const data = packScenarioPageData(
			{ ...scenario, lessons: ['role-chaining#the-one-hour-cap', 'lab-duration-notes#the-rules'] },
			index
		);
		expect(data.topic).toBe('Session durations');
		expect(data.narrationHtml).toHaveLength(scenario.steps.length);
		expect(data.narrationHtml[0]).toContain('<code>DurationSeconds=7200</code>');
		expect(data.lessons).toEqual([
			{ href: '/lessons/role-chaining#the-one-hour-cap', title: 'Role chaining' }
		]);
		expect(data.questions).toEqual(['lab-duration-above-max', 'lab-duration-default']);
	});

	it('says and links fact-base citations in narration and debriefs as the app’s scenarios do', () => {
		const cited = {
			...scenario,
			steps: scenario.steps.map((s, i) =>
				i === 0
					? { ...s, narration: 'The cap (sts-facts §2.2).', debrief: 'See sts-facts §99.' }
					: s
			)
		};
		const data = packScenarioPageData(cited, index, undefined, { '§2.2': 'Role chaining' });
		expect(data.narrationHtml[0]).toContain('fact base <a href="/facts#');
		expect(data.narrationHtml[0]).toContain('title="STS fact base §2.2: Role chaining">§2.2</a>');
		expect(data.narrationHtml[0]).not.toContain('sts-facts');
		// A section the fact base does not have stays plain text.
		expect(data.debriefHtml[0]).toContain('See fact base §99.');
	});

	it('links the scenario’s own pack’s lessons to the pack lesson page', () => {
		const data = packScenarioPageData(
			{ ...scenario, lessons: ['role-chaining', 'lab-duration-notes#the-rules'] },
			index,
			{ packId: pack.id, lessons: { 'lab-duration-notes': 'Lab notes' } }
		);
		expect(data.lessons).toEqual([
			{ href: '/lessons/role-chaining', title: 'Role chaining' },
			{
				href: `/lessons/pack#pack=${pack.id}&lesson=lab-duration-notes&section=the-rules`,
				title: 'Lab notes'
			}
		]);
	});
});
