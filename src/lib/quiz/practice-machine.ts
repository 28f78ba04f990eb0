import { assign, setup } from 'xstate';
import { recordSafely } from './answer-recorder';
import {
	initialPracticeContext,
	practiceAnswerRecord,
	practiceSummary,
	submitCurrent,
	type PracticeContext,
	type PracticeDeps,
	type PracticeEvent,
	type PracticeInput,
	type PracticeSummary
} from './practice-context';
import { systemClock } from './quiz-clock';
import { validateSelection } from './score';
import { toggleOption } from './toggle-option';

/**
 * Practice / review / due session: `presenting` → (`answer.submit`) → `answered` →
 * (`question.next`) → `presenting` … → `finished` (final; output {@link PracticeSummary}).
 * `answer.toggle.option` is an AUTHORED option index. Every submitted answer is recorded.
 */
export function createPracticeMachine(deps: PracticeDeps) {
	const clock = deps.clock ?? systemClock;
	const current = (c: PracticeContext) => c.questions[c.index];
	return setup({
		types: {} as {
			context: PracticeContext;
			events: PracticeEvent;
			input: PracticeInput;
			output: PracticeSummary;
		},
		guards: {
			validSelection: ({ context }) => validateSelection(current(context), context.selected).valid,
			hasNext: ({ context }) => context.index + 1 < context.questions.length
		},
		actions: {
			toggle: assign(({ context, event }) => {
				if (event.type !== 'answer.toggle') return {};
				return {
					selected: toggleOption(current(context), context.selected, event.option),
					refused: undefined
				};
			}),
			refuse: assign(({ context }) => ({
				refused: validateSelection(current(context), context.selected)
			})),
			submit: assign(({ context }) => submitCurrent(context, clock.now())),
			record: ({ context }) =>
				recordSafely(deps.recorder, practiceAnswerRecord(context), deps.onRecordError),
			skip: assign(({ context }) => ({
				outcomes: [
					...context.outcomes,
					{
						questionId: current(context).id,
						chosen: [],
						correct: false,
						skipped: true,
						timeMs: 0,
						at: clock.now()
					}
				]
			})),
			advance: assign(({ context }) => ({ index: context.index + 1 })),
			show: assign(() => ({
				selected: [],
				refused: undefined,
				feedback: undefined,
				shownAt: clock.now()
			}))
		}
	}).createMachine({
		id: 'practice',
		context: ({ input }) => initialPracticeContext(input, clock.now()),
		initial: 'presenting',
		on: { 'practice.end': '.finished' },
		states: {
			presenting: {
				entry: 'show',
				always: { guard: ({ context }) => context.questions.length === 0, target: 'finished' },
				on: {
					'answer.toggle': { actions: 'toggle' },
					'answer.submit': [
						{ guard: 'validSelection', target: 'answered', actions: ['submit', 'record'] },
						{ actions: 'refuse' }
					],
					'question.skip': [
						{ guard: 'hasNext', target: 'presenting', reenter: true, actions: ['skip', 'advance'] },
						{ target: 'finished', actions: 'skip' }
					]
				}
			},
			answered: {
				on: {
					'question.next': [
						{ guard: 'hasNext', target: 'presenting', actions: 'advance' },
						{ target: 'finished' }
					]
				}
			},
			finished: { type: 'final' }
		},
		output: ({ context }) => practiceSummary(context)
	});
}

/** The practice machine's type (for `ActorRefFrom`, `SnapshotFrom`). */
export type PracticeMachine = ReturnType<typeof createPracticeMachine>;
