import { describe, expect, it } from 'vitest';
import { lessonLinkGroups, lessonRefTitle, resolveLessonRef } from './lesson-ref';

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

describe('lessonLinkGroups', () => {
	it('links each lesson once, with the sections named of it (the glossary’s “AWS STS” linked one lesson twice)', () => {
		// As glossary.yaml's aws-sts entry: the lesson, then a section of the same lesson.
		expect(lessonLinkGroups(lessons, ['assume-role', 'assume-role#role-chaining'])).toEqual([
			{
				href: '/lessons/assume-role',
				title: 'AssumeRole',
				sections: [{ href: '/lessons/assume-role#role-chaining', title: 'Role chaining' }]
			}
		]);
		// Two sections of one lesson, a repeat, and another lesson: each lesson once, in order.
		expect(
			lessonLinkGroups(lessons, [
				'session-policies#session-tags',
				'assume-role',
				'session-policies#session-policies',
				'session-policies#session-tags',
				'assume-role'
			])
		).toEqual([
			{
				href: '/lessons/session-policies',
				title: 'Session policies',
				// "Session  policies" is titled like its lesson: no section link for it.
				sections: [{ href: '/lessons/session-policies#session-tags', title: 'Session tags' }]
			},
			{ href: '/lessons/assume-role', title: 'AssumeRole', sections: [] }
		]);
		expect(lessonLinkGroups(lessons, ['missing#x', 'assume-role#nowhere'])).toEqual([
			{ href: '/lessons/missing', title: 'missing', sections: [] },
			{ href: '/lessons/assume-role', title: 'AssumeRole', sections: [] }
		]);
	});
});
