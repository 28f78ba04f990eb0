import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createExamMachine } from './exam-machine';
import { createPracticeMachine } from './practice-machine';
import { autoSave, persist, type QuizStorage, type SavedQuiz } from './quiz-persistence';
import {
	examReminder,
	examReminderLink,
	examReminderText,
	examTimeLeftWords,
	placeToContinue,
	quizSessionOfRoute,
	savedSessionState,
	sessionSlot,
	QUIZ_SESSION_KEYS,
	QUIZ_SESSIONS,
	type SavedSessionState
} from './quiz-session-status';
import type { PracticeMode } from './practice-context';
import { fakeRecorder, q } from './test-fixtures';

const T0 = Date.UTC(2025, 0, 1, 9);
const questions = [q('a', 'mfa'), q('b', 'mfa', { correct: [1] })];

/** A saved session as the app stores it (persist() through a JSON round trip). */
const saved = (actor: Parameters<typeof persist>[0]) => JSON.parse(JSON.stringify(persist(actor)));

function practice() {
	const clock = new SimulatedClock();
	clock.set(T0);
	const actor = createActor(createPracticeMachine({ recorder: fakeRecorder(), clock }), {
		input: { questions, seed: 's' }
	}).start();
	return { clock, actor };
}

function exam() {
	const clock = new SimulatedClock();
	clock.set(T0);
	const actor = createActor(createExamMachine({ recorder: fakeRecorder(), clock }), {
		clock,
		input: { questions, examId: 'x', seed: 's', msPerQuestion: 60_000 }
	}).start();
	return { clock, actor };
}

describe("the dashboard's exam reminder", () => {
	it('a running exam: the time it has left, counting down while its page is closed', () => {
		const { actor } = exam();
		const running = saved(actor);
		const at = (now: number) => examReminder(savedSessionState(running, now), now);
		expect(at(T0 + 1_000)).toEqual({ state: 'running', remainingMs: 119_000 });
		expect(examReminderText(at(T0 + 1_000)!)).toBe('Resume your exam: 1:59 left');
		// Read once, the deadline keeps counting: the same state an hour of page time later.
		const read = savedSessionState(running, T0 + 1_000);
		expect(examReminder(read, T0 + 119_500)).toEqual({ state: 'running', remainingMs: 500 });
		expect(examReminderText(examReminder(read, T0 + 119_500)!)).toBe('Resume your exam: 0:01 left');
		expect(examReminder(read, T0 + 120_000)).toEqual({ state: 'time-up' });
		expect(at(T0 + 300_000)).toEqual({ state: 'time-up' });
		expect(examReminderText({ state: 'time-up' })).toBe("Your exam's time ran out: see your score");
	});

	it("the link's name stays the same while the clock runs; the time left in words changes once a minute", () => {
		expect(examReminderLink({ state: 'running', remainingMs: 754_000 })).toEqual({
			name: 'Resume your exam',
			countdown: ': 12:34 left'
		});
		expect(examReminderLink({ state: 'running', remainingMs: 753_000 }).name).toBe(
			'Resume your exam'
		);
		expect(examReminderLink({ state: 'time-up' })).toEqual({
			name: "Your exam's time ran out: see your score",
			countdown: ''
		});
		expect(examTimeLeftWords(754_000)).toBe('About 13 minutes left');
		expect(examTimeLeftWords(720_000)).toBe('About 12 minutes left');
		expect(examTimeLeftWords(689_000)).toBe('About 11 minutes left');
		expect(examTimeLeftWords(4_500_000)).toBe('About 1 hour 15 minutes left');
		expect(examTimeLeftWords(60_000)).toBe('About 1 minute left');
		expect(examTimeLeftWords(59_999)).toBe('Less than a minute left');
		expect(examTimeLeftWords(1_000)).toBe('Less than a minute left');
		// A second-by-second countdown says the same words for most of each minute.
		const words = new Set<string>();
		for (let ms = 600_000; ms > 540_000; ms -= 1_000) words.add(examTimeLeftWords(ms));
		expect(words.size).toBeLessThanOrEqual(2);
	});

	it('no reminder for a submitted exam, a practice session or nothing saved', () => {
		const { clock, actor } = exam();
		clock.increment(10_000);
		actor.send({ type: 'exam.review' });
		actor.send({ type: 'exam.submit' });
		expect(examReminder(savedSessionState(saved(actor), T0 + 11_000), T0 + 11_000)).toBeUndefined();
		const p = practice();
		expect(examReminder(savedSessionState(saved(p.actor), T0), T0)).toBeUndefined();
		expect(examReminder(undefined, T0)).toBeUndefined();
	});
});

