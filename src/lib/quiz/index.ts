/**
 * Quiz domain: question selection, option shuffling, scoring, the practice and exam state
 * machines and their persistence. Plain TypeScript; no Svelte, SvelteKit, Dexie or DOM.
 */
export type { AnswerRecord, AnswerRecorder, QuizMode, RecordErrorHandler } from './answer-recorder';
export { recordSafely } from './answer-recorder';
export {
	createRandom,
	deriveSeed,
	hashSeed,
	mulberry32,
	newSeed,
	type Random
} from './seeded-random';
export {
	correctIndices,
	requiredSelections,
	toQuizItem,
	type QuizItem,
	type QuizItemSource
} from './quiz-item';
export { isPermutation, optionOrderFor, shuffleOptions, toAuthored } from './shuffle-options';
export { toggleOption } from './toggle-option';
export {
	DEFAULT_DIFFICULTY_MIX,
	DEFAULT_EXAM_SIZE,
	drawExam,
	filterByTopics,
	orderDueFirst,
	selectPractice,
	selectDueSession,
	selectReviewMistakes,
	type DifficultyMix,
	type DueQueue,
	type DueSession,
	type LastResult,
	type SelectableQuestion
} from './select-questions';
export {
	DEFAULT_PASS_MARK,
	scoreQuestion,
	validateSelection,
	type QuestionScore,
	type SelectionValidation
} from './score';
export { fractionPercent, percentOf, scorePercentText } from './percent';
export {
	missingMistakesText,
	missingOrigin,
	mistakesOverview,
	type MissingOrigin,
	type MistakesOverview
} from './review-mistakes';
export {
	scoreExam,
	topicsWeakestFirst,
	type ExamScore,
	type QuestionReview,
	type TopicBreakdown
} from './exam-score';
export { createTicker, systemClock, TICK_MS, type QuizClock } from './quiz-clock';
export { createPracticeMachine, type PracticeMachine } from './practice-machine';
export {
	MAX_RECORDED_TIME_MS,
	practiceSummary,
	sessionMistakes,
	type SessionMistake,
	type PracticeContext,
	type PracticeDeps,
	type PracticeEvent,
	type PracticeInput,
	type PracticeMode,
	type PracticeOutcome,
	type PracticeSummary
} from './practice-context';
export { practiceSummaryText, questionsLeft } from './practice-summary-text';
export { createExamMachine, type ExamMachine } from './exam-machine';
export {
	DEFAULT_MS_PER_QUESTION,
	REAL_EXAM,
	examAnswerRecords,
	examSummaryRecord,
	type ExamContext,
	type ExamDeps,
	type ExamEvent,
	type ExamInput,
	type ExamResult
} from './exam-context';
export {
	EXAM_SETUP_RANGES,
	examDurationText,
	examSetupErrors,
	examSizeNote,
	examSetupRange,
	type ExamSetupField,
	type ExamSetupValues
} from './exam-setup';
export {
	examAnswerState,
	examRemainingMs,
	examResultCounts,
	examResultSummary,
	examReviewLists,
	examVerdict,
	formatCountdown,
	unansweredExamNote,
	type ExamAnswerState,
	type ExamResultCounts,
	type ExamReviewLists
} from './exam-view';
export {
	autoSave,
	loadQuiz,
	persist,
	QUIZ_MACHINE_VERSION,
	resumeActor,
	saveQuiz,
	type QuizMachineKind,
	type QuizStorage,
	type RestoreOptions,
	type SavedQuiz
} from './quiz-persistence';
export {
	examReminder,
	examReminderLink,
	examReminderText,
	examTimeLeftWords,
	placeToContinue,
	QUIZ_SESSION_KEYS,
	QUIZ_SESSIONS,
	quizSessionOfRoute,
	savedSessionState,
	type ContinuePlace,
	type ExamReminder,
	type QuizSessionKey,
	type SavedSessionState
} from './quiz-session-status';
