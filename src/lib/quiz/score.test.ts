import { describe, expect, it } from 'vitest';
import { scoreExam, topicsWeakestFirst } from './exam-score';
import { percentOf, scoreQuestion, validateSelection } from './score';
import { q } from './test-fixtures';

const single = q('s1', 'mfa', { correct: [2] });
const two = q('m2', 'saml', { correct: [0, 3], options: 5 });
const three = q('m3', 'saml', { correct: [0, 1, 2], options: 6 });

describe('validateSelection', () => {
	it('single needs exactly one option', () => {
		expect(validateSelection(single, [1])).toEqual({ valid: true, required: 1, selected: 1 });
		expect(validateSelection(single, []).message).toBe('Select 1 option (0 selected)');
	});

	it('"Choose TWO" needs exactly two', () => {
		expect(validateSelection(two, [0]).message).toBe('Select 2 options (1 selected)');
		expect(validateSelection(two, [0, 1, 2])).toMatchObject({
			valid: false,
			selected: 3,
			message: 'Select 2 options (3 selected)'
		});
		expect(validateSelection(two, [1, 4]).valid).toBe(true);
	});

	it('rejects duplicates and options that do not exist', () => {
		expect(validateSelection(two, [1, 1]).valid).toBe(false);
		expect(validateSelection(two, [0, 9])).toMatchObject({
			valid: false,
			message: 'The selection refers to an option that does not exist'
		});
	});
});

describe('scoreQuestion', () => {
	it('scores single right and wrong', () => {
		expect(scoreQuestion(single, [2])).toMatchObject({
			correct: true,
			answered: true,
			partial: 1,
			correctOptions: [2]
		});
		expect(scoreQuestion(single, [0])).toMatchObject({
			correct: false,
			answered: true,
			partial: 0
		});
	});

	it('multiple is all-or-nothing', () => {
		expect(scoreQuestion(two, [3, 0]).correct).toBe(true);
		expect(scoreQuestion(two, [0, 1]).correct).toBe(false);
		expect(scoreQuestion(two, [0]).correct).toBe(false);
		expect(scoreQuestion(two, [0, 1, 3]).correct).toBe(false);
	});

	it('gives partial credit (right − wrong, floored at 0) / choose', () => {
		expect(scoreQuestion(two, [0, 1]).partial).toBe(0);
		expect(scoreQuestion(two, [0]).partial).toBe(0.5);
		expect(scoreQuestion(three, [0, 1, 4]).partial).toBeCloseTo(1 / 3);
		expect(scoreQuestion(three, [0, 1]).partial).toBeCloseTo(2 / 3);
		expect(scoreQuestion(three, [3, 4, 5]).partial).toBe(0);
		expect(scoreQuestion(three, [0, 1, 2]).partial).toBe(1);
	});

	it('unanswered is wrong with no credit', () => {
		expect(scoreQuestion(two)).toMatchObject({ correct: false, answered: false, partial: 0 });
		expect(scoreQuestion(single, [])).toMatchObject({ correct: false, answered: false });
	});
});

describe('scoreExam', () => {
	const questions = [
		q('a1', 'mfa', { correct: [0] }),
		q('a2', 'mfa', { correct: [1] }),
		q('b1', 'saml', { correct: [0, 1] }),
		q('b2', 'saml', { correct: [2] })
	];

	it('counts unanswered as wrong and breaks down by topic', () => {
		const r = scoreExam(questions, [[0], [], [0, 2], undefined], {
			flags: [false, true, false, false]
		});
		expect(r).toMatchObject({
			total: 4,
			answered: 2,
			correct: 1,
			percent: 25,
			passMark: 72,
			passed: false
		});
		expect(r.byTopic).toEqual([
			{ topic: 'mfa', total: 2, answered: 1, correct: 1, percent: 50 },
			{ topic: 'saml', total: 2, answered: 1, correct: 0, percent: 0 }
		]);
		expect(r.partialPercent).toBe(25); // 1 + 0 + 0 (1 right − 1 wrong) + 0
		expect(r.questions[1]).toMatchObject({
			questionId: 'a2',
			answered: false,
			correct: false,
			flagged: true,
			chosen: [],
			correctOptions: [1],
			lessons: ['lesson-mfa']
		});
		expect(r.questions[2]).toMatchObject({ chosen: [0, 2], correctOptions: [0, 1], partial: 0 });
	});

	// The results' "Score by topic" listed topics in draw order: the weakest first, then by name.
	it('lists topics weakest first, then by name, leaving the stored order alone', () => {
		const titles: Record<string, string> = {
			mfa: 'MFA',
			saml: 'SAML federation',
			chain: 'Role chaining',
			ext: 'ExternalId',
			web: 'Web identity'
		};
		const byTopic = [
			{ topic: 'mfa', total: 3, answered: 3, correct: 2, percent: 66 },
			{ topic: 'saml', total: 2, answered: 2, correct: 0, percent: 0 },
			{ topic: 'web', total: 2, answered: 2, correct: 1, percent: 50 },
			{ topic: 'chain', total: 4, answered: 4, correct: 2, percent: 50 },
			{ topic: 'ext', total: 3, answered: 1, correct: 0, percent: 0 }
		];
		const drawn = byTopic.map((t) => t.topic);
		expect(topicsWeakestFirst(byTopic, (id) => titles[id]!).map((t) => t.topic)).toEqual([
			'ext', // 0 %, "ExternalId" before "SAML federation"
			'saml',
			'chain', // 50 %, "Role chaining" before "Web identity"
			'web',
			'mfa'
		]);
		expect(byTopic.map((t) => t.topic)).toEqual(drawn);
		// Compared exactly: 2 of 3 (66.67 %) is weaker than 67 of 100 (67 %), though both round
		// to 67 %, so a comparison of rounded percentages would leave them in name order (a, b).
		const close = [
			{ topic: 'a', total: 100, correct: 67 },
			{ topic: 'b', total: 3, correct: 2 }
		];
		expect(topicsWeakestFirst(close, (id) => id).map((t) => t.topic)).toEqual(['b', 'a']);
	});

	it('passes at the configurable pass mark', () => {
		const all = scoreExam(questions, [[0], [1], [1, 0], [2]]);
		expect(all).toMatchObject({ percent: 100, passed: true });
		const three = scoreExam(questions, [[0], [1], [1, 0], [0]]);
		expect(three).toMatchObject({ percent: 75, passed: true });
		expect(scoreExam(questions, [[0], [1], [1, 0], [0]], { passMark: 80 }).passed).toBe(false);
	});

	it('rounds percentages down so a fail never shows the pass mark', () => {
		expect(percentOf(71.9, 100)).toBe(71);
		expect(percentOf(29, 100)).toBe(29);
		expect(percentOf(2, 3)).toBe(66);
		expect(percentOf(0, 0)).toBe(0);
		expect(scoreExam([], []).passed).toBe(false);
	});
});
