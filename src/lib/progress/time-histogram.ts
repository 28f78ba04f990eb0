import { TIME_BUCKET_COUNT, timeKey, type TimeAggregate } from './aggregate-schema';
import { SCHEMA_VERSION, type QuestionDifficulty } from './schema-primitives';

// The answer-time histogram (the `time:<difficulty>` aggregate rows), free of FSRS: the folds
// of rebuildAggregates use it, and the schema upgrade runs them while the store opens, which
// must not load ts-fsrs (answer-rating.ts, which rates answers by these times, re-exports it).

/** Upper bound (ms) of histogram bucket `i`: 1 s × 1.25^i. */
export function bucketUpperMs(i: number): number {
	return 1000 * 1.25 ** i;
}

/** Histogram bucket of an answer time; the last bucket is open-ended. */
export function bucketOf(timeMs: number): number {
	for (let i = 0; i < TIME_BUCKET_COUNT - 1; i++) if (timeMs <= bucketUpperMs(i)) return i;
	return TIME_BUCKET_COUNT - 1;
}

/**
 * Median of a time histogram: the geometric middle of the bucket holding the middle answer
 * (±12 %, plenty for "twice the median"). Undefined for an empty histogram.
 */
export function histogramMedian(times: TimeAggregate): number | undefined {
	if (times.count === 0) return undefined;
	const middle = (times.count + 1) / 2;
	let seen = 0;
	for (let i = 0; i < times.buckets.length; i++) {
		seen += times.buckets[i] ?? 0;
		if (seen >= middle) {
			// Bucket i spans (upper / 1.25, upper]; its geometric middle is upper / √1.25.
			return bucketUpperMs(i) / Math.sqrt(1.25);
		}
	}
	return bucketUpperMs(TIME_BUCKET_COUNT - 1);
}

/** An empty histogram row for `difficulty`. */
export function emptyTimeAggregate(difficulty: QuestionDifficulty): TimeAggregate {
	return {
		key: timeKey(difficulty),
		kind: 'time',
		schemaVersion: SCHEMA_VERSION,
		difficulty,
		count: 0,
		buckets: Array.from({ length: TIME_BUCKET_COUNT }, () => 0)
	};
}

/** `times` with one more correct answer of `timeMs`. */
export function addTime(times: TimeAggregate, timeMs: number): TimeAggregate {
	const buckets = times.buckets.slice();
	const b = bucketOf(timeMs);
	buckets[b] = (buckets[b] ?? 0) + 1;
	return { ...times, count: times.count + 1, buckets };
}
