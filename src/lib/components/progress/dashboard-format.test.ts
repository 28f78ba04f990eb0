import { describe, expect, it } from 'vitest';
import {
	examTimeTaken,
	formatWhen,
	importWrittenText,
	SOON_REVIEW_MS,
	soonReviewNote
} from './dashboard-format';

// Local times, so the test holds in any time zone.
const at = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime();

describe('formatWhen', () => {
	const now = at(3, 9, 0); // Mon 3 Mar 2025, 09:00
	it('counts minutes, then hours, within the next 12 hours', () => {
		expect(formatWhen(now + 5_000, now)).toBe('in 1 minute');
		expect(formatWhen(at(3, 9, 40), now)).toBe('in 40 minutes');
		expect(formatWhen(at(3, 10, 0), now)).toBe('in 1 hour');
		expect(formatWhen(at(3, 12, 20), now)).toBe('in 3 hours');
	});
	it('names the day and the time beyond that', () => {
		expect(formatWhen(at(3, 21, 40), now)).toBe('today at 21:40');
		expect(formatWhen(at(4, 9, 5), now)).toBe('tomorrow at 09:05');
		expect(formatWhen(at(11, 9, 5), now)).toBe('on Tue 11 Mar at 09:05');
		// Another year says which.
		expect(formatWhen(new Date(2026, 3, 7, 9, 0).getTime(), now)).toBe(
			'on Tue 7 Apr 2026 at 09:00'
		);
	});
	it('says tomorrow for an early-morning review seen late in the evening', () => {
		expect(formatWhen(at(4, 7, 0), at(3, 23, 0))).toBe('in 8 hours');
		expect(formatWhen(at(4, 23, 30), at(3, 23, 0))).toBe('tomorrow at 23:30');
	});
});

// "Merged: 28 answers, 2 lessons, 2 mock exams, 1 setting written" left out the review schedules
// that were restored, which the import's preview had listed.
describe('importWrittenText', () => {
	it('names every table the preview lists, the review schedules included', () => {
		expect(
			importWrittenText({
				attempts: 28,
				cards: 5,
				lessons: 2,
				exams: 2,
				settings: 1,
				packs: 0,
				aggregates: 9
			} as Parameters<typeof importWrittenText>[0])
		).toBe('28 answers, 5 review schedules, 2 lessons, 2 mock exams, 1 setting');
	});

	it('counts one review schedule, and content packs when there were any', () => {
		expect(
			importWrittenText({ attempts: 1, cards: 1, lessons: 0, exams: 0, settings: 0, packs: 2 })
		).toBe('1 answer, 1 review schedule, 0 lessons, 0 mock exams, 0 settings, 2 content packs');
	});
});

// The mock exams table showed "3 min" for an exam of 2½ minutes.
describe('examTimeTaken', () => {
	it('is exact, to the second, under 10 minutes', () => {
		expect(examTimeTaken(150_000)).toBe('2 min 30 s');
		expect(examTimeTaken(45_000)).toBe('45 s');
		expect(examTimeTaken(300_000)).toBe('5 min');
		expect(examTimeTaken(599_400)).toBe('9 min 59 s');
		expect(examTimeTaken(0)).toBe('1 s');
	});

	it('is to the minute from 10 minutes on, in hours and minutes past an hour', () => {
		expect(examTimeTaken(600_000)).toBe('10 min');
		expect(examTimeTaken(12 * 60_000 + 20_000)).toBe('12 min');
		expect(examTimeTaken(65 * 60_000)).toBe('1 h 5 min');
		expect(examTimeTaken(130 * 60_000)).toBe('2 h 10 min');
		expect(examTimeTaken(120 * 60_000)).toBe('2 h');
	});
});

// "The next review is due in 1 minute" with no word of why (ts-fsrs learning steps).
describe('soonReviewNote', () => {
	const now = new Date(2025, 2, 10, 12).getTime();
	it('explains a review due within minutes: missed questions come back soon, then days apart', () => {
		for (const inMs of [60_000, 10 * 60_000, 0, SOON_REVIEW_MS])
			expect(soonReviewNote(now + inMs, now)).toBe(
				'Why so soon? A question you missed, or have only just started, comes back within minutes; ' +
					'once you answer it right, it comes back at growing intervals: days, then weeks.'
			);
	});

	it('says nothing of a review days away, or of none scheduled', () => {
		expect(soonReviewNote(now + SOON_REVIEW_MS + 1, now)).toBe('');
		expect(soonReviewNote(now + 3 * 86_400_000, now)).toBe('');
		expect(soonReviewNote(undefined, now)).toBe('');
	});
});
