/**
 * The quiz machines' kinds and versions, apart from quiz-persistence.ts (which imports XState) so
 * that pages that only read what is saved (the quiz hub, the dashboard) do not load XState.
 */

/** Which quiz machine a saved snapshot belongs to. */
export type QuizMachineKind = 'exam' | 'practice';

/**
 * Bump a machine's version whenever its states or context change shape: saved snapshots of
 * another version are discarded rather than restored.
 */
export const QUIZ_MACHINE_VERSION: Readonly<Record<QuizMachineKind, number>> = {
	exam: 1,
	practice: 1
};
