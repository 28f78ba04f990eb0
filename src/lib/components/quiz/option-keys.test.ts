import { describe, expect, it } from 'vitest';
import { examKeyHint, FLAG_KEY, positionForKey } from './option-keys';

/** A key press as positionForKey reads it (no DOM in unit tests). */
const press = (key: string, extra: Partial<KeyboardEvent> = {}) =>
	({ key, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra }) as KeyboardEvent;

describe('positionForKey', () => {
	it('maps 1–9 and A–H to display positions within the question', () => {
		expect(positionForKey(press('1'), 4)).toBe(0);
		expect(positionForKey(press('c'), 4)).toBe(2);
		expect(positionForKey(press('C'), 4)).toBe(2);
		expect(positionForKey(press('e'), 4)).toBeUndefined();
		expect(positionForKey(press('a', { ctrlKey: true }), 4)).toBeUndefined();
	});

	it('in practice (nothing reserved) F is option F of a six-option question', () => {
		expect(positionForKey(press('f'), 6)).toBe(5);
		expect(positionForKey(press('F'), 6)).toBe(5);
	});

	it('with F reserved (the exam flags with it) F chooses nothing, 6 still chooses option F', () => {
		expect(positionForKey(press('f'), 6, [FLAG_KEY])).toBeUndefined();
		expect(positionForKey(press('F'), 8, [FLAG_KEY])).toBeUndefined();
		expect(positionForKey(press('6'), 6, [FLAG_KEY])).toBe(5);
		expect(positionForKey(press('g'), 8, [FLAG_KEY])).toBe(6);
		expect(positionForKey(press('e'), 6, [FLAG_KEY])).toBe(4);
	});
});

describe('examKeyHint', () => {
	it('says F flags, and how option F is chosen when the question has one', () => {
		expect(examKeyHint(4)).toBe(
			'Keys: 1–4 or A–D choose · F flags · Enter next · arrows move in the question list'
		);
		expect(examKeyHint(6)).toBe(
			'Keys: 1–6 or A–F choose, but F flags: choose option F with 6 · Enter next · arrows move in the question list'
		);
	});
});
