import type { AnswerRecord, AnswerRecorder, RecordErrorHandler } from './answer-recorder';
import { scoreExam, type ExamScore } from './exam-score';
import type { QuizClock } from './quiz-clock';
import { toQuizItem, type QuizItem, type QuizItemSource } from './quiz-item';
import { DEFAULT_PASS_MARK } from './score';
import { optionOrderFor } from './shuffle-options';

/**
 * The real exam's size and time, which the setup form cites and its default follows: the AWS
 * Certified Developer – Associate (DVA-C02) exam has 65 questions (50 scored and 15 unscored)
 * and lasts 130 minutes. Sources: the AWS exam guide (its content outline: 50 scored and 15
 * unscored questions),
 * https://d1.awsstatic.com/training-and-certification/docs-dev-associate/AWS-Certified-Developer-Associate_Exam-Guide.pdf
 * and the exam's AWS page (its length, 130 minutes, and format, 65 questions),
 * https://aws.amazon.com/certification/certified-developer-associate/ .
 */
export const REAL_EXAM = { questions: 65, minutes: 130 } as const;

/**
 * Default time allowed per question (the total is questions × this): as in the real exam,
 * its minutes shared among its questions (130 × 60 s / 65 = 120 s).
 */
export const DEFAULT_MS_PER_QUESTION = (REAL_EXAM.minutes * 60_000) / REAL_EXAM.questions;

/** What the UI passes to start an exam (questions usually come from `drawExam`). */
export interface ExamInput {
	questions: readonly QuizItemSource[];
	examId: string;
	/** Seed for the option shuffles. */
	seed: string;
	msPerQuestion?: number;
	/** Percent needed to pass; default 72. */
	passMark?: number;
	/** Recorded when a question carries no `packId` of its own. */
	packId?: string;
}

/** An exam's result: its score plus how and when it ended. */
export interface ExamResult extends ExamScore {
	reason: 'submitted' | 'timeout';
	/** Epoch ms; a time-out is dated at the deadline even if detected later. */
	submittedAt: number;
	/** ms from start to submit (at most the time allowed). */
	elapsedMs: number;
}

/** The exam machine's context (JSON-safe; persisted as is). */
export interface ExamContext {
	examId: string;
	packId?: string;
	seed: string;
	questions: QuizItem[];
	/** Display order per question: `orders[i][position] = authored index`. */
	orders: number[][];
	/** Authored indices selected per question (sorted). */
	answers: number[][];
	flags: boolean[];
	/** Index of the question shown (or last shown, in review). */
	current: number;
	passMark: number;
	startedAt: number;
	/** Epoch ms when time runs out. The countdown is always `deadline − clock.now()`. */
	deadline: number;
	/** Remaining ms as of the last tick; for display. */
	remainingMs: number;
	/** ms spent on each question, summed over visits. */
	timeSpentMs: number[];
	/** Epoch ms when the current question was (re)shown. */
	viewStartedAt: number;
	/** Set on submit (by the learner or at time-out). */
	result?: ExamResult;
}

/** Events the exam machine accepts. Option indices are AUTHORED indices. */
export type ExamEvent =
	| { type: 'answer.toggle'; option: number }
	| { type: 'exam.goto'; index: number }
	| { type: 'exam.next' }
	| { type: 'exam.prev' }
	/** Toggles the flag of question `index` (default: the current one). */
	| { type: 'exam.flag'; index?: number }
	| { type: 'exam.review' }
	| { type: 'exam.back' }
	| { type: 'exam.submit' }
	/** Sent by the internal ticker; the UI may send it too (e.g. on `visibilitychange`). */
	| { type: 'exam.tick' };

/** What the exam machine needs from outside. */
export interface ExamDeps {
	recorder: AnswerRecorder;
	/** Time source and timer; XState's `SimulatedClock` works in tests. */
	clock?: QuizClock;
	onRecordError?: RecordErrorHandler;
}

/** The context a new exam starts with. */
export function initialExamContext(input: ExamInput, now: number): ExamContext {
	const questions = input.questions.map(toQuizItem);
	const durationMs = questions.length * (input.msPerQuestion ?? DEFAULT_MS_PER_QUESTION);
	return {
		examId: input.examId,
		...(input.packId ? { packId: input.packId } : {}),
		seed: input.seed,
		questions,
		orders: questions.map((q) => optionOrderFor(input.seed, q)),
		answers: questions.map(() => []),
		flags: questions.map(() => false),
		current: 0,
		passMark: input.passMark ?? DEFAULT_PASS_MARK,
		startedAt: now,
		deadline: now + durationMs,
		remainingMs: durationMs,
		timeSpentMs: questions.map(() => 0),
		viewStartedAt: now
	};
}

/** Scores the exam as of `now`. */
export function finishExam(
	context: ExamContext,
	reason: ExamResult['reason'],
	now: number
): ExamResult {
	const submittedAt = Math.min(now, context.deadline);
	const score = scoreExam(context.questions, context.answers, {
		passMark: context.passMark,
		flags: context.flags
	});
	return { ...score, reason, submittedAt, elapsedMs: submittedAt - context.startedAt };
}

/**
 * One record per question answered, all dated at submit. A question left unanswered counts as
 * wrong in the exam's score (the result, and the exam summary stored from it) but is not an
 * answer, so it is not recorded: it would otherwise count in the learner's answers, accuracy,
 * mastery and day figures, and be scheduled for review as if answered wrong.
 */
export function examAnswerRecords(context: ExamContext): AnswerRecord[] {
	const result = context.result;
	if (!result) return [];
	return result.questions
		.filter((r) => r.answered)
		.map((r) => {
			const packId = context.questions[r.index].packId ?? context.packId;
			return {
				questionId: r.questionId,
				topic: r.topic,
				chosen: r.chosen,
				correct: r.correct,
				timeMs: context.timeSpentMs[r.index],
				mode: 'exam',
				at: result.submittedAt,
				examId: context.examId,
				...(packId ? { packId } : {})
			};
		});
}

/** What a finished exam stores as its summary (the progress store's `recordExam` input). */
export interface ExamSummaryRecord {
	id: string;
	startedAt: number;
	finishedAt: number;
	/** A fraction, 0..1. */
	passMark: number;
	/** Every question, an unanswered one as not correct: the exam's score counts it wrong. */
	results: { questionId: string; topic: string; correct: boolean }[];
}

/** The summary of a finished exam, or undefined before it has a result. */
export function examSummaryRecord(context: ExamContext): ExamSummaryRecord | undefined {
	const result = context.result;
	if (!result) return undefined;
	return {
		id: context.examId,
		startedAt: context.startedAt,
		finishedAt: result.submittedAt,
		passMark: result.passMark / 100,
		results: result.questions.map((q) => ({
			questionId: q.questionId,
			topic: q.topic,
			correct: q.correct
		}))
	};
}
