import {
	createActor,
	type Actor,
	type AnyStateMachine,
	type ActorOptions,
	type Snapshot
} from 'xstate';
import type { QuizItem } from './quiz-item';
import { QUIZ_MACHINE_VERSION, type QuizMachineKind } from './quiz-machine-version';

export { QUIZ_MACHINE_VERSION, type QuizMachineKind };

/** What is stored: the machine, its version and `getPersistedSnapshot()` (plain JSON). */
export interface SavedQuiz {
	machine: QuizMachineKind;
	version: number;
	snapshot: unknown;
}

/**
 * Where saved quizzes live; the app backs it with localStorage (JSON) or IndexedDB. `get` returns
 * what `set` stored, or undefined. Each method may be sync or async.
 */
export interface QuizStorage {
	get(key: string): unknown | Promise<unknown>;
	set(key: string, value: SavedQuiz): void | Promise<void>;
	delete(key: string): void | Promise<void>;
}

export interface RestoreOptions {
	/** Return false to discard a snapshot whose questions no longer match the content. */
	isCompatible?: (item: QuizItem) => boolean;
}

/** The kind of quiz machine, or an error for any other machine. */
export function quizMachineKind(machine: AnyStateMachine): QuizMachineKind {
	if (machine.id === 'exam' || machine.id === 'practice') return machine.id;
	throw new Error(`not a quiz machine: ${machine.id}`);
}

/** Serialises a running (or finished) exam or practice actor. */
export function persist(actor: Actor<AnyStateMachine>): SavedQuiz {
	const machine = quizMachineKind(actor.logic);
	return {
		machine,
		version: QUIZ_MACHINE_VERSION[machine],
		snapshot: actor.getPersistedSnapshot()
	};
}

/**
 * Creates (does not start) an actor from a restored snapshot. XState's types demand `input` even
 * when a snapshot is given; this wrapper spares callers the cast. Pass the same `clock` as the
 * machine's deps in tests.
 */
export function resumeActor<TMachine extends AnyStateMachine>(
	machine: TMachine,
	snapshot: Snapshot<unknown>,
	options: Pick<ActorOptions<AnyStateMachine>, 'clock'> = {}
): Actor<TMachine> {
	return createActor(machine as AnyStateMachine, { ...options, snapshot }) as Actor<TMachine>;
}

/** Saves an actor under `key`. */
export async function saveQuiz(
	storage: QuizStorage,
	key: string,
	actor: Actor<AnyStateMachine>
): Promise<void> {
	await storage.set(key, persist(actor));
}

/** Loads and checks the quiz under `key`; an unusable entry is deleted and undefined returned. */
export async function loadQuiz(
	storage: QuizStorage,
	key: string,
	machine: AnyStateMachine,
	options?: RestoreOptions
): Promise<Snapshot<unknown> | undefined> {
	let saved: unknown;
	try {
		saved = await storage.get(key);
	} catch {
		saved = undefined;
	}
	if (saved === undefined || saved === null) return undefined;
	// The checks (zod) load only when there is something to check, so quiz pages show their
	// first view without them. If they cannot load (offline after a deploy), keep the entry.
	let restore: typeof import('./quiz-restore').restore;
	try {
		({ restore } = await import('./quiz-restore'));
	} catch {
		return undefined;
	}
	const snapshot = restore(saved, machine, options);
	if (!snapshot) await Promise.resolve(storage.delete(key)).catch(() => undefined);
	return snapshot;
}

/** Saves the actor on every change; returns a function that stops saving. */
export function autoSave(
	storage: QuizStorage,
	key: string,
	actor: Actor<AnyStateMachine>,
	onError?: (e: unknown) => void
): () => void {
	const save = () => {
		Promise.resolve()
			.then(() => saveQuiz(storage, key, actor))
			.catch((e: unknown) => onError?.(e));
	};
	const sub = actor.subscribe({ next: save, error: () => undefined });
	return () => sub.unsubscribe();
}
