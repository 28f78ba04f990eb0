import { describe, expect, it } from 'vitest';
import type { DayAggregate, TopicAggregate } from './aggregate-schema';
import { emptyDayAggregate } from './aggregate-builder';
import { AppDB } from './app-db';
import { recordAnswer } from './attempt-repository';
import { loadDashboard } from './dashboard-queries';
import { DAY_MS } from './day-calendar';
import { fixedEffects } from './progress-effects';
import { topicMastery } from './mastery-model';
import { estimateReadiness, readinessExplanation } from './readiness-estimate';
import { dueCards, dueForecast } from './review-queue';
import { SCHEMA_VERSION } from './schema-primitives';
import { computeStreak } from './study-streak';
import { answer, countReads, makeCtx, seedSample, T0 } from './test-harness';

const active = (day: string, attempts = 1): DayAggregate => ({
	...emptyDayAggregate(day),
	attempts
});

describe('study streak', () => {
	const days = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-05', '2025-03-06'].map((d) =>
		active(d)
	);
	it('counts through yesterday when today is not studied yet', () => {
		expect(computeStreak(days, '2025-03-07')).toEqual({
			current: 2,
			longest: 3,
			activeToday: false,
			lastActiveDay: '2025-03-06'
		});
	});
	it('includes today once studied', () => {
		expect(computeStreak([...days, active('2025-03-07')], '2025-03-07').current).toBe(3);
	});
	it('is broken after a whole empty day, and lesson-only days count', () => {
		expect(computeStreak(days, '2025-03-08').current).toBe(0);
		const lessonDay = { ...emptyDayAggregate('2025-03-07'), lessonsStarted: 1 };
		expect(computeStreak([...days, lessonDay], '2025-03-07').current).toBe(3);
		expect(computeStreak([], '2025-03-07')).toEqual({ current: 0, longest: 0, activeToday: false });
	});
});

describe('mastery and readiness', () => {
	const agg = (recent: boolean[], seen: number, stable: number): TopicAggregate => ({
		key: 'topic:mfa',
		kind: 'topic',
		schemaVersion: SCHEMA_VERSION,
		topic: 'mfa',
		attempts: recent.length,
		correct: recent.filter(Boolean).length,
		recent: recent.map((correct, i) => ({ at: T0 + i, id: `a${i}`, correct })),
		lastAt: T0,
		seenCards: seen,
		stableCards: stable
	});

	it('mastery = 0.6 × smoothed recent accuracy + 0.4 × stable share', () => {
		const m = topicMastery(agg([true, true, true, false], 4, 2), {
			topic: 'mfa',
			questionCount: 8
		});
		// A = (3+1)/(4+2) = 0.667; S = 2 / max(4, min(15, 8)) = 0.25
		expect(m.recentAccuracy).toBeCloseTo(4 / 6);
		expect(m.retention).toBeCloseTo(0.25);
		expect(m.mastery).toBeCloseTo(0.6 * (4 / 6) + 0.4 * 0.25);
		expect(m.level).toBe('developing');
		expect(topicMastery(undefined, { topic: 'saml', questionCount: 5 }).level).toBe('not-started');
		const full = topicMastery(agg(Array(20).fill(true), 15, 15));
		expect(full.level).toBe('mastered');
	});

	it('readiness is K before an exam, ½K + ½E after, with unseen topics at 0', () => {
		const topics = [
			topicMastery(agg(Array(20).fill(true), 15, 15)),
			topicMastery(undefined, { topic: 'saml', questionCount: 5 })
		];
		const r = estimateReadiness(
			topics,
			[],
			[
				{ topic: 'mfa', questionCount: 20, weight: 3 },
				{ topic: 'saml', questionCount: 5 }
			]
		);
		expect(r.knowledge).toBeCloseTo((3 * topics[0]!.mastery) / 4);
		expect(r.score).toBe(r.knowledge);
		expect(r.unseenTopics).toEqual(['saml']);
		expect(r.confidence).toBe('low');
		const withExam = estimateReadiness(
			topics,
			[{ score: 0.8 } as never, { score: 0.6 } as never],
			[]
		);
		expect(withExam.examAverage).toBeCloseTo(0.7);
		expect(withExam.score).toBeCloseTo(0.5 * withExam.knowledge + 0.35);
		const text = readinessExplanation(r);
		expect(text).toMatch(/^Readiness \d+% against a pass mark of 72%\./);
		expect(text).toMatch(/Not yet studied: saml\./);
		expect(text).toMatch(/Take a mock exam/);
		expect(readinessExplanation(withExam)).toMatch(/last 2 mock exams averaged 70%/);
	});
});

