import { describe, expect, it } from 'vitest';
import {
	lengthCue,
	lengthCueNotes,
	longestIsCorrect,
	optionText,
	shortestIsCorrect,
	type CueQuestion
} from './answer-cues';

const q = (id: string, options: [string, boolean][], type: CueQuestion['type'] = 'single') => ({
	id,
	type,
	options: options.map(([html, correct]) => ({ html, correct }))
});

describe('optionText', () => {
	it('reads what the learner reads: no markup, entities decoded, spaces collapsed', () => {
		expect(optionText('<code>AccessDenied</code> with &quot;x&quot;\n  now')).toBe(
			'AccessDenied with "x" now'
		);
	});
});

describe('longestIsCorrect', () => {
	it('is true when the single right option is longer than every other', () => {
		expect(
			longestIsCorrect(
				q('a', [
					['a long right answer', true],
					['short', false],
					['tiny', false]
				])
			)
		).toBe(true);
	});
	it('is false when a wrong option is as long or longer', () => {
		expect(
			longestIsCorrect(
				q('a', [
					['right', true],
					['wrong', false]
				])
			)
		).toBe(false);
		expect(
			longestIsCorrect(
				q('a', [
					['right', true],
					['a longer wrong', false]
				])
			)
		).toBe(false);
	});
	it('for "choose N", is true only when the N right options are all longer than every wrong one', () => {
		const opts: [string, boolean][] = [
			['right option one', true],
			['right option two', true],
			['wrong', false],
			['wrong too', false]
		];
		expect(longestIsCorrect(q('m', opts, 'multiple'))).toBe(true);
		opts[3] = ['a wrong option longer than both', false];
		expect(longestIsCorrect(q('m', opts, 'multiple'))).toBe(false);
	});
});

describe('lengthCue', () => {
	it('reports the cued questions, their share and the share chance would give', () => {
		const report = lengthCue([
			q('cued', [
				['the longest one is right', true],
				['no', false],
				['nope', false],
				['nah', false]
			]),
			q('fair', [
				['right', true],
				['wrong', false],
				['other', false],
				['fifth', false]
			]),
			q(
				'multi',
				[
					['right one', true],
					['right two', true],
					['x', false],
					['y', false],
					['zz', false]
				],
				'multiple'
			)
		]);
		expect(report.cued).toEqual(['cued', 'multi']);
		expect(report.share).toBeCloseTo(2 / 3);
		// 1/4, 1/4 and 1/C(5,2) = 1/10, averaged.
		expect(report.chance).toBeCloseTo((0.25 + 0.25 + 0.1) / 3);
	});
	it('is empty for no questions', () => {
		expect(lengthCue([])).toEqual({ questions: 0, cued: [], share: 0, chance: 0 });
	});
});

describe('the mirror cue: the shortest options are the right ones', () => {
	it('is reported like the longest one', () => {
		const short = q('s', [
			['yes', true],
			['a much longer wrong option', false],
			['longer wrong', false]
		]);
		expect(shortestIsCorrect(short)).toBe(true);
		expect(longestIsCorrect(short)).toBe(false);
		expect(lengthCue([short], 'shortest').cued).toEqual(['s']);
		expect(lengthCue([short]).cued).toEqual([]);
	});
});

describe('lengthCueNotes (content:check advice)', () => {
	const cued = (i: number) =>
		q(`c${i}`, [
			['the right one, by far the longest', true],
			['no', false],
			['nope', false],
			['nah', false]
		]);
	const fair = (i: number) =>
		q(`f${i}`, [
			['right', true],
			['a longer wrong option', false],
			['wrong', false],
			['other', false]
		]);

	it('notes a bank whose right options are mostly the longest', () => {
		const notes = lengthCueNotes([
			...Array.from({ length: 8 }, (_, i) => cued(i)),
			fair(0),
			fair(1)
		]);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatch(
			/^the right option is the longest in 8 of 10 single-answer questions \(chance 25 %\)/
		);
	});
	it('says nothing for a bank near chance, or too small to tell', () => {
		expect(
			lengthCueNotes([cued(0), cued(1), fair(0), fair(1), fair(2), fair(3), fair(4), fair(5)])
		).toEqual([]);
		expect(lengthCueNotes([cued(0), cued(1)])).toEqual([]);
	});
});
