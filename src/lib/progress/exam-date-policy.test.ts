import { Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { recordAnswer } from './attempt-repository';
import { scheduleCard, type ScheduledAnswer } from './card-scheduler';
import { DAY_MS } from './day-calendar';
import { adjustDue, isWeakTopic, latestDueBefore, requestRetention } from './exam-date-policy';
import { setExamDate } from './settings-repository';
import { MAX_PLAN_DAYS, studyPlan } from './study-plan';
import { answer, makeCtx, T0 } from './test-harness';
import { emptyTopicAggregate, addAttemptToTopic } from './aggregate-builder';
import type { AttemptRecord } from './record-schemas';

const exam = T0 + 30 * DAY_MS;

describe('requestRetention ramps 0.9 → 0.95 over the last 14 days', () => {
	it.each([
		[null, 0, 0.9],
		[exam, 0, 0.9],
		[exam, 16, 0.9],
		[exam, 16 + 7, 0.925],
		[exam, 30 - 0.001, 0.95],
		[exam, 31, 0.9]
	])('exam %s, day %s → %s', (examAt, day, r) => {
		expect(requestRetention(T0 + day * DAY_MS, examAt)).toBeCloseTo(r, 4);
	});
});

describe('due dates with an exam ahead', () => {
	it('caps at one day before the exam, or halfway when closer', () => {
		expect(latestDueBefore(T0, exam)).toBe(exam - DAY_MS);
		expect(latestDueBefore(exam - 10 * 3_600_000, exam)).toBe(exam - 5 * 3_600_000);
		expect(latestDueBefore(T0, null)).toBeUndefined();
		expect(latestDueBefore(exam + 1, exam)).toBeUndefined();
	});

	it('halves long intervals in weak topics, never below a day, and leaves short ones', () => {
		expect(adjustDue(T0 + 10 * DAY_MS, T0, exam, true)).toBe(T0 + 5 * DAY_MS);
		expect(adjustDue(T0 + 1.5 * DAY_MS, T0, exam, true)).toBe(T0 + DAY_MS);
		expect(adjustDue(T0 + 600_000, T0, exam, true)).toBe(T0 + 600_000);
		expect(adjustDue(T0 + 10 * DAY_MS, T0, null, true)).toBe(T0 + 10 * DAY_MS);
		expect(adjustDue(T0 + 60 * DAY_MS, T0, exam, false)).toBe(exam - DAY_MS);
	});

	it('a topic is weak below 70 % smoothed recent accuracy over ≥ 5 answers', () => {
		let agg = emptyTopicAggregate('saml', T0);
		const add = (correct: boolean, i: number) =>
			(agg = addAttemptToTopic(agg, { id: `a${i}`, at: T0 + i, correct } as AttemptRecord));
		[true, false, false, true].forEach(add);
		expect(isWeakTopic(agg)).toBe(false); // only 4 answers
		add(false, 5);
		expect(isWeakTopic(agg)).toBe(true); // (2+1)/(5+2) = 43 %
	});

	it('a well-known card never falls due after the exam', () => {
		let card;
		let now = T0;
		for (let i = 0; i < 6; i++) {
			card = scheduleCard(
				card,
				{
					questionId: 'q',
					topic: 't',
					questionDifficulty: 2,
					correct: true,
					grade: Rating.Easy,
					at: now
				},
				{ examAt: exam }
			);
			expect(card.due).toBeLessThanOrEqual(latestDueBefore(now, exam)!);
			expect(card.due).toBeLessThan(exam);
			now = card.due;
		}
		// Without the exam the same history runs past it.
		const free = scheduleCard(card, {
			questionId: 'q',
			topic: 't',
			questionDifficulty: 2,
			correct: true,
			grade: Rating.Easy,
			at: now
		});
		expect(free.due).toBeGreaterThan(exam);
		expect(free.state).toBe(State.Review);
	});

	it("an answer timed before the card's last review (clock skew) does not break FSRS", () => {
		const base: Omit<ScheduledAnswer, 'at'> = {
			questionId: 'q',
			topic: 't',
			questionDifficulty: 2,
			correct: true,
			grade: Rating.Good
		};
		const later = scheduleCard(undefined, { ...base, at: T0 + DAY_MS });
		const skewed = scheduleCard(later, { ...base, at: T0 });
		expect(skewed.reps).toBe(2);
		expect(skewed.lastReview).toBe(T0 + DAY_MS);
		expect(skewed.lastAnsweredAt).toBe(T0 + DAY_MS);
	});
});

describe('exam date through the repository, with a fake clock', () => {
	it('setExamDate pulls in late cards, spread out, and recordAnswer keeps them before it', async () => {
		const { ctx, db } = makeCtx();
		for (let i = 0; i < 8; i++) {
			await recordAnswer(ctx, answer({ questionId: `q-${i}`, timeMs: 3000 }));
			ctx.effects.advance(11 * 60_000);
			await recordAnswer(ctx, answer({ questionId: `q-${i}`, timeMs: 3000 }));
		}
		ctx.effects.set(T0 + 3 * DAY_MS);
		for (let i = 0; i < 8; i++)
			await recordAnswer(ctx, answer({ questionId: `q-${i}`, timeMs: 3000 }));
		const examAt = T0 + 8 * DAY_MS;
		expect(await db.cards.where('due').above(examAt).count()).toBeGreaterThan(0);
		const moved = await setExamDate(ctx, examAt);
		expect(moved).toBeGreaterThan(0);
		const cards = await db.cards.toArray();
		const cap = examAt - DAY_MS;
		for (const c of cards) expect(c.due).toBeLessThanOrEqual(cap);
		const movedDues = new Set(
			cards.filter((c) => c.due > ctx.effects.now() + 2 * DAY_MS).map((c) => c.due)
		);
		expect(movedDues.size).toBe(moved); // spread, not piled onto one instant
		ctx.effects.set(T0 + 6 * DAY_MS);
		const r = await recordAnswer(ctx, answer({ questionId: 'q-0', timeMs: 3000 }));
		expect(r.card.due).toBeLessThanOrEqual(examAt - DAY_MS);
	});

	it('studyPlan puts every catalogue topic on a day before the exam, weakest first', async () => {
		const { ctx } = makeCtx();
		const catalogue = ['assume-role', 'mfa', 'saml', 'regions', 'ec2-roles', 'revocation'].map(
			(topic) => ({ topic, questionCount: 10 })
		);
		for (let i = 0; i < 6; i++) {
			ctx.effects.advance(60_000);
			await recordAnswer(ctx, answer({ topic: 'saml', questionId: `s-${i}`, correct: i === 0 }));
			await recordAnswer(ctx, answer({ topic: 'mfa', questionId: `m-${i}` }));
		}
		const examAt = T0 + 4 * DAY_MS + 3_600_000;
		await setExamDate(ctx, examAt);
		const plan = await studyPlan(ctx, ctx.effects.now(), catalogue);
		expect(plan.days.map((d) => d.day)).toEqual([
			'2025-03-03',
			'2025-03-04',
			'2025-03-05',
			'2025-03-06'
		]);
		const planned = new Set(plan.days.flatMap((d) => d.focusTopics));
		for (const c of catalogue) expect(planned.has(c.topic)).toBe(true);
		// Unstudied topics (mastery 0) come first, then weak saml before strong mfa.
		const order = plan.topics.map((t) => t.topic);
		expect(order.indexOf('saml')).toBeLessThan(order.indexOf('mfa'));
		expect(plan.days[0]!.dueReviews).toBe(12);
		// saml is weak: it is planned twice, the second time near the exam.
		const samlDays = plan.days.flatMap((d, i) => (d.focusTopics.includes('saml') ? [i] : []));
		expect(samlDays.length).toBe(2);
		expect(plan.notScheduledBeforeExam).toEqual(
			expect.arrayContaining(['regions', 'ec2-roles', 'revocation'])
		);
	});

	it('an exam years away is planned over the first 180 days, every topic included', async () => {
		const { ctx } = makeCtx();
		await setExamDate(ctx, Date.UTC(2099, 5, 1));
		const catalogue = ['mfa', 'saml', 'regions'].map((topic) => ({ topic, questionCount: 4 }));
		const plan = await studyPlan(ctx, T0, catalogue);
		expect(plan.examAt).toBe(Date.UTC(2099, 5, 1));
		expect(plan.days).toHaveLength(MAX_PLAN_DAYS);
		const planned = new Set(plan.days.flatMap((d) => d.focusTopics));
		expect([...planned].sort()).toEqual(['mfa', 'regions', 'saml']);
	});

	it('without an exam date the plan covers a week', async () => {
		const { ctx } = makeCtx();
		const plan = await studyPlan(ctx, T0, [{ topic: 'mfa', questionCount: 3 }]);
		expect(plan.days).toHaveLength(7);
		expect(plan.examAt).toBeNull();
		expect(plan.days[0]!.focusTopics).toEqual(['mfa']);
	});
});
