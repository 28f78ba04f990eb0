import { assign, setup } from 'xstate';
import { recordSafely } from './answer-recorder';
import {
	examAnswerRecords,
	finishExam,
	initialExamContext,
	type ExamContext,
	type ExamDeps,
	type ExamEvent,
	type ExamInput,
	type ExamResult
} from './exam-context';
import { createTicker, systemClock } from './quiz-clock';
import { toggleOption } from './toggle-option';

/**
 * Timed exam. States: `running.question` ⇄ `running.review` → `submitted` (final; output
 * {@link ExamResult}). `exam.submit` from a question opens the review screen; from the review it
 * submits. When the deadline passes — also while the page was closed — the exam submits itself.
 */
export function createExamMachine(deps: ExamDeps) {
	const clock = deps.clock ?? systemClock;
	return setup({
		types: {} as { context: ExamContext; events: ExamEvent; input: ExamInput; output: ExamResult },
		actors: { ticker: createTicker(clock) },
		guards: {
			timeUp: ({ context }) => clock.now() >= context.deadline,
			inTime: ({ context }) => clock.now() < context.deadline,
			hasNext: ({ context }) => context.current + 1 < context.questions.length,
			hasPrev: ({ context }) => context.current > 0,
			validIndex: ({ context, event }) =>
				event.type === 'exam.goto' &&
				Number.isInteger(event.index) &&
				event.index >= 0 &&
				event.index < context.questions.length
		},
		actions: {
			syncTime: assign(({ context }) => ({
				remainingMs: Math.max(0, context.deadline - clock.now())
			})),
			startView: assign(() => ({ viewStartedAt: clock.now() })),
			endView: assign(({ context }) => {
				const spent = Math.max(0, Math.min(clock.now(), context.deadline) - context.viewStartedAt);
				const timeSpentMs = context.timeSpentMs.slice();
				timeSpentMs[context.current] += spent;
				return { timeSpentMs };
			}),
			toggle: assign(({ context, event }) => {
				if (event.type !== 'answer.toggle') return {};
				const answers = context.answers.slice();
				answers[context.current] = toggleOption(
					context.questions[context.current],
					answers[context.current],
					event.option
				);
				return { answers };
			}),
			flag: assign(({ context, event }) => {
				if (event.type !== 'exam.flag') return {};
				const i = event.index ?? context.current;
				if (!Number.isInteger(i) || i < 0 || i >= context.flags.length) return {};
				const flags = context.flags.slice();
				flags[i] = !flags[i];
				return { flags };
			}),
			goto: assign(({ event }) => (event.type === 'exam.goto' ? { current: event.index } : {})),
			next: assign(({ context }) => ({ current: context.current + 1 })),
			prev: assign(({ context }) => ({ current: context.current - 1 })),
			finish: assign(({ context }, params: { reason: ExamResult['reason'] }) => ({
				result: finishExam(context, params.reason, clock.now()),
				remainingMs: Math.max(0, context.deadline - clock.now())
			})),
			recordAll: ({ context }) => {
				for (const answer of examAnswerRecords(context)) {
					recordSafely(deps.recorder, answer, deps.onRecordError);
				}
			}
		}
	}).createMachine({
		id: 'exam',
		context: ({ input }) => initialExamContext(input, clock.now()),
		initial: 'running',
		states: {
			running: {
				invoke: { src: 'ticker', input: ({ context }) => ({ deadline: context.deadline }) },
				always: {
					guard: 'timeUp',
					target: 'submitted',
					actions: { type: 'finish', params: { reason: 'timeout' } }
				},
				on: {
					'exam.tick': { actions: 'syncTime' },
					'exam.flag': { guard: 'inTime', actions: 'flag' }
				},
				initial: 'question',
				states: {
					question: {
						entry: 'startView',
						exit: 'endView',
						on: {
							'answer.toggle': { guard: 'inTime', actions: 'toggle' },
							'exam.goto': {
								guard: 'validIndex',
								target: 'question',
								reenter: true,
								actions: 'goto'
							},
							'exam.next': [
								{ guard: 'hasNext', target: 'question', reenter: true, actions: 'next' },
								{ target: 'review' }
							],
							'exam.prev': { guard: 'hasPrev', target: 'question', reenter: true, actions: 'prev' },
							'exam.review': 'review',
							'exam.submit': 'review'
						}
					},
					review: {
						on: {
							'exam.goto': { guard: 'validIndex', target: 'question', actions: 'goto' },
							'exam.back': 'question',
							'exam.submit': {
								guard: 'inTime',
								target: '#exam.submitted',
								actions: { type: 'finish', params: { reason: 'submitted' } }
							}
						}
					}
				}
			},
			submitted: { type: 'final', entry: 'recordAll' }
		},
		output: ({ context }) => context.result!
	});
}

/** The exam machine's type (for `ActorRefFrom`, `SnapshotFrom`). */
export type ExamMachine = ReturnType<typeof createExamMachine>;
