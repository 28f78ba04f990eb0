import { describe, expect, it } from 'vitest';
import { ANSWER_JOURNAL_KEY, AnswerJournal, type JournalStorage } from './answer-journal';
import { memoryStorage } from './memory-journal-storage';

describe('AnswerJournal', () => {
	it('keeps answers until each is removed, oldest first, once per id', () => {
		const storage = memoryStorage();
		const journal = new AnswerJournal(() => storage);
		journal.add({ id: 'a', at: 1, questionId: 'q1' });
		journal.add({ id: 'b', at: 2, questionId: 'q2' });
		journal.add({ id: 'a', at: 1, questionId: 'q1' });
		expect(journal.pending().map((e) => e.id)).toEqual(['b', 'a']);
		// A new page (another instance) sees what an earlier one left.
		expect(new AnswerJournal(() => storage).pending()).toHaveLength(2);
		journal.remove('b');
		expect(journal.pending()).toEqual([{ id: 'a', at: 1, questionId: 'q1' }]);
		journal.remove('a');
		expect(storage.data.has(ANSWER_JOURNAL_KEY)).toBe(false);
	});

	it('ignores junk and survives storage that throws or is missing', () => {
		const storage = memoryStorage();
		storage.setItem(ANSWER_JOURNAL_KEY, '{not json');
		expect(new AnswerJournal(() => storage).pending()).toEqual([]);
		storage.setItem(ANSWER_JOURNAL_KEY, JSON.stringify([{ id: 'x', at: 1 }, { id: 3 }, null]));
		expect(new AnswerJournal(() => storage).pending()).toEqual([{ id: 'x', at: 1 }]);
		const throwing: JournalStorage = {
			getItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => undefined
		};
		const journal = new AnswerJournal(() => throwing);
		expect(() => journal.add({ id: 'a', at: 1 })).not.toThrow();
		expect(journal.pending()).toEqual([]);
		expect(new AnswerJournal(() => undefined).pending()).toEqual([]);
	});
});
