import type { QuizStorage, SavedQuiz } from '$lib/quiz';
import {
	QUIZ_SESSION_KEYS,
	savedSessionState,
	type QuizSessionKey,
	type SavedSessionState
} from '$lib/quiz/quiz-session-status';
import { deletionGuard, LOCAL_KEY_PREFIX } from './local-learner-data';

/** Prefix of every saved quiz session's localStorage key. */
export const QUIZ_STORAGE_PREFIX = `${LOCAL_KEY_PREFIX}quiz:`;
const PREFIX = QUIZ_STORAGE_PREFIX;

/**
 * Quiz sessions live in localStorage: small, synchronous (so a session restores before first
 * paint of the question), and separate from IndexedDB so a blocked database never loses an exam.
 */
export const localQuizStorage: QuizStorage = {
	get(key) {
		try {
			const text = localStorage.getItem(PREFIX + key);
			return text ? (JSON.parse(text) as SavedQuiz) : undefined;
		} catch {
			return undefined;
		}
	},
	set(key, value) {
		// A session from before "Delete all progress" in another tab is not saved again.
		if (!deletionGuard.mayWrite()) return;
		try {
			localStorage.setItem(PREFIX + key, JSON.stringify(value));
		} catch {
			// Storage full or blocked: the session continues in memory.
		}
	},
	delete(key) {
		try {
			localStorage.removeItem(PREFIX + key);
		} catch {
			// Nothing to do.
		}
	}
};

/** Whether a session is saved under key (for "resume" buttons). */
export function hasSavedQuiz(key: string): boolean {
	try {
		return localStorage.getItem(PREFIX + key) !== null;
	} catch {
		return false;
	}
}

/**
 * What each saved quiz session is now (in progress, finished, timed out), read without loading
 * the quiz machines: for "Resume" links and the place to continue from.
 */
export function savedQuizStates(
	now = Date.now()
): Partial<Record<QuizSessionKey, SavedSessionState>> {
	const states: Partial<Record<QuizSessionKey, SavedSessionState>> = {};
	for (const key of QUIZ_SESSION_KEYS) {
		const state = savedSessionState(localQuizStorage.get(key), now);
		if (state) states[key] = state;
	}
	return states;
}
