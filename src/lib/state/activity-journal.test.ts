import { describe, expect, it } from 'vitest';
import { openProgressStore } from '$lib/progress/progress-store';
import { fixedEffects } from '$lib/progress/progress-effects';
import { memoryIdb, T0 } from '$lib/progress/test-harness';
import {
	ACTIVITY_JOURNAL_PREFIX,
	ActivityJournal,
	LEGACY_ACTIVITY_JOURNAL_KEY,
	MAX_LESSON_ENTRIES,
	recordActivity
} from './activity-journal';
import type { JournalStorage } from './answer-journal';
import { laggingView, memoryStorage } from './memory-journal-storage';

const HOUR = 3_600_000;

async function openStore(idb = memoryIdb()) {
	const effects = fixedEffects({ start: T0 });
	const store = await openProgressStore({ idb, effects, memoryIdb: async () => memoryIdb() });
	return { store, effects, idb };
}

describe('ActivityJournal', () => {
	it('keeps the latest visit and every lesson read in order, across instances (pages)', () => {
		const storage = memoryStorage();
		const journal = new ActivityJournal(() => storage);
		expect(journal.isEmpty()).toBe(true);
		expect(journal.visit({ route: '/a', title: 'A', at: 1 })).toBe(true);
		expect(journal.lessonRead({ id: 'r1', slug: 'mfa', completed: false, at: 2 })).toBe(true);
		expect(journal.visit({ route: '/b', title: 'B', at: 3 })).toBe(true);
		journal.lessonRead({ id: 'r2', slug: 'mfa', completed: true, at: 4 });
		expect(new ActivityJournal(() => storage).pending()).toEqual({
			visit: { route: '/b', title: 'B', at: 3 },
			lessons: [
				{ id: 'r1', slug: 'mfa', completed: false, at: 2 },
				{ id: 'r2', slug: 'mfa', completed: true, at: 4 }
			],
			exams: []
		});
		// Removing a visit that was replaced meanwhile keeps the newer one.
		journal.removeVisit({ route: '/a', title: 'A', at: 1 });
		expect(journal.pending().visit?.route).toBe('/b');
		journal.removeVisit({ route: '/b', title: 'B', at: 3 });
		journal.removeLessonRead('r1');
		journal.removeLessonRead('r2');
		expect(journal.isEmpty()).toBe(true);
		expect([...storage.data.keys()]).toEqual([]);
	});

	it('a tab whose view of storage lags removes only what it recorded: a read noted meanwhile stays', () => {
		// Web Storage has no cross-tab transactions, and a tab may not yet see another's latest write.
		const shared = memoryStorage();
		const lesson = new ActivityJournal(() => shared);
		lesson.lessonRead({ id: 'opened', slug: 'mfa', completed: false, at: 1 });
		lesson.visit({ route: '/lessons/mfa', title: 'MFA', at: 1 });
		// The dashboard tab reads the journal as it is now, then keeps working on that view.
		const lagging = laggingView(shared);
		const dashboard = new ActivityJournal(() => lagging);
		expect(dashboard.pending().lessons.map((e) => e.id)).toEqual(['opened']);
		// Meanwhile the lesson tab notes that the lesson was read to the end.
		lesson.lessonRead({ id: 'finished', slug: 'mfa', completed: true, at: 2 });
		dashboard.removeLessonRead('opened');
		dashboard.removeVisit({ route: '/lessons/mfa', title: 'MFA', at: 1 });
		expect(new ActivityJournal(() => shared).pending()).toEqual({
			lessons: [{ id: 'finished', slug: 'mfa', completed: true, at: 2 }],
			exams: []
		});
	});

	it('splits a journal written as one value (before stop 7) into entries', () => {
		const storage = memoryStorage();
		storage.setItem(
			LEGACY_ACTIVITY_JOURNAL_KEY,
			JSON.stringify({
				visit: { route: '/a', title: 'A', at: 3 },
				lessons: [
					{ id: 'r1', slug: 'mfa', completed: false, at: 1 },
					{ id: 'r2', slug: 'mfa', completed: true, at: 2 }
				]
			})
		);
		const journal = new ActivityJournal(() => storage);
		expect(journal.pending()).toEqual({
			visit: { route: '/a', title: 'A', at: 3 },
			lessons: [
				{ id: 'r1', slug: 'mfa', completed: false, at: 1 },
				{ id: 'r2', slug: 'mfa', completed: true, at: 2 }
			],
			exams: []
		});
		expect(storage.data.has(LEGACY_ACTIVITY_JOURNAL_KEY)).toBe(false);
		expect([...storage.data.keys()].every((k) => k.startsWith(ACTIVITY_JOURNAL_PREFIX))).toBe(true);
	});

	it('keeps at most MAX_LESSON_ENTRIES lesson reads, dropping the oldest', () => {
		const journal = new ActivityJournal(memoryStorage);
		const storage = memoryStorage();
		const bounded = new ActivityJournal(() => storage);
		for (let i = 0; i < MAX_LESSON_ENTRIES + 5; i++)
			bounded.lessonRead({ id: `r${i}`, slug: 'mfa', completed: false, at: i });
		const lessons = bounded.pending().lessons;
		expect(lessons).toHaveLength(MAX_LESSON_ENTRIES);
		expect(lessons[0].id).toBe('r5');
		expect(journal.isEmpty()).toBe(true);
	});

	it('ignores and removes junk, and says false when storage is blocked or missing', () => {
		const storage = memoryStorage();
		storage.setItem(LEGACY_ACTIVITY_JOURNAL_KEY, '{oops');
		storage.setItem(`${ACTIVITY_JOURNAL_PREFIX}lesson:x`, '{oops');
		storage.setItem(`${ACTIVITY_JOURNAL_PREFIX}visit:1:/x`, JSON.stringify({ route: '/x' }));
		storage.setItem(`${ACTIVITY_JOURNAL_PREFIX}exam:e`, JSON.stringify({ id: 'e', results: [] }));
		storage.setItem('other-app', 'kept');
		expect(new ActivityJournal(() => storage).pending()).toEqual({ lessons: [], exams: [] });
		expect([...storage.data.keys()]).toEqual(['other-app']);
		storage.setItem(
			LEGACY_ACTIVITY_JOURNAL_KEY,
			JSON.stringify({
				visit: { route: '/x' },
				lessons: [{ id: 'ok', slug: 's', completed: true, at: 5 }, { id: 1 }, null]
			})
		);
		expect(new ActivityJournal(() => storage).pending()).toEqual({
			lessons: [{ id: 'ok', slug: 's', completed: true, at: 5 }],
			exams: []
		});
		const blocked: JournalStorage = {
			getItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => {},
			get length(): number {
				throw new DOMException('blocked', 'SecurityError');
			},
			key: () => null
		};
		const journal = new ActivityJournal(() => blocked);
		expect(journal.pending()).toEqual({ lessons: [], exams: [] });
		expect(journal.visit({ route: '/a', title: 'A', at: 1 })).toBe(false);
		expect(
			new ActivityJournal(() => undefined).lessonRead({
				id: 'r',
				slug: 's',
				completed: false,
				at: 1
			})
		).toBe(false);
	});
});

