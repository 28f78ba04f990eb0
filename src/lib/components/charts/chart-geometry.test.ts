import { describe, expect, it } from 'vitest';
import {
	brokenLinePath,
	edgeAnchor,
	fitLabelIndices,
	fitText,
	niceCeiling,
	tickAnchor
} from './chart-geometry';

describe('chart geometry', () => {
	it('cuts labels to the room they have', () => {
		expect(fitText('MFA', 100)).toBe('MFA');
		expect(fitText('ExternalId and the confused deputy', 72)).toBe('ExternalI…');
	});

	it('thins x labels but always keeps the last one', () => {
		const days = (n: number) => Array.from({ length: n }, (_, i) => `${(i % 28) + 1} Nov`);
		expect(fitLabelIndices(days(30), 20)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 29]);
		expect(fitLabelIndices(days(14), 100)).toEqual([...Array(14).keys()]);
		expect(fitLabelIndices(['Today'], 300)).toEqual([0]);
		expect(fitLabelIndices([], 300)).toEqual([]);
	});

	it('keeps the labels of a phone-width accuracy chart apart, judged by their width and anchor', () => {
		// 30 days over a 283 px plot (375 px screen): "30 Oct" starts at its point, "Today" ends at its.
		const labels = [
			...Array.from({ length: 2 }, (_, i) => `${30 + i} Oct`),
			...Array.from({ length: 27 }, (_, i) => `${i + 1} Nov`),
			'Today'
		];
		const step = 283 / 29;
		const shown = fitLabelIndices(labels, step, { anchor: edgeAnchor });
		expect(shown[0]).toBe(0);
		expect(shown.at(-1)).toBe(29);
		// Drawn extents (7.6 px a character, the estimate's own width): none touches the next.
		const extent = (i: number) => {
			const w = labels[i]!.length * 7.6;
			const x = i * step;
			const a = edgeAnchor(i, labels.length);
			return a === 'start' ? [x, x + w] : a === 'end' ? [x - w, x] : [x - w / 2, x + w / 2];
		};
		for (let k = 1; k < shown.length; k++)
			expect(extent(shown[k]!)[0] - extent(shown[k - 1]!)[1]).toBeGreaterThanOrEqual(8);
		// The old rule (centres 56 px apart) drew "30 Oct" and "5 Nov" touching: every 6th day.
		expect(shown[1]).toBeGreaterThan(6);
	});

	it('rounds count axes up to 1, 2 or 5 times a power of ten', () => {
		expect([0, 1, 3, 7, 10, 11, 180, 501].map(niceCeiling)).toEqual([
			1, 1, 5, 10, 10, 20, 200, 1000
		]);
	});

	it('breaks the line where a value is missing', () => {
		expect(brokenLinePath([{ x: 0, y: 1 }, { x: 1, y: 2 }, null, { x: 3, y: 4 }])).toBe(
			'M0.0 1.0L1.0 2.0M3.0 4.0'
		);
	});

	it('anchors tick labels so that none is cut at an edge of the chart', () => {
		// A phone's stacked bar chart: the plot starts at x = 0, so "0%" starts there.
		expect(tickAnchor(0, 358)).toBe('start');
		expect(tickAnchor(15, 358)).toBe('start');
		expect(tickAnchor(117, 358)).toBe('middle');
		expect(tickAnchor(350, 358)).toBe('end');
		// A wide chart's plot starts after the labels: every tick is centred.
		expect([260, 400, 540].map((x) => tickAnchor(x, 800))).toEqual(['middle', 'middle', 'middle']);
	});
});
