import { describe, expect, it } from 'vitest';
import { examDurationText, examSetupErrors, examSetupRange, examSizeNote } from './exam-setup';

const limits = { maxQuestions: 120 };
const good = { count: 20, secondsPerQuestion: 90, passMark: 72 };

describe('examSetupErrors', () => {
	it('accepts the defaults and the ends of each range', () => {
		expect(examSetupErrors(good, limits)).toEqual({});
		expect(examSetupErrors({ count: 5, secondsPerQuestion: 30, passMark: 1 }, limits)).toEqual({});
		expect(examSetupErrors({ count: 120, secondsPerQuestion: 600, passMark: 100 }, limits)).toEqual(
			{}
		);
	});

	it('refuses an empty field instead of falling back to a default', () => {
		expect(examSetupErrors({ ...good, count: null }, limits)).toEqual({
			count: 'Enter the number of questions: a whole number from 5 to 120.'
		});
		expect(
			examSetupErrors({ count: undefined, secondsPerQuestion: null, passMark: NaN }, limits)
		).toEqual({
			count: 'Enter the number of questions: a whole number from 5 to 120.',
			secondsPerQuestion: 'Enter the seconds per question: a whole number from 30 to 600.',
			passMark: 'Enter the pass mark: a whole number from 1 to 100.'
		});
	});

	it('refuses values out of range or with a fraction', () => {
		expect(examSetupErrors({ ...good, count: 4 }, limits).count).toBe(
			'The number of questions must be a whole number from 5 to 120.'
		);
		expect(examSetupErrors({ ...good, count: 121 }, limits).count).toMatch(/from 5 to 120/);
		expect(examSetupErrors({ ...good, count: 7.5 }, limits).count).toMatch(/whole number/);
		expect(examSetupErrors({ ...good, secondsPerQuestion: 29 }, limits)).toHaveProperty(
			'secondsPerQuestion'
		);
		expect(examSetupErrors({ ...good, passMark: 0 }, limits)).toHaveProperty('passMark');
		expect(examSetupErrors({ ...good, passMark: 101 }, limits)).toHaveProperty('passMark');
	});

	it('a bank smaller than five questions allows an exam of all of them', () => {
		expect(examSetupRange('count', { maxQuestions: 3 })).toEqual({ min: 3, max: 3 });
		expect(examSetupErrors({ ...good, count: 3 }, { maxQuestions: 3 })).toEqual({});
	});
});

