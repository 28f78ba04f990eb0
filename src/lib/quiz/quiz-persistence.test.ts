import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createExamMachine } from './exam-machine';
import { DEFAULT_MS_PER_QUESTION } from './exam-context';
import { createPracticeMachine } from './practice-machine';
import {
	autoSave,
	loadQuiz,
	persist,
	QUIZ_MACHINE_VERSION,
	resumeActor,
	saveQuiz
} from './quiz-persistence';
import { restore } from './quiz-restore';
import { fakeRecorder, memoryStorage, q } from './test-fixtures';

const T0 = Date.UTC(2025, 0, 1, 9);
const questions = [
	q('e1', 'mfa'),
	q('e2', 'mfa', { correct: [1] }),
	q('e3', 'saml', { correct: [0, 2] })
];

function setupExam() {
	const clock = new SimulatedClock();
	clock.set(T0);
	const recorder = fakeRecorder();
	const machine = createExamMachine({ recorder, clock });
	const actor = createActor(machine, {
		clock,
		input: { questions, examId: 'ex', seed: 'seed' }
	}).start();
	return { clock, recorder, machine, actor };
}

/** Simulates a reload: JSON round trip, a fresh machine and actor on the same clock. */
function reload(saved: unknown, clock: SimulatedClock) {
	const recorder = fakeRecorder();
	const machine = createExamMachine({ recorder, clock });
	const snapshot = restore(JSON.parse(JSON.stringify(saved)), machine);
	const actor = snapshot ? resumeActor(machine, snapshot, { clock }).start() : undefined;
	return { recorder, machine, snapshot, actor };
}

describe('persist / restore', () => {
	it('persists the machine kind, version and snapshot', () => {
		const { actor } = setupExam();
		const saved = persist(actor);
		expect(saved.machine).toBe('exam');
		expect(saved.version).toBe(QUIZ_MACHINE_VERSION.exam);
		expect(saved.snapshot).toMatchObject({ status: 'active', value: { running: 'question' } });
	});

	it('resumes mid-exam with the remaining time measured against the clock', () => {
		const { clock, actor } = setupExam();
		actor.send({ type: 'answer.toggle', option: 0 });
		actor.send({ type: 'exam.flag' });
		actor.send({ type: 'exam.next' });
		clock.increment(100_000);
		const saved = persist(actor);
		actor.stop();
		clock.increment(30_000); // the page was closed for 30 s
		const { actor: resumed } = reload(saved, clock);
		const ctx = resumed!.getSnapshot().context;
		expect(resumed!.getSnapshot().value).toEqual({ running: 'question' });
		// Three questions at the default time each.
		const total = 3 * DEFAULT_MS_PER_QUESTION;
		expect(ctx.remainingMs).toBe(total - 130_000);
		expect(ctx.deadline).toBe(T0 + total);
		expect(ctx.answers[0]).toEqual([0]);
		expect(ctx.flags[0]).toBe(true);
		expect(ctx.current).toBe(1);
		clock.increment(10_000);
		expect(resumed!.getSnapshot().context.remainingMs).toBe(total - 140_000);
		clock.increment(total - 140_000);
		expect(resumed!.getSnapshot().output).toMatchObject({ reason: 'timeout', correct: 1 });
	});

	it('submits at once when the deadline passed while the page was closed', async () => {
		const { clock, actor } = setupExam();
		actor.send({ type: 'answer.toggle', option: 0 });
		const saved = persist(actor);
		actor.stop();
		clock.increment(24 * 3600_000);
		const { actor: resumed, recorder } = reload(saved, clock);
		const snap = resumed!.getSnapshot();
		expect(snap.status).toBe('done');
		expect(snap.output).toMatchObject({
			reason: 'timeout',
			submittedAt: T0 + 3 * DEFAULT_MS_PER_QUESTION,
			correct: 1
		});
		await Promise.resolve();
		// One question answered of three: the other two are wrong in the score, not answers.
		expect(recorder.records).toHaveLength(1);
	});

	it('restores a submitted exam without recording it again', async () => {
		const { actor, recorder: first } = setupExam();
		// One answer, so that recording it again would show (unanswered questions are not recorded).
		actor.send({ type: 'answer.toggle', option: 0 });
		actor.send({ type: 'exam.review' });
		actor.send({ type: 'exam.submit' });
		await Promise.resolve();
		expect(first.records).toHaveLength(1);
		const saved = persist(actor);
		const { clock } = setupExam();
		const { actor: resumed, recorder } = reload(saved, clock);
		expect(resumed!.getSnapshot().status).toBe('done');
		expect(resumed!.getSnapshot().context.result?.reason).toBe('submitted');
		await Promise.resolve();
		expect(recorder.records).toHaveLength(0);
	});

	it('discards a snapshot of another version or machine', () => {
		const { actor, clock, machine } = setupExam();
		const saved = persist(actor);
		expect(reload({ ...saved, version: saved.version + 1 }, clock).snapshot).toBeUndefined();
		expect(restore(saved, createPracticeMachine({ recorder: fakeRecorder() }))).toBeUndefined();
		expect(restore({ ...saved, machine: 'practice' }, machine)).toBeUndefined();
	});

	it('discards snapshots that fail the zod check, never throwing', () => {
		const { actor, machine } = setupExam();
		const saved = persist(actor);
		const snap = saved.snapshot as { context: Record<string, unknown>; value: unknown };
		const broken = [
			null,
			'not json',
			42,
			{ machine: 'exam' },
			{ ...saved, snapshot: null },
			{ ...saved, snapshot: { ...snap, value: { running: 'nowhere' } } },
			{ ...saved, snapshot: { ...snap, status: 'done' } },
			{ ...saved, snapshot: { ...snap, context: { ...snap.context, answers: [[7], [], []] } } },
			{ ...saved, snapshot: { ...snap, context: { ...snap.context, current: 3 } } },
			{
				...saved,
				snapshot: {
					...snap,
					context: {
						...snap.context,
						orders: [
							[0, 0, 1, 2],
							[0, 1, 2, 3],
							[0, 1, 2, 3]
						]
					}
				}
			},
			{ ...saved, snapshot: { ...snap, context: { ...snap.context, deadline: 'soon' } } },
			// Further off than 3 questions at the longest time each (600 s) allow: not this app's.
			{
				...saved,
				snapshot: { ...snap, context: { ...snap.context, deadline: T0 + 3 * 600_000 + 1 } }
			},
			{ ...saved, snapshot: { ...snap, context: { ...snap.context, deadline: T0 + 1e13 } } },
			{ ...saved, snapshot: { ...snap, children: { x: { src: { bad: true } } } } }
		];
		for (const b of broken) expect(restore(b, machine)).toBeUndefined();
		expect(restore(saved, machine)).toBeDefined();
		// The longest exam there can be is still restored.
		const longest = { ...snap, context: { ...snap.context, deadline: T0 + 3 * 600_000 } };
		expect(restore({ ...saved, snapshot: longest }, machine)).toBeDefined();
	});

	it('discards a snapshot whose questions no longer match the content', () => {
		const { actor, machine } = setupExam();
		const saved = persist(actor);
		expect(restore(saved, machine, { isCompatible: (item) => item.id !== 'e2' })).toBeUndefined();
		expect(restore(saved, machine, { isCompatible: () => true })).toBeDefined();
	});

	it('round-trips a practice session', () => {
		const clock = new SimulatedClock();
		clock.set(T0);
		const machine = createPracticeMachine({ recorder: fakeRecorder(), clock });
		const actor = createActor(machine, { input: { questions, seed: 's', mode: 'due' } }).start();
		actor.send({ type: 'answer.toggle', option: 0 });
		actor.send({ type: 'answer.submit' });
		const saved = JSON.parse(JSON.stringify(persist(actor)));
		expect(saved.machine).toBe('practice');
		const snapshot = restore(saved, machine);
		const resumed = resumeActor(machine, snapshot!).start();
		expect(resumed.getSnapshot().value).toBe('answered');
		expect(resumed.getSnapshot().context.feedback?.correct).toBe(true);
		resumed.send({ type: 'question.next' });
		expect(resumed.getSnapshot().context.index).toBe(1);
		expect(restore(saved, createExamMachine({ recorder: fakeRecorder() }))).toBeUndefined();
	});
});

