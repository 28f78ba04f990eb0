import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { MAX_RECORDED_TIME_MS, sessionMistakes } from './practice-context';
import { createPracticeMachine } from './practice-machine';
import { isPermutation } from './shuffle-options';
import { fakeRecorder, q } from './test-fixtures';

const T0 = Date.UTC(2025, 0, 1);
const questions = [
	q('p1', 'mfa', { correct: [1] }),
	q('p2', 'saml', { correct: [0, 2], options: 5 }),
	q('p3', 'durations', { packId: 'pack-x' })
];

function start(mode?: 'practice' | 'review' | 'due') {
	const clock = new SimulatedClock();
	clock.set(T0);
	const recorder = fakeRecorder();
	const actor = createActor(createPracticeMachine({ recorder, clock }), {
		input: { questions, seed: 'practice-seed', ...(mode ? { mode } : {}) }
	}).start();
	return { clock, recorder, actor, ctx: () => actor.getSnapshot().context };
}

describe('practice machine', () => {
	it('keeps a display order per question', () => {
		const { ctx } = start();
		expect(ctx().orders).toHaveLength(3);
		ctx().orders.forEach((o, i) =>
			expect(isPermutation(o, ctx().questions[i].options.length)).toBe(true)
		);
		expect(ctx().questions[0]).not.toHaveProperty('stem');
	});

	it('records an answer with the time taken from the clock', async () => {
		const { clock, recorder, actor, ctx } = start();
		clock.increment(12_345);
		actor.send({ type: 'answer.toggle', option: 0 });
		actor.send({ type: 'answer.toggle', option: 1 }); // single: replaces the selection
		expect(ctx().selected).toEqual([1]);
		actor.send({ type: 'answer.submit' });
		expect(actor.getSnapshot().value).toBe('answered');
		expect(ctx().feedback).toMatchObject({ correct: true, chosen: [1], correctOptions: [1] });
		await Promise.resolve();
		expect(recorder.records).toEqual([
			{
				questionId: 'p1',
				topic: 'mfa',
				chosen: [1],
				correct: true,
				timeMs: 12_345,
				mode: 'practice',
				at: T0 + 12_345
			}
		]);
	});

	it('refuses submit with the wrong number of selections', () => {
		const { recorder, actor, ctx } = start();
		actor.send({ type: 'answer.submit' });
		expect(actor.getSnapshot().value).toBe('presenting');
		expect(ctx().refused?.message).toBe('Select 1 option (0 selected)');
		actor.send({ type: 'answer.toggle', option: 2 });
		expect(ctx().refused).toBeUndefined();
		actor.send({ type: 'answer.submit' });
		actor.send({ type: 'question.next' });
		actor.send({ type: 'answer.toggle', option: 0 });
		actor.send({ type: 'answer.submit' });
		expect(actor.getSnapshot().value).toBe('presenting');
		expect(ctx().refused?.message).toBe('Select 2 options (1 selected)');
		expect(recorder.records).toHaveLength(1);
		actor.send({ type: 'answer.toggle', option: 2 });
		actor.send({ type: 'answer.submit' });
		expect(actor.getSnapshot().value).toBe('answered');
		expect(recorder.records[1]).toMatchObject({ questionId: 'p2', chosen: [0, 2], correct: true });
	});

	it('times each question from when it was shown, uses the mode and packId, caps long times', () => {
		const { clock, recorder, actor } = start('review');
		clock.increment(1000);
		actor.send({ type: 'answer.toggle', option: 0 });
		actor.send({ type: 'answer.submit' });
		clock.increment(60_000); // reading feedback does not count
		actor.send({ type: 'question.next' });
		clock.increment(4000);
		actor.send({ type: 'question.skip' });
		clock.increment(24 * 3600_000);
		actor.send({ type: 'answer.toggle', option: 0 });
		actor.send({ type: 'answer.submit' });
		expect(
			recorder.records.map((r) => [r.questionId, r.timeMs, r.mode, r.correct, r.packId])
		).toEqual([
			['p1', 1000, 'review', false, undefined],
			['p3', MAX_RECORDED_TIME_MS, 'review', true, 'pack-x']
		]);
	});

	it('finishes after the last question with a summary', () => {
		const { actor } = start();
		actor.send({ type: 'answer.toggle', option: 1 });
		actor.send({ type: 'answer.submit' });
		actor.send({ type: 'question.next' });
		actor.send({ type: 'question.skip' });
		actor.send({ type: 'answer.toggle', option: 3 });
		actor.send({ type: 'answer.submit' });
		actor.send({ type: 'question.next' });
		expect(actor.getSnapshot().status).toBe('done');
		expect(actor.getSnapshot().output).toEqual({ total: 3, answered: 2, correct: 1, skipped: 1 });
		expect(actor.getSnapshot().context.outcomes.map((o) => o.skipped)).toEqual([
			false,
			true,
			false
		]);
	});

	it('lists the questions answered wrong in the session, not the ones right or skipped', () => {
		const more = [...questions, q('p4', 'mfa', { correct: [2] })];
		const actor = createActor(createPracticeMachine({ recorder: fakeRecorder() }), {
			input: { questions: more, seed: 's' }
		}).start();
		const answer = (...options: number[]) => {
			for (const option of options) actor.send({ type: 'answer.toggle', option });
			actor.send({ type: 'answer.submit' });
			actor.send({ type: 'question.next' });
		};
		answer(0); // p1 wrong (1 is right)
		answer(0, 2); // p2 right
		actor.send({ type: 'question.skip' }); // p3 skipped
		expect(sessionMistakes(actor.getSnapshot().context)).toEqual([
			{ index: 0, questionId: 'p1', chosen: [0] }
		]);
		answer(3); // p4 wrong, and the session finishes
		expect(actor.getSnapshot().status).toBe('done');
		expect(sessionMistakes(actor.getSnapshot().context)).toEqual([
			{ index: 0, questionId: 'p1', chosen: [0] },
			{ index: 3, questionId: 'p4', chosen: [3] }
		]);
	});

	it('can be ended early, and an empty session finishes at once', () => {
		const { actor } = start();
		actor.send({ type: 'practice.end' });
		expect(actor.getSnapshot().value).toBe('finished');
		const empty = createActor(createPracticeMachine({ recorder: fakeRecorder() }), {
			input: { questions: [], seed: 's' }
		}).start();
		expect(empty.getSnapshot().status).toBe('done');
	});

	it('ignores toggles of options that do not exist and reports recorder failures', async () => {
		const errors: unknown[] = [];
		const actor = createActor(
			createPracticeMachine({
				recorder: { record: () => Promise.reject(new Error('db down')) },
				onRecordError: (e) => errors.push(e)
			}),
			{ input: { questions, seed: 's' } }
		).start();
		actor.send({ type: 'answer.toggle', option: 99 });
		expect(actor.getSnapshot().context.selected).toEqual([]);
		actor.send({ type: 'answer.toggle', option: 1 });
		actor.send({ type: 'answer.submit' });
		await new Promise((r) => setTimeout(r, 0));
		expect(actor.getSnapshot().value).toBe('answered');
		expect(errors).toHaveLength(1);
	});
});
