import { describe, expect, it } from 'vitest';
import {
	examResultCounts,
	examResultSummary,
	examReviewLists,
	examVerdict,
	unansweredExamNote
} from './exam-view';
import { scoreExam } from './exam-score';

const chooseTwo = {
	id: 'q-two',
	topic: 'mfa',
	type: 'multi' as const,
	options: [{ correct: true }, { correct: true }, { correct: false }, { correct: false }]
};

describe('exam results and review lists', () => {
	it('call a partly chosen "choose two" question incomplete, whether its one pick is right or wrong', () => {
		const questions = [chooseTwo, chooseTwo, chooseTwo, chooseTwo, chooseTwo];
		const answers = [[0, 1], [0, 2], [0], [2], []];
		const result = scoreExam(questions as never, answers);
		expect(result.questions.map(examVerdict)).toEqual([
			'✓ Correct',
			'✗ Incorrect',
			'✗ Incomplete: 1 of 2 chosen',
			'✗ Incomplete: 1 of 2 chosen',
			'✗ Not answered'
		]);
		const lists = examReviewLists({ questions: questions as never, answers, flags: [] });
		expect(lists.answered).toEqual([0, 1]);
		expect(lists.incomplete).toEqual([2, 3]);
		expect(lists.unanswered).toEqual([2, 3, 4]);
	});
});

describe('the results count as the review screen does', () => {
	const chooseOne = {
		id: 'q-one',
		topic: 'mfa',
		type: 'single' as const,
		options: [{ correct: true }, { correct: false }, { correct: false }, { correct: false }]
	};
	// The user test's exam: ten questions, Q1 and Q3 answered (one right), one option picked on
	// two "choose two" questions, six left alone.
	const questions = [chooseOne, chooseTwo, chooseOne, chooseTwo, ...Array(6).fill(chooseOne)];
	const answers = [[0], [0], [1], [2], [], [], [], [], [], []];

	it("answered, incomplete and unanswered: the review screen's three groups", () => {
		const lists = examReviewLists({ questions: questions as never, answers, flags: [] });
		const counts = examResultCounts(scoreExam(questions as never, answers));
		expect(counts).toEqual({ total: 10, correct: 1, answered: 2, incomplete: 2, unanswered: 6 });
		expect(counts.answered).toBe(lists.answered.length);
		expect(counts.incomplete).toBe(lists.incomplete.length);
		expect(counts.unanswered).toBe(lists.unanswered.length - lists.incomplete.length);
		expect(examResultSummary(counts)).toBe(
			'1 of 10 correct: 2 answered, 2 incomplete, 6 unanswered.'
		);
		expect(unansweredExamNote(counts)).toBe(
			'The 2 incomplete questions and the 6 left unanswered count as wrong in this score. ' +
				'They are not recorded as answers, so your progress and your review schedule leave them out.'
		);
	});

	it('leaves out a group with no question', () => {
		expect(
			examResultSummary({ total: 5, correct: 5, answered: 5, incomplete: 0, unanswered: 0 })
		).toBe('5 of 5 correct: 5 answered.');
		expect(
			examResultSummary({ total: 5, correct: 0, answered: 0, incomplete: 1, unanswered: 4 })
		).toBe('0 of 5 correct: 0 answered, 1 incomplete, 4 unanswered.');
	});
});

describe('unansweredExamNote', () => {
	it('says incomplete and unanswered questions are wrong in the score but not recorded as answers', () => {
		expect(unansweredExamNote({ incomplete: 0, unanswered: 0 })).toBe('');
		expect(unansweredExamNote({ incomplete: 0, unanswered: 1 })).toBe(
			'The question left unanswered counts as wrong in this score. It is not recorded as an ' +
				'answer, so your progress and your review schedule leave it out.'
		);
		expect(unansweredExamNote({ incomplete: 0, unanswered: 5 })).toBe(
			'The 5 questions left unanswered count as wrong in this score. They are not recorded as ' +
				'answers, so your progress and your review schedule leave them out.'
		);
		expect(unansweredExamNote({ incomplete: 1, unanswered: 0 })).toBe(
			'The incomplete question counts as wrong in this score. It is not recorded as an ' +
				'answer, so your progress and your review schedule leave it out.'
		);
		expect(unansweredExamNote({ incomplete: 1, unanswered: 1 })).toBe(
			'The 1 incomplete question and the 1 left unanswered count as wrong in this score. They ' +
				'are not recorded as answers, so your progress and your review schedule leave them out.'
		);
	});
});
