import type { ActivityStorage } from './activity-journal';

/** Test aid: a Web Storage stand-in kept in a Map, for the journals' unit tests. */
export function memoryStorage(): ActivityStorage & { data: Map<string, string> } {
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
