import { z } from 'zod';
import {
	count,
	epochMs,
	fraction,
	questionDifficulty,
	recordId,
	schemaVersionField,
	topicSlug
} from './schema-primitives';

/** Longest answer time we believe: beyond 2 h the tab was left open, not thought about. */
export const MAX_ANSWER_MS = 2 * 60 * 60 * 1000;

/** Where an answer was given; `due` is the spaced-repetition queue, `review` a manual re-run. */
export const attemptMode = z.enum(['practice', 'exam', 'review', 'due']);
/** See {@link attemptMode}. */
export type AttemptMode = z.infer<typeof attemptMode>;

/** FSRS grade given to an answer (1 Again, 2 Hard, 3 Good, 4 Easy); never 0 (Manual). */
export const fsrsGrade = z.literal([1, 2, 3, 4]);

/** One answer to one question. Immutable once written. */
export const attemptRecord = z.strictObject({
	id: recordId,
	schemaVersion: schemaVersionField,
	questionId: recordId,
	topic: topicSlug,
	/** Authored (unshuffled) indices of the options the learner chose, ascending. */
	chosen: z.array(z.int().min(0).max(7)).max(8),
	correct: z.boolean(),
	timeMs: z.int().min(0, 'must not be negative').max(MAX_ANSWER_MS, 'must be at most 2 hours'),
	mode: attemptMode,
	at: epochMs,
	difficulty: questionDifficulty,
	/** The FSRS grade this answer produced; kept so a card can be rebuilt or audited. */
	rating: fsrsGrade,
	packId: recordId.optional(),
	examId: recordId.optional()
});
/** A stored answer. */
export type AttemptRecord = z.infer<typeof attemptRecord>;

/**
 * Spaced-repetition state of one question: the ts-fsrs `Card` fields (camelCase, dates as
 * epoch ms so they index and serialise without Date objects) plus what the dashboard needs.
 */
export const cardRecord = z.strictObject({
	questionId: recordId,
	schemaVersion: schemaVersionField,
	topic: topicSlug,
	questionDifficulty,
	due: epochMs,
	stability: z.number().min(0).max(36_500),
	/** FSRS difficulty D in [1, 10] (not the authored question difficulty). */
	difficulty: z.number().min(0).max(10),
	elapsedDays: z.number().min(0),
	scheduledDays: z.number().min(0),
	learningSteps: count,
	reps: count,
	lapses: count,
	/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
	state: z.literal([0, 1, 2, 3]),
	lastReview: epochMs.optional(),
	lastCorrect: z.boolean(),
	lastAnsweredAt: epochMs
});
/** A stored card. */
export type CardRecord = z.infer<typeof cardRecord>;

/** Reading progress of one lesson. */
export const lessonRecord = z
	.strictObject({
		slug: recordId,
		schemaVersion: schemaVersionField,
		firstReadAt: epochMs,
		lastReadAt: epochMs,
		readCount: z.int().min(1),
		completed: z.boolean(),
		completedAt: epochMs.optional()
	})
	.superRefine((l, ctx) => {
		if (l.lastReadAt < l.firstReadAt)
			ctx.addIssue({ code: 'custom', path: ['lastReadAt'], message: 'is before firstReadAt' });
		if (l.completed !== (l.completedAt !== undefined))
			ctx.addIssue({
				code: 'custom',
				path: ['completedAt'],
				message: 'must be set exactly when completed is true'
			});
	});
/** A stored lesson progress row. */
export type LessonRecord = z.infer<typeof lessonRecord>;

const topicScore = z.strictObject({ correct: count, total: count });

/** A finished mock exam. Its answers are attempts with `mode: 'exam'` and this `examId`. */
export const examRecord = z
	.strictObject({
		id: recordId,
		schemaVersion: schemaVersionField,
		startedAt: epochMs,
		finishedAt: epochMs,
		correct: count,
		total: z.int().min(1),
		/** correct / total. */
		score: fraction,
		passMark: fraction,
		passed: z.boolean(),
		perTopic: z.record(topicSlug, topicScore),
		questionIds: z.array(recordId).min(1)
	})
	.superRefine((e, ctx) => {
		// A backup is a file a learner can edit: make the summary agree with itself.
		const bad = (path: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		if (e.finishedAt < e.startedAt) bad('finishedAt', 'is before startedAt');
		if (e.correct > e.total) bad('correct', 'is larger than total');
		if (e.questionIds.length !== e.total) bad('questionIds', 'length differs from total');
		if (Math.abs(e.score - e.correct / e.total) > 1e-9) bad('score', 'is not correct / total');
		if (e.passed !== e.score >= e.passMark) bad('passed', 'disagrees with score and passMark');
		const topics = Object.values(e.perTopic);
		const sum = (k: 'correct' | 'total') => topics.reduce((s, t) => s + t[k], 0);
		if (sum('correct') !== e.correct || sum('total') !== e.total)
			bad('perTopic', 'does not add up to correct/total');
		for (const [topic, t] of Object.entries(e.perTopic))
			if (t.correct > t.total)
				ctx.addIssue({ code: 'custom', path: ['perTopic', topic], message: 'correct > total' });
	});
/** A stored exam result. */
export type ExamRecord = z.infer<typeof examRecord>;

/** An imported content pack; `data` is the pack's own JSON, validated by the content layer. */
export const packRecord = z.strictObject({
	id: recordId,
	schemaVersion: schemaVersionField,
	version: z.string().min(1).max(40),
	title: z.string().min(1).max(200),
	author: z.string().max(200),
	data: z.json(),
	/**
	 * The parsed YAML front matter of the pack's lessons, by slug, stored at install time so that
	 * reading a lesson needs no YAML parser; validated by the content layer when read. Absent for
	 * packs stored before lessons could be read (and for packs without lessons).
	 */
	lessonFrontMatter: z.record(z.string().max(80), z.json()).optional(),
	importedAt: epochMs
});
/** A stored content pack. */
export type PackRecord = z.infer<typeof packRecord>;