describe('storage helpers', () => {
	it('saves, loads, and deletes an unusable entry', async () => {
		const storage = memoryStorage();
		const { actor, machine } = setupExam();
		await saveQuiz(storage, 'exam', actor);
		expect(await loadQuiz(storage, 'exam', machine)).toBeDefined();
		storage.set('exam', { ...persist(actor), version: 0 });
		expect(await loadQuiz(storage, 'exam', machine)).toBeUndefined();
		expect(storage.data.has('exam')).toBe(false);
		expect(await loadQuiz(storage, 'missing', machine)).toBeUndefined();
	});

	it('survives a storage that throws or holds garbage', async () => {
		const { machine } = setupExam();
		const throwing = {
			get: () => {
				throw new Error('boom');
			},
			set: () => undefined,
			delete: () => undefined
		};
		expect(await loadQuiz(throwing, 'k', machine)).toBeUndefined();
		const storage = memoryStorage();
		storage.data.set(
			'k',
			JSON.stringify({ machine: 'exam', version: 1, snapshot: { status: 'active' } })
		);
		expect(await loadQuiz(storage, 'k', machine)).toBeUndefined();
		expect(storage.data.has('k')).toBe(false);
	});

	it('autoSave writes on every change until stopped', async () => {
		const storage = memoryStorage();
		const { actor } = setupExam();
		const stop = autoSave(storage, 'auto', actor);
		actor.send({ type: 'answer.toggle', option: 1 });
		await new Promise((r) => setTimeout(r, 0));
		const saved = storage.get('auto') as { snapshot: { context: { answers: number[][] } } };
		expect(saved.snapshot.context.answers[0]).toEqual([1]);
		stop();
		actor.send({ type: 'answer.toggle', option: 2 });
		await new Promise((r) => setTimeout(r, 0));
		expect((storage.get('auto') as typeof saved).snapshot.context.answers[0]).toEqual([1]);
	});
});
