import { LOCAL_KEY_PREFIX } from './local-learner-data';

/**
 * Where answers wait until IndexedDB has them: one key per answer under this prefix (which is
 * under the app's prefix, so "Delete all progress" clears them).
 */
export const ANSWER_JOURNAL_PREFIX = `${LOCAL_KEY_PREFIX}pending-answers:`;
/** Before stop 7 the journal was one JSON array under this key; it is still read, and split up. */
export const LEGACY_ANSWER_JOURNAL_KEY = `${LOCAL_KEY_PREFIX}pending-answers`;

/** An answer as the progress store records it: with its id (the idempotency key) and time. */
export interface JournalEntry {
	id: string;
	at: number;
	[field: string]: unknown;
}

/** The part of Web Storage the journals use (entries are found by listing keys), so tests can pass a fake. */
export interface JournalStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
	readonly length: number;
	key(index: number): string | null;
}

/** The keys under `prefix` (collected first: removing while indexing would skip keys). */
export function journalKeys(storage: JournalStorage, prefix: string): string[] {
	const keys: string[] = [];
	for (let i = 0; i < storage.length; i++) {
		const key = storage.key(i);
		if (key?.startsWith(prefix)) keys.push(key);
	}
	return keys;
}

/** A stored JSON value, or undefined when there is none or it is not JSON. */
export function parseJournalValue(text: string | null): unknown {
	if (text === null) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

const answerKey = (id: string) => ANSWER_JOURNAL_PREFIX + id;

/**
 * A write-ahead journal for answers. Recording an answer in IndexedDB is asynchronous (and the
 * store may still be opening), so a learner who answers and leaves the page at once could lose
 * it: the page's pending transaction dies with it. The answer is written here first,
 * synchronously, and removed once the store has it; entries left over are recorded again when
 * the store next opens. Recording is idempotent by id, so replaying one that did reach IndexedDB
 * stores nothing twice. Storage that is full or blocked makes the journal a no-op.
 *
 * Each answer has a key of its own and nothing is read, changed and written back: Web Storage
 * has no transactions across tabs, so two tabs rewriting one shared list could each drop the
 * other's latest answer.
 */
export class AnswerJournal {
	constructor(private readonly storage: () => JournalStorage | undefined) {}

	/** The answers still waiting, oldest first. */
	pending(): JournalEntry[] {
		const entries: JournalEntry[] = [];
		try {
			const storage = this.storage();
			if (!storage) return entries;
			this.splitLegacy(storage);
			for (const key of journalKeys(storage, ANSWER_JOURNAL_PREFIX)) {
				const value = parseJournalValue(storage.getItem(key));
				if (isEntry(value)) entries.push(value);
				else storage.removeItem(key); // junk: never recordable
			}
		} catch {
			// Blocked storage: nothing pending that can be read.
		}
		return entries.sort((a, b) => a.at - b.at);
	}

	add(entry: JournalEntry): void {
		try {
			this.storage()?.setItem(answerKey(entry.id), JSON.stringify(entry));
		} catch {
			// Full or blocked: the answer still goes to IndexedDB as before.
		}
	}

	remove(id: string): void {
		try {
			this.storage()?.removeItem(answerKey(id));
		} catch {
			// Blocked: nothing to remove.
		}
	}

	/** The journal as one JSON array (written before stop 7): its answers get keys of their own. */
	private splitLegacy(storage: JournalStorage): void {
		const text = storage.getItem(LEGACY_ANSWER_JOURNAL_KEY);
		if (text === null) return;
		const old = parseJournalValue(text);
		if (Array.isArray(old))
			for (const entry of old)
				if (isEntry(entry)) storage.setItem(answerKey(entry.id), JSON.stringify(entry));
		storage.removeItem(LEGACY_ANSWER_JOURNAL_KEY);
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
