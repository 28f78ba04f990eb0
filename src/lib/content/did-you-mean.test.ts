import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from './did-you-mean';

describe('did you mean', () => {
	it('measures edits, counting an adjacent swap as one', () => {
		expect(editDistance('difficulty', 'dificulty')).toBe(1);
		expect(editDistance('correct', 'corerct')).toBe(1);
		expect(editDistance('whoami', 'who-am-i')).toBe(2);
	});

	it('suggests the closest known name within reach, and nothing for a word far from all of them', () => {
		const fields = ['id', 'type', 'choose', 'difficulty', 'stem', 'options', 'lessons', 'scenario'];
		expect(closest('dificulty', fields)).toBe('difficulty');
		expect(closest('option', fields)).toBe('options');
		expect(closest('keypoints', ['keyPoints', 'objectives'])).toBe('keyPoints');
		expect(closest('credential', ['credentials', 'assume-role'])).toBe('credentials');
		expect(closest('colour', fields)).toBeUndefined();
		expect(closest('creds', ['credentials'])).toBeUndefined();
		expect(didYouMean('expects', ['expect', 'save'])).toBe('; did you mean "expect"?');
		expect(didYouMean('nonsense', ['expect', 'save'])).toBe('');
	});

	it('allows a third of the word in edits: none for a two-letter word, where only case or dashes may differ', () => {
		expect(closest('as', ['at', 'id'])).toBeUndefined();
		expect(closest('di', ['id'])).toBeUndefined();
		expect(closest('ID', ['id', 'as'])).toBe('id');
		expect(closest('sav', ['save'])).toBe('save');
		expect(closest('expcet', ['expect'])).toBe('expect');
	});

	it('counts a difference in case or dashes alone as half an edit, ahead of a name a letter off', () => {
		expect(closest('keypoint', ['keypoints', 'keyPoint'])).toBe('keyPoint');
		expect(closest('who_am_i', ['who-am-i'])).toBe('who-am-i');
		expect(closest('colour', ['color'], 0)).toBeUndefined();
	});
});
