import { describe, expect, it } from 'vitest';
import { fractionPercent, percentOf, scorePercentText } from './percent';

describe('exam percentages', () => {
	it('round down, so a fail never shows the pass mark', () => {
		expect(percentOf(5, 12)).toBe(41);
		expect(percentOf(43, 60)).toBe(71);
		expect(scorePercentText(43 / 60)).toBe('71%');
		expect(scorePercentText(0.72)).toBe('72%');
		expect(scorePercentText(0.29)).toBe('29%');
	});

	it('give a stored score (correct / total) the same figure as the results page', () => {
		for (let total = 1; total <= 200; total++)
			for (let correct = 0; correct <= total; correct++)
				expect(fractionPercent(correct / total)).toBe(percentOf(correct, total));
	});
});
