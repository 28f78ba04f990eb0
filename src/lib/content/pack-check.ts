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
import {
	compareVersions,
	PACK_LIMITS,
	packLessonSchema,
	packSchema,
	type Pack
} from './pack-schema';
import { renderQuestion, type QuizQuestion } from './question-render';
import { questionSchema, type Question } from './question-schema';
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
	/**
	 * An error stops the pack; a warning (Markdown shown as text, links dropped) does not, but is
	 * an error for `npm run content:pack`.
	 */
	severity: 'error' | 'warning';
	/** The id (lesson: slug) of the question, lesson or scenario the path is in, if it has one. */
	item?: string;
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
	 * what checkPackScenarios (pack-scenario-check.ts) plays. When the pack failed its schema,
	 * those of its scenarios that pass their own, with their indexes in the pack in
	 * `scenarioIndexes`.
	 */
	scenarios?: Scenario[];
	scenarioIndexes?: number[];
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
		for (const i of readableIssues(parsed.error.issues, yaml.data, [], lessonFrontMatterSchema))
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
	for (const i of readableIssues(result.error.issues, data, [], packSchema)) {
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
			for (const i of readableIssues(r.error.issues, s, [], scenarioSchema))
				error(
					['scenarios', n, ...(i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path)],
					i.message
				);
		});
	return issues;
}

/** The parts of a pack that the cross-checks read, each with its index in the pack file. */
interface PackParts {
	questions: { at: number; value: Pack['questions'][number] }[];
	lessons: { at: number; value: NonNullable<Pack['lessons']>[number] }[];
	scenarios: { at: number; value: Scenario }[];
}

/** The ids and slugs the pack file names, valid or not: references to them are not "missing". */
interface PackNames {
	questions: Set<string>;
	lessons: Set<string>;
	scenarios: Set<string>;
}

const listOf = (data: unknown, key: string): unknown[] => {
	const list = (data as Record<string, unknown> | null)?.[key];
	return Array.isArray(list) ? list : [];
};

/** The `id` (or, for a lesson, `slug`) an item of the pack file names, if it is text. */
function itemName(item: unknown, key: 'id' | 'slug'): string | undefined {
	const name = (item as Record<string, unknown> | null)?.[key];
	return typeof name === 'string' && name.trim() ? name : undefined;
}

/** Ids of questions and scenarios that an author wrote but that are not in the pack data. */
export interface LeftOutIds {
	questions?: readonly string[];
	scenarios?: readonly string[];
}

function namesIn(data: unknown, leftOut: LeftOutIds = {}): PackNames {
	const names = (key: string, field: 'id' | 'slug', more: readonly string[] = []) =>
		new Set([...listOf(data, key).flatMap((item) => itemName(item, field) ?? []), ...more]);
	return {
		questions: names('questions', 'id', leftOut.questions),
		lessons: names('lessons', 'slug'),
		scenarios: names('scenarios', 'id', leftOut.scenarios)
	};
}

/**
 * The questions, lessons and scenarios of a pack that failed its schema which pass their own
 * schemas, so that their references are checked in the same pass (as `npm run content:pack`
 * checks the files that parsed).
 */
function validParts(data: unknown): PackParts {
	const parts: PackParts = { questions: [], lessons: [], scenarios: [] };
	// No more than a pack may hold (the schema reports the excess): a file over the limits must not
	// make the page check or play thousands of items.
	listOf(data, 'questions')
		.slice(0, PACK_LIMITS.questions)
		.forEach((q, at) => {
			const r = questionSchema.safeParse(q);
			if (r.success) parts.questions.push({ at, value: r.data });
		});
	listOf(data, 'lessons')
		.slice(0, PACK_LIMITS.lessons)
		.forEach((l, at) => {
			const r = packLessonSchema.safeParse(l);
			if (r.success) parts.lessons.push({ at, value: r.data });
		});
	listOf(data, 'scenarios')
		.slice(0, PACK_LIMITS.scenarios)
		.forEach((s, at) => {
			const r = scenarioSchema.safeParse(s);
			if (r.success) parts.scenarios.push({ at, value: r.data });
		});
	return parts;
}

