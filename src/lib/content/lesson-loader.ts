import { ContentError, type ContentIssue } from './content-issue';
import { splitFrontMatter } from './front-matter';
import type { GlossaryLinker } from './glossary-linker';
import { lessonFrontMatterSchema, type LessonFrontMatter } from './lesson-schema';
import { renderMarkdown, type Heading } from './markdown';
import { issuesFromZod, parseYamlSource, type YamlSource } from './yaml-source';

/** A lesson ready to show: validated front matter plus safe HTML. */
export interface Lesson extends LessonFrontMatter {
	slug: string;
	order: number;
	file: string;
	html: string;
	headings: Heading[];
	/** Body as plain text, for the search index. */
	plain: string;
}

/** Where a lesson's front matter fields came from, for cross-reference errors. */
export interface LessonSource {
	lesson: Lesson;
	yaml: YamlSource;
	yamlLine: number;
	/** Site-relative links in the body, with their line in the file. */
	links: { href: string; line: number }[];
}

const FILE_NAME = /(?:^|\/)(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** Parses one lesson file; throws ContentError with located issues. */
export function loadLesson(file: string, text: string, glossary?: GlossaryLinker): LessonSource {
	const name = FILE_NAME.exec(file);
	if (!name)
		throw new ContentError([
			{
				file,
				line: 1,
				column: 1,
				path: '',
				message: 'lesson files are named NN-slug.md (e.g. 02-assume-role.md)'
			}
		]);
	const split = splitFrontMatter(text);
	if (!split)
		throw new ContentError([
			{
				file,
				line: 1,
				column: 1,
				path: '',
				message: 'missing YAML front matter: start the file with --- and a title'
			}
		]);
	const shift = (issues: ContentIssue[]) =>
		issues.map((i) => ({ ...i, line: i.line + split.yamlLine - 1 }));
	let yaml: YamlSource;
	try {
		yaml = parseYamlSource(split.yaml, file);
	} catch (e) {
		if (e instanceof ContentError) throw new ContentError(shift(e.issues));
		throw e;
	}
	const parsed = lessonFrontMatterSchema.safeParse(yaml.data ?? {});
	const issues: ContentIssue[] = parsed.success
		? []
		: shift(issuesFromZod(parsed.error, yaml, [], lessonFrontMatterSchema));
	const rendered = renderMarkdown(split.body, { glossary });
	for (const p of rendered.problems)
		issues.push({
			file,
			line: p.line + split.bodyLine - 1,
			column: 1,
			path: 'body',
			message: p.message
		});
	if (!rendered.headings.some((h) => h.depth === 2))
		issues.push({
			file,
			line: split.bodyLine,
			column: 1,
			path: 'body',
			message: 'a lesson needs at least one ## section'
		});
	if (issues.length > 0 || !parsed.success) throw new ContentError(issues);
	return {
		yaml,
		yamlLine: split.yamlLine,
		links: rendered.links.map((l) => ({ href: l.href, line: l.line + split.bodyLine - 1 })),
		lesson: {
			...parsed.data,
			slug: name[2],
			order: Number(name[1]),
			file,
			html: rendered.html,
			headings: rendered.headings,
			plain: toPlainText(split.body)
		}
	};
}

function toPlainText(markdown: string): string {
	return markdown
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^>\s*\[![A-Z]+\]/gm, '')
		.replace(/[#>*_`|]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
