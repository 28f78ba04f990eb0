import { describe, expect, it } from 'vitest';
import { lessonRefTitle, resolveLessonRef } from './lesson-ref';

const lessons = [
	{
		slug: 'assume-role',
		title: 'AssumeRole',
		headings: [{ id: 'role-chaining', text: 'Role chaining' }]
	},
	{
		slug: 'session-policies',
		title: 'Session policies',
		headings: [
			{ id: 'session-policies', text: 'Session  policies' },
			{ id: 'session-tags', text: 'Session tags' }
		]
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

	it('read as "Lesson › Section", the title once when the section is titled like the lesson', () => {
		expect(lessonRefTitle(lessons, 'assume-role#role-chaining')).toBe('AssumeRole › Role chaining');
		expect(lessonRefTitle(lessons, 'assume-role')).toBe('AssumeRole');
		expect(lessonRefTitle(lessons, 'assume-role#nowhere')).toBe('AssumeRole');
		expect(lessonRefTitle(lessons, 'session-policies#session-policies')).toBe('Session policies');
		expect(lessonRefTitle(lessons, 'session-policies#session-tags')).toBe(
			'Session policies › Session tags'
		);
		expect(lessonRefTitle(lessons, 'missing#x')).toBe('missing#x');
	});
});
