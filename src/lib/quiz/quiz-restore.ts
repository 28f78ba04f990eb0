/**
 * Restoring a saved quiz: the zod checks a stored snapshot must pass before a machine gets it.
 * Kept apart from quiz-persistence.ts so that `loadQuiz` imports it (and zod) only when a saved
 * quiz exists: a first visit to a quiz page never loads it.
 */
import { createActor, type AnyStateMachine, type Snapshot } from 'xstate';
import { z } from 'zod';
import type { QuizItem } from './quiz-item';
import { QUIZ_MACHINE_VERSION, quizMachineKind, type RestoreOptions } from './quiz-persistence';
import { examSnapshotSchema, practiceSnapshotSchema } from './quiz-snapshot-schema';

const savedSchema = z.looseObject({
	machine: z.enum(['exam', 'practice']),
	version: z.number(),
	snapshot: z.unknown()
});

/**
 * The snapshot to pass to `createActor(machine, { snapshot })`, or undefined when `saved` is
 * for another machine or version, fails the zod check, or the machine cannot load it.
 * Never throws.
 */
export function restore(
	saved: unknown,
	machine: AnyStateMachine,
	options: RestoreOptions = {}
): Snapshot<unknown> | undefined {
	try {
		const kind = quizMachineKind(machine);
		const envelope = savedSchema.safeParse(saved);
		if (!envelope.success) return undefined;
		if (envelope.data.machine !== kind || envelope.data.version !== QUIZ_MACHINE_VERSION[kind])
			return undefined;
		const schema = kind === 'exam' ? examSnapshotSchema : practiceSnapshotSchema;
		const checked = schema.safeParse(envelope.data.snapshot);
		if (!checked.success) return undefined;
		const questions = checked.data.context.questions as QuizItem[];
		if (options.isCompatible && !questions.every(options.isCompatible)) return undefined;
		const snapshot = structuredClone(envelope.data.snapshot) as Snapshot<unknown>;
		// The machine itself must accept it (an unknown state value puts the actor in `error`).
		const probe = createActor(machine, { snapshot: structuredClone(snapshot) });
		if (probe.getSnapshot().status === 'error') return undefined;
		return snapshot;
	} catch {
		return undefined;
	}
}
