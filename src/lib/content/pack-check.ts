/**
 * Validates a content pack against the app's own content, the same way in the browser (Author
 * page) and in `npm run content:pack`: the pack schema first (every error with its field path),
 * then what a schema cannot see: lesson front matter, references to topics, lessons, anchors,
 * scenarios and misconceptions, duplicate ids, and ids that clash with the app's content or with
 * another installed pack. Markdown that would be escaped or dropped (raw HTML, unsafe links) is a
 * warning: the app renders pack Markdown with the same safe renderer as its own content.
 */
import type { ContentBundle } from './content-bundle';
import { ContentError, formatPath } from './content-issue';
import { splitFrontMatter } from './front-matter';
import { lessonFrontMatterSchema } from './lesson-schema';
import { renderMarkdown } from './markdown';
import { compareVersions, packSchema, type Pack } from './pack-schema';
import { renderQuestion, type QuizQuestion } from './question-render';
import type { Question } from './question-schema';
import { readableIssues } from './scenario-issues';
import { scenarioSchema, type Scenario } from './scenario-schema';
import { topicResolver } from './topic-schema';
import type { YamlSource } from './yaml-source';

/**
 * Reads the YAML front matter of pack lessons (yaml-source's parseYamlSource). Passed in rather
 * than imported, so that the browser loads a YAML parser only for packs that have lessons.
 */
export type ReadYaml = (text: string, file: string) => YamlSource;

/** Whether checking this (parsed) pack file needs a ReadYaml: it has lessons. */
export function packHasLessons(data: unknown): boolean {
	const lessons = (data as { lessons?: unknown } | null)?.lessons;
	return Array.isArray(lessons) && lessons.length > 0;
}

/** What the app ships, as much as pack checks need (served as /author/content-index.json). */
export interface ContentIndex {
	topics: { id: string; title: string; aliases?: string[] }[];
	/** Lesson slug → title and heading anchors. */
	lessons: Record<string, { title: string; anchors: string[] }>;
	/** Scenario id → title and number of steps. */
	scenarios: Record<string, { title: string; steps: number }>;
	misconceptions: string[];
	questions: string[];
}

/** The ids an installed pack holds, to find clashes with a pack being loaded. */
export interface InstalledPackIds {
	id: string;
	title: string;
	version: string;
	questions: string[];
	lessons: string[];
	scenarios: string[];
}

export interface PackIssue {
	/** Field path in the pack, e.g. `questions[3].options[1].why`. */
	path: string;
	message: string;
	severity: 'error' | 'warning';
	/** For lesson Markdown: the 1-based line within `markdown`. */
	line?: number;
	/** The 1-based line of the pack file where the field (or the syntax error) is. */
	fileLine?: number;
}

export interface PackClash {
	kind: 'question' | 'lesson' | 'scenario';
	id: string;
	/** "the app's content" or the other pack's title. */
	with: string;
}

export interface PackPreview {
	id: string;
	title: string;
	version: string;
	author: string;
	description?: string;
	questions: { id: string; topic: string }[];
	lessons: { slug: string; title: string }[];
	scenarios: { id: string; title: string }[];
	/** Question count by topic id. */
	byTopic: Record<string, number>;
	clashes: PackClash[];
	/** Set when a pack with the same id is installed: this load replaces it. */
	update?: {
		from: string;
		to: string;
		relation: 'newer' | 'same' | 'older';
		/** Questions in both versions: their progress carries over (it is keyed by question id). */
		kept: number;
		added: number;
		removed: number;
	};
}

export interface PackValidation {
	/** The pack, with topic aliases resolved, when it has no errors (warnings allowed). */
	pack?: Pack;
	/** Present once the pack passed its schema. */
	preview?: PackPreview;
	issues: PackIssue[];
	/**
	 * The pack's scenarios as its schema parsed them, once it passed (errors elsewhere allowed):
	 * what checkPackScenarios (pack-scenario-check.ts) plays.
	 */
	scenarios?: Scenario[];
}

/** Largest pack file the app reads. */
export const MAX_PACK_BYTES = 10 * 1024 * 1024;

