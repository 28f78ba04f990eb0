/**
 * What a saved quiz session is now, read from what is stored (without XState or zod), and the
 * place a learner is offered to continue from. Pages that only link to sessions (the quiz hub,
 * the dashboard's "Continue") use this; a session page restores the session itself.
 */
import { examDurationText, longestExamMs } from './exam-time';
import { formatCountdown } from './exam-view';
import type { PracticeMode } from './practice-context';
import { QUIZ_MACHINE_VERSION, type QuizMachineKind } from './quiz-machine-version';

/** The sessions the app saves, by storage key: the page that runs each and its "Continue" title. */
export const QUIZ_SESSIONS = {
	practice: { route: '/quiz/practice', title: 'Practice session' },
	exam: { route: '/quiz/exam', title: 'Exam simulation in progress' },
	review: { route: '/quiz/review', title: 'Review mistakes' },
	due: { route: '/quiz/due', title: 'Due reviews' }
} as const;

/** Storage key of a quiz session (one saved session per key). */
export type QuizSessionKey = keyof typeof QUIZ_SESSIONS;

export const QUIZ_SESSION_KEYS = Object.keys(QUIZ_SESSIONS) as QuizSessionKey[];

/**
 * Where a practice-machine session is saved: in its mode's slot, whichever page runs it. So
 * "Review these mistakes" on a practice (or due) summary starts a review-mistakes session,
 * saved, resumed and offered (the quiz hub, "Continue") as one, at /quiz/review; the session
 * it came from keeps its own slot, finished, rather than being overwritten by the review.
 */
export function sessionSlot(mode: PracticeMode): QuizSessionKey {
	return mode;
}

/**
 * A saved session's state:
 * - `in-progress`: it can be resumed (`lastActiveAt`: the latest question shown or answered);
 * - `time-up`: an exam whose time ran out while its page was closed; opening the page scores
 *   and records it;
 * - `finished`: a practice session that ended or an exam that was submitted (its page may still
 *   show the results, but there is nothing to resume).
 */
export type SavedSessionState =
	| {
			state: 'in-progress';
			lastActiveAt: number;
			/** An exam's: epoch ms when its time runs out (its clock runs while its page is closed). */
			deadline?: number;
	  }
	| { state: 'time-up' }
	| { state: 'finished' };

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null;
const num = (v: unknown): number | undefined =>
	typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/**
 * The state of a saved session (what `persist()` stored), or undefined when nothing usable is
 * saved (nothing, another machine version, not a quiz snapshot): restoring it would discard it.
 */
export function savedSessionState(saved: unknown, now: number): SavedSessionState | undefined {
	if (!isObject(saved) || !isObject(saved.snapshot)) return undefined;
	const kind = saved.machine as QuizMachineKind;
	if (!(kind in QUIZ_MACHINE_VERSION) || saved.version !== QUIZ_MACHINE_VERSION[kind])
		return undefined;
	const { status, context } = saved.snapshot;
	if (!isObject(context)) return undefined;
	if (status === 'done') return { state: 'finished' };
	if (status !== 'active') return undefined;
	if (kind === 'exam') {
		const deadline = num(context.deadline);
		if (deadline === undefined) return undefined;
		// No exam this app sets up runs longer than its questions at the most time each: a deadline
		// further away (from its start, or from now) is not one to count down from ("2777777:46:40
		// left"), nor one the exam page would restore (quiz-snapshot-schema.ts).
		const startedAt = num(context.startedAt);
		const longest = longestExamMs(Array.isArray(context.questions) ? context.questions.length : 0);
		if (startedAt !== undefined && deadline - startedAt > longest) return undefined;
		if (now >= deadline) return { state: 'time-up' };
		if (deadline - now > longest) return undefined;
		const times = [startedAt, num(context.viewStartedAt)];
		return {
			state: 'in-progress',
			lastActiveAt: Math.max(0, ...times.map((t) => t ?? 0)),
			deadline
		};
	}
	const outcomes = Array.isArray(context.outcomes) ? context.outcomes : [];
	const times = [num(context.shownAt), ...outcomes.map((o) => (isObject(o) ? num(o.at) : 0))];
	return { state: 'in-progress', lastActiveAt: Math.max(0, ...times.map((t) => t ?? 0)) };
}

