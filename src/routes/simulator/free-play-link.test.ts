import { describe, expect, it } from 'vitest';
import { freePlayHref, wantsFreePlay } from './free-play-link';
import { packScenarioHref, packScenarioTarget } from '$lib/content/pack-scenario-address';

describe('the Free play link', () => {
	it('is #free-play on a built-in scenario, which the page reads back', () => {
		const href = freePlayHref('/simulator/vendor-external-id');
		expect(href).toBe('/simulator/vendor-external-id#free-play');
		expect(wantsFreePlay(new URL(href, 'https://x').hash)).toBe(true);
	});

	it('joins a pack scenario’s fragment, which still names the pack and the scenario', () => {
		const href = freePlayHref(packScenarioHref({ packId: 'lab', scenarioId: 'runner' }));
		expect(href).toBe('/simulator/pack#pack=lab&scenario=runner&free-play');
		const hash = new URL(href, 'https://x').hash;
		expect(wantsFreePlay(hash)).toBe(true);
		expect(packScenarioTarget(hash)).toEqual({ packId: 'lab', scenarioId: 'runner' });
	});

	it('is not asked for by a plain scenario address', () => {
		expect(wantsFreePlay('')).toBe(false);
		expect(wantsFreePlay('#pack=lab&scenario=runner')).toBe(false);
		expect(wantsFreePlay('#world')).toBe(false);
	});
});
