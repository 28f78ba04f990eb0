import { describe, expect, it } from 'vitest';
import { revealScroll, stickyInset } from './focus-question';

describe('revealScroll', () => {
	it('leaves the page alone when the feedback already starts on screen', () => {
		expect(revealScroll(120, 60, 844)).toBe(0);
		expect(revealScroll(60, 60, 844)).toBe(0);
	});

	it('scrolls up to feedback that starts above the screen (or under the sticky bar)', () => {
		// A phone scrolled down to the Submit button: the answered options start 900 px above.
		expect(revealScroll(-900, 60, 844)).toBe(-960);
		expect(revealScroll(30, 60, 844)).toBe(-30);
	});

	it('scrolls down to feedback that starts low on the screen or below it', () => {
		expect(revealScroll(700, 60, 844)).toBe(640);
		expect(revealScroll(1200, 0, 844)).toBe(1200);
	});
});

describe('revealScroll with the focused control below the feedback', () => {
	// A 1280x720 laptop: the feedback starts on screen (at 300), "Next question" ends at 800,
	// below the fold: it was focused but out of sight, and nothing scrolled.
	it('scrolls both into view when they fit: the least scroll that shows the control', () => {
		expect(revealScroll(300, 0, 720, 800)).toBe(92);
		// Below a sticky bar (the exam's): the feedback stays below it.
		expect(revealScroll(300, 72, 720, 750)).toBe(750 + 12 - 720);
		expect(300 - revealScroll(300, 72, 720, 750)).toBeGreaterThanOrEqual(72);
	});

	it('leaves the page alone when both are on screen already', () => {
		expect(revealScroll(300, 0, 720, 600)).toBe(0);
		expect(revealScroll(80, 72, 720, 708)).toBe(0);
	});

	it('brings feedback that starts above the screen down to just below the sticky part', () => {
		expect(revealScroll(-400, 60, 720, 200)).toBe(-460);
		expect(revealScroll(30, 60, 720, 500)).toBe(-30);
	});

	it('just fits: the span from the feedback to the control is the window below the sticky part', () => {
		// 1048 + 12 - 400 = 660 = 720 - 60: the feedback then starts right below the sticky part.
		expect(revealScroll(400, 60, 720, 1048)).toBe(1048 + 12 - 720);
		expect(400 - revealScroll(400, 60, 720, 1048)).toBe(60);
	});

	// A phone: the explanations are longer than the screen; the feedback's start comes first.
	it('does not fit: keeps the start of the feedback in view, as without a control', () => {
		expect(revealScroll(120, 60, 844, 2000)).toBe(0);
		expect(revealScroll(-900, 60, 844, 1500)).toBe(-960);
		expect(revealScroll(700, 60, 844, 1700)).toBe(640);
		expect(revealScroll(400, 60, 720, 1049)).toBe(0);
	});
});

describe('stickyInset', () => {
	it("reads the page's scroll-padding-top, or takes the inset given", () => {
		expect(stickyInset(undefined, { scrollPaddingTop: '84px' })).toBe(84);
		expect(stickyInset(undefined, { scrollPaddingTop: 'auto' })).toBe(0);
		expect(stickyInset(undefined, { scrollPaddingTop: '' })).toBe(0);
		expect(stickyInset(30, { scrollPaddingTop: '84px' })).toBe(30);
		expect(stickyInset(0, { scrollPaddingTop: '84px' })).toBe(0);
	});
});
