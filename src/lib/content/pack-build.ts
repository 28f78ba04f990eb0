/**
 * Builds a content pack from a folder laid out like content/ (questions/*.yaml, lessons/NN-slug.md,
 * scenarios/*.yaml, plus an optional pack.yaml with the pack's id, title, version, author and
 * description), and maps the pack validator's field paths back to file:line:column.
 */
import type { ContentIssue } from './content-issue';
import { ContentError, formatPath } from './content-issue';
import type { Located } from './cross-check';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from './pack-schema';
import type { PackIssue } from './pack-check';
import { loadQuestionFile, type QuestionFileSource } from './question-loader';
import { type Scenario } from './scenario-schema';
import { parseScenario } from './scenario-loader';
import { parseYamlSource, type YamlSource } from './yaml-source';

export interface PackMeta {
	id?: string;
	title?: string;
	version?: string;
	author?: string;
	description?: string;
}

/** Where each part of the built pack came from. */
export interface PackSources {
	/** pack.questions[i] is question `index` of `file`. */
	questions: { file: string; yaml: YamlSource; index: number }[];
	/** pack.lessons[i] is the whole of `file`. */
	lessons: { file: string }[];
	scenarios: { file: string; yaml: YamlSource }[];
	/** The metadata's origin: pack.yaml, or the command line. */
	meta: { file: string; yaml?: YamlSource };
}

export interface BuiltPack {
	/** The pack object (not yet validated as a whole; see validatePack). */
	pack: Record<string, unknown>;
	sources: PackSources;
	/** Located problems of the files themselves (YAML, schema, Markdown). */
	issues: ContentIssue[];
	/** Files a pack does not carry (topics, glossary, misconceptions…), ignored. */
	ignored: string[];
	/** The question files, for answer-key checks. */
	questionFiles: QuestionFileSource[];
	/** The valid scenarios, to play. */
	scenarios: Located<Scenario>[];
	/**
	 * Ids of the questions and scenarios left out of the pack for problems of their own: other
	 * parts that name them are not reported as naming nothing (see validatePack).
	 */
	leftOut: { questions: string[]; scenarios: string[] };
}

const rel = (dir: string, path: string) => path.slice(dir.replace(/\/$/, '').length + 1);

/**
 * `files` as readContentDir returns them (paths start with `dir/`); `flags` override pack.yaml.
 * Parts with problems are reported in `issues` and left out of the pack.
 */
export function buildPack(
	files: Record<string, string>,
	dir: string,
	flags: PackMeta = {}
): BuiltPack {
	const issues: ContentIssue[] = [];
	const ignored: string[] = [];
	const sources: PackSources = {
		questions: [],
		lessons: [],
		scenarios: [],
		meta: { file: '(command line)' }
	};
	const questions: Record<string, unknown>[] = [];
	const lessons: { slug: string; markdown: string }[] = [];
	const scenarioData: unknown[] = [];
	const questionFiles: QuestionFileSource[] = [];
	const scenarios: Located<Scenario>[] = [];
	const leftOut: BuiltPack['leftOut'] = { questions: [], scenarios: [] };
	const idOf = (item: unknown) => {
		const id = (item as { id?: unknown } | null)?.id;
		return typeof id === 'string' ? [id] : [];
	};
	let fileMeta: PackMeta = {};
	const collect = (fn: () => void) => {
		try {
			fn();
		} catch (e) {
			if (!(e instanceof ContentError)) throw e;
			issues.push(...e.issues);
		}
	};

	for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const name = rel(dir, path);
		if (name === 'pack.yaml' || name === 'pack.yml') {
			collect(() => {
				const yaml = parseYamlSource(text, path);
				sources.meta = { file: path, yaml };
				fileMeta = (yaml.data ?? {}) as PackMeta;
			});
		} else if (/^questions\/[^/]+\.ya?ml$/.test(name)) {
			collect(() => {
				const source = loadQuestionFile(path, text);
				issues.push(...source.issues);
				questionFiles.push(source);
				const raw = (source.yaml.data as { questions: Record<string, unknown>[] }).questions;
				if (Array.isArray(raw))
					raw.forEach((item, i) => {
						if (!source.indexes.includes(i)) leftOut.questions.push(...idOf(item));
					});
				source.questions.forEach((q, k) => {
					const index = source.indexes[k];
					questions.push({ ...raw[index], topic: q.topic });
					sources.questions.push({ file: path, yaml: source.yaml, index });
				});
			});
		} else if (/^lessons\/[^/]+\.md$/.test(name)) {
			const m = /^lessons\/\d+-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/.exec(name);
			if (!m) {
				issues.push({
					file: path,
					line: 1,
					column: 1,
					path: '',
					message: 'lesson files are named NN-slug.md (e.g. 01-my-lesson.md)'
				});
				continue;
			}
			lessons.push({ slug: m[1], markdown: text });
			sources.lessons.push({ file: path });
		} else if (/^scenarios\/[^/]+\.(ya?ml|json)$/.test(name)) {
			collect(() => {
				const yaml = parseYamlSource(text, path);
				let scenario: Scenario;
				try {
					scenario = parseScenario(text, path);
				} catch (e) {
					leftOut.scenarios.push(...idOf(yaml.data));
					throw e;
				}
				scenarios.push({ value: scenario, file: path, yaml });
				scenarioData.push(yaml.data);
				sources.scenarios.push({ file: path, yaml });
			});
		} else ignored.push(path);
	}

	const meta = { ...fileMeta, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v)) };
	const pack: Record<string, unknown> = {
		format: PACK_FORMAT,
		formatVersion: PACK_FORMAT_VERSION,
		id: meta.id,
		title: meta.title,
		version: meta.version,
		author: meta.author,
		...(meta.description ? { description: meta.description } : {}),
		questions,
		...(lessons.length ? { lessons } : {}),
		...(scenarioData.length ? { scenarios: scenarioData } : {})
	};
	return { pack, sources, issues, ignored, questionFiles, scenarios, leftOut };
}

/** Where a validator issue (a field path in the pack) is in the source files. */
export function locatePackIssue(issue: PackIssue, sources: PackSources): ContentIssue {
	const m = /^(questions|lessons|scenarios)\[(\d+)\](?:\.(.*))?$/.exec(issue.path);
	const rest = (m?.[3] ?? '')
		.split(/\.|(?=\[)/)
		.filter(Boolean)
		.map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
	if (m?.[1] === 'questions' && sources.questions[Number(m[2])]) {
		const { file, yaml, index } = sources.questions[Number(m[2])];
		const path = ['questions', index, ...rest];
		return { file, ...yaml.locate(path), path: formatPath(path), message: issue.message };
	}
	if (m?.[1] === 'lessons' && sources.lessons[Number(m[2])]) {
		const { file } = sources.lessons[Number(m[2])];
		return {
			file,
			line: issue.line ?? 1,
			column: 1,
			path: m[3] === 'slug' ? 'file name' : '',
			message: issue.message
		};
	}
	if (m?.[1] === 'scenarios' && sources.scenarios[Number(m[2])]) {
		const { file, yaml } = sources.scenarios[Number(m[2])];
		return { file, ...yaml.locate(rest), path: formatPath(rest), message: issue.message };
	}
	const { file, yaml } = sources.meta;
	const at = yaml ? yaml.locate([issue.path]) : { line: 1, column: 1 };
	const flag = yaml ? issue.path : `--${issue.path}`;
	return { file, ...at, path: flag, message: issue.message };
}
