import { Rating, State, type Grade } from 'ts-fsrs';
import type { TimeAggregate } from './aggregate-schema';
import type { QuestionDifficulty } from './schema-primitives';
import { histogramMedian } from './time-histogram';

export {
	addTime,
	bucketOf,
	bucketUpperMs,
	emptyTimeAggregate,
	histogramMedian
} from './time-histogram';

/**
 * Answer times (ms) above which a correct answer counts as slow until the learner has
 * {@link MIN_TIME_SAMPLES} correct answers at that difficulty. Roughly: reading a recall
 * question takes 15 s, a two-step scenario 30 s, a multi-step scenario 45 s; twice that is slow.
 */
export const DEFAULT_SLOW_MS: Readonly<Record<QuestionDifficulty, number>> = {
	1: 30_000,
	2: 60_000,
	3: 90_000
};

/** Correct answers needed at a difficulty before the learner's own median replaces the defaults. */
export const MIN_TIME_SAMPLES = 10;

/** Inputs of {@link rateAnswer}. */
export interface RatingInput {
	correct: boolean;
	timeMs: number;
	difficulty: QuestionDifficulty;
	/** FSRS state of the card before this answer; undefined for a first answer. */
	cardState?: State;
	/** The learner's correct-answer times at this difficulty, before this answer. */
	times?: TimeAggregate;
}

/** The thresholds a rating used, so the UI can say why an answer was graded Hard or Easy. */
export interface SpeedThresholds {
	slowMs: number;
	fastMs: number;
	/** 'personal' once {@link MIN_TIME_SAMPLES} answers exist, else 'default'. */
	basis: 'personal' | 'default';
}

/**
 * Slow/fast thresholds: with ≥ {@link MIN_TIME_SAMPLES} correct answers at this difficulty,
 * slow = 2 × the learner's median time and fast = ½ × median; before that, slow =
 * {@link DEFAULT_SLOW_MS} and fast = ¼ of it. Personal medians matter because a careful
 * reader is not a weak learner: "slow" means slow *for you*.
 */
export function speedThresholds(
	difficulty: QuestionDifficulty,
	times?: TimeAggregate
): SpeedThresholds {
	const median = times && times.count >= MIN_TIME_SAMPLES ? histogramMedian(times) : undefined;
	if (median === undefined) {
		const slowMs = DEFAULT_SLOW_MS[difficulty];
		return { slowMs, fastMs: slowMs / 4, basis: 'default' };
	}
	return { slowMs: 2 * median, fastMs: median / 2, basis: 'personal' };
}

/**
 * Maps an answer to an FSRS grade:
 * - wrong → Again;
 * - correct, slower than `slowMs` → Hard (you got there, but it was effortful recall);
 * - correct, no slower than `fastMs`, on a card already in Review → Easy (fluent recall of
 *   something already learned; a first or relearning answer is never Easy, because a quick
 *   right answer to an unseen question is as likely a guess as knowledge);
 * - otherwise correct → Good.
 * Thresholds: {@link speedThresholds}.
 */
export function rateAnswer(input: RatingInput): Grade {
	if (!input.correct) return Rating.Again;
	const { slowMs, fastMs } = speedThresholds(input.difficulty, input.times);
	if (input.timeMs > slowMs) return Rating.Hard;
	if (input.cardState === State.Review && input.timeMs <= fastMs) return Rating.Easy;
	return Rating.Good;
}
