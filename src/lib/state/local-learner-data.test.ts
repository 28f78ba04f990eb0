import { describe, expect, it } from 'vitest';
import {
	clearLocalLearnerData,
	DeletionGuard,
	KEPT_LOCAL_KEYS,
	PROGRESS_DELETED_KEY,
	THEME_STORAGE_KEY
} from './local-learner-data';
import { QUIZ_STORAGE_PREFIX } from './local-quiz-storage';
import { simStorageKey } from './sim-storage-keys';

/** A Map-backed Storage with the enumeration API of the real one. */
function fakeStorage(entries: Record<string, string>) {
	const map = new Map(Object.entries(entries));
	return {
		map,
		get length() {
			return map.size;
		},
		key: (i: number) => [...map.keys()][i] ?? null,
		removeItem: (k: string) => void map.delete(k)
	};
}

describe('clearLocalLearnerData', () => {
	it("removes quiz and simulator sessions (every key of ours) but keeps the theme and other apps' keys", () => {
		const local = fakeStorage({
			[`${QUIZ_STORAGE_PREFIX}practice`]: '{}',
			[`${QUIZ_STORAGE_PREFIX}exam`]: '{}',
			[simStorageKey('vendor-external-id')]: '{}',
			[simStorageKey('mfa-session')]: '{}',
			'sts-trainer:some-future-feature': '1',
			[THEME_STORAGE_KEY]: 'dark',
			'another-app:state': 'x'
		});
		const session = fakeStorage({ 'sts-trainer:quiz:tmp': '{}' });
		const removed = clearLocalLearnerData([local, session, undefined]);
		expect([...local.map.keys()].sort()).toEqual(['another-app:state', THEME_STORAGE_KEY]);
		expect(local.map.get(THEME_STORAGE_KEY)).toBe('dark');
		expect(session.map.size).toBe(0);
		expect(removed.sort()).toEqual(
			[
				`${QUIZ_STORAGE_PREFIX}exam`,
				`${QUIZ_STORAGE_PREFIX}practice`,
				'sts-trainer:quiz:tmp',
				'sts-trainer:simulator:mfa-session',
				'sts-trainer:simulator:vendor-external-id',
				'sts-trainer:some-future-feature'
			].sort()
		);
	});

	it('skips a storage that throws (blocked) and still clears the others', () => {
		const blocked = {
			get length(): number {
				throw new DOMException('blocked', 'SecurityError');
			},
			key: () => null,
			removeItem: () => {}
		};
		const local = fakeStorage({ [`${QUIZ_STORAGE_PREFIX}practice`]: '{}' });
		expect(clearLocalLearnerData([blocked, local])).toEqual([`${QUIZ_STORAGE_PREFIX}practice`]);
		expect(local.map.size).toBe(0);
	});
});

describe('DeletionGuard', () => {
	const stampStorage = () => {
		const map = new Map<string, string>();
		return {
			map,
			getItem: (k: string) => map.get(k) ?? null,
			setItem: (k: string, v: string) => void map.set(k, v)
		};
	};

	it('lets a tab save until another tab deletes all progress, then never again', () => {
		const storage = stampStorage();
		const thisTab = new DeletionGuard(() => storage);
		const otherTab = new DeletionGuard(() => storage);
		expect(thisTab.mayWrite()).toBe(true);
		otherTab.stamp(1_000);
		expect(storage.map.get(PROGRESS_DELETED_KEY)).toBe('1000');
		expect(otherTab.mayWrite()).toBe(true);
		expect(thisTab.mayWrite()).toBe(false);
		// A tab opened after the deletion (a reload) saves again.
		expect(new DeletionGuard(() => storage).mayWrite()).toBe(true);
	});

	it('the deleting tab may delete again later; its own stamp never blocks it', () => {
		const storage = stampStorage();
		const tab = new DeletionGuard(() => storage);
		tab.stamp(1);
		tab.stamp(2);
		expect(tab.mayWrite()).toBe(true);
	});

	it('does nothing when storage is blocked or absent', () => {
		const blocked = new DeletionGuard(() => {
			throw new DOMException('blocked', 'SecurityError');
		});
		expect(blocked.mayWrite()).toBe(true);
		expect(() => blocked.stamp()).not.toThrow();
		expect(blocked.mayWrite()).toBe(true);
		const absent = new DeletionGuard(() => undefined);
		absent.stamp();
		expect(absent.mayWrite()).toBe(true);
	});

	it('the stamp survives clearLocalLearnerData', () => {
		expect(KEPT_LOCAL_KEYS.has(PROGRESS_DELETED_KEY)).toBe(true);
	});
});
