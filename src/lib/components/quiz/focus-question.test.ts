import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusKeepingInView, revealScroll, stickyBelow, stickyInset } from './focus-question';

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

describe('stickyBelow', () => {
	it("reads the page's scroll-padding-bottom, or takes the height given", () => {
		expect(stickyBelow(undefined, { scrollPaddingBottom: '71px' })).toBe(71);
		expect(stickyBelow(undefined, { scrollPaddingBottom: 'auto' })).toBe(0);
		expect(stickyBelow(undefined, { scrollPaddingBottom: '' })).toBe(0);
		expect(stickyBelow(20, { scrollPaddingBottom: '71px' })).toBe(20);
	});
});

describe('focusKeepingInView', () => {
	afterEach(() => vi.unstubAllGlobals());

	/** A window `height` high; returns what was scrolled (px, one entry a scroll). */
	function window(height: number): number[] {
		const scrolled: number[] = [];
		vi.stubGlobal('window', {
			innerHeight: height,
			matchMedia: () => ({ matches: true }),
			scrollBy: ({ top }: { top: number }) => scrolled.push(top)
		});
		return scrolled;
	}
	/** An element whose box runs from `top` to `bottom` (viewport coordinates). */
	function box(top: number, bottom = top + 40) {
		const focus = vi.fn();
		const el = { focus, getBoundingClientRect: () => ({ top, bottom }) } as unknown as HTMLElement;
		return { el, focus };
	}

	it('focuses the control without scrolling to it', () => {
		window(720);
		const next = box(900);
		focusKeepingInView(next.el, box(100).el, { inset: 0, below: 0 });
		expect(next.focus).toHaveBeenCalledWith({ preventScroll: true });
	});

	// A 1280x720 laptop, the feedback (600 px from the options to the button) on screen at 100.
	it('without a bar at the bottom, brings the control below the fold into view with the feedback', () => {
		const scrolled = window(720);
		focusKeepingInView(box(660, 700).el, box(100).el, { inset: 0, below: 0 });
		expect(scrolled).toEqual([]);
		// The feedback starts lower: the button, under the fold, comes up with it.
		focusKeepingInView(box(760, 800).el, box(200).el, { inset: 0, below: 0 });
		expect(scrolled).toEqual([92]);
	});

	// The session's action bar (70 px) sticks to the bottom: the control in it is in sight already,
	// at the window's bottom, wherever the page is; where it sits says nothing of the feedback.
	it('with the control in a bar stuck to the bottom, places the start of the feedback only', () => {
		const scrolled = window(720);
		// The feedback starts on screen, above the bar: nothing moves (it used to scroll the page
		// down to fit the button's 12 px of room, under a bar that does not move with it).
		focusKeepingInView(box(660, 710).el, box(100).el, { inset: 0, below: 70 });
		expect(scrolled).toEqual([]);
		// Low, just above the bar (the answer went in with the page scrolled to the stem): it
		// comes up to the top, as the explanations under it are what the learner reads next.
		focusKeepingInView(box(660, 710).el, box(600).el, { inset: 0, below: 70 });
		expect(scrolled).toEqual([600]);
		// Above the screen (a phone scrolled down to the bar): it comes down to the top.
		focusKeepingInView(box(660, 710).el, box(-900).el, { inset: 0, below: 70 });
		expect(scrolled).toEqual([600, -900]);
	});

	it("reads the bar's height from the page's scroll-padding-bottom", () => {
		const scrolled = window(720);
		vi.stubGlobal('document', { documentElement: {} });
		vi.stubGlobal('getComputedStyle', () => ({
			scrollPaddingTop: '',
			scrollPaddingBottom: '82px'
		}));
		focusKeepingInView(box(650, 700).el, box(500).el);
		// 500 is below 0.6 of the 638 px left above the bar (383): up to the top.
		expect(scrolled).toEqual([500]);
	});
});
