import { describe, expect, it } from 'vitest';
import { resolveLessonRef } from './lesson-ref';

const lessons = [
	{
		slug: 'assume-role',
		title: 'AssumeRole',
		headings: [{ id: 'role-chaining', text: 'Role chaining' }]
	}
];

describe('lesson references', () => {
	it('resolve to the lesson and the section the anchor names', () => {
		expect(resolveLessonRef(lessons, 'assume-role#role-chaining')).toEqual({
			lesson: lessons[0],
			section: 'Role chaining'
		});
		expect(resolveLessonRef(lessons, 'assume-role')).toEqual({ lesson: lessons[0] });
		expect(resolveLessonRef(lessons, 'assume-role#nowhere').section).toBeUndefined();
		expect(resolveLessonRef(lessons, 'missing#x')).toEqual({});
	});
});
