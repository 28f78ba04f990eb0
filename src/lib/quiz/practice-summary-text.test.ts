import { describe, expect, it } from 'vitest';
import { practiceSummaryText, questionsLeft } from './practice-summary-text';

describe('practiceSummaryText', () => {
	it('says how many were skipped, so the numbers add up', () => {
		expect(practiceSummaryText({ total: 10, answered: 6, correct: 0, skipped: 4 })).toBe(
			'You answered 6 of 10 questions and got 0 right. You skipped 4 questions.'
		);
		expect(practiceSummaryText({ total: 3, answered: 2, correct: 2, skipped: 1 })).toBe(
			'You answered 2 of 3 questions and got 2 right. You skipped 1 question.'
		);
	});

	it('says how many were left when the session was ended early', () => {
		expect(practiceSummaryText({ total: 10, answered: 4, correct: 2, skipped: 0 })).toBe(
			'You answered 4 of 10 questions and got 2 right. You ended the session with 6 questions left.'
		);
		expect(practiceSummaryText({ total: 10, answered: 3, correct: 1, skipped: 1 })).toBe(
			'You answered 3 of 10 questions and got 1 right. You skipped 1 question and ended the session with 6 left.'
		);
	});

	it('says only what was answered when every question was', () => {
		expect(practiceSummaryText({ total: 2, answered: 2, correct: 2, skipped: 0 })).toBe(
			'You answered 2 of 2 questions and got 2 right.'
		);
		expect(practiceSummaryText({ total: 1, answered: 1, correct: 0, skipped: 0 })).toBe(
			'You answered 1 of 1 question and got 0 right.'
		);
	});
});

describe('questionsLeft', () => {
	const outcome = { questionId: 'q', chosen: [], correct: false, skipped: false, timeMs: 0, at: 0 };
	const questions = (n: number) => Array.from({ length: n }, () => ({}) as never);

	it('counts the questions neither answered nor skipped', () => {
		expect(questionsLeft({ questions: questions(10), outcomes: [] })).toBe(10);
		expect(
			questionsLeft({
				questions: questions(10),
				outcomes: [outcome, { ...outcome, skipped: true }]
			})
		).toBe(8);
		expect(questionsLeft({ questions: questions(1), outcomes: [outcome] })).toBe(0);
	});
});