/** The index of a loaded content bundle. */
export function contentIndexOf(bundle: ContentBundle<Scenario>): ContentIndex {
	return {
		topics: bundle.topics.map((t) => ({
			id: t.id,
			title: t.title,
			...(t.aliases ? { aliases: t.aliases } : {})
		})),
		lessons: Object.fromEntries(
			bundle.lessons.map((l) => [l.slug, { title: l.title, anchors: l.headings.map((h) => h.id) }])
		),
		scenarios: Object.fromEntries(
			bundle.scenarios.map((s) => [s.id, { title: s.title, steps: s.steps.length }])
		),
		misconceptions: bundle.misconceptions.map((m) => m.id),
		questions: bundle.questions.map((q) => q.id)
	};
}

/** A pack lesson's title from its front matter, or its slug when the front matter is unreadable. */
export function packLessonTitle(
	lesson: { slug: string; markdown: string },
	readYaml: ReadYaml
): string {
	const split = splitFrontMatter(lesson.markdown);
	try {
		const title = split && (readYaml(split.yaml, lesson.slug).data as { title?: unknown })?.title;
		return typeof title === 'string' && title.trim() ? title.trim() : lesson.slug;
	} catch {
		return lesson.slug;
	}
}

/** The ids a stored pack holds. */
export function packIds(pack: Pack): InstalledPackIds {
	return {
		id: pack.id,
		title: pack.title,
		version: pack.version,
		questions: pack.questions.map((q) => q.id),
		lessons: (pack.lessons ?? []).map((l) => l.slug),
		scenarios: (pack.scenarios ?? []).map((s) => s.id)
	};
}

/** The title, anchors and problems of a pack lesson (front matter + Markdown, as in content/). */
function checkLesson(
	markdown: string,
	at: string,
	issue: (i: PackIssue) => void,
	readYaml: ReadYaml
): { title?: string; anchors?: string[]; topics: string[]; scenarios: string[] } {
	const split = splitFrontMatter(markdown);
	if (!split) {
		issue({
			path: at,
			line: 1,
			severity: 'error',
			message: 'missing YAML front matter: start with --- and a title (as in content/lessons)'
		});
		// Anchors unknown: references to them are not checked (the lesson's own error says why).
		return { topics: [], scenarios: [] };
	}
	// The body is rendered even when the front matter is wrong, so links to its anchors still resolve.
	const rendered = renderMarkdown(split.body);
	for (const p of rendered.problems)
		issue({ path: at, line: p.line + split.bodyLine - 1, severity: 'warning', message: p.message });
	if (!rendered.headings.some((h) => h.depth === 2))
		issue({
			path: at,
			line: split.bodyLine,
			severity: 'warning',
			message: 'a lesson needs at least one ## section'
		});
	const anchors = rendered.headings.map((h) => h.id);
	try {
		const yaml = readYaml(split.yaml, at);
		const parsed = lessonFrontMatterSchema.safeParse(yaml.data ?? {});
		if (parsed.success)
			return {
				title: parsed.data.title,
				anchors,
				topics: parsed.data.topics,
				scenarios: parsed.data.scenarios ?? []
			};
		for (const i of readableIssues(parsed.error.issues, yaml.data))
			issue({
				path: at,
				line: yaml.locate(i.path).line + split.yamlLine - 1,
				severity: 'error',
				message: `front matter ${formatPath(i.path) || '(file)'}: ${i.message}`
			});
	} catch (e) {
		if (!(e instanceof ContentError)) throw e;
		for (const i of e.issues)
			issue({ path: at, line: i.line + split.yamlLine - 1, severity: 'error', message: i.message });
	}
	return { anchors, topics: [], scenarios: [] };
}