describe('examSizeNote', () => {
	const note = (total: string, shortfall = '') => ({ total, shortfall });

	it('says before the start that the ticked topics hold fewer questions than asked for', () => {
		// The user test: 20 questions asked for, one topic of 6 ticked, 90 s each.
		expect(examSizeNote({ count: 20, secondsPerQuestion: 90 }, 6, 1, limits)).toEqual(
			note(
				'The exam will have 6 questions and 9 minutes.',
				'Only 6 questions match this topic: the exam will have 6, not 20.'
			)
		);
		expect(examSizeNote({ count: 20, secondsPerQuestion: 90 }, 17, 2, limits)).toEqual(
			note(
				'The exam will have 17 questions and 25 minutes 30 seconds.',
				'Only 17 questions match these topics: the exam will have 17, not 20.'
			)
		);
		expect(examSizeNote({ count: 20, secondsPerQuestion: 60 }, 1, 1, limits)).toEqual(
			note(
				'The exam will have 1 question and 1 minute.',
				'Only 1 question matches this topic: the exam will have 1, not 20.'
			)
		);
		// Without a valid time, the total leaves the time out (its field says what is wrong).
		expect(examSizeNote({ count: 20, secondsPerQuestion: null }, 6, 1, limits)).toEqual(
			note(
				'The exam will have 6 questions.',
				'Only 6 questions match this topic: the exam will have 6, not 20.'
			)
		);
		expect(examSizeNote({ count: 20, secondsPerQuestion: 5 }, 6, 1, limits).total).toBe(
			'The exam will have 6 questions.'
		);
		// No question at all: no exam to total, only the warning.
		expect(examSizeNote({ count: 20, secondsPerQuestion: 90 }, 0, 2, limits)).toEqual(
			note('', 'No question matches these topics: tick another topic.')
		);
	});

	// The total time was said only when the ticked topics held too few questions: a learner saw
	// "Seconds per question: 90" and never how long the exam would be.
	it('always says how many questions the exam will have and how long it is in all', () => {
		expect(examSizeNote({ count: 20, secondsPerQuestion: 120 }, 0, 0, limits)).toEqual(
			note('The exam will have 20 questions and 40 minutes.')
		);
		// The real exam's size at the default time: 65 questions, 2 hours 10 minutes.
		expect(examSizeNote({ count: 65, secondsPerQuestion: 120 }, 0, 0, limits)).toEqual(
			note('The exam will have 65 questions and 2 hours 10 minutes.')
		);
		expect(examSizeNote({ count: 6, secondsPerQuestion: 90 }, 6, 1, limits)).toEqual(
			note('The exam will have 6 questions and 9 minutes.')
		);
		expect(examSizeNote({ count: 5, secondsPerQuestion: 90 }, 6, 1, limits)).toEqual(
			note('The exam will have 5 questions and 7 minutes 30 seconds.')
		);
		// Without a valid time per question, the time is left out (its field says why).
		expect(examSizeNote({ count: 20, secondsPerQuestion: null }, 0, 0, limits)).toEqual(
			note('The exam will have 20 questions.')
		);
	});

	// The total (always there, changing with every keystroke) was in the live region with the
	// warning, so a screen reader announced it again and again: the page shows it plainly and
	// announces only the shortfall, which is empty whenever there is nothing to warn of.
	it('keeps the total apart from the shortfall warning, which is empty without a shortfall', () => {
		for (const [count, available, topics] of [
			[20, 0, 0],
			[20, 20, 1],
			[5, 120, 3],
			[120, 0, 0]
		] as const) {
			const { total, shortfall } = examSizeNote(
				{ count, secondsPerQuestion: 120 },
				available,
				topics,
				limits
			);
			expect(total).toMatch(/^The exam will have \d+ questions and .+\.$/);
			expect(shortfall).toBe('');
		}
		const short = examSizeNote({ count: 20, secondsPerQuestion: 120 }, 3, 1, limits);
		expect(short.shortfall).not.toContain('minutes');
		expect(short.total).not.toContain('Only');
	});

	it('says nothing while the count is not valid', () => {
		const nothing = note('');
		// No topic ticked is every topic: the count's own range covers it.
		expect(examSizeNote({ count: 200, secondsPerQuestion: 90 }, 6, 0, limits)).toEqual(nothing);
		expect(examSizeNote({ count: null, secondsPerQuestion: 90 }, 6, 1, limits)).toEqual(nothing);
		expect(examSizeNote({ count: 7.5, secondsPerQuestion: 90 }, 6, 1, limits)).toEqual(nothing);
	});

	// The field refuses a count outside its range (5 to the bank's size), and no exam of that size
	// starts: the note said "the exam will have 6 questions and 9 minutes, not 500" all the same.
	it('says nothing of a count the field refuses: above the bank, below the minimum', () => {
		const nothing = note('');
		expect(examSizeNote({ count: 500, secondsPerQuestion: 90 }, 6, 1, limits)).toEqual(nothing);
		expect(examSizeNote({ count: 121, secondsPerQuestion: 90 }, 6, 1, limits)).toEqual(nothing);
		expect(examSizeNote({ count: 3, secondsPerQuestion: 90 }, 2, 1, limits)).toEqual(nothing);
		expect(examSizeNote({ count: 4, secondsPerQuestion: 90 }, 2, 1, limits)).toEqual(nothing);
		// The ends of the range still get the note.
		expect(examSizeNote({ count: 120, secondsPerQuestion: 90 }, 6, 1, limits)).toEqual(
			note(
				'The exam will have 6 questions and 9 minutes.',
				'Only 6 questions match this topic: the exam will have 6, not 120.'
			)
		);
		expect(examSizeNote({ count: 5, secondsPerQuestion: 90 }, 2, 1, limits)).toEqual(
			note(
				'The exam will have 2 questions and 3 minutes.',
				'Only 2 questions match this topic: the exam will have 2, not 5.'
			)
		);
		// A bank smaller than 5 lowers the minimum to its size, as the field does.
		expect(examSizeNote({ count: 4, secondsPerQuestion: 60 }, 2, 1, { maxQuestions: 4 })).toEqual(
			note(
				'The exam will have 2 questions and 2 minutes.',
				'Only 2 questions match this topic: the exam will have 2, not 4.'
			)
		);
		expect(examSizeNote({ count: 3, secondsPerQuestion: 60 }, 2, 1, { maxQuestions: 4 })).toEqual(
			nothing
		);
	});

	it('words durations', () => {
		expect(examDurationText(540)).toBe('9 minutes');
		expect(examDurationText(60)).toBe('1 minute');
		expect(examDurationText(4530)).toBe('1 hour 15 minutes 30 seconds');
		expect(examDurationText(30)).toBe('30 seconds');
	});
});
