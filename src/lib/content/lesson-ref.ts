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

/** A lesson linked once, with the sections of it that a list of references names. */
export interface LessonLinkGroup {
	href: string;
	title: string;
	sections: { href: string; title: string }[];
}

/**
 * Lesson references (`slug` or `slug#anchor`, as glossary terms list them) grouped by lesson, so
 * that each lesson is linked once: "Lesson (Section, Section)". Lessons keep the order in which
 * they are first named; a repeated reference, a section titled like its lesson, and a plain
 * reference to a lesson whose sections are also named add nothing more. A reference to no known
 * lesson keeps its own text as its title.
 */
export function lessonLinkGroups(
	lessons: readonly LessonLike[],
	refs: readonly string[],
	href: (ref: string) => string = (ref) => `/lessons/${ref}`
): LessonLinkGroup[] {
	const groups = new Map<string, LessonLinkGroup>();
	for (const ref of refs) {
		const [slug, anchor] = ref.split('#');
		const { lesson, section } = resolveLessonRef(lessons, ref);
		let group = groups.get(slug);
		if (!group) {
			group = { href: href(slug), title: lesson?.title ?? slug, sections: [] };
			groups.set(slug, group);
		}
		if (!anchor || !lesson) continue;
		const title = lessonRefTitle(lessons, ref) === lesson.title ? undefined : section;
		const link = href(`${slug}#${anchor}`);
		if (title && !group.sections.some((s) => s.href === link))
			group.sections.push({ href: link, title });
	}
	return [...groups.values()];
}