/**
 * Gives each issue about a question, lesson or scenario the id (slug) that item names in the
 * pack file, so an author need not count array positions.
 */
export function withItemNames(issues: PackIssue[], data: unknown): PackIssue[] {
	return issues.map((i) => {
		if (i.item !== undefined) return i;
		const m = /^(questions|lessons|scenarios)\[(\d+)\]/.exec(i.path);
		const name =
			m && itemName(listOf(data, m[1])[Number(m[2])], m[1] === 'lessons' ? 'slug' : 'id');
		return name ? { ...i, item: name } : i;
	});
}

/**
 * Where an issue is, as the Packs page shows it: its field path with the id of the question,
 * lesson or scenario it is in ("questions[1] (pack-q-two).options"), then the line of the file.
 */
export function issueWhere(i: PackIssue): string {
	const m = /^((?:questions|lessons|scenarios)\[\d+\])(.*)$/.exec(i.path);
	const path = m && i.item ? `${m[1]} (${i.item})${m[2]}` : i.path || 'file';
	return [
		path,
		i.fileLine ? `, line ${i.fileLine}` : '',
		i.line ? ` (${i.fileLine ? 'Markdown line' : 'line'} ${i.line})` : ''
	].join('');
}

/** The checks a schema cannot make (see the module comment), over `parts`. */
function crossCheck(
	parts: PackParts,
	names: PackNames,
	packId: string | undefined,
	base: ContentIndex,
	installed: readonly InstalledPackIds[],
	readYaml: ReadYaml | undefined
) {
	const issues: PackIssue[] = [];
	const issue = (i: PackIssue) => issues.push(i);
	const error = (path: string, message: string) => issue({ path, message, severity: 'error' });
	const warn = (path: string, message: string) => issue({ path, message, severity: 'warning' });

	const topicOf = topicResolver(base.topics.map((t) => ({ ...t, summary: '' })));
	const topicList = base.topics.map((t) => t.id).join(', ');
	const packScenarios = new Map(parts.scenarios.map((s) => [s.value.id, s.value]));

	// Lessons first: questions may link their anchors.
	const packLessons = new Map<string, { title?: string; anchors?: string[] }>();
	if (parts.lessons.length && !readYaml)
		throw new Error('validatePack: a pack with lessons needs readYaml');
	for (const { at: i, value: l } of parts.lessons) {
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
			if (!base.scenarios[s] && !names.scenarios.has(s))
				error(`lessons[${i}].markdown`, `front matter scenarios[${j}]: no scenario with id "${s}"`);
		});
	}
	const lessonProblem = (ref: string): string | undefined => {
		const [slug, anchor] = ref.split('#');
		const inPack = packLessons.get(slug);
		// A pack lesson with errors of its own: its anchors are unknown, so are not checked.
		if (!inPack && names.lessons.has(slug)) return undefined;
		const anchors = inPack ? inPack.anchors : base.lessons[slug]?.anchors;
		if (!inPack && !anchors) return `no lesson with slug "${slug}" in the app or the pack`;
		if (anchor && anchors && !anchors.includes(anchor))
			return `lesson "${slug}" has no heading with anchor #${anchor} (it has: ${anchors.join(', ')})`;
		return undefined;
	};
	/** Steps of a scenario; undefined for none, null for a pack scenario with errors of its own. */
	const stepsOf = (id: string) =>
		packScenarios.get(id)?.steps.length ??
		base.scenarios[id]?.steps ??
		(names.scenarios.has(id) ? null : undefined);
	const questionIds = new Set([...base.questions, ...names.questions]);

	const questions = parts.questions.map(({ at: i, value: q }) => {
		const p = `questions[${i}]`;
		const topic = q.topic === undefined ? undefined : topicOf(q.topic);
		// A missing topic is a schema error, reported already.
		if (!topic && q.topic !== undefined)
			error(`${p}.topic`, `unknown topic "${q.topic}" (topics: ${topicList})`);
		q.lessons?.forEach((ref, j) => {
			const problem = lessonProblem(ref);
			if (problem) error(`${p}.lessons[${j}]`, problem);
		});
		const steps = q.scenario ? stepsOf(q.scenario) : undefined;
		if (q.scenario && steps === undefined)
			error(`${p}.scenario`, `no scenario with id "${q.scenario}" in the app or the pack`);
		q.options.forEach((o, j) => {
			if (o.misconception && !base.misconceptions.includes(o.misconception))
				error(`${p}.options[${j}].misconception`, `no misconception with id "${o.misconception}"`);
		});
		q.verify?.forEach((claim, j) => {
			if (typeof steps === 'number' && claim.step > steps)
				error(
					`${p}.verify[${j}].step`,
					`scenario "${q.scenario}" has ${steps} steps: there is no step ${claim.step}`
				);
		});
		const resolved: Question = { ...q, topic: topic ?? q.topic ?? '' };
		for (const m of renderQuestion(resolved).problems)
			warn(`${p}.${formatPath(m.path)}`, `${m.message} (it will be shown as text)`);
		return resolved;
	});

	for (const { at: i, value: s } of parts.scenarios) {
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
	}

	// Duplicates inside the pack, then clashes with the app's content and other packs.
	const clashes: PackClash[] = [];
	const others = installed.filter((o) => o.id !== packId);
	const checkIds = (
		kind: PackClash['kind'],
		list: { at: number; id: string }[],
		at: (i: number) => string,
		bundled: (id: string) => boolean,
		inPack: (o: InstalledPackIds) => string[]
	) => {
		const seen = new Set<string>();
		for (const { at: i, id } of list) {
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
		}
	};
	checkIds(
		'question',
		parts.questions.map(({ at, value }) => ({ at, id: value.id })),
		(i) => `questions[${i}].id`,
		(id) => base.questions.includes(id),
		(o) => o.questions
	);
	checkIds(
		'lesson',
		parts.lessons.map(({ at, value }) => ({ at, id: value.slug })),
		(i) => `lessons[${i}].slug`,
		(id) => id in base.lessons,
		(o) => o.lessons
	);
	checkIds(
		'scenario',
		parts.scenarios.map(({ at, value }) => ({ at, id: value.id })),
		(i) => `scenarios[${i}].id`,
		(id) => id in base.scenarios,
		(o) => o.scenarios
	);
	return { issues, questions, packLessons, clashes };
}

