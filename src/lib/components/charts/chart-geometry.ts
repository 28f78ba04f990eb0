// Shared arithmetic of the hand-written SVG charts (see BarChart.svelte for why there is no
// chart library). Pure functions, so the layout rules are readable in one place.

/** Colour roles a mark may take; each maps to a theme token in the chart styles. */
export type ChartTone = 'accent' | 'ok' | 'warn' | 'bad' | 'muted';

/** Rough advance width of a character of the 13 px chart font, for truncating labels. */
const CHAR_PX = 7.2;

/** `text`, cut with an ellipsis so it fits into `px` pixels of chart text. */
export function fitText(text: string, px: number): string {
	const max = Math.max(3, Math.floor(px / CHAR_PX));
	return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** How an SVG text is anchored at its x. */
export type TextAnchor = 'start' | 'middle' | 'end';

/**
 * Rough advance width of a character of the 12 px axis font, on the generous side: the widest
 * fallback fonts (DejaVu Sans, Linux's usual system-ui) set "30 Oct" about 44 px wide.
 */
const AXIS_CHAR_PX = 7.6;

/**
 * Indices of the x-axis labels to draw, evenly spaced (every k-th from the first), so that no two
 * drawn labels overlap or come closer than `gapPx`, judged from each label's estimated width and
 * its anchor; the last label (today, usually the one that matters) is always drawn, and the one
 * before it dropped if the two would collide. `step` is the distance between neighbouring points.
 */
export function fitLabelIndices(
	labels: readonly string[],
	step: number,
	options: {
		anchor?: (i: number, count: number) => TextAnchor;
		gapPx?: number;
		charPx?: number;
	} = {}
): number[] {
	const n = labels.length;
	if (n === 0) return [];
	const { anchor = () => 'middle', gapPx = 8, charPx = AXIS_CHAR_PX } = options;
	const extent = (i: number): [number, number] => {
		const x = i * step;
		const w = labels[i]!.length * charPx;
		const a = anchor(i, n);
		return a === 'start' ? [x, x + w] : a === 'end' ? [x - w, x] : [x - w / 2, x + w / 2];
	};
	const clear = (a: number, b: number) => extent(b)[0] - extent(a)[1] >= gapPx;
	const last = n - 1;
	for (let every = 1; every <= n; every++) {
		const out: number[] = [];
		for (let i = 0; i < n; i += every) out.push(i);
		if (out.at(-1) !== last) {
			while (out.length > 0 && !clear(out.at(-1)!, last)) out.pop();
			out.push(last);
		}
		if (out.every((i, k) => k === 0 || clear(out[k - 1]!, i))) return out;
	}
	return [last];
}

/** The anchors of a line chart's x labels: the first starts at its point, the last ends at it. */
export function edgeAnchor(i: number, count: number): TextAnchor {
	if (count > 1 && i === 0) return 'start';
	if (count > 1 && i === count - 1) return 'end';
	return 'middle';
}

/** A rectangle in chart pixels: left, top, right, bottom. */
export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** How far a 12 px axis-font label reaches above its baseline and below it, on the generous side. */
const AXIS_ASCENT_PX = 10;
const AXIS_DESCENT_PX = 3;

/** The box of a 12 px axis-font label drawn at (x, baseline) with the given anchor. */
export function axisLabelBox(
	text: string,
	x: number,
	baseline: number,
	anchor: TextAnchor,
	charPx = AXIS_CHAR_PX
): Box {
	const w = text.length * charPx;
	const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
	return { x0, y0: baseline - AXIS_ASCENT_PX, x1: x0 + w, y1: baseline + AXIS_DESCENT_PX };
}

const grow = (b: Box, by: number): Box => ({
	x0: b.x0 - by,
	y0: b.y0 - by,
	x1: b.x1 + by,
	y1: b.y1 + by
});

/** Whether the segment from p to q passes through the box (Liang–Barsky clipping). */
export function segmentMeetsBox(
	p: { x: number; y: number },
	q: { x: number; y: number },
	b: Box
): boolean {
	const dx = q.x - p.x;
	const dy = q.y - p.y;
	let t0 = 0;
	let t1 = 1;
	for (const [step, room] of [
		[-dx, p.x - b.x0],
		[dx, b.x1 - p.x],
		[-dy, p.y - b.y0],
		[dy, b.y1 - p.y]
	] as const) {
		if (step === 0) {
			if (room < 0) return false;
			continue;
		}
		const t = room / step;
		if (step < 0) t0 = Math.max(t0, t);
		else t1 = Math.min(t1, t);
		if (t0 > t1) return false;
	}
	return true;
}

/** Where a line chart writes the label of its reference line (the pass mark). */
export interface ReferenceLabelPlacement {
	x: number;
	/** The text's baseline. */
	y: number;
	anchor: 'start' | 'end';
	/**
	 * True when no place inside the plot is clear: the label goes in a band of `LEGEND_BAND_PX`
	 * above the plot instead (with a sample of the dashed line), which the chart adds.
	 */
	legend: boolean;
}

/** The height of the band a line chart adds above its plot when the reference label goes there. */
export const LEGEND_BAND_PX = 16;
/** The length of the dashed-line sample before a legend's text, and the space after it. */
export const LEGEND_KEY_PX = 18;
export const LEGEND_KEY_GAP_PX = 5;

/**
 * Where the reference line's label goes so that it touches nothing else drawn: not the data line
 * (its segments and dots), not a grid line, and not outside the plot (where the tick labels and
 * the x labels are). Tried in order: just above the reference line at the plot's right end, just
 * below it there, above and below at the left end, then above and below at places in between,
 * right to left. When none is clear (a line that runs along the pass mark all month, a plot
 * narrower than the label), the label becomes a legend above the plot: the chart moves the plot
 * down by `LEGEND_BAND_PX`, and `x`, `y` are then in the moved chart's coordinates.
 *
 * Everything else is in the coordinates of the chart as drawn without the band: `plot` the plot's
 * box, `referenceY` the line's y, `points` the data points (null where the line is broken),
 * `gridYs` the horizontal grid lines; `gapPx` is the clearance kept around the label.
 */
export function placeReferenceLabel(input: {
	text: string;
	referenceY: number;
	plot: Box;
	points: ReadonlyArray<{ x: number; y: number } | null>;
	gridYs: readonly number[];
	/** The radius of a data point's dot, its outline included. */
	dotRadius?: number;
	/** Half the data line's stroke width. */
	lineHalfWidth?: number;
	gapPx?: number;
	charPx?: number;
}): ReferenceLabelPlacement {
	const {
		text,
		referenceY,
		plot,
		points,
		gridYs,
		dotRadius = 5,
		lineHalfWidth = 1.5,
		gapPx = 2,
		charPx = AXIS_CHAR_PX
	} = input;
	/** Baselines just above and just below the reference line. */
	const above = referenceY - gapPx - 1 - AXIS_DESCENT_PX;
	const below = referenceY + gapPx + 1 + AXIS_ASCENT_PX;
	const segments: [{ x: number; y: number }, { x: number; y: number }][] = [];
	for (let i = 1; i < points.length; i++) {
		const p = points[i - 1];
		const q = points[i];
		if (p && q) segments.push([p, q]);
	}
	const clear = (box: Box): boolean => {
		if (box.x0 < plot.x0 || box.x1 > plot.x1 || box.y0 < plot.y0 || box.y1 > plot.y1) return false;
		const room = grow(box, gapPx);
		if (gridYs.some((g) => g > room.y0 && g < room.y1)) return false;
		const nearDots = grow(room, dotRadius);
		if (
			points.some(
				(p) => p && p.x > nearDots.x0 && p.x < nearDots.x1 && p.y > nearDots.y0 && p.y < nearDots.y1
			)
		)
			return false;
		const nearLine = grow(room, lineHalfWidth);
		return !segments.some(([p, q]) => segmentMeetsBox(p, q, nearLine));
	};
	const w = text.length * charPx;
	const candidates: ReferenceLabelPlacement[] = [];
	const at = (x: number, anchor: 'start' | 'end') => {
		for (const y of [above, below]) candidates.push({ x, y, anchor, legend: false });
	};
	at(plot.x1, 'end');
	at(plot.x0, 'start');
	// Then right ends every 8 px from the right towards the left.
	for (let x = plot.x1 - 8; x - w >= plot.x0; x -= 8) at(x, 'end');
	const inside = candidates.find((c) => clear(axisLabelBox(text, c.x, c.y, c.anchor, charPx)));
	if (inside) return inside;
	// A legend ending at the plot's right end (or starting at the chart's left edge if the plot is
	// too narrow): the key, then the text, whose baseline is 12 px above the moved plot's top,
	// clear of the top tick label centred on that top.
	const start = Math.max(0, plot.x1 - (LEGEND_KEY_PX + LEGEND_KEY_GAP_PX + w));
	return {
		x: start + LEGEND_KEY_PX + LEGEND_KEY_GAP_PX,
		y: plot.y0 + LEGEND_BAND_PX - 12,
		anchor: 'start',
		legend: true
	};
}

/** A "nice" upper bound for a count axis: 1, 2, 5 or 10 times a power of ten, at least `max`. */
export function niceCeiling(max: number): number {
	if (max <= 1) return 1;
	const power = 10 ** Math.floor(Math.log10(max));
	for (const m of [1, 2, 5, 10]) if (m * power >= max) return m * power;
	return 10 * power;
}

/** Path data for a line through the points, broken wherever a value is missing. */
export function brokenLinePath(points: ReadonlyArray<{ x: number; y: number } | null>): string {
	let d = '';
	let pen = false;
	for (const p of points) {
		if (!p) {
			pen = false;
			continue;
		}
		d += `${pen ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
		pen = true;
	}
	return d;
}

/** Half the width of the widest axis tick label ("100%" at 12 px), in pixels. */
const HALF_TICK_PX = 16;

/**
 * How an axis tick label at `x` is anchored so that it stays inside a chart `width` pixels
 * wide: centred under its tick, unless that would cut it at an edge (the "0%" of a bar chart
 * whose plot starts at the left edge, as on a phone).
 */
export function tickAnchor(x: number, width: number): 'start' | 'middle' | 'end' {
	if (x < HALF_TICK_PX) return 'start';
	if (x > width - HALF_TICK_PX) return 'end';
	return 'middle';
}

/** `0.4567` → `46%`. */
export const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** One bar of a BarChart. */
export interface BarRow {
	label: string;
	/** Between 0 and `max`. */
	value: number;
	/** What is written at the end of the bar (the value, and a word if colour carries one). */
	valueText: string;
	tone?: ChartTone;
}

/** One point of a LineChart. */
export interface LinePoint {
	/** Short x-axis label ("12 Mar", "Today"). */
	label: string;
	/** Between 0 and `max`, or null where there is nothing to plot. */
	value: number | null;
}

/** One column of a ColumnChart. */
export interface Column {
	/** Short x-axis label. */
	label: string;
	value: number;
	/** Marks a column (e.g. today, with overdue reviews) in a second colour. */
	highlight?: boolean;
}

/** One row of a bar chart laid out for a narrow screen: the label above its bar. */
export interface StackedBarRow {
	/** The label, cut to fit if it must be. */
	label: string;
	/** Baseline of the label. */
	labelY: number;
	/** Where the value is written: at the label line's right end when both fit, else under it. */
	valueX: number;
	valueY: number;
	valueAnchor: 'start' | 'end';
	barY: number;
	barHeight: number;
	/** The band the grid lines are drawn across: the bar's, so that no grid line runs through text. */
	gridY0: number;
	gridY1: number;
}

const STACKED_BAR_PX = 14;
const STACKED_ROW_GAP_PX = 10;
/** Room kept between a label and a value on the same line. */
const STACKED_TEXT_GAP_PX = 16;

/**
 * A bar chart stacked for a narrow screen: each label on its own line with the value at that
 * line's right end (or, when the two do not fit side by side, the value on a line of its own),
 * and the bar under them across the whole width, so the bars use the chart's full width and no
 * text stands in a bar's way. Returns the rows and the y where the last one ends.
 */
export function stackedBarLayout(
	rows: readonly Pick<BarRow, 'label' | 'valueText'>[],
	width: number,
	top = 4
): { rows: StackedBarRow[]; bottom: number } {
	let y = top;
	const out = rows.map((row): StackedBarRow => {
		const labelY = y + 14;
		const together =
			(row.label.length + row.valueText.length) * CHAR_PX + STACKED_TEXT_GAP_PX <= width;
		const valueY = together ? labelY : labelY + 18;
		const barY = valueY + 8;
		y = barY + STACKED_BAR_PX + STACKED_ROW_GAP_PX;
		return {
			label: together ? row.label : fitText(row.label, width),
			labelY,
			valueX: together ? width : 0,
			valueY,
			valueAnchor: together ? 'end' : 'start',
			barY,
			barHeight: STACKED_BAR_PX,
			gridY0: barY - 3,
			gridY1: barY + STACKED_BAR_PX + 3
		};
	});
	return { rows: out, bottom: y - STACKED_ROW_GAP_PX };
}