describe('loadDashboard', () => {
	it('summarises the sample history', async () => {
		const { ctx } = makeCtx();
		await seedSample(ctx);
		const now = T0 + 12 * DAY_MS + 3_600_000;
		const catalogue = ['assume-role', 'cross-account', 'mfa', 'saml', 'regions'].map((topic) => ({
			topic,
			questionCount: 5
		}));
		const d = await loadDashboard(ctx, now, { catalogue, days: 14 });
		expect(d.totals).toEqual({ attempts: 48, correct: 33 });
		expect(d.topics.map((t) => t.topic)).toEqual([
			'regions',
			'saml',
			'mfa',
			'cross-account',
			'assume-role'
		]);
		expect(d.accuracyByDay).toHaveLength(14);
		expect(d.accuracyByDay.at(-1)).toEqual({
			day: '2025-03-15',
			attempts: 0,
			correct: 0,
			accuracy: null
		});
		expect(d.accuracyByDay.at(-2)).toMatchObject({ day: '2025-03-14', attempts: 4 });
		expect(d.accuracyByDay[0]!.day).toBe('2025-03-02');
		expect(d.streak).toMatchObject({ current: 12, longest: 12, activeToday: false });
		expect(d.lessons).toMatchObject({ read: 2, completed: 1 });
		expect(d.exams).toHaveLength(1);
		expect(d.dueForecast).toHaveLength(14);
		expect(d.dueForecast[0]!.count).toBeGreaterThanOrEqual(d.dueNow);
		expect(d.dueForecast.reduce((s, x) => s + x.count, 0)).toBeLessThanOrEqual(20);
		expect(d.readiness.unseenTopics).toEqual(['regions']);
	});

	it('never reads the attempts table, whatever its size', async () => {
		const { ctx, idb, name } = makeCtx();
		await seedSample(ctx);
		// Middleware must be in place before a connection opens: use a fresh one.
		const reads = new Map<string, number>();
		const db = new AppDB(name, idb).use(countReads(reads));
		await loadDashboard({ db, effects: ctx.effects }, T0 + 13 * DAY_MS, {
			catalogue: [{ topic: 'mfa', questionCount: 5 }]
		});
		expect(reads.get('attempts') ?? 0).toBe(0);
		expect(reads.get('aggregates')).toBeGreaterThan(0);
		expect(reads.get('cards')).toBeGreaterThan(0);
	});
});

describe('due queue and forecast', () => {
	it('serves the most overdue first and counts reviews per local day', async () => {
		const { ctx } = makeCtx({ effects: fixedEffects({ start: T0, utcOffsetMinutes: 120 }) });
		for (let i = 0; i < 5; i++) {
			ctx.effects.set(T0 + i * 3_600_000);
			await recordAnswer(ctx, answer({ questionId: `q-${i}`, correct: i % 2 === 0 }));
		}
		const later = T0 + 2 * DAY_MS;
		const due = await dueCards(ctx, later, 3);
		expect(due).toHaveLength(3);
		expect(due.map((c) => c.due)).toEqual([...due.map((c) => c.due)].sort((a, b) => a - b));
		expect(await dueCards(ctx, later, 0)).toEqual([]);
		expect((await dueCards(ctx, later, 10, 'assume-role')).length).toBe(5);
		expect(await dueCards(ctx, later, 10, 'saml')).toEqual([]);
		const f = await dueForecast(ctx, T0, 14);
		expect(f[0]!.day).toBe('2025-03-03');
		expect(f.reduce((s, d) => s + d.count, 0)).toBe(5);
	});
});
