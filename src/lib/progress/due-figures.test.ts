// "Due now" and "due today", wherever they are shown: SummaryStats ("Due for review now", home
// and /progress) and /quiz/due read "due now"; the forecast's and the study plan's "Today" read
// "due today". Each label is one count, computed by one function.
import { describe, expect, it } from 'vitest';
import { loadDashboard } from './dashboard-queries';
import { DAY_MS } from './day-calendar';
import { fixedEffects } from './progress-effects';
import type { CardRecord } from './record-schemas';
import { dueNowCount, reviewQueue } from './review-queue';
import { SCHEMA_VERSION } from './schema-primitives';
import { studyPlan } from './study-plan';
import { makeCtx, T0 } from './test-harness';

function card(questionId: string, due: number): CardRecord {
	return {
		questionId,
		schemaVersion: SCHEMA_VERSION,
		topic: 'mfa',
		questionDifficulty: 2,
		due,
		stability: 3,
		difficulty: 5,
		elapsedDays: 1,
		scheduledDays: 3,
		learningSteps: 0,
		reps: 2,
		lapses: 0,
		state: 2,
		lastReview: due - 3 * DAY_MS,
		lastCorrect: true,
		lastAnsweredAt: due - 3 * DAY_MS
	};
}

describe('"due now"', () => {
	it('is the same count on the dashboard and in the review queue the due page starts from', async () => {
		const { ctx, db } = makeCtx();
		const now = T0 + 10 * DAY_MS;
		// 60 due now (the due page's session holds 50), 5 due later today, 5 tomorrow.
		await db.cards.bulkPut([
			...Array.from({ length: 60 }, (_, i) => card(`due-${i}`, now - (i + 1) * 3_600_000)),
			...Array.from({ length: 5 }, (_, i) => card(`later-${i}`, now + (i + 1) * 60_000)),
			...Array.from({ length: 5 }, (_, i) => card(`tomorrow-${i}`, now + DAY_MS))
		]);
		const d = await loadDashboard(ctx, now);
		const q = await reviewQueue(ctx, now, 50);
		expect(d.dueNow).toBe(60);
		expect(q.dueNow).toBe(d.dueNow);
		// The page is the most overdue first, at most the limit; the count is not capped by it.
		expect(q.cards).toHaveLength(50);
		expect(q.cards[0]!.questionId).toBe('due-59');
		expect(q.cards.every((c) => c.due <= now)).toBe(true);
		expect(q.cards.map((c) => c.due)).toEqual(q.cards.map((c) => c.due).sort((a, b) => a - b));
		// A card due exactly now is due now.
		expect(await dueNowCount(ctx, now + 60_000)).toBe(61);
		expect((await reviewQueue(ctx, now + 60_000, 500)).dueNow).toBe(61);
		expect((await reviewQueue(ctx, now + 60_000, 500)).cards).toHaveLength(61);
	});
});

describe('"due today"', () => {
	it("is everything due before the learner's next local midnight, overdue included, in the forecast and the plan alike", async () => {
		// UTC+2: T0 is 11:00 local on 2025-03-03; the local day ends at 22:00 UTC.
		const { ctx, db } = makeCtx({ effects: fixedEffects({ start: T0, utcOffsetMinutes: 120 }) });
		const now = T0 + 3_600_000; // 12:00 local
		const midnight = Date.UTC(2025, 2, 3, 22, 0, 0);
		await db.cards.bulkPut([
			card('overdue', now - 2 * DAY_MS),
			card('exactly-now', now),
			card('this-evening', now + 60_000),
			card('last-moment', midnight - 1),
			card('tomorrow', midnight)
		]);
		const d = await loadDashboard(ctx, now);
		expect(d.dueNow).toBe(2);
		expect(d.dueForecast[0]).toEqual({ day: '2025-03-03', count: 4 });
		expect(d.dueForecast[1]).toEqual({ day: '2025-03-04', count: 1 });
		const plan = await studyPlan(ctx, now);
		expect(plan.days.map((p) => [p.day, p.dueReviews])).toEqual(
			d.dueForecast.slice(0, plan.days.length).map((f) => [f.day, f.count])
		);
	});
});