/** Schema issues: scenarios are validated one by one so their step errors read as in content/. */
function schemaIssues(data: unknown): PackIssue[] {
	const issues: PackIssue[] = [];
	const error = (path: PropertyKey[], message: string) =>
		issues.push({ path: formatPath(path), message, severity: 'error' });
	const result = packSchema.safeParse(data);
	if (result.success) return [];
	const scenarios = (data as { scenarios?: unknown } | null)?.scenarios;
	const perScenario = Array.isArray(scenarios);
	for (const i of readableIssues(result.error.issues, data)) {
		if (perScenario && i.path[0] === 'scenarios' && typeof i.path[1] === 'number') continue;
		error(i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path, i.message);
	}
	// The pack-level refinement (each question names its topic) only runs once the rest is valid.
	const questions = (data as { questions?: unknown } | null)?.questions;
	if (Array.isArray(questions))
		questions.forEach((q, n) => {
			const topic = (q as { topic?: unknown } | null)?.topic;
			const path = formatPath(['questions', n, 'topic']);
			if (q && typeof q === 'object' && topic === undefined && !issues.some((i) => i.path === path))
				error(
					['questions', n, 'topic'],
					'topic is required: a pack question names its topic (one of the app’s topics)'
				);
		});
	if (perScenario)
		(scenarios as unknown[]).forEach((s, n) => {
			const r = scenarioSchema.safeParse(s);
			if (r.success) return;
			for (const i of readableIssues(r.error.issues, s))
				error(
					['scenarios', n, ...(i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path)],
					i.message
				);
		});
	return issues;
}

/**
 * Validates a parsed pack file; see the module comment. `installed` are the packs already stored;
 * `readYaml` is required when the pack has lessons (see packHasLessons).
 */
