import type { AnswerRecord, AnswerRecorder, RecordErrorHandler } from './answer-recorder';
import type { QuizClock } from './quiz-clock';
import { toQuizItem, type QuizItem, type QuizItemSource } from './quiz-item';
import { scoreQuestion, type QuestionScore, type SelectionValidation } from './score';
import { optionOrderFor } from './shuffle-options';

/** Practice-style modes: one question at a time, feedback after each. */
export type PracticeMode = 'practice' | 'review' | 'due';

/** Time recorded for one answer is capped, so a question left open overnight does not skew stats. */
export const MAX_RECORDED_TIME_MS = 10 * 60_000;

/** What the UI passes to start a practice, review-mistakes or due session. */
export interface PracticeInput {
	questions: readonly QuizItemSource[];
	/** Seed for the option shuffles (store it with the session). */
	seed: string;
	mode?: PracticeMode;
	/** Recorded when a question carries no `packId` of its own. */
	packId?: string;
}

/** One question's outcome in this session. */
export interface PracticeOutcome {
	questionId: string;
	chosen: number[];
	correct: boolean;
	skipped: boolean;
	timeMs: number;
	/** Epoch ms of the submit (or skip). */
	at: number;
}

/** The practice machine's context (JSON-safe; persisted as is). */
export interface PracticeContext {
	mode: PracticeMode;
	packId?: string;
	seed: string;
	questions: QuizItem[];
	/** Display order per question: `orders[i][position] = authored index`. */
	orders: number[][];
	/** Index of the current question. */
	index: number;
	/** Authored indices currently selected. */
	selected: number[];
	/** Epoch ms when the current question was shown. */
	shownAt: number;
	/** Set when a submit was refused (wrong number of selections); cleared on the next toggle. */
	refused?: SelectionValidation;
	/** Score of the submitted answer, shown in the `answered` state. */
	feedback?: QuestionScore & { chosen: number[] };
	outcomes: PracticeOutcome[];
}

/** Events the practice machine accepts. `option` is an AUTHORED option index. */
export type PracticeEvent =
	| { type: 'answer.toggle'; option: number }
	| { type: 'answer.submit' }
	| { type: 'question.next' }
	| { type: 'question.skip' }
	| { type: 'practice.end' };

/** Output of a finished session. */
export interface PracticeSummary {
	total: number;
	answered: number;
	correct: number;
	skipped: number;
}

/** What the practice machine needs from outside. */
export interface PracticeDeps {
	recorder: AnswerRecorder;
	clock?: Pick<QuizClock, 'now'>;
	onRecordError?: RecordErrorHandler;
}

/** The context a new session starts with. */
export function initialPracticeContext(input: PracticeInput, now: number): PracticeContext {
	const questions = input.questions.map(toQuizItem);
	return {
		mode: input.mode ?? 'practice',
		...(input.packId ? { packId: input.packId } : {}),
		seed: input.seed,
		questions,
		orders: questions.map((q, i) => optionOrderFor(input.seed, q, i)),
		index: 0,
		selected: [],
		shownAt: now,
		outcomes: []
	};
}

/** Scores the current selection as submitted at `now`. */
export function submitCurrent(
	context: PracticeContext,
	now: number
): Pick<PracticeContext, 'feedback' | 'outcomes'> {
	const q = context.questions[context.index];
	const chosen = [...context.selected].sort((a, b) => a - b);
	const score = scoreQuestion(q, chosen);
	const timeMs = Math.min(MAX_RECORDED_TIME_MS, Math.max(0, now - context.shownAt));
	const outcome = {
		questionId: q.id,
		chosen,
		correct: score.correct,
		skipped: false,
		timeMs,
		at: now
	};
	return { feedback: { ...score, chosen }, outcomes: [...context.outcomes, outcome] };
}

/** The record for the answer just submitted (the last outcome). */
export function practiceAnswerRecord(context: PracticeContext): AnswerRecord {
	const q = context.questions[context.index];
	const o = context.outcomes[context.outcomes.length - 1];
	const packId = q.packId ?? context.packId;
	return {
		questionId: q.id,
		topic: q.topic,
		chosen: o.chosen,
		correct: o.correct,
		timeMs: o.timeMs,
		mode: context.mode,
		at: o.at,
		...(packId ? { packId } : {})
	};
}

/** Totals for a session. */
export function practiceSummary(context: PracticeContext): PracticeSummary {
	return {
		total: context.questions.length,
		answered: context.outcomes.filter((o) => !o.skipped).length,
		correct: context.outcomes.filter((o) => o.correct).length,
		skipped: context.outcomes.filter((o) => o.skipped).length
	};
}

/** A question answered wrong in a session: where it is in the session and what was chosen. */
export interface SessionMistake {
	/** Index in `context.questions` (and `context.orders`). */
	index: number;
	questionId: string;
	/** Authored indices chosen. */
	chosen: number[];
}

/** The questions answered wrong in this session, in the order they were answered (skips are not mistakes). */
export function sessionMistakes(
	context: Pick<PracticeContext, 'questions' | 'outcomes'>
): SessionMistake[] {
	const seen = new Set<string>();
	const mistakes: SessionMistake[] = [];
	for (const o of context.outcomes) {
		if (o.skipped || o.correct || seen.has(o.questionId)) continue;
		const index = context.questions.findIndex((q) => q.id === o.questionId);
		if (index < 0) continue;
		seen.add(o.questionId);
		mistakes.push({ index, questionId: o.questionId, chosen: o.chosen });
	}
	return mistakes;
}