/**
 * Validates a parsed pack file; see the module comment. `installed` are the packs already stored;
 * `readYaml` is required when the pack has lessons (see packHasLessons). Every problem it can find
 * is reported in one pass: when the pack fails its schema, the questions, lessons and scenarios
 * that pass their own schemas are still cross-checked (and those scenarios are returned to play).
 * `leftOut` (from `npm run content:pack`) names the questions and scenarios of the author's
 * folder that are not in `data` for problems of their own, so that references to them are not
 * reported as well.
 */
export function validatePack(
	data: unknown,
	base: ContentIndex,
	installed: readonly InstalledPackIds[] = [],
	readYaml?: ReadYaml,
	leftOut?: LeftOutIds
): PackValidation {
	const schema = schemaIssues(data);
	if (schema.length) {
		const parts = validParts(data);
		const checked = crossCheck(
			parts,
			namesIn(data, leftOut),
			itemName(data, 'id'),
			base,
			installed,
			readYaml
		);
		return {
			issues: withItemNames([...schema, ...checked.issues], data),
			...(parts.scenarios.length
				? {
						scenarios: parts.scenarios.map((s) => s.value),
						scenarioIndexes: parts.scenarios.map((s) => s.at)
					}
				: {})
		};
	}
	const pack = packSchema.parse(data);
	const lessons = pack.lessons ?? [];
	const scenarios = pack.scenarios ?? [];
	const parts: PackParts = {
		questions: pack.questions.map((value, at) => ({ at, value })),
		lessons: lessons.map((value, at) => ({ at, value })),
		scenarios: scenarios.map((value, at) => ({ at, value }))
	};
	const { issues, questions, packLessons, clashes } = crossCheck(
		parts,
		namesIn(pack, leftOut),
		pack.id,
		base,
		installed,
		readYaml
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
		issues: withItemNames(issues, pack),
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
	// Chrome: "(line 3 column 5)"; Firefox: "at line 3 column 5 of the JSON data".
	const line = /\bline (\d+) column \d+/.exec(message);
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
