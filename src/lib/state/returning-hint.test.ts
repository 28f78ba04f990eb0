import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
	const exam = (status: string, deadline: unknown) => ({
		machine: 'exam',
		snapshot: { status, context: { deadline } }
	});

	it('marks an exam running before first paint, so the home page keeps its reminder a place', () => {
		expect(run(exam('active', Date.now() + 60_000))).toEqual({ exam: 'running' });
	});

	it('marks an exam whose time ran out while the page was closed', () => {
		expect(run(exam('active', Date.now() - 1))).toEqual({ exam: 'time-up' });
	});

	it('marks nothing for no exam, a finished one or one it cannot read', () => {
		expect(run(undefined)).toEqual({});
		expect(run(exam('done', Date.now() + 60_000))).toEqual({});
		expect(run(exam('active', undefined))).toEqual({});
		expect(run({ snapshot: { status: 'active', context: null } })).toEqual({});
		expect(run('{not json')).toEqual({});
	});
});
