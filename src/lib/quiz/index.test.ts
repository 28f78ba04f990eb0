import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Question } from '../content/question-schema';
import type { QuizQuestion } from '../content/question-loader';
import * as quiz from './index';

describe('public surface', () => {
	it('accepts both authored and rendered questions', () => {
		expectTypeOf<Question>().toExtend<quiz.QuizItemSource>();
		expectTypeOf<QuizQuestion>().toExtend<quiz.QuizItemSource>();
		const question: Question = {
			id: 'xacct-lambda',
			topic: 'cross-account',
			type: 'multiple',
			choose: 2,
			difficulty: 2,
			stem: 'Which TWO?',
			options: [
				{ text: 'a', correct: true, why: 'w' },
				{ text: 'b', correct: false, why: 'w', misconception: 'long-term-keys-ok' },
				{ text: 'c', correct: true, why: 'w' }
			],
			sources: ['https://docs.aws.amazon.com/']
		};
		expect(quiz.toQuizItem(question)).toEqual({
			id: 'xacct-lambda',
			topic: 'cross-account',
			type: 'multiple',
			choose: 2,
			difficulty: 2,
			options: [{ correct: true }, { correct: false }, { correct: true }]
		});
		expect(quiz.validateSelection(question, [0]).message).toBe('Select 2 options (1 selected)');
	});

	it('exports the machines, helpers and constants', () => {
		expect(typeof quiz.createExamMachine).toBe('function');
		expect(typeof quiz.createPracticeMachine).toBe('function');
		expect(typeof quiz.loadQuiz).toBe('function');
		// restore (zod checks) is left out on purpose: loadQuiz imports it only when needed.
		expect('restore' in quiz).toBe(false);
		expect(quiz.DEFAULT_PASS_MARK).toBe(72);
		expect(quiz.DEFAULT_EXAM_SIZE).toBe(20);
		expect(quiz.DEFAULT_MS_PER_QUESTION).toBe(120_000);
		expect(quiz.QUIZ_MACHINE_VERSION).toEqual({ exam: 1, practice: 1 });
	});
});
