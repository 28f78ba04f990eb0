import { LOCAL_KEY_PREFIX } from './local-learner-data';

/** Where answers wait until IndexedDB has them. Under the prefix, so "Delete all progress" clears it. */
export const ANSWER_JOURNAL_KEY = `${LOCAL_KEY_PREFIX}pending-answers`;

/** An answer as the progress store records it: with its id (the idempotency key) and time. */
export interface JournalEntry {
	id: string;
	at: number;
	[field: string]: unknown;
}

/** The part of Web Storage the journal uses, so tests can pass a fake. */
export interface JournalStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/**
 * A write-ahead journal for answers. Recording an answer in IndexedDB is asynchronous (and the
 * store may still be opening), so a learner who answers and leaves the page at once could lose
 * it: the page's pending transaction dies with it. The answer is written here first,
 * synchronously, and removed once the store has it; entries left over are recorded again when
 * the store next opens. Recording is idempotent by id, so replaying one that did reach IndexedDB
 * stores nothing twice. Storage that is full or blocked makes the journal a no-op.
 */
export class AnswerJournal {
	constructor(private readonly storage: () => JournalStorage | undefined) {}

	/** The answers still waiting, oldest first. */
	pending(): JournalEntry[] {
		try {
			const text = this.storage()?.getItem(ANSWER_JOURNAL_KEY);
			const parsed: unknown = text ? JSON.parse(text) : [];
			return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
		} catch {
			return [];
		}
	}

	add(entry: JournalEntry): void {
		this.write([...this.pending().filter((e) => e.id !== entry.id), entry]);
	}

	remove(id: string): void {
		const left = this.pending().filter((e) => e.id !== id);
		this.write(left);
	}

	private write(entries: JournalEntry[]): void {
		try {
			const storage = this.storage();
			if (!storage) return;
			if (entries.length) storage.setItem(ANSWER_JOURNAL_KEY, JSON.stringify(entries));
			else storage.removeItem(ANSWER_JOURNAL_KEY);
		} catch {
			// Full or blocked: the answer still goes to IndexedDB as before.
		}
	}
}

function isEntry(value: unknown): value is JournalEntry {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as JournalEntry).id === 'string' &&
		typeof (value as JournalEntry).at === 'number'
	);
}
