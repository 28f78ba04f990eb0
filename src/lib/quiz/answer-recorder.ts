/**
 * The port through which quiz machines report answers. The progress layer (`src/lib/progress`)
 * implements it; tests use an in-memory fake.
 */

/** How an answer was given. `review` = review-mistakes, `due` = spaced-repetition due queue. */
export type QuizMode = 'practice' | 'exam' | 'review' | 'due';

/** One answered question (an exam question left unanswered is not recorded: it is no answer). */
export interface AnswerRecord {
	questionId: string;
	topic: string;
	/** Authored option indices, sorted; never empty. */
	chosen: number[];
	correct: boolean;
	/** Time spent on the question in ms (exam: summed over every visit). */
	timeMs: number;
	mode: QuizMode;
	/** Epoch ms when the answer was submitted (exam: when the exam was submitted). */
	at: number;
	examId?: string;
	packId?: string;
}

/** Receives every answer a quiz machine records. */
export interface AnswerRecorder {
	record(answer: AnswerRecord): Promise<void>;
}

/** Called when `record` rejects; the quiz carries on (the answer is lost, not the session). */
export type RecordErrorHandler = (error: unknown, answer: AnswerRecord) => void;

/** Calls the recorder without letting a failure escape into the machine. */
export function recordSafely(
	recorder: AnswerRecorder,
	answer: AnswerRecord,
	onError: RecordErrorHandler = (error) => console.error('quiz: could not record answer', error)
): void {
	let pending: Promise<void>;
	try {
		pending = recorder.record(answer);
	} catch (error) {
		onError(error, answer);
		return;
	}
	Promise.resolve(pending).catch((error: unknown) => onError(error, answer));
}