describe('recordActivity', () => {
	it('records visits and lesson reads as of when they happened, then empties the journal', async () => {
		const { store, effects } = await openStore();
		const journal = new ActivityJournal(memoryStorageOnce());
		const opened = T0 - 2 * HOUR;
		journal.lessonRead({ id: 'a', slug: 'assume-role', completed: false, at: opened });
		journal.lessonRead({ id: 'b', slug: 'assume-role', completed: true, at: opened + 60_000 });
		journal.lessonRead({ id: 'c', slug: 'assume-role', completed: false, at: opened + HOUR });
		journal.visit({ route: '/lessons/assume-role', title: 'AssumeRole', at: opened + HOUR });
		effects.advance(HOUR);
		await recordActivity(journal, store);
		expect(await store.listLessons()).toEqual([
			expect.objectContaining({
				slug: 'assume-role',
				readCount: 2,
				completed: true,
				firstReadAt: opened,
				completedAt: opened + 60_000,
				lastReadAt: opened + HOUR
			})
		]);
		expect(await store.getSetting('lastLocation')).toEqual({
			route: '/lessons/assume-role',
			title: 'AssumeRole',
			at: opened + HOUR
		});
		expect(journal.isEmpty()).toBe(true);
		// Recording an empty journal again changes nothing.
		await recordActivity(journal, store);
		expect((await store.listLessons())[0].readCount).toBe(2);
	});

	it('keeps a later place the store already has (another tab recorded it)', async () => {
		const { store } = await openStore();
		await store.setSetting('lastLocation', { route: '/quiz/exam', title: 'Exam', at: T0 });
		const journal = new ActivityJournal(memoryStorageOnce());
		journal.visit({ route: '/simulator', title: 'Simulator', at: T0 - 1000 });
		await recordActivity(journal, store);
		expect((await store.getSetting('lastLocation'))?.route).toBe('/quiz/exam');
		expect(journal.isEmpty()).toBe(true);
	});

	it('drops an entry the store refuses as invalid and records the rest', async () => {
		const { store } = await openStore();
		const journal = new ActivityJournal(memoryStorageOnce());
		journal.lessonRead({ id: 'bad', slug: 'Not A Slug!', completed: false, at: T0 });
		journal.lessonRead({ id: 'good', slug: 'mfa', completed: false, at: T0 });
		journal.visit({ route: 'no-slash', title: 'x', at: T0 });
		await recordActivity(journal, store);
		expect((await store.listLessons()).map((l) => l.slug)).toEqual(['mfa']);
		expect(await store.getSetting('lastLocation')).toBeUndefined();
		expect(journal.isEmpty()).toBe(true);
	});

	it('records a finished exam once, however often it is recorded, then forgets it', async () => {
		const { store } = await openStore();
		const storage = memoryStorage();
		const journal = new ActivityJournal(() => storage);
		const exam = {
			id: 'exam-1',
			startedAt: T0 - HOUR,
			finishedAt: T0 - 1000,
			passMark: 0.72,
			results: [
				{ questionId: 'q-1', topic: 'mfa', correct: true },
				{ questionId: 'q-2', topic: 'mfa', correct: false }
			]
		};
		expect(journal.examFinished(exam)).toBe(true);
		expect(journal.isEmpty()).toBe(false);
		// The page records it, then (it left before the entry was removed) another tab or the next
		// page records the entry again: one exam.
		await store.recordExam(exam);
		await recordActivity(new ActivityJournal(() => storage), store);
		await recordActivity(journal, store);
		const exams = await store.listExams();
		expect(exams).toHaveLength(1);
		expect(exams[0]).toMatchObject({ id: 'exam-1', correct: 1, total: 2, finishedAt: T0 - 1000 });
		expect(journal.isEmpty()).toBe(true);
	});

	it('drops an exam entry the store refuses, even while progress is kept in memory', async () => {
		const effects = fixedEffects({ start: T0 });
		const store = await openProgressStore({
			idb: undefined,
			effects,
			memoryIdb: async () => memoryIdb()
		});
		const journal = new ActivityJournal(memoryStorageOnce());
		journal.examFinished({
			id: 'empty',
			startedAt: T0,
			finishedAt: T0,
			passMark: 0.7,
			results: []
		});
		await recordActivity(journal, store);
		expect(await store.listExams()).toEqual([]);
		expect(journal.isEmpty()).toBe(true);
	});

	it('in memory mode (IndexedDB blocked) records but keeps entries, each once per store', async () => {
		const effects = fixedEffects({ start: T0 });
		const memory = () =>
			openProgressStore({ idb: undefined, effects, memoryIdb: async () => memoryIdb() });
		const journal = new ActivityJournal(memoryStorageOnce());
		journal.lessonRead({ id: 'a', slug: 'mfa', completed: false, at: T0 });
		const first = await memory();
		const recorded = new Set<string>();
		await recordActivity(journal, first, recorded);
		await recordActivity(journal, first, recorded);
		expect((await first.listLessons())[0].readCount).toBe(1);
		expect(journal.isEmpty()).toBe(false);
		// The next page's memory store gets them again from the journal.
		const second = await memory();
		await recordActivity(journal, second);
		expect((await second.listLessons())[0].readCount).toBe(1);
	});
});

/** A storage factory returning one shared in-memory storage. */
function memoryStorageOnce() {
	const storage = memoryStorage();
	return () => storage;
}
