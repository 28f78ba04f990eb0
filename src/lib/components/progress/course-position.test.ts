import { describe, expect, it } from 'vitest';
import {
	continueRepeatsHero,
	continueTarget,
	heroLesson,
	lessonCounts,
	lessonOfRoute,
	lessonStates,
	nextUnfinishedLesson
} from './course-position';

const course = [
	{ slug: 'what-is-sts', title: 'What STS is' },
	{ slug: 'assume-role', title: 'AssumeRole' },
	{ slug: 'trust', title: 'Trust policies' },
	{ slug: 'final-review', title: 'Final review' }
];
const opened = (slug: string) => ({ slug, completed: false });
const finished = (slug: string) => ({ slug, completed: true });
const at = Date.UTC(2026, 10, 28, 11, 53);

describe('lessonCounts', () => {
	it('counts opened lessons (finished ones included) and finished ones, of the current course only', () => {
		expect(
			lessonCounts(course, [finished('what-is-sts'), opened('assume-role'), finished('gone')])
		).toEqual({ opened: 2, finished: 1, total: 4 });
		expect(lessonCounts(course, [])).toEqual({ opened: 0, finished: 0, total: 4 });
	});
});

describe('lessonStates', () => {
	it('marks each course lesson opened as finished or opened only; others, and lessons no longer in the course, have none', () => {
		const states = lessonStates(course, [
			finished('what-is-sts'),
			opened('assume-role'),
			finished('gone'),
			opened('gone-too')
		]);
		expect(Object.fromEntries(states)).toEqual({
			'what-is-sts': 'finished',
			'assume-role': 'opened'
		});
		expect(states.get('trust')).toBeUndefined();
		expect(lessonStates(course, []).size).toBe(0);
	});

	it('keeps a lesson finished when a later record of it is only an opening', () => {
		expect(lessonStates(course, [finished('trust'), opened('trust')]).get('trust')).toBe(
			'finished'
		);
	});
});

describe('nextUnfinishedLesson', () => {
	it('is the first lesson not finished, numbered in course order', () => {
		expect(nextUnfinishedLesson(course, [])).toEqual({ ...course[0], number: 1 });
		expect(nextUnfinishedLesson(course, [finished('what-is-sts'), opened('assume-role')])).toEqual({
			...course[1],
			number: 2
		});
	});

	it('after a given lesson, continues after it and wraps round to the start', () => {
		const records = [finished('what-is-sts'), finished('trust')];
		expect(nextUnfinishedLesson(course, records, 'trust')?.slug).toBe('final-review');
		expect(
			nextUnfinishedLesson(course, [...records, finished('final-review')], 'final-review')?.slug
		).toBe('assume-role');
	});

	it('is undefined once every lesson is finished', () => {
		expect(
			nextUnfinishedLesson(
				course,
				course.map((l) => finished(l.slug))
			)
		).toBeUndefined();
	});
});

describe('lessonOfRoute', () => {
	it('names the course lesson of a lesson route, with or without a section', () => {
		expect(lessonOfRoute('/lessons/assume-role', course)).toBe('assume-role');
		expect(lessonOfRoute('/lessons/assume-role#the-response', course)).toBe('assume-role');
		expect(lessonOfRoute('/lessons/pack#pack=p&lesson=x', course)).toBeUndefined();
		expect(lessonOfRoute('/lessons/removed-lesson', course)).toBeUndefined();
		expect(lessonOfRoute('/quiz/practice', course)).toBeUndefined();
	});
});

describe('continueTarget', () => {
	it('is the remembered place when it is not a finished lesson', () => {
		const quiz = { route: '/quiz/practice', title: 'Practice session', at };
		expect(continueTarget(quiz, course, [finished('what-is-sts')])).toEqual(quiz);
		const lesson = { route: '/lessons/assume-role', title: 'AssumeRole', at };
		expect(
			continueTarget(lesson, course, [finished('what-is-sts'), opened('assume-role')])
		).toEqual(lesson);
	});

	it('leads from a lesson read to the end on to the next unfinished lesson', () => {
		const location = { route: '/lessons/what-is-sts', title: 'What STS is', at };
		expect(
			continueTarget(location, course, [opened('assume-role'), finished('what-is-sts')])
		).toEqual({
			route: '/lessons/assume-role',
			title: 'AssumeRole',
			at,
			finishedTitle: 'What STS is'
		});
	});

	it('stays on the remembered lesson when every lesson is finished', () => {
		const location = { route: '/lessons/final-review', title: 'Final review', at };
		expect(
			continueTarget(
				location,
				course,
				course.map((l) => finished(l.slug))
			)
		).toEqual(location);
	});
});

describe('heroLesson', () => {
	it('is lesson 1 for a newcomer and the next unfinished lesson for a returning learner', () => {
		expect(heroLesson(course, [])).toEqual({ lesson: { ...course[0], number: 1 }, started: false });
		expect(heroLesson(course, [finished('what-is-sts'), opened('assume-role')])).toEqual({
			lesson: { ...course[1], number: 2 },
			started: true
		});
		// Opened but not finished: lesson 1 is still the one to read, now as a returning learner.
		expect(heroLesson(course, [opened('what-is-sts')])).toEqual({
			lesson: { ...course[0], number: 1 },
			started: true
		});
	});

	it('is none once every lesson is finished', () => {
		expect(
			heroLesson(
				course,
				course.map((l) => finished(l.slug))
			)
		).toBeUndefined();
	});
});

describe('continueRepeatsHero', () => {
	it('is true when Continue leads to the lesson the home page already offers', () => {
		// Lesson 1 finished, lesson 2 opened: "Go on to lesson 2" and "Continue: AssumeRole".
		const records = [finished('what-is-sts'), opened('assume-role')];
		const hero = heroLesson(course, records)?.lesson.slug;
		const target = continueTarget({ route: '/lessons/assume-role', at }, course, records);
		expect(continueRepeatsHero(target, hero, course)).toBe(true);
		// Last at a finished lesson: Continue leads on to the same next lesson.
		const fromFinished = continueTarget({ route: '/lessons/what-is-sts', at }, course, records);
		expect(fromFinished.route).toBe('/lessons/assume-role');
		expect(continueRepeatsHero(fromFinished, hero, course)).toBe(true);
	});

	it('is false when Continue leads elsewhere, or there is no lesson link', () => {
		const records = [finished('what-is-sts'), opened('trust')];
		const hero = heroLesson(course, records)?.lesson.slug;
		expect(hero).toBe('assume-role');
		expect(continueRepeatsHero({ route: '/lessons/trust' }, hero, course)).toBe(false);
		expect(continueRepeatsHero({ route: '/quiz/practice' }, hero, course)).toBe(false);
		expect(continueRepeatsHero({ route: '/lessons/assume-role' }, undefined, course)).toBe(false);
	});
});
