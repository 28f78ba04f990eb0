// An exam's unanswered questions, end to end: the exam machine's records go through
// recordAnswer as the app's recorder sends them, the exam summary through recordExam, and the
// dashboard's figures are read back. Unanswered questions count as wrong in the exam's score
// and nowhere else: they are not answers.
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
	createExamMachine,
	examSummaryRecord,
	type AnswerRecorder,
	type ExamEvent
} from '$lib/quiz';
import { q } from '$lib/quiz/test-fixtures';
import { rebuildAggregates } from './aggregate-builder';
import { recordAnswer } from './attempt-repository';
import { loadDashboard } from './dashboard-queries';
import { recordExam } from './exam-repository';
import { ProgressInputError } from './progress-errors';
import { lastResults } from './review-queue';
import { SCHEMA_VERSION } from './schema-primitives';
import { answer, makeCtx, T0 } from './test-harness';
import type { AttemptRecord } from './record-schemas';

const questions = [
	q('e1', 'mfa', { correct: [0] }),
	q('e2', 'mfa', { correct: [1] }),
	q('e3', 'saml', { correct: [0, 2], options: 5 }),
	q('e4', 'durations', { correct: [3] })
];
const catalogue = ['mfa', 'saml', 'durations'].map((topic) => ({ topic, questionCount: 5 }));

/** Runs an exam to its end; `play` answers some questions, then the exam submits or times out. */
async function takeExam(
	ctx: ReturnType<typeof makeCtx>['ctx'],
	play: (send: (e: ExamEvent) => void) => void,
	end: 'submit' | 'timeout'
) {
	const clock = new SimulatedClock();
	clock.set(ctx.effects.now());
	const writes: Promise<unknown>[] = [];
	// What the app's recorder does (progress.svelte.ts): every record goes to recordAnswer.
	const recorder: AnswerRecorder = {
		record: (a) => {
			const w = recordAnswer(ctx, { ...a, difficulty: 2 });
			writes.push(w);
			return w.then(() => undefined);
		}
	};
	const actor = createActor(createExamMachine({ recorder, clock }), {
		clock,
		input: { questions, examId: 'exam-1', seed: 'seed', msPerQuestion: 60_000 }
	}).start();
	play((e) => actor.send(e));
	if (end === 'submit') {
		clock.increment(10_000);
		actor.send({ type: 'exam.review' });
		actor.send({ type: 'exam.submit' });
	} else clock.increment(240_000);
	const result = actor.getSnapshot().output!;
	expect(result).toBeDefined();
	await Promise.resolve();
	await Promise.all(writes);
	// What the exam page does once the exam is done.
	const exam = await recordExam(ctx, examSummaryRecord(actor.getSnapshot().context)!);
	return { result, exam, writes: writes.length };
}

describe('an exam submitted with questions left unanswered', () => {
	it('scores them as wrong but does not count them as answers anywhere', async () => {
		const { ctx } = makeCtx();
		const { result, exam, writes } = await takeExam(
			ctx,
			(send) => {
				send({ type: 'answer.toggle', option: 0 }); // e1 right
				send({ type: 'exam.next' });
				send({ type: 'answer.toggle', option: 0 }); // e2 wrong
				send({ type: 'exam.next' });
				send({ type: 'answer.toggle', option: 0 });
				send({ type: 'answer.toggle', option: 2 }); // e3 right; e4 left unanswered
			},
			'submit'
		);
		// The exam's own score: 2 of 4, the unanswered one wrong.
		expect(result).toMatchObject({ total: 4, answered: 3, correct: 2, percent: 50 });
		expect(exam).toMatchObject({ total: 4, correct: 2, score: 0.5 });
		expect(exam.perTopic['durations']).toEqual({ correct: 0, total: 1 });
		const d = await loadDashboard(ctx, ctx.effects.now() + 60_000, { catalogue });
		expect(d.totals).toEqual({ attempts: 3, correct: 2 });
		expect(d.accuracyByDay.at(-1)).toMatchObject({ attempts: 3, correct: 2 });
		const durations = d.topics.find((t) => t.topic === 'durations')!;
		expect(durations).toMatchObject({ attempts: 0, recentCount: 0, seenCards: 0 });
		expect(durations.level).toBe('not-started');
		expect(d.readiness.attempts).toBe(3);
		expect(d.readiness.unseenTopics).toEqual(['durations']);
		// "Review mistakes" lists the questions last *answered* wrong: e2, not e4.
		const last = await lastResults(ctx);
		expect([...last.keys()].sort()).toEqual(['e1', 'e2', 'e3']);
		// The exam still counts in readiness through its score.
		expect(d.readiness.examAverage).toBe(0.5);
		// Only the three answers reached the recorder.
		expect(writes).toBe(3);
	});

	it('at time-out, counts only the questions answered before it', async () => {
		const { ctx } = makeCtx();
		const { result, writes } = await takeExam(
			ctx,
			(send) => send({ type: 'answer.toggle', option: 0 }),
			'timeout'
		);
		expect(result).toMatchObject({ reason: 'timeout', total: 4, answered: 1, correct: 1 });
		const d = await loadDashboard(ctx, ctx.effects.now() + 300_000, { catalogue });
		expect(d.totals).toEqual({ attempts: 1, correct: 1 });
		expect(d.accuracyByDay.at(-1)).toMatchObject({ attempts: 1, correct: 1, accuracy: 1 });
		expect(d.topics.filter((t) => t.attempts > 0).map((t) => t.topic)).toEqual(['mfa']);
		expect(writes).toBe(1);
	});
});

describe('the progress layer on its own', () => {
	it('refuses an answer with no option chosen: an unanswered question is not an answer', async () => {
		const { ctx, db } = makeCtx();
		await expect(
			recordAnswer(ctx, answer({ chosen: [], correct: false, mode: 'exam', examId: 'x' }))
		).rejects.toBeInstanceOf(ProgressInputError);
		expect(await db.attempts.count()).toBe(0);
		expect(await db.cards.count()).toBe(0);
		expect(await db.aggregates.count()).toBe(0);
	});

	it('leaves out unanswered exam questions that older versions stored, when rebuilding figures', () => {
		const base: Omit<AttemptRecord, 'id' | 'questionId' | 'chosen' | 'correct'> = {
			schemaVersion: SCHEMA_VERSION,
			topic: 'mfa',
			timeMs: 30_000,
			mode: 'exam',
			at: T0,
			difficulty: 2,
			rating: 1,
			examId: 'old-exam'
		};
		const attempts: AttemptRecord[] = [
			{ ...base, id: 'a1', questionId: 'e1', chosen: [0], correct: true, rating: 3 },
			{ ...base, id: 'a2', questionId: 'e2', chosen: [], correct: false }
		];
		const rows = rebuildAggregates(attempts, [], [], { utcOffsetMinutes: () => 0 });
		const topic = rows.find((r) => r.kind === 'topic')!;
		const day = rows.find((r) => r.kind === 'day')!;
		expect(topic).toMatchObject({ attempts: 1, correct: 1 });
		expect(topic.kind === 'topic' && topic.recent.map((r) => r.id)).toEqual(['a1']);
		expect(day).toMatchObject({ attempts: 1, correct: 1, studiedMs: 30_000 });
	});
});