describe('savedSessionState', () => {
	it('a practice session is in progress until it ends, then finished', () => {
		const { clock, actor } = practice();
		expect(savedSessionState(saved(actor), T0)).toEqual({ state: 'in-progress', lastActiveAt: T0 });
		clock.increment(5_000);
		actor.send({ type: 'answer.toggle', option: 0 });
		actor.send({ type: 'answer.submit' });
		expect(savedSessionState(saved(actor), T0 + 9_000)).toEqual({
			state: 'in-progress',
			lastActiveAt: T0 + 5_000
		});
		actor.send({ type: 'practice.end' });
		expect(savedSessionState(saved(actor), T0 + 9_000)).toEqual({ state: 'finished' });
	});

	it('an exam is in progress until submitted; past its deadline it is time-up, not in progress', () => {
		const { clock, actor } = exam();
		const running = saved(actor);
		expect(savedSessionState(running, T0 + 1_000)).toEqual({
			state: 'in-progress',
			lastActiveAt: T0,
			deadline: T0 + 120_000
		});
		// Closed with time left, reopened after the deadline: nothing to resume, a score to see.
		expect(savedSessionState(running, T0 + 120_000)).toEqual({ state: 'time-up' });
		clock.increment(10_000);
		actor.send({ type: 'exam.review' });
		actor.send({ type: 'exam.submit' });
		expect(actor.getSnapshot().status).toBe('done');
		expect(savedSessionState(saved(actor), T0 + 11_000)).toEqual({ state: 'finished' });
	});

	// A deadline of now + 1e13 ms showed "Resume your exam: 2777777:46:40 left".
	it('an exam whose deadline lies beyond the longest exam there can be is no session', () => {
		const { actor } = exam();
		const good = saved(actor);
		const withContext = (context: Record<string, unknown>) => ({
			...good,
			snapshot: { ...good.snapshot, context: { ...good.snapshot.context, ...context } }
		});
		// Two questions at the most 600 s each: 20 minutes at the longest.
		const longest = 2 * 600_000;
		expect(savedSessionState(withContext({ deadline: T0 + 1e13 }), T0)).toBeUndefined();
		expect(examReminder(savedSessionState(withContext({ deadline: T0 + 1e13 }), T0), T0)).toBe(
			undefined
		);
		expect(savedSessionState(withContext({ deadline: T0 + longest + 1 }), T0)).toBeUndefined();
		expect(savedSessionState(withContext({ deadline: T0 + longest }), T0)).toEqual({
			state: 'in-progress',
			lastActiveAt: T0,
			deadline: T0 + longest
		});
		// Measured from now too: a start moved later (or missing) does not stretch the clock.
		const far = { deadline: T0 + 10 * longest, startedAt: T0 + 9 * longest };
		expect(savedSessionState(withContext(far), T0)).toBeUndefined();
		expect(savedSessionState(withContext({ ...far, startedAt: undefined }), T0)).toBeUndefined();
		// Without its questions, no exam length at all is believable.
		expect(savedSessionState(withContext({ questions: undefined }), T0)).toBeUndefined();
		// Nor is a score to see once that deadline has passed (the exam page would not restore it).
		expect(savedSessionState(withContext({ deadline: T0 + 1e13 }), T0 + 2e13)).toBeUndefined();
		expect(savedSessionState(withContext({ deadline: T0 + longest }), T0 + 2e13)).toEqual({
			state: 'time-up'
		});
	});

	it('nothing usable saved is no session', () => {
		const { actor } = practice();
		const good = saved(actor);
		expect(savedSessionState(undefined, T0)).toBeUndefined();
		expect(savedSessionState('text', T0)).toBeUndefined();
		expect(savedSessionState({ ...good, version: 99 }, T0)).toBeUndefined();
		expect(savedSessionState({ ...good, machine: 'other' }, T0)).toBeUndefined();
		expect(savedSessionState({ ...good, snapshot: { status: 'error', context: {} } }, T0)).toBe(
			undefined
		);
		expect(
			savedSessionState(
				{ machine: 'exam', version: 1, snapshot: { status: 'active', context: {} } },
				T0
			)
		).toBeUndefined();
	});
});

