import { describe, expect, it } from 'vitest';
import { examSetupErrors, examSetupRange } from './exam-setup';

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
