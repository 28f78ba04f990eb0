import { describe, expect, it } from 'vitest';
import { examReviewLists, examVerdict } from './exam-view';
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
