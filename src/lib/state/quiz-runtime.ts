/**
 * What running a quiz session needs: XState and the quiz machines (~15 KB gzip, and their
 * evaluation). Quiz pages import this when a session starts or a saved one resumes, so that
 * their first view (the setup form, prerendered) hydrates without it.
 */
export { createActor } from 'xstate';
export {
	autoSave,
	createExamMachine,
	createPracticeMachine,
	loadQuiz,
	resumeActor
} from '$lib/quiz';
