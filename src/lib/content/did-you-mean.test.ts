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
});
