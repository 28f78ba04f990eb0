import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SECONDS_PER_QUESTION } from '$lib/quiz/exam-time';
import { QUIZ_MACHINE_VERSION } from '$lib/quiz/quiz-machine-version';
import { examReminder, savedSessionState } from '$lib/quiz/quiz-session-status';
import { LOCAL_KEY_PREFIX, clearLocalLearnerData } from './local-learner-data';
import { RETURNING_KEY, markReturning } from './returning-hint';

/** A root element and a Web Storage as the browser has them, in memory. */
function fakes() {
	const attributes = new Set<string>();
	const root = {
		toggleAttribute: (name: string, on?: boolean) => {
			if (on) attributes.add(name);
			else attributes.delete(name);
			return !!on;
		},
		dataset: {} as Record<string, string>
	};
	const items = new Map<string, string>();
	const storage = {
		get length() {
			return items.size;
		},
		key: (i: number) => [...items.keys()][i] ?? null,
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k)
	};
	return { attributes, root, items, storage };
}

describe('markReturning', () => {
	it('marks the root and notes the hint for the next page load, and takes both back', () => {
		const { attributes, root, items, storage } = fakes();
		markReturning(true, root, () => storage);
		expect([...attributes]).toEqual(['data-returning']);
		expect(items.get(RETURNING_KEY)).toBe('1');
		markReturning(false, root, () => storage);
		expect([...attributes]).toEqual([]);
		expect(items.has(RETURNING_KEY)).toBe(false);
	});

	it('still marks the root when Web Storage is blocked', () => {
		const { attributes, root } = fakes();
		const blocked = () => {
			throw new DOMException('blocked', 'SecurityError');
		};
		expect(() => markReturning(true, root, blocked)).not.toThrow();
		expect([...attributes]).toEqual(['data-returning']);
	});

	it('is removed by "Delete all progress" (the hint is under the app prefix, not kept)', () => {
		const { root, items, storage } = fakes();
		expect(RETURNING_KEY.startsWith(LOCAL_KEY_PREFIX)).toBe(true);
		markReturning(true, root, () => storage);
		clearLocalLearnerData([storage]);
		expect(items.has(RETURNING_KEY)).toBe(false);
	});
});

describe('the inline script of src/app.html', () => {
	const html = readFileSync('src/app.html', 'utf8');
	const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
	/** Runs the script as the browser does before first paint, with this storage. */
	function run(storage: ReturnType<typeof fakes>['storage'] | 'blocked') {
		const { root } = fakes();
		const local =
			storage === 'blocked'
				? {
						getItem: () => {
							throw new DOMException('blocked', 'SecurityError');
						}
					}
				: storage;
		new Function('localStorage', 'document', script)(local, { documentElement: root });
		return root.dataset;
	}

	it('marks the root data-returning when the hint says so, before any app code runs', () => {
		const { root, storage } = fakes();
		markReturning(true, root, () => storage);
		expect(run(storage)).toEqual({ returning: '' });
	});

	it('leaves a newcomer (no hint) and blocked storage unmarked', () => {
		expect(run(fakes().storage)).toEqual({});
		expect(run('blocked')).toEqual({});
	});

	it('still applies the remembered theme', () => {
		const { storage } = fakes();
		storage.setItem(`${LOCAL_KEY_PREFIX}theme`, 'dark');
		expect(run(storage)).toEqual({ theme: 'dark' });
	});
});

