import { describe, expect, it } from 'vitest';
import {
	ANSWER_JOURNAL_PREFIX,
	AnswerJournal,
	LEGACY_ANSWER_JOURNAL_KEY,
	type JournalStorage
} from './answer-journal';
import { laggingView, memoryStorage } from './memory-journal-storage';

describe('AnswerJournal', () => {
	it('keeps answers until each is removed, oldest first, once per id', () => {
		const storage = memoryStorage();
		const journal = new AnswerJournal(() => storage);
		journal.add({ id: 'a', at: 1, questionId: 'q1' });
		journal.add({ id: 'b', at: 2, questionId: 'q2' });
		journal.add({ id: 'a', at: 1, questionId: 'q1' });
		expect(journal.pending().map((e) => e.id)).toEqual(['a', 'b']);
		// A new page (another instance) sees what an earlier one left.
		expect(new AnswerJournal(() => storage).pending()).toHaveLength(2);
		journal.remove('b');
		expect(journal.pending()).toEqual([{ id: 'a', at: 1, questionId: 'q1' }]);
		journal.remove('a');
		expect([...storage.data.keys()]).toEqual([]);
	});

	it('a tab whose view of storage lags removes only its own answer: one noted meanwhile stays', () => {
		const storage = memoryStorage();
		const tabA = new AnswerJournal(() => storage);
		tabA.add({ id: 'a', at: 1 });
		const viewB = laggingView(storage);
		const tabB = new AnswerJournal(() => viewB);
		tabB.add({ id: 'b', at: 2 });
		tabA.add({ id: 'a2', at: 3 }); // tab B does not see this one yet
		tabB.remove('b');
		expect(tabA.pending().map((e) => e.id)).toEqual(['a', 'a2']);
	});

	it('splits a journal written as one array (before stop 7) into entries', () => {
		const storage = memoryStorage();
		storage.setItem(
			LEGACY_ANSWER_JOURNAL_KEY,
			JSON.stringify([{ id: 'x', at: 2 }, { id: 'y', at: 1 }, { id: 3 }])
		);
		expect(new AnswerJournal(() => storage).pending()).toEqual([
			{ id: 'y', at: 1 },
			{ id: 'x', at: 2 }
		]);
		expect([...storage.data.keys()].sort()).toEqual([
			`${ANSWER_JOURNAL_PREFIX}x`,
			`${ANSWER_JOURNAL_PREFIX}y`
		]);
	});

	it('ignores junk and survives storage that throws or is missing', () => {
		const storage = memoryStorage();
		storage.setItem(LEGACY_ANSWER_JOURNAL_KEY, '{not json');
		storage.setItem(`${ANSWER_JOURNAL_PREFIX}z`, '{not json');
		expect(new AnswerJournal(() => storage).pending()).toEqual([]);
		expect([...storage.data.keys()]).toEqual([]);
		storage.setItem(
			LEGACY_ANSWER_JOURNAL_KEY,
			JSON.stringify([{ id: 'x', at: 1 }, { id: 3 }, null])
		);
		expect(new AnswerJournal(() => storage).pending()).toEqual([{ id: 'x', at: 1 }]);
		const throwing: JournalStorage = {
			getItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => undefined,
			get length(): number {
				throw new DOMException('blocked', 'SecurityError');
			},
			key: () => null
		};
		const journal = new AnswerJournal(() => throwing);
		expect(() => journal.add({ id: 'a', at: 1 })).not.toThrow();
		expect(journal.pending()).toEqual([]);
		expect(new AnswerJournal(() => undefined).pending()).toEqual([]);
	});
});
