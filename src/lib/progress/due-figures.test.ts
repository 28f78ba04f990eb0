// "Due now" and "due today", wherever they are shown: SummaryStats ("Due for review now", home
// and /progress) and /quiz/due read "due now"; the forecast's and the study plan's "Today" read
// "due today". Each label is one count, computed by one function.
import { describe, expect, it } from 'vitest';
import { loadDashboard } from './dashboard-queries';
import { DAY_MS } from './day-calendar';
import { removePack, savePack } from './pack-repository';
import { openProgressStore } from './progress-store';
import { fixedEffects } from './progress-effects';
import type { CardRecord } from './record-schemas';
import { dueForecast, dueNowCount, reviewQueue } from './review-queue';
import { SCHEMA_VERSION } from './schema-primitives';
import { setExamDate } from './settings-repository';
import { studyPlan } from './study-plan';
import { makeCtx, memoryIdb, T0 } from './test-harness';

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

describe('the next review', () => {
	it('is the first card due after now, of a question the app or an installed pack has', async () => {
		const { ctx, db } = makeCtx();
		const now = T0 + 10 * DAY_MS;
		expect((await reviewQueue(ctx, now, 50)).nextDue).toBeUndefined();
		await db.cards.bulkPut([
			card('overdue', now - DAY_MS),
			card('dropped', now + 60_000), // the course no longer has it
			card('pack-q', now + 3_600_000),
			card('app-q', now + 2 * DAY_MS)
		]);
		const known = new Set(['overdue', 'app-q']);
		// Due now does not count as next; without `known` every card counts.
		expect((await reviewQueue(ctx, now, 50)).nextDue).toBe(now + 60_000);
		expect((await reviewQueue(ctx, now, 50, known)).nextDue).toBe(now + 2 * DAY_MS);
		await savePack(ctx, {
			id: 'p',
			version: '1.0.0',
			title: 'P',
			author: 'A',
			data: { questions: [{ id: 'pack-q' }] }
		});
		expect((await reviewQueue(ctx, now, 50, known)).nextDue).toBe(now + 3_600_000);
		// A card due exactly now is due now, not next.
		expect((await reviewQueue(ctx, now + 60_000, 50)).nextDue).toBe(now + 3_600_000);
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

describe('cards of questions the app does not have', () => {
	const pack = {
		id: 'community',
		version: '1.0.0',
		title: 'Community',
		author: 'A. Author',
		data: { questions: [{ id: 'pack-1' }, { id: 'pack-2' }, { id: 'pack-later' }] }
	};
	const now = T0 + 10 * DAY_MS;
	const seed = () =>
		[
			card('app-1', now - 3 * DAY_MS),
			card('pack-1', now - 2 * DAY_MS),
			card('dropped', now - 2 * DAY_MS), // a question the course no longer has
			card('app-2', now - DAY_MS),
			card('pack-2', now - 60_000),
			card('pack-later', now + DAY_MS)
		] satisfies CardRecord[];
	const known = new Set(['app-1', 'app-2']);

	it("a removed pack's cards are not due (nor served), are kept, and are due again when it comes back", async () => {
		const { ctx, db } = makeCtx();
		await db.cards.bulkPut(seed());
		await savePack(ctx, pack);
		const figures = async () => {
			const d = await loadDashboard(ctx, now, { known });
			const q = await reviewQueue(ctx, now, 3, known);
			const plan = await studyPlan(ctx, now, [], known);
			return {
				dueNow: d.dueNow,
				forecast: d.dueForecast.slice(0, 2).map((f) => f.count),
				plan: plan.days.slice(0, 2).map((p) => p.dueReviews),
				queue: [q.dueNow, q.cards.map((c) => c.questionId)]
			};
		};
		// Installed: the app's and the pack's; never the dropped question's.
		expect(await figures()).toEqual({
			dueNow: 4,
			forecast: [4, 1],
			plan: [4, 1],
			queue: [4, ['app-1', 'pack-1', 'app-2']]
		});
		await removePack(ctx, pack.id);
		expect(await figures()).toEqual({
			dueNow: 2,
			forecast: [2, 0],
			plan: [2, 0],
			queue: [2, ['app-1', 'app-2']]
		});
		expect(await dueNowCount(ctx, now, known)).toBe(2);
		// Nothing of the learner's is deleted…
		expect(await db.cards.count()).toBe(6);
		// …and installing the pack again brings its reviews back, schedule intact.
		await savePack(ctx, pack);
		expect((await figures()).queue).toEqual([4, ['app-1', 'pack-1', 'app-2']]);
		// Without the app's question ids (content not known), every card counts, as before.
		expect(await dueNowCount(ctx, now)).toBe(5);
		expect((await dueForecast(ctx, now, 2))[0]!.count).toBe(5);
	});

	it("the study plan's topics with nothing due before the exam leave out a removed pack's cards", async () => {
		const { ctx, db } = makeCtx();
		// Set first: setting it pulls cards due after the exam in before it.
		await setExamDate(ctx, now + 20 * DAY_MS);
		// Only the pack's question is scheduled before the exam (in 20 days); the app's is after.
		await db.cards.bulkPut([
			{ ...card('pack-1', now + 2 * DAY_MS), topic: 'saml' },
			{ ...card('app-1', now + 30 * DAY_MS), topic: 'saml' }
		]);
		await savePack(ctx, pack);
		const catalogue = [{ topic: 'saml', questionCount: 2 }];
		const unscheduled = async () =>
			(await studyPlan(ctx, now, catalogue, known)).notScheduledBeforeExam;
		expect(await unscheduled()).toEqual([]);
		await removePack(ctx, pack.id);
		expect(await unscheduled()).toEqual(['saml']);
		// Without the app's question ids every card counts, as before.
		expect((await studyPlan(ctx, now, catalogue)).notScheduledBeforeExam).toEqual([]);
	});

	it('the store counts them out once it knows the questions, on the dashboard and the due queue alike', async () => {
		const store = await openProgressStore({
			idb: memoryIdb(),
			effects: fixedEffects({ start: now })
		});
		await store.savePack(pack);
		const ids = [...known];
		for (const c of seed())
			await store.recordAnswer({
				questionId: c.questionId,
				topic: 'mfa',
				chosen: [0],
				correct: false,
				timeMs: 5000,
				mode: 'practice'
			});
		// A wrong answer is due again within minutes.
		const later = now + DAY_MS / 2;
		expect((await store.dashboard(later)).dueNow).toBe(6);
		store.setQuestionIds(ids);
		expect((await store.dashboard(later)).dueNow).toBe(5);
		await store.removePack(pack.id);
		expect((await store.dashboard(later)).dueNow).toBe(2);
		expect((await store.reviewQueue(later, 50)).cards.map((c) => c.questionId).sort()).toEqual(ids);
		store.setQuestionIds(undefined);
		expect((await store.reviewQueue(later, 50)).dueNow).toBe(6);
		store.close();
	});
});
