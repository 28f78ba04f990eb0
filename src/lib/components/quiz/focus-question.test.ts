import { describe, expect, it } from 'vitest';
import { revealScroll } from './focus-question';

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