describe('quizSessionOfRoute', () => {
	it('knows the four session pages, with or without a hash or query', () => {
		expect(quizSessionOfRoute('/quiz/exam')).toBe('exam');
		expect(quizSessionOfRoute('/quiz/practice?pack=p')).toBe('practice');
		expect(quizSessionOfRoute('/quiz/review/')).toBe('review');
		expect(quizSessionOfRoute('/quiz/due#x')).toBe('due');
		expect(quizSessionOfRoute('/quiz')).toBeUndefined();
		expect(quizSessionOfRoute('/lessons/assume-role')).toBeUndefined();
	});
});

describe('placeToContinue', () => {
	const lesson = { route: '/lessons/mfa', title: 'MFA', at: T0 };
	const examPlace = { route: '/quiz/exam', title: 'Exam simulation in progress', at: T0 + 10 };
	const inProgress = (at: number): SavedSessionState => ({
		state: 'in-progress',
		lastActiveAt: at
	});

	it('keeps any place that is not a quiz session', () => {
		expect(placeToContinue(lesson, {})).toBe(lesson);
		expect(placeToContinue(lesson, { exam: inProgress(T0 + 99) })).toBe(lesson);
	});

	it('keeps a quiz session still in progress', () => {
		expect(placeToContinue(examPlace, { exam: inProgress(T0 + 50) })).toBe(examPlace);
	});

	it('drops a quiz session that is over (submitted, finished, timed out, discarded)', () => {
		expect(placeToContinue(examPlace, { exam: { state: 'finished' } })).toBeUndefined();
		expect(placeToContinue(examPlace, { exam: { state: 'time-up' } })).toBeUndefined();
		expect(placeToContinue(examPlace, {})).toBeUndefined();
		const practicePlace = { route: '/quiz/practice', title: 'Practice session', at: T0 };
		expect(placeToContinue(practicePlace, { practice: { state: 'finished' } })).toBeUndefined();
	});

	// The home page offers a running exam in its reminder and hid "Continue" whenever it led to
	// the exam: a practice session left in progress before the exam was offered nowhere on /.
	it('besides the exam: the latest place that is not the exam', () => {
		const sessions = { exam: inProgress(T0 + 900), practice: inProgress(T0 + 200) };
		expect(placeToContinue(examPlace, sessions, 'exam')).toEqual({
			route: '/quiz/practice',
			title: 'Practice session',
			at: T0 + 200
		});
		// The latest of the other sessions in progress.
		expect(placeToContinue(examPlace, { ...sessions, due: inProgress(T0 + 300) }, 'exam')).toEqual({
			route: '/quiz/due',
			title: 'Due reviews',
			at: T0 + 300
		});
		// A last place that is not the exam stays where it is.
		expect(placeToContinue(lesson, sessions, 'exam')).toBe(lesson);
		const practicePlace = { route: '/quiz/practice', title: 'Practice session', at: T0 + 250 };
		expect(placeToContinue(practicePlace, sessions, 'exam')).toBe(practicePlace);
		// Nothing else in progress: nowhere (the exam has its own reminder).
		expect(placeToContinue(examPlace, { exam: inProgress(T0 + 900) }, 'exam')).toBeUndefined();
		expect(placeToContinue(undefined, { exam: inProgress(T0 + 900) }, 'exam')).toBeUndefined();
		// Without `besides`, the exam as before.
		expect(placeToContinue(examPlace, sessions)).toBe(examPlace);
	});

	it('then offers the session still in progress that was active last', () => {
		const practicePlace = { route: '/quiz/practice', title: 'Practice session', at: T0 + 500 };
		expect(
			placeToContinue(practicePlace, {
				practice: { state: 'finished' },
				exam: inProgress(T0 + 100),
				due: inProgress(T0 + 300),
				review: { state: 'finished' }
			})
		).toEqual({ route: '/quiz/due', title: 'Due reviews', at: T0 + 300 });
		expect(placeToContinue(undefined, { exam: inProgress(T0 + 100) })).toEqual({
			route: '/quiz/exam',
			title: 'Exam simulation in progress',
			at: T0 + 100
		});
		expect(placeToContinue(undefined, {})).toBeUndefined();
	});
});

