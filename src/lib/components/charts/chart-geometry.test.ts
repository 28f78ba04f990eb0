import { describe, expect, it } from 'vitest';
import {
	axisLabelBox,
	brokenLinePath,
	edgeAnchor,
	fitLabelIndices,
	fitText,
	LEGEND_BAND_PX,
	niceCeiling,
	placeReferenceLabel,
	segmentMeetsBox,
	stackedBarLayout,
	tickAnchor,
	type Box
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

describe('a bar chart on a phone (stacked)', () => {
	const rows = [
		{ label: 'AssumeRole', valueText: '45% · developing' },
		{ label: 'ExternalId and the confused deputy', valueText: '100% · developing' },
		{ label: 'MFA', valueText: 'not started' }
	];

	it('puts each value at the end of its label line when both fit, else on a line of its own', () => {
		const { rows: laid, bottom } = stackedBarLayout(rows, 358);
		expect(laid.map((r) => [r.label, r.valueAnchor, r.valueX])).toEqual([
			['AssumeRole', 'end', 358],
			['ExternalId and the confused deputy', 'start', 0],
			['MFA', 'end', 358]
		]);
		expect(laid[1]!.valueY).toBeGreaterThan(laid[1]!.labelY);
		expect(laid[0]!.valueY).toBe(laid[0]!.labelY);
		expect(bottom).toBe(laid[2]!.barY + laid[2]!.barHeight);
		// A label too long for the whole width is cut rather than run off the chart.
		expect(
			stackedBarLayout([{ label: 'x'.repeat(80), valueText: '5%' }], 200).rows[0]!.label
		).toMatch(/…$/);
	});

	it('keeps grid lines to the bars: no grid band reaches a line of text', () => {
		for (const width of [280, 320, 358, 460]) {
			const { rows: laid } = stackedBarLayout(rows, width);
			for (const r of laid) {
				// Text reaches about 13 px above its baseline and 4 px below it.
				for (const baseline of [r.labelY, r.valueY]) {
					const textTop = baseline - 13;
					const textBottom = baseline + 4;
					const meets = laid.some((b) => b.gridY0 < textBottom && b.gridY1 > textTop);
					expect(meets, `${width} px, "${r.label}"`).toBe(false);
				}
				expect(r.gridY0).toBeLessThanOrEqual(r.barY);
				expect(r.gridY1).toBeGreaterThanOrEqual(r.barY + r.barHeight);
			}
		}
	});
});

describe('the reference line label (pass mark)', () => {
	// The accuracy chart's frame: plot from x 44 to 44 + width, y 12 to 182; 0%, 50%, 100% grid.
	const frame = (plotWidth: number) => {
		const plot: Box = { x0: 44, y0: 12, x1: 44 + plotWidth, y1: 182 };
		const y = (v: number) => plot.y1 - v * 170;
		return { plot, y, gridYs: [0, 0.5, 1].map(y) };
	};
	const label = 'pass mark 72%';
	/** Days of accuracy (null: no answers) as the chart plots them. */
	const series = (plotWidth: number, values: (number | null)[]) => {
		const { plot, y } = frame(plotWidth);
		const step = plotWidth / (values.length - 1);
		return values.map((v, i) => (v === null ? null : { x: plot.x0 + i * step, y: y(v) }));
	};
	const place = (plotWidth: number, values: (number | null)[], pass = 0.72) => {
		const { plot, y, gridYs } = frame(plotWidth);
		const points = series(plotWidth, values);
		const at = placeReferenceLabel({ text: label, referenceY: y(pass), plot, points, gridYs });
		return { at, box: axisLabelBox(label, at.x, at.y, at.anchor), points, plot, gridYs, y };
	};
	/**
	 * What the label's box touches, checked independently of the placement's own arithmetic: dots
	 * (radius 5 with a 2 px gap), the line sampled every 0.25 px (1.5 px half-width, 2 px gap),
	 * grid lines and the plot's edges.
	 */
	const touches = (r: ReturnType<typeof place>): string[] => {
		const { box, points, plot, gridYs } = r;
		const out: string[] = [];
		const distance = (px: number, py: number) =>
			Math.hypot(Math.max(box.x0 - px, 0, px - box.x1), Math.max(box.y0 - py, 0, py - box.y1));
		points.forEach((p, i) => {
			if (p && distance(p.x, p.y) < 7) out.push(`dot ${i}`);
			const q = points[i + 1];
			if (!p || !q) return;
			const n = Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) * 4);
			for (let k = 0; k <= n; k++) {
				const t = k / n;
				if (distance(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)) < 3.5) {
					out.push(`line ${i}-${i + 1}`);
					break;
				}
			}
		});
		for (const g of gridYs) if (g > box.y0 - 2 && g < box.y1 + 2) out.push(`grid at ${g}`);
		if (box.x0 < plot.x0 || box.x1 > plot.x1 || box.y0 < plot.y0 || box.y1 > plot.y1)
			out.push('outside the plot');
		return out;
	};

	it('sits above the line at the right end when nothing is there', () => {
		const r = place(600, [0.3, 0.4, null, 0.35, 0.4]);
		expect(r.at).toEqual({ x: 644, y: r.y(0.72) - 6, anchor: 'end', legend: false });
		expect(touches(r)).toEqual([]);
	});

	it('moves away from a latest score at the pass mark (the dot and the line into it)', () => {
		// The old label (above the line, ending at the right end) sat on the last dot.
		const values = [null, null, null, 0.5, 0.75, 0.6, 0.72];
		const r = place(283, values);
		expect(r.at.legend).toBe(false);
		expect(r.at).not.toMatchObject({ x: 44 + 283, anchor: 'end' });
		expect(touches(r)).toEqual([]);
		const old = axisLabelBox(label, 44 + 283, r.y(0.72) - 5, 'end');
		expect(touches({ ...r, box: old })).toContain('dot 6');
	});

	it('goes below the line when above would leave the plot or cross a grid line', () => {
		const top = place(600, [0.2, 0.3], 0.99);
		expect(top.at.y).toBeGreaterThan(top.y(0.99));
		expect(touches(top)).toEqual([]);
		// A pass mark just above 50%: above it is clear, below it the 50% grid line is too near.
		const mid = place(600, [0.2, 0.3], 0.52);
		expect(mid.at.y).toBeLessThan(mid.y(0.52));
		expect(touches(mid)).toEqual([]);
	});

	it('becomes a legend above the plot when no place in it is clear', () => {
		// A month of answers zigzagging across the pass mark, on a phone (283 px plot).
		const zigzag = Array.from({ length: 30 }, (_, i) => (i % 2 ? 0.9 : 0.55));
		const r = place(283, zigzag);
		expect(r.at.legend).toBe(true);
		// In the band the chart adds: above the moved plot's top, its top tick label (centred on
		// that top, 6 px above it) and the top of the chart.
		const movedTop = r.plot.y0 + LEGEND_BAND_PX;
		expect(r.box.y1).toBeLessThanOrEqual(movedTop - 6 - 2);
		expect(r.box.y0).toBeGreaterThanOrEqual(0);
		// It ends at the plot's right end, key included.
		expect(r.box.x1).toBeLessThanOrEqual(r.plot.x1 + 0.01);
		// A plot narrower than the label: a legend too.
		expect(place(60, [0.1, 0.2]).at.legend).toBe(true);
	});

	it('never touches the data, a grid line or the plot edge (random months, phone and desktop)', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		let legends = 0;
		for (let run = 0; run < 400; run++) {
			const width = run % 2 ? 283 : 690;
			const days = 2 + Math.floor(random() * 29);
			const values = Array.from({ length: days }, () =>
				random() < 0.4 ? null : Math.round(random() * 20) / 20
			);
			const pass = 0.5 + Math.round(random() * 40) / 100;
			const r = place(width, values, pass);
			if (r.at.legend) legends++;
			else expect(touches(r), JSON.stringify({ width, values, pass })).toEqual([]);
		}
		// Most months find a place in the plot.
		expect(legends).toBeLessThan(100);
	});

	it('tells whether a segment passes through a box', () => {
		const box: Box = { x0: 10, y0: 10, x1: 20, y1: 20 };
		expect(segmentMeetsBox({ x: 0, y: 15 }, { x: 30, y: 15 }, box)).toBe(true);
		expect(segmentMeetsBox({ x: 0, y: 0 }, { x: 30, y: 30 }, box)).toBe(true);
		expect(segmentMeetsBox({ x: 12, y: 12 }, { x: 13, y: 13 }, box)).toBe(true);
		expect(segmentMeetsBox({ x: 0, y: 25 }, { x: 30, y: 25 }, box)).toBe(false);
		expect(segmentMeetsBox({ x: 0, y: 9 }, { x: 9, y: 0 }, box)).toBe(false);
		expect(segmentMeetsBox({ x: 0, y: 21 }, { x: 21, y: 30 }, box)).toBe(false);
		expect(segmentMeetsBox({ x: 25, y: 0 }, { x: 25, y: 30 }, box)).toBe(false);
	});
});
