import { z } from 'zod';
import type { ProgressContext } from './app-db';
import { parseInput } from './progress-errors';
import { examRecord, type ExamRecord } from './record-schemas';
import { epochMs, fraction, recordId, SCHEMA_VERSION, topicSlug } from './schema-primitives';
import { DEFAULT_PASS_MARK } from './readiness-estimate';

/** A finished mock exam as the exam screen knows it. */
export const examInput = z.strictObject({
	/** Use the same id as the `examId` of the exam's attempts. Generated if absent. */
	id: recordId.optional(),
	startedAt: epochMs,
	/** The injected clock when absent. */
	finishedAt: epochMs.optional(),
	passMark: fraction.default(DEFAULT_PASS_MARK),
	results: z
		.array(z.strictObject({ questionId: recordId, topic: topicSlug, correct: z.boolean() }))
		.min(1, 'an exam has at least one question')
});
/** Input of {@link recordExam}. */
export type ExamInput = z.input<typeof examInput>;

/**
 * Stores an exam summary computed here from per-question results, so score, pass/fail and
 * the per-topic breakdown cannot disagree with each other.
 */
export async function recordExam(ctx: ProgressContext, raw: ExamInput): Promise<ExamRecord> {
	const input = parseInput(examInput, raw, 'exam');
	const perTopic: Record<string, { correct: number; total: number }> = {};
	let correct = 0;
	for (const r of input.results) {
		const t = (perTopic[r.topic] ??= { correct: 0, total: 0 });
		t.total++;
		if (r.correct) {
			t.correct++;
			correct++;
		}
	}
	const total = input.results.length;
	const score = correct / total;
	const exam = parseInput(
		examRecord,
		{
			id: input.id ?? ctx.effects.newId(),
			schemaVersion: SCHEMA_VERSION,
			startedAt: input.startedAt,
			finishedAt: input.finishedAt ?? ctx.effects.now(),
			correct,
			total,
			score,
			passMark: input.passMark,
			passed: score >= input.passMark,
			perTopic,
			questionIds: input.results.map((r) => r.questionId)
		},
		'exam'
	);
	await ctx.db.exams.put(exam);
	return exam;
}

/** Finished exams, newest first (through the finishedAt index). */
export function listExams(ctx: ProgressContext, limit = 50): Promise<ExamRecord[]> {
	return ctx.db.exams.orderBy('finishedAt').reverse().limit(limit).toArray();
}
