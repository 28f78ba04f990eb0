import { describe, expect, it } from 'vitest';
import { createRandom } from './seeded-random';
import {
	drawExam,
	filterByTopics,
	orderDueFirst,
	selectDueSession,
	selectPractice,
	selectReviewMistakes
} from './select-questions';
import { bank } from './test-fixtures';

const topics = ['credentials', 'assume-role', 'cross-account', 'mfa', 'saml'];
const questions = bank(topics, 9);
const ids = (qs: { id: string }[]) => qs.map((x) => x.id);

describe('filterByTopics / selectPractice', () => {
	it('filters by topic, or keeps all', () => {
		expect(filterByTopics(questions, ['mfa']).every((x) => x.topic === 'mfa')).toBe(true);
		expect(filterByTopics(questions, ['mfa'])).toHaveLength(9);
		expect(filterByTopics(questions)).toHaveLength(45);
		expect(filterByTopics(questions, [])).toHaveLength(45);
	});

	it('shuffles reproducibly and honours the limit', () => {
		const a = selectPractice(questions, {
			random: createRandom('p'),
			topics: ['mfa', 'saml'],
			limit: 10
		});
		const b = selectPractice(questions, {
			random: createRandom('p'),
			topics: ['mfa', 'saml'],
			limit: 10
		});
		const c = selectPractice(questions, {
			random: createRandom('other'),
			topics: ['mfa', 'saml'],
			limit: 10
		});
		expect(ids(a)).toEqual(ids(b));
		expect(ids(a)).not.toEqual(ids(c));
		expect(a).toHaveLength(10);
		expect(a.every((x) => x.topic === 'mfa' || x.topic === 'saml')).toBe(true);
	});
});

describe('drawExam', () => {
	it('draws 20 distinct questions by default, reproducibly', () => {
		const a = drawExam(questions, { random: createRandom('exam') });
		expect(a).toHaveLength(20);
		expect(new Set(ids(a)).size).toBe(20);
		expect(ids(drawExam(questions, { random: createRandom('exam') }))).toEqual(ids(a));
		expect(ids(drawExam(questions, { random: createRandom('exam-2') }))).not.toEqual(ids(a));
	});

	it('spreads evenly across topics', () => {
		const a = drawExam(questions, { random: createRandom('spread'), count: 20 });
		const perTopic = topics.map((t) => a.filter((x) => x.topic === t).length);
		expect(perTopic).toEqual([4, 4, 4, 4, 4]);
		const b = drawExam(questions, { random: createRandom('spread'), count: 12 });
		const counts = topics.map((t) => b.filter((x) => x.topic === t).length);
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
	});

	it('keeps drawing from the topics that still have questions', () => {
		const uneven = [...bank(['small'], 2), ...bank(['big'], 20)];
		const a = drawExam(uneven, { random: createRandom('u'), count: 10 });
		expect(a.filter((x) => x.topic === 'small')).toHaveLength(2);
		expect(a.filter((x) => x.topic === 'big')).toHaveLength(8);
		expect(drawExam(uneven, { random: createRandom('u'), count: 50 })).toHaveLength(22);
	});

	it('mixes difficulties according to the target mix', () => {
		const a = drawExam(questions, { random: createRandom('mix'), count: 20 });
		const byDifficulty = [1, 2, 3].map((d) => a.filter((x) => x.difficulty === d).length);
		expect(byDifficulty).toEqual([5, 10, 5]);
		const hard = drawExam(questions, {
			random: createRandom('mix'),
			count: 15,
			mix: { 1: 0, 2: 0, 3: 1 }
		});
		expect(hard.every((x) => x.difficulty === 3)).toBe(true);
	});

	it('restricts the draw to the chosen topics', () => {
		const a = drawExam(questions, { random: createRandom('t'), topics: ['mfa'], count: 5 });
		expect(a.every((x) => x.topic === 'mfa')).toBe(true);
	});
});

describe('selectReviewMistakes', () => {
	it('picks exactly the questions whose last attempt was wrong', () => {
		const last = new Map<string, boolean | { correct: boolean }>([
			['mfa-0', false],
			['mfa-1', true],
			['saml-3', { correct: false }],
			['saml-4', { correct: true }],
			['unknown-question', false]
		]);
		expect(ids(selectReviewMistakes(questions, last))).toEqual(['mfa-0', 'saml-3']);
		expect(ids(selectReviewMistakes(questions, { 'mfa-2': false, 'mfa-0': true }))).toEqual([
			'mfa-2'
		]);
		expect(selectReviewMistakes(questions, {})).toEqual([]);
	});
});

describe('orderDueFirst', () => {
	it('puts due questions first, in due order, then the rest', () => {
		const small = bank(['a'], 5);
		const out = orderDueFirst(small, ['a-3', 'a-1', 'nope', 'a-3']);
		expect(ids(out)).toEqual(['a-3', 'a-1', 'a-0', 'a-2', 'a-4']);
	});

	it('shuffles the rest reproducibly when given a random source', () => {
		const out = orderDueFirst(questions, ['mfa-1'], createRandom('d'));
		expect(out[0].id).toBe('mfa-1');
		expect(out).toHaveLength(45);
		expect(ids(orderDueFirst(questions, ['mfa-1'], createRandom('d')))).toEqual(ids(out));
	});
});

describe('selectDueSession', () => {
	const byId = new Map(questions.map((x) => [x.id, x]));

	it('keeps the "due now" count it is given and takes the most overdue, up to the session size', () => {
		const dueIds = questions.slice(0, 12).map((x) => x.id);
		const s = selectDueSession({ dueNow: 60, questionIds: dueIds }, byId, 10);
		expect(s.dueNow).toBe(60);
		expect(ids(s.questions)).toEqual(dueIds.slice(0, 10));
		expect(s.unavailable).toBe(0);
		// 60 due now = 10 in this session + 50 left for the next ones.
		expect(s.remaining).toBe(50);
	});

	it('counts the due questions it cannot show (a removed pack), so the figures still add up', () => {
		const dueIds = ['gone-1', questions[3]!.id, 'gone-2', questions[7]!.id];
		const s = selectDueSession({ dueNow: 4, questionIds: dueIds }, byId, 50);
		expect(s).toMatchObject({ dueNow: 4, unavailable: 2, remaining: 0 });
		expect(ids(s.questions)).toEqual([questions[3]!.id, questions[7]!.id]);
		const none = selectDueSession({ dueNow: 2, questionIds: ['gone-1', 'gone-2'] }, byId, 50);
		expect(none).toEqual({ dueNow: 2, questions: [], unavailable: 2, remaining: 0 });
	});

	it('is empty when nothing is due', () => {
		expect(selectDueSession({ dueNow: 0, questionIds: [] }, byId, 50)).toEqual({
			dueNow: 0,
			questions: [],
			unavailable: 0,
			remaining: 0
		});
	});
});