/** A place to continue from (the `lastLocation` setting's shape). */
export interface ContinuePlace {
	route: string;
	title?: string;
	at: number;
}

/** The quiz session a route runs, if it is a quiz session page. */
export function quizSessionOfRoute(route: string): QuizSessionKey | undefined {
	const path = route.replace(/[?#].*$/, '').replace(/\/+$/, '');
	return QUIZ_SESSION_KEYS.find((key) => QUIZ_SESSIONS[key].route === path);
}

/**
 * Where "Continue" should lead: the last place the learner was, unless it is a quiz session that
 * is no longer in progress (finished, submitted, discarded, timed out); then the quiz session
 * still in progress that was active last, or nowhere. `besides` leaves one session out (the
 * home page offers a running exam in its own reminder, so its "Continue" leads elsewhere: to
 * the last place that is not the exam, else the other session in progress active last).
 */
export function placeToContinue(
	last: ContinuePlace | undefined,
	sessions: Partial<Record<QuizSessionKey, SavedSessionState | undefined>>,
	besides?: QuizSessionKey
): ContinuePlace | undefined {
	const lastSession = last && quizSessionOfRoute(last.route);
	if (
		last &&
		(!lastSession || (lastSession !== besides && sessions[lastSession]?.state === 'in-progress'))
	)
		return last;
	let best: ContinuePlace | undefined;
	for (const key of QUIZ_SESSION_KEYS) {
		const s = sessions[key];
		if (key === besides || s?.state !== 'in-progress' || (best && best.at >= s.lastActiveAt))
			continue;
		best = { route: QUIZ_SESSIONS[key].route, title: QUIZ_SESSIONS[key].title, at: s.lastActiveAt };
	}
	return best;
}

/**
 * What the dashboard says of the saved exam: one running (its clock counts down whether or not
 * its page is open, so it comes before anything else to continue), or one whose time ran out
 * while its page was closed (scored when the page opens). Undefined when there is neither.
 */
export type ExamReminder = { state: 'running'; remainingMs: number } | { state: 'time-up' };

/** The reminder for the exam's saved state at `now` (a running exam's time may run out meanwhile). */
export function examReminder(
	exam: SavedSessionState | undefined,
	now: number
): ExamReminder | undefined {
	if (exam?.state === 'time-up') return { state: 'time-up' };
	if (exam?.state !== 'in-progress' || exam.deadline === undefined) return undefined;
	const remainingMs = exam.deadline - now;
	return remainingMs > 0 ? { state: 'running', remainingMs } : { state: 'time-up' };
}

/**
 * The reminder's link in two parts: its name, which stays the same while the clock runs
 * ("Resume your exam": what a screen reader announces for it), and the countdown shown after it
 * (": 12:34 left"), which the link hides from screen readers, since a focused link whose name
 * changed every second could be announced again and again.
 */
export function examReminderLink(reminder: ExamReminder): { name: string; countdown: string } {
	return reminder.state === 'running'
		? { name: 'Resume your exam', countdown: `: ${formatCountdown(reminder.remainingMs)} left` }
		: { name: "Your exam's time ran out: see your score", countdown: '' };
}

/** The reminder's link text: "Resume your exam: 12:34 left", or where to see a timed-out score. */
export function examReminderText(reminder: ExamReminder): string {
	const { name, countdown } = examReminderLink(reminder);
	return name + countdown;
}

/**
 * A running exam's time left in words for screen readers, beside the link: to the nearest minute,
 * so it changes at most once a minute ("About 13 minutes left", "Less than a minute left").
 */
export function examTimeLeftWords(remainingMs: number): string {
	const minutes = Math.round(remainingMs / 60_000);
	if (remainingMs < 60_000 || minutes < 1) return 'Less than a minute left';
	return `About ${examDurationText(minutes * 60)} left`;
}
