import { describe, expect, it } from 'vitest';
import { brokenLinePath, fitText, labelIndices, niceCeiling, tickAnchor } from './chart-geometry';

describe('chart geometry', () => {
	it('cuts labels to the room they have', () => {
		expect(fitText('MFA', 100)).toBe('MFA');
		expect(fitText('ExternalId and the confused deputy', 72)).toBe('ExternalI…');
	});

	it('thins x labels but always keeps the last one', () => {
		expect(labelIndices(30, 600)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 29]);
		expect(labelIndices(14, 1300)).toEqual([...Array(14).keys()]);
		expect(labelIndices(1, 300)).toEqual([0]);
		expect(labelIndices(0, 300)).toEqual([]);
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
