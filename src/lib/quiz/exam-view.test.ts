import { describe, expect, it } from 'vitest';
import { examReviewLists, examVerdict, unansweredExamNote } from './exam-view';
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

describe('unansweredExamNote', () => {
	it('says unanswered questions are wrong in the score but not recorded as answers', () => {
		expect(unansweredExamNote(0)).toBe('');
		expect(unansweredExamNote(1)).toBe(
			'The question left unanswered counts as wrong in this score. It is not recorded as an ' +
				'answer, so your progress and your review schedule leave it out.'
		);
		expect(unansweredExamNote(5)).toBe(
			'The 5 questions left unanswered count as wrong in this score. They are not recorded as ' +
				'answers, so your progress and your review schedule leave them out.'
		);
	});
});