export function validatePack(
	data: unknown,
	base: ContentIndex,
	installed: readonly InstalledPackIds[] = [],
	readYaml?: ReadYaml
): PackValidation {
	const schema = schemaIssues(data);
	if (schema.length) return { issues: schema };
	const pack = packSchema.parse(data);
	const issues: PackIssue[] = [];
	const issue = (i: PackIssue) => issues.push(i);
	const error = (path: string, message: string) => issue({ path, message, severity: 'error' });
	const warn = (path: string, message: string) => issue({ path, message, severity: 'warning' });

	const topicOf = topicResolver(base.topics.map((t) => ({ ...t, summary: '' })));
	const topicList = base.topics.map((t) => t.id).join(', ');
	const lessons = pack.lessons ?? [];
	const scenarios = pack.scenarios ?? [];

	// Lessons first: questions may link their anchors.
	const packLessons = new Map<string, { title?: string; anchors?: string[] }>();
	if (lessons.length && !readYaml)
		throw new Error('validatePack: a pack with lessons needs readYaml');
	lessons.forEach((l, i) => {
		const info = checkLesson(l.markdown, `lessons[${i}].markdown`, issue, readYaml!);
		if (!packLessons.has(l.slug)) packLessons.set(l.slug, info);
		info.topics.forEach((t, j) => {
			if (!topicOf(t))
				error(
					`lessons[${i}].markdown`,
					`front matter topics[${j}]: unknown topic "${t}" (topics: ${topicList})`
				);
		});
		info.scenarios.forEach((s, j) => {
			if (!base.scenarios[s] && !scenarios.some((x) => x.id === s))
				error(`lessons[${i}].markdown`, `front matter scenarios[${j}]: no scenario with id "${s}"`);
		});
	});
	const lessonProblem = (ref: string): string | undefined => {
		const [slug, anchor] = ref.split('#');
		const inPack = packLessons.get(slug);
		const anchors = inPack ? inPack.anchors : base.lessons[slug]?.anchors;
		if (!inPack && !anchors) return `no lesson with slug "${slug}" in the app or the pack`;
		if (anchor && anchors && !anchors.includes(anchor))
			return `lesson "${slug}" has no heading with anchor #${anchor} (it has: ${anchors.join(', ')})`;
		return undefined;
	};
	const stepsOf = (id: string) =>
		scenarios.find((s) => s.id === id)?.steps.length ?? base.scenarios[id]?.steps;
	const questionIds = new Set([...base.questions, ...pack.questions.map((q) => q.id)]);

	const questions: Question[] = pack.questions.map((q, i) => {
		const p = `questions[${i}]`;
		const topic = topicOf(q.topic ?? '');
		if (!topic) error(`${p}.topic`, `unknown topic "${q.topic}" (topics: ${topicList})`);
		q.lessons?.forEach((ref, j) => {
			const problem = lessonProblem(ref);
			if (problem) error(`${p}.lessons[${j}]`, problem);
		});
		if (q.scenario && stepsOf(q.scenario) === undefined)
			error(`${p}.scenario`, `no scenario with id "${q.scenario}" in the app or the pack`);
		q.options.forEach((o, j) => {
			if (o.misconception && !base.misconceptions.includes(o.misconception))
				error(`${p}.options[${j}].misconception`, `no misconception with id "${o.misconception}"`);
		});
		const steps = q.scenario ? stepsOf(q.scenario) : undefined;
		q.verify?.forEach((claim, j) => {
			if (steps !== undefined && claim.step > steps)
				error(
					`${p}.verify[${j}].step`,
					`scenario "${q.scenario}" has ${steps} steps: there is no step ${claim.step}`
				);
		});
		const resolved = { ...q, topic: topic ?? q.topic ?? '' };
		for (const m of renderQuestion(resolved).problems)
			warn(`${p}.${formatPath(m.path)}`, `${m.message} (it will be shown as text)`);
		return resolved;
	});

	scenarios.forEach((s, i) => {
		const p = `scenarios[${i}]`;
		if (!topicOf(s.topic)) error(`${p}.topic`, `unknown topic "${s.topic}" (topics: ${topicList})`);
		s.lessons?.forEach((ref, j) => {
			const problem = lessonProblem(ref);
			if (problem) error(`${p}.lessons[${j}]`, problem);
		});
		s.questions?.forEach((id, j) => {
			if (!questionIds.has(id)) error(`${p}.questions[${j}]`, `no question with id "${id}"`);
		});
		const markdown = (text: string | undefined, path: string) => {
			if (!text) return;
			for (const m of renderMarkdown(text).problems)
				warn(path, `${m.message} (it will be shown as text)`);
		};
		markdown(s.summary, `${p}.summary`);
		s.steps.forEach((step, j) => {
			markdown(step.narration, `${p}.steps[${j}].narration`);
			markdown(step.debrief, `${p}.steps[${j}].debrief`);
		});
	});

	// Duplicates inside the pack, then clashes with the app's content and other packs.
	const clashes: PackClash[] = [];
	const others = installed.filter((o) => o.id !== pack.id);
	const checkIds = (
		kind: PackClash['kind'],
		list: string[],
		at: (i: number) => string,
		bundled: (id: string) => boolean,
		inPack: (o: InstalledPackIds) => string[]
	) => {
		const seen = new Set<string>();
		list.forEach((id, i) => {
			if (seen.has(id)) error(at(i), `duplicate ${kind} id "${id}" in this pack`);
			seen.add(id);
			const other = others.find((o) => inPack(o).includes(id));
			if (bundled(id)) {
				clashes.push({ kind, id, with: 'the app’s content' });
				error(at(i), `${kind} id "${id}" is already used by the app’s own content`);
			} else if (other) {
				clashes.push({ kind, id, with: other.title });
				error(
					at(i),
					`${kind} id "${id}" is already used by the pack "${other.title}" (${other.id})`
				);
			}
		});
	};
	checkIds(
		'question',
		pack.questions.map((q) => q.id),
		(i) => `questions[${i}].id`,
		(id) => base.questions.includes(id),
		(o) => o.questions
	);
	checkIds(
		'lesson',
		lessons.map((l) => l.slug),
		(i) => `lessons[${i}].slug`,
		(id) => id in base.lessons,
		(o) => o.lessons
	);
	checkIds(
		'scenario',
		scenarios.map((s) => s.id),
		(i) => `scenarios[${i}].id`,
		(id) => id in base.scenarios,
		(o) => o.scenarios
	);

	const previous = installed.find((o) => o.id === pack.id);
	const ids = pack.questions.map((q) => q.id);
	const byTopic: Record<string, number> = {};
	for (const q of questions) byTopic[q.topic] = (byTopic[q.topic] ?? 0) + 1;
	const preview: PackPreview = {
		id: pack.id,
		title: pack.title,
		version: pack.version,
		author: pack.author,
		...(pack.description ? { description: pack.description } : {}),
		questions: questions.map((q) => ({ id: q.id, topic: q.topic })),
		lessons: lessons.map((l) => ({
			slug: l.slug,
			title: packLessons.get(l.slug)?.title ?? l.slug
		})),
		scenarios: scenarios.map((s) => ({ id: s.id, title: s.title })),
		byTopic,
		clashes,
		...(previous
			? {
					update: {
						from: previous.version,
						to: pack.version,
						relation:
							compareVersions(pack.version, previous.version) > 0
								? 'newer'
								: compareVersions(pack.version, previous.version) < 0
									? 'older'
									: 'same',
						kept: ids.filter((id) => previous.questions.includes(id)).length,
						added: ids.filter((id) => !previous.questions.includes(id)).length,
						removed: previous.questions.filter((id) => !ids.includes(id)).length
					}
				}
			: {})
	};
	const ok = !issues.some((i) => i.severity === 'error');
	return {
		issues,
		preview,
		...(scenarios.length ? { scenarios } : {}),
		...(ok ? { pack: { ...pack, questions } } : {})
	};
}

