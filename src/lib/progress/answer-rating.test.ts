import { Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
	addTime,
	bucketOf,
	DEFAULT_SLOW_MS,
	emptyTimeAggregate,
	histogramMedian,
	MIN_TIME_SAMPLES,
	rateAnswer,
	speedThresholds
} from './answer-rating';
import { recordAnswer } from './attempt-repository';
import { answer, makeCtx } from './test-harness';

const timesOf = (difficulty: 1 | 2 | 3, ms: number, n: number) => {
	let t = emptyTimeAggregate(difficulty);
	for (let i = 0; i < n; i++) t = addTime(t, ms);
	return t;
};

describe('rateAnswer: answer → FSRS grade', () => {
	it('wrong is Again, whatever the speed or state', () => {
		for (const timeMs of [500, 20_000, 500_000])
			for (const cardState of [undefined, State.Learning, State.Review])
				expect(rateAnswer({ correct: false, timeMs, difficulty: 2, cardState })).toBe(Rating.Again);
	});

	it('correct but slower than the per-difficulty default is Hard', () => {
		expect(rateAnswer({ correct: true, timeMs: 30_001, difficulty: 1 })).toBe(Rating.Hard);
		expect(rateAnswer({ correct: true, timeMs: 30_000, difficulty: 1 })).toBe(Rating.Good);
		expect(rateAnswer({ correct: true, timeMs: 60_001, difficulty: 2 })).toBe(Rating.Hard);
		expect(rateAnswer({ correct: true, timeMs: 89_000, difficulty: 3 })).toBe(Rating.Good);
		expect(rateAnswer({ correct: true, timeMs: 90_001, difficulty: 3 })).toBe(Rating.Hard);
	});

	it('correct and fast is Easy only on a card already in Review', () => {
		const fast = DEFAULT_SLOW_MS[2] / 4;
		expect(
			rateAnswer({ correct: true, timeMs: fast, difficulty: 2, cardState: State.Review })
		).toBe(Rating.Easy);
		expect(
			rateAnswer({ correct: true, timeMs: fast + 1, difficulty: 2, cardState: State.Review })
		).toBe(Rating.Good);
		for (const cardState of [undefined, State.New, State.Learning, State.Relearning])
			expect(rateAnswer({ correct: true, timeMs: 1000, difficulty: 2, cardState })).toBe(
				Rating.Good
			);
	});

	it('switches to 2× / ½× the learner median once there are enough samples', () => {
		const few = timesOf(2, 10_000, MIN_TIME_SAMPLES - 1);
		expect(speedThresholds(2, few).basis).toBe('default');
		const quick = timesOf(2, 10_000, MIN_TIME_SAMPLES);
		const t = speedThresholds(2, quick);
		expect(t.basis).toBe('personal');
		// The median estimate is the geometric middle of its bucket: within 12 %.
		expect(t.slowMs).toBeGreaterThan(2 * 10_000 * 0.88);
		expect(t.slowMs).toBeLessThan(2 * 10_000 * 1.12);
		// A quick learner taking 25 s is slow for *them*, though under the 60 s default.
		expect(rateAnswer({ correct: true, timeMs: 25_000, difficulty: 2, times: quick })).toBe(
			Rating.Hard
		);
		expect(rateAnswer({ correct: true, timeMs: 25_000, difficulty: 2, times: few })).toBe(
			Rating.Good
		);
		expect(
			rateAnswer({
				correct: true,
				timeMs: 4_000,
				difficulty: 2,
				times: quick,
				cardState: State.Review
			})
		).toBe(Rating.Easy);
	});

	it('estimates histogram medians within the bucket resolution', () => {
		for (const ms of [800, 3_000, 45_000, 400_000]) {
			const m = histogramMedian(timesOf(3, ms, 11))!;
			expect(Math.abs(m - ms) / ms).toBeLessThan(0.25);
		}
		expect(histogramMedian(emptyTimeAggregate(1))).toBeUndefined();
		expect(bucketOf(10 * 60 * 60 * 1000)).toBe(31);
	});
});

describe('recordAnswer applies the mapping', () => {
	it('stores the grade on the attempt and uses times from before the answer', async () => {
		const { ctx } = makeCtx();
		const wrong = await recordAnswer(ctx, answer({ correct: false }));
		expect(wrong.grade).toBe(Rating.Again);
		expect(wrong.attempt.rating).toBe(Rating.Again);
		ctx.effects.advance(1000);
		const slow = await recordAnswer(ctx, answer({ questionId: 'q-2', timeMs: 61_000 }));
		expect(slow.grade).toBe(Rating.Hard);
		// Ten quick answers make 61 s slow by the personal rule, and 25 s slow as well.
		for (let i = 0; i < 10; i++) {
			ctx.effects.advance(1000);
			await recordAnswer(ctx, answer({ questionId: `f-${i}`, timeMs: 8_000 }));
		}
		ctx.effects.advance(1000);
		expect((await recordAnswer(ctx, answer({ questionId: 'q-3', timeMs: 25_000 }))).grade).toBe(
			Rating.Hard
		);
	});
});
