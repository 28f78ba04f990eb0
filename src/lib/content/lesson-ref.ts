/** What a lesson reference needs of a lesson: its slug, title and section headings. */
export interface LessonLike {
	slug: string;
	title: string;
	headings: readonly { id: string; text: string }[];
}

/**
 * A lesson reference "slug" or "slug#anchor" (as scenarios and glossary terms write them): the
 * lesson, and the title of the section the anchor names when it is one of the lesson's headings.
 */
export function resolveLessonRef<L extends LessonLike>(
	lessons: readonly L[],
	ref: string
): { lesson?: L; section?: string } {
	const [slug, anchor] = ref.split('#');
	const lesson = lessons.find((l) => l.slug === slug);
	const section = anchor ? lesson?.headings.find((h) => h.id === anchor)?.text : undefined;
	return { lesson, section };
}

/**
 * How a link to a lesson reference reads: "Lesson › Section" for `slug#anchor`, so that two
 * sections of one lesson read differently; the lesson's title alone for a plain slug or for a
 * section titled like the lesson itself (never "Title › Title"); the reference itself when no
 * lesson has that slug.
 */
export function lessonRefTitle(lessons: readonly LessonLike[], ref: string): string {
	const { lesson, section } = resolveLessonRef(lessons, ref);
	if (!lesson) return ref;
	const same = (a: string, b: string) =>
		a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
	return section && !same(section, lesson.title) ? `${lesson.title} › ${section}` : lesson.title;
}
