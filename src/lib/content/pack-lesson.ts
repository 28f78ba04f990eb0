/**
 * Reading a content pack's lessons in the browser. A pack lesson is stored as its file's text
 * (YAML front matter + Markdown); its front matter is parsed once, when the pack is installed on
 * the Author page (which loads a YAML reader anyway to check the pack), and stored beside the pack
 * as plain JSON. Reading a lesson then needs no YAML parser: this module imports none, and it
 * validates the stored front matter again and renders the body with the same safe Markdown
 * renderer as the app's own lessons (raw HTML escaped, unsafe links dropped).
 */
import { splitFrontMatter } from './front-matter';
import { lessonFrontMatterSchema, type LessonFrontMatter } from './lesson-schema';
import { renderMarkdown, type Heading } from './markdown';
import type { ReadYaml } from './pack-check';
import type { PackLesson } from './pack-schema';
import { readingMinutes } from './reading-time';

/** Parsed front matter of a pack's lessons, by slug: what is stored with an installed pack. */
export type PackLessonFrontMatter = Record<string, unknown>;

/**
 * The front matter of each lesson as plain data, read with the injected YAML reader (install time
 * only). A lesson whose front matter cannot be read is left out: reading it will say so.
 */
export function readPackLessonFrontMatter(
	lessons: readonly PackLesson[],
	readYaml: ReadYaml
): PackLessonFrontMatter {
	const out: PackLessonFrontMatter = {};
	for (const lesson of lessons) {
		const split = splitFrontMatter(lesson.markdown);
		if (!split) continue;
		try {
			const data = readYaml(split.yaml, lesson.slug).data;
			// Stored in IndexedDB as JSON: keep only what survives a JSON round trip.
			if (data !== undefined) out[lesson.slug] = JSON.parse(JSON.stringify(data));
		} catch {
			// Unreadable front matter: a validated pack has none, a hand-edited record might.
		}
	}
	return out;
}

/** A pack lesson ready to show, as the built-in lesson pages show theirs. */
export interface PackLessonView extends LessonFrontMatter {
	slug: string;
	/** Safe HTML of the body. */
	html: string;
	/** Its ## sections, for "On this page". */
	sections: Heading[];
	minutes: number;
}

/** A pack lesson in a list: what the Lessons page shows. */
export interface PackLessonSummary {
	slug: string;
	title: string;
	summary?: string;
}

/** Validates a lesson's stored front matter; undefined when it is missing or invalid. */
function frontMatterOf(frontMatter: PackLessonFrontMatter | undefined, slug: string) {
	const parsed = lessonFrontMatterSchema.safeParse(frontMatter?.[slug]);
	return parsed.success ? parsed.data : undefined;
}

/** A lesson's title and summary for a list; its slug stands in when the front matter is unusable. */
export function packLessonSummary(
	lesson: PackLesson,
	frontMatter: PackLessonFrontMatter | undefined
): PackLessonSummary {
	const meta = frontMatterOf(frontMatter, lesson.slug);
	return meta
		? { slug: lesson.slug, title: meta.title, summary: meta.summary }
		: { slug: lesson.slug, title: lesson.slug };
}

/**
 * The lesson ready to show, or why it cannot be: its front matter was not stored at install time
 * (a pack added by an earlier version of the app) or does not pass the lesson schema.
 */
export function packLessonView(
	lesson: PackLesson,
	frontMatter: PackLessonFrontMatter | undefined
): { lesson: PackLessonView } | { problem: string } {
	const split = splitFrontMatter(lesson.markdown);
	if (!split) return { problem: 'This lesson has no front matter (title, objectives, sources).' };
	if (frontMatter?.[lesson.slug] === undefined)
		return {
			problem:
				'This pack was added by an earlier version of the app, which did not prepare its lessons for reading. Load the pack file again on the Content packs page to read them.'
		};
	const meta = frontMatterOf(frontMatter, lesson.slug);
	if (!meta) return { problem: 'This lesson’s front matter is not valid: it cannot be shown.' };
	const rendered = renderMarkdown(split.body);
	return {
		lesson: {
			...meta,
			slug: lesson.slug,
			html: rendered.html,
			sections: rendered.headings.filter((h) => h.depth === 2),
			minutes: readingMinutes(split.body)
		}
	};
}