describe('the inline script of src/app.html: a saved exam', () => {
	const html = readFileSync('src/app.html', 'utf8');
	const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
	const EXAM_KEY = `${LOCAL_KEY_PREFIX}quiz:exam`;
	function run(saved: unknown) {
		const { root, storage } = fakes();
		if (saved !== undefined)
			storage.setItem(EXAM_KEY, typeof saved === 'string' ? saved : JSON.stringify(saved));
		new Function('localStorage', 'document', script)(storage, { documentElement: root });
		return root.dataset;
	}
	const NOW = Date.UTC(2026, 0, 15, 10);
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(NOW);
	});
	afterEach(() => {
		vi.useRealTimers();
	});
	/** An exam as the exam page saves it: 5 questions, started a minute ago. */
	const exam = (
		status: string,
		deadline: unknown,
		{
			version = QUIZ_MACHINE_VERSION.exam as unknown,
			machine = 'exam',
			questions = 5,
			startedAt = (NOW - 60_000) as unknown
		} = {}
	) => ({
		machine,
		version,
		snapshot: {
			status,
			context: { deadline, startedAt, questions: Array.from({ length: questions }, () => ({})) }
		}
	});

	it('marks an exam running before first paint, so the home page keeps its reminder a place', () => {
		expect(run(exam('active', NOW + 60_000))).toEqual({ exam: 'running' });
	});

	it('marks an exam whose time ran out while the page was closed', () => {
		expect(run(exam('active', NOW - 1))).toEqual({ exam: 'time-up' });
	});

	it('marks nothing for no exam, a finished one or one it cannot read', () => {
		expect(run(undefined)).toEqual({});
		expect(run(exam('done', NOW + 60_000))).toEqual({});
		expect(run(exam('active', undefined))).toEqual({});
		expect(run({ snapshot: { status: 'active', context: null } })).toEqual({});
		expect(run('{not json')).toEqual({});
	});

	// The script marked any saved exam with a numeric deadline, where the home page's reminder
	// (savedSessionState) shows none for these: the place kept for it then collapsed.
	it('marks nothing for an exam the home page would not remind of', () => {
		// Saved by another version of the exam machine: discarded, not resumed.
		expect(run(exam('active', NOW + 60_000, { version: QUIZ_MACHINE_VERSION.exam + 1 }))).toEqual(
			{}
		);
		expect(run(exam('active', NOW + 60_000, { version: null }))).toEqual({});
		// Not the exam machine's.
		expect(run(exam('active', NOW + 60_000, { machine: 'practice' }))).toEqual({});
		// Deadlines no exam of 5 questions has: further from its start, or from now, than 5 × 600 s.
		const longest = 5 * MAX_SECONDS_PER_QUESTION * 1000;
		expect(run(exam('active', NOW - 60_000 + longest + 1))).toEqual({});
		expect(run(exam('active', NOW + longest + 1, { startedAt: null }))).toEqual({});
		expect(run(exam('active', NOW + 1e12, { startedAt: 'soon' }))).toEqual({});
		expect(run(exam('active', NOW + 60_000, { questions: 0 }))).toEqual({});
		expect(run(exam('active', Infinity))).toEqual({});
	});

	it('agrees with the home page (savedSessionState, examReminder) on every kind of saved exam', () => {
		const longest = 5 * MAX_SECONDS_PER_QUESTION * 1000;
		const deadlines = [NOW - 1e12, NOW - 1, NOW, NOW + 1, NOW + longest - 60_000, NOW + longest];
		deadlines.push(NOW + longest + 1, NOW + 1e12, Number.NaN);
		const samples: unknown[] = [];
		for (const deadline of deadlines)
			for (const status of ['active', 'done', 'error'])
				for (const version of [QUIZ_MACHINE_VERSION.exam, QUIZ_MACHINE_VERSION.exam + 1, '1'])
					for (const machine of ['exam', 'practice', 'other'])
						for (const questions of [0, 1, 5])
							for (const startedAt of [NOW - 60_000, NOW - 1e12, null])
								samples.push(exam(status, deadline, { version, machine, questions, startedAt }));
		let marked = 0;
		for (const saved of samples) {
			const reminder = examReminder(savedSessionState(saved, NOW), NOW);
			const expected = reminder ? { exam: reminder.state } : {};
			expect(run(saved), JSON.stringify(saved)).toEqual(expected);
			if (reminder) marked++;
		}
		// Both answers occur (the comparison is not of empty marks only).
		expect(marked).toBeGreaterThan(10);
	});
});