/** Reads the text of a pack file: its size and JSON syntax (then call validatePack). */
export function readPackText(text: string): { data: unknown } | { issues: PackIssue[] } {
	if (text.length > MAX_PACK_BYTES)
		return {
			issues: [
				{
					path: '',
					severity: 'error',
					message: `the file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB`
				}
			]
		};
	try {
		return { data: JSON.parse(text) };
	} catch (e) {
		const message = (e as Error).message;
		const fileLine = jsonErrorLine(text, message);
		return {
			issues: [
				{
					path: '',
					severity: 'error',
					message: `not a JSON file: ${message}`,
					...(fileLine ? { fileLine } : {})
				}
			]
		};
	}
}

/**
 * The line of a JSON.parse error: from "(line 3 column 5)" when the engine says it, else from
 * "at position 45"; undefined when the message says neither (an empty file).
 */
export function jsonErrorLine(text: string, message: string): number | undefined {
	const line = /\(line (\d+) column \d+\)/.exec(message);
	if (line) return Number(line[1]);
	const position = /at position (\d+)/.exec(message);
	if (!position) return undefined;
	return text.slice(0, Number(position[1])).split('\n').length;
}

/** `questions[3].options[1].why` → `['questions', 3, 'options', 1, 'why']`. */
export function parseIssuePath(path: string): (string | number)[] {
	return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) =>
		m[1] !== undefined ? Number(m[1]) : m[2]!
	);
}

/**
 * Adds to each issue with a field path the line of the pack file it is on, using `locate`
 * (yaml-source's, which reads JSON as the YAML it also is). Issues with no path keep none.
 */
export function withFileLines(
	issues: PackIssue[],
	locate: (path: (string | number)[]) => { line: number }
): PackIssue[] {
	return issues.map((i) =>
		i.path && i.fileLine === undefined ? { ...i, fileLine: locate(parseIssuePath(i.path)).line } : i
	);
}

/** readPackText, then validatePack. */
export function validatePackText(
	text: string,
	base: ContentIndex,
	installed: readonly InstalledPackIds[] = [],
	readYaml?: ReadYaml
): PackValidation {
	const read = readPackText(text);
	return 'issues' in read ? read : validatePack(read.data, base, installed, readYaml);
}

/**
 * A stored pack's questions as the quiz shows them, rendered with the same safe Markdown renderer
 * as the app's own questions. Invalid stored data (a tampered backup) gives no questions.
 */
export function packQuizQuestions(
	data: unknown
): { pack: Pack; questions: QuizQuestion[] } | undefined {
	const parsed = packSchema.safeParse(data);
	if (!parsed.success) return undefined;
	const pack = parsed.data;
	return {
		pack,
		questions: pack.questions.map(
			(q) => renderQuestion({ ...q, topic: q.topic ?? '' }, pack.id).quiz
		)
	};
}

export type { Pack };
