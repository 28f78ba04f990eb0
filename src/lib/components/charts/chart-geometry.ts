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