describe('"Review these mistakes" on a practice summary', () => {
	it('saved as a review-mistakes session: practice stays finished, the hub and "Continue" offer the review', async () => {
		const stored = new Map<string, SavedQuiz>();
		const storage: QuizStorage = {
			get: (k) => stored.get(k),
			set: (k, v) => void stored.set(k, JSON.parse(JSON.stringify(v)) as SavedQuiz),
			delete: (k) => void stored.delete(k)
		};
		const settle = () => new Promise((r) => setTimeout(r, 0));
		// The practice page's session, saved as the page does, answered wrong then ended.
		const clock = new SimulatedClock();
		clock.set(T0);
		const machine = createPracticeMachine({ recorder: fakeRecorder(), clock });
		const first = createActor(machine, { input: { questions, seed: 's', mode: 'practice' } });
		const stopFirst = autoSave(storage, sessionSlot(first.getSnapshot().context.mode), first);
		first.start();
		first.send({ type: 'answer.toggle', option: 1 });
		first.send({ type: 'answer.submit' });
		first.send({ type: 'practice.end' });
		await settle();
		stopFirst();
		// "Review these mistakes": a review-mode session of the one missed, started on that page.
		clock.set(T0 + 60_000);
		const review = createActor(machine, {
			input: { questions: [questions[0]!], seed: 's', mode: 'review' }
		});
		const stopReview = autoSave(storage, sessionSlot(review.getSnapshot().context.mode), review);
		review.start();
		await settle();
		stopReview();

		const states = Object.fromEntries(
			QUIZ_SESSION_KEYS.map((k) => [k, savedSessionState(stored.get(k), T0 + 120_000)])
		);
		// The practice session is not overwritten (nothing to resume there), the review is.
		expect(states.practice).toEqual({ state: 'finished' });
		expect(states.review).toEqual({ state: 'in-progress', lastActiveAt: T0 + 60_000 });
		expect(placeToContinue({ route: '/quiz/practice', at: T0 }, states)).toEqual({
			route: '/quiz/review',
			title: 'Review mistakes',
			at: T0 + 60_000
		});
	});
});

describe('sessionSlot', () => {
	const modes = ['practice', 'review', 'due'] as const satisfies readonly PracticeMode[];

	it("puts each mode's session where the page that runs that mode resumes it, one slot per mode", async () => {
		const stored = new Map<string, SavedQuiz>();
		const storage: QuizStorage = {
			get: (k) => stored.get(k),
			set: (k, v) => void stored.set(k, JSON.parse(JSON.stringify(v)) as SavedQuiz),
			delete: (k) => void stored.delete(k)
		};
		const machine = createPracticeMachine({ recorder: fakeRecorder() });
		for (const mode of modes) {
			const actor = createActor(machine, { input: { questions, seed: 's', mode } });
			const stop = autoSave(storage, sessionSlot(actor.getSnapshot().context.mode), actor);
			actor.start();
			await new Promise((r) => setTimeout(r, 0));
			stop();
		}
		// Three sessions, none overwriting another, none in the exam's slot.
		expect([...stored.keys()].sort()).toEqual(['due', 'practice', 'review']);
		for (const slot of stored.keys()) {
			const saved = stored.get(slot) as { snapshot: { context: { mode: PracticeMode } } };
			const mode = saved.snapshot.context.mode;
			// The slot is a session the hub and "Continue" know, and its page is that mode's page:
			// /quiz/review resumes the review started from a practice summary.
			expect(QUIZ_SESSION_KEYS).toContain(slot);
			expect(QUIZ_SESSIONS[sessionSlot(mode)].route).toBe(`/quiz/${mode}`);
			expect(quizSessionOfRoute(`/quiz/${mode}`)).toBe(slot);
		}
	});
});
