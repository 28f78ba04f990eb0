import type { JournalStorage } from './answer-journal';

/** Test aid: a Web Storage stand-in kept in a Map, for the journals' unit tests. */
export function memoryStorage(): JournalStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	let keys: string[] | undefined; // listed on first use after a change
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => {
			if (!data.has(k)) keys = undefined;
			data.set(k, v);
		},
		removeItem: (k) => {
			if (data.delete(k)) keys = undefined;
		},
		get length() {
			return data.size;
		},
		key: (i) => (keys ??= [...data.keys()])[i] ?? null
	};
}

/**
 * Test aid: another tab's view of `shared` that lags: it sees `shared` as it was when made (and
 * its own writes), while its writes reach `shared` at once, as Web Storage can behave across tabs.
 */
export function laggingView(
	shared: JournalStorage & { data: Map<string, string> }
): JournalStorage {
	const view = new Map(shared.data);
	return {
		getItem: (k) => view.get(k) ?? null,
		setItem: (k, v) => {
			view.set(k, v);
			shared.setItem(k, v);
		},
		removeItem: (k) => {
			view.delete(k);
			shared.removeItem(k);
		},
		get length() {
			return view.size;
		},
		key: (i) => [...view.keys()][i] ?? null
	};
}
