// Where a learner is in the course, for the home page's "Continue" and next-lesson links and
// the lesson counts of the dashboard. Pure: the pages pass the course (in order) and the
// learner's lesson records.
import type { LastLocation } from '$lib/progress';

/** A lesson of the course, in course order. */
export interface CourseLesson {
	slug: string;
	title: string;
}

/** What these functions need of a stored lesson record. */
export interface LessonProgress {
	slug: string;
	completed: boolean;
}

/** A course lesson with its number (1-based, in course order). */
export interface NumberedLesson extends CourseLesson {
	number: number;
}

/** How many lessons of the current course the learner opened, and how many of those finished. */
export function lessonCounts(
	course: readonly CourseLesson[],
	records: readonly LessonProgress[]
): { opened: number; finished: number; total: number } {
	const inCourse = new Set(course.map((l) => l.slug));
	const mine = records.filter((r) => inCourse.has(r.slug));
	return {
		opened: mine.length,
		finished: mine.filter((r) => r.completed).length,
		total: course.length
	};
}

/** How far the learner got with a lesson: read to its end, or opened only. */
export type LessonState = 'finished' | 'opened';

/** Each course lesson the learner opened, by slug, finished or opened only (never opened: absent). */
export function lessonStates(
	course: readonly CourseLesson[],
	records: readonly LessonProgress[]
): Map<string, LessonState> {
	const inCourse = new Set(course.map((l) => l.slug));
	const states = new Map<string, LessonState>();
	for (const r of records)
		if (inCourse.has(r.slug) && states.get(r.slug) !== 'finished')
			states.set(r.slug, r.completed ? 'finished' : 'opened');
	return states;
}

/**
 * The lesson to read next: the first unfinished lesson after `after` (a slug) in course order,
 * else the first unfinished one from the start; undefined when every lesson is finished.
 */
export function nextUnfinishedLesson(
	course: readonly CourseLesson[],
	records: readonly LessonProgress[],
	after?: string
): NumberedLesson | undefined {
	const finished = new Set(records.filter((r) => r.completed).map((r) => r.slug));
	const numbered = course.map((l, i) => ({ ...l, number: i + 1 }));
	const from = after === undefined ? -1 : course.findIndex((l) => l.slug === after);
	const open = (l: NumberedLesson) => !finished.has(l.slug);
	return numbered.slice(from + 1).find(open) ?? numbered.find(open);
}

/** The course lesson a route shows (`/lessons/<slug>`, with or without a section). */
export function lessonOfRoute(route: string, course: readonly CourseLesson[]): string | undefined {
	const slug = /^\/lessons\/([a-z0-9-]+)(?:[#?].*)?$/.exec(route)?.[1];
	return slug && course.some((l) => l.slug === slug) ? slug : undefined;
}

/** Where "Continue" takes the learner. */
export interface ContinueTarget {
	route: string;
	title: string;
	/** When the learner was last at the remembered place. */
	at: number;
	/** Set when the remembered place is a lesson read to the end: its title (the target is the next lesson). */
	finishedTitle?: string;
}

/**
 * "Continue" goes back to the last place the learner was, except that a lesson they have read
 * to the end leads on to the next unfinished lesson (a finished lesson is not where they left
 * off). With every lesson finished it stays on the remembered place.
 */
export function continueTarget(
	location: LastLocation,
	course: readonly CourseLesson[],
	records: readonly LessonProgress[]
): ContinueTarget {
	const title = location.title ?? location.route;
	const slug = lessonOfRoute(location.route, course);
	const done = slug !== undefined && records.some((r) => r.slug === slug && r.completed);
	const next = done ? nextUnfinishedLesson(course, records, slug) : undefined;
	if (!next) return { route: location.route, title, at: location.at };
	return {
		route: `/lessons/${next.slug}`,
		title: next.title,
		at: location.at,
		finishedTitle: course.find((l) => l.slug === slug)?.title ?? title
	};
}

/**
 * The home page's main lesson link: lesson 1 for a newcomer (no lesson opened), the next
 * unfinished lesson for a returning learner, none once every lesson is finished.
 */
export function heroLesson(
	course: readonly CourseLesson[],
	records: readonly LessonProgress[]
): { lesson: NumberedLesson; started: boolean } | undefined {
	const started = lessonCounts(course, records).opened > 0;
	const lesson = nextUnfinishedLesson(course, started ? records : []);
	return lesson ? { lesson, started } : undefined;
}

/**
 * Whether "Continue" would lead to the lesson the home page's main link already offers (e.g.
 * "Go on to lesson 2" and "Continue: lesson 2"): then the page shows only that link.
 */
export function continueRepeatsHero(
	target: Pick<ContinueTarget, 'route'>,
	heroSlug: string | undefined,
	course: readonly CourseLesson[]
): boolean {
	return heroSlug !== undefined && lessonOfRoute(target.route, course) === heroSlug;
}
