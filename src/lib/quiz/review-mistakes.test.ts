import { describe, expect, it } from 'vitest';
import { missingMistakesText, missingOrigin, mistakesOverview } from './review-mistakes';
import { q } from './test-fixtures';

const bank = [q('a', 'mfa', { correct: [0] }), q('b', 'saml', { correct: [1] })];

describe('mistakesOverview', () => {
	it('tells the mistakes the review can show from those in questions the app no longer has', () => {
		const last = new Map([
			['a', false],
			['b', true],
			['lab-1', false],
			['lab-2', true],
			['lab-3', false]
		]);
		const o = mistakesOverview(bank, last);
		expect(o.mistakes.map((x) => x.id)).toEqual(['a']);
		expect(o.missing).toEqual(['lab-1', 'lab-3']);
	});

	it('has nothing missing when every wrong answer is to a question in the app', () => {
		expect(mistakesOverview(bank, new Map([['a', false]])).missing).toEqual([]);
	});
});

describe('missingOrigin', () => {
	it('is "packs" when every latest answer came from a pack, "app" when none did', () => {
		expect(missingOrigin(new Map([['x', 'lab']]))).toBe('packs');
		expect(missingOrigin(new Map([['x', undefined]]))).toBe('app');
		expect(
			missingOrigin(
				new Map([
					['x', 'lab'],
					['y', undefined]
				])
			)
		).toBe('mixed');
		expect(missingOrigin(new Map())).toBe('mixed');
	});
});

describe('missingMistakesText', () => {
	it('says the mistakes are in questions of a removed pack, not that there are none', () => {
		expect(missingMistakesText(2, 'packs', 0)).toBe(
			'The 2 questions you last answered wrong are no longer in the app: they came from a ' +
				'content pack that has been removed, so they cannot be reviewed.'
		);
		expect(missingMistakesText(1, 'app', 0)).toBe(
			'The question you last answered wrong is no longer in the app: it was taken out in an ' +
				'update, so it cannot be reviewed.'
		);
		expect(missingMistakesText(3, 'packs', 4)).toBe(
			'3 more questions you last answered wrong are no longer in the app: they came from a ' +
				'content pack that has been removed, so they cannot be reviewed.'
		);
		expect(missingMistakesText(0, 'packs', 4)).toBe('');
	});
});
