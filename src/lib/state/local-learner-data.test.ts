import { describe, expect, it } from 'vitest';
import { clearLocalLearnerData, THEME_STORAGE_KEY } from './local-learner-data';
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
