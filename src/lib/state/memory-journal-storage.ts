import type { JournalStorage } from './answer-journal';

/** Test aid: a Web Storage stand-in kept in a Map, for the journals' unit tests. */
export function memoryStorage(): JournalStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, v),
		removeItem: (k) => void data.delete(k)
	};
}
