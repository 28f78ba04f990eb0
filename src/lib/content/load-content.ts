import { ContentError, type ContentIssue } from './content-issue';
import type { ContentBundle, ScenarioSummary } from './content-bundle';
import { checkReferences, type Located } from './cross-check';
import { createGlossaryLinker } from './glossary-linker';
import { glossaryFileSchema, type GlossaryEntry } from './glossary-schema';
import { loadLesson, type LessonSource } from './lesson-loader';
import { loadQuestionFile, type QuestionFileSource } from './question-loader';
import { misconceptionsFileSchema, type Misconception } from './question-schema';
import { topicsFileSchema, type Topic } from './topic-schema';
import { loadYaml, parseYamlSource, type YamlSource } from './yaml-source';

export interface LoadOptions<S extends ScenarioSummary> {
	/** Parses a scenario file (the simulator's schema); throws ContentError when invalid. */
	parseScenario?: (text: string, file: string) => S;
}

export interface LoadResult<S extends ScenarioSummary> {
	bundle: ContentBundle<S>;
	issues: ContentIssue[];
	/** The parsed files with their YAML positions, for checks that run after loading. */
	sources: { questionFiles: QuestionFileSource[]; scenarios: Located<S>[] };
}

/** Runs fn, turning a ContentError into collected issues so every file gets checked. */
function collect<T>(issues: ContentIssue[], fn: () => T): T | undefined {
	try {
		return fn();
	} catch (e) {
		if (e instanceof ContentError) {
			issues.push(...e.issues);
			return undefined;
		}
		throw e;
	}
}

const byName = (a: string, b: string) => a.localeCompare(b);

/**
 * The `id:` of a scenario file that failed validation. When its YAML does not parse (an
 * indentation slip), the top-level `id:` line is still read, so that the files naming the
 * scenario are not reported for a problem that is this file's.
 */
function rawScenarioId(text: string): string | undefined {
	try {
		const id = (parseYamlSource(text, '').data as { id?: unknown } | null)?.id;
		return typeof id === 'string' ? id : undefined;
	} catch {
		return /^id:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(#.*)?$/m.exec(text)?.[1];
	}
}

/** The question ids a question file declares (`- id: …` lines), for a file whose YAML does not parse. */
function rawQuestionIds(text: string): string[] {
	return [...text.matchAll(/^[ \t]*-[ \t]+id:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(#.*)?$/gm)].map(
		(m) => m[1]
	);
}

/**
 * Validates and renders everything under content/. Takes a plain record of path → text (the
 * build passes import.meta.glob results, the CLI reads the disk), reports every issue at once.
 */
export function loadContent<S extends ScenarioSummary>(
	files: Record<string, string>,
	options: LoadOptions<S> = {}
): LoadResult<S> {
	const issues: ContentIssue[] = [];
	const paths = Object.keys(files).sort(byName);
	const find = (re: RegExp) => paths.filter((p) => re.test(p));

	const topicsFile = find(/(^|\/)topics\.yaml$/)[0];
	const topics: Topic[] = topicsFile
		? (collect(issues, () => loadYaml(topicsFileSchema, files[topicsFile], topicsFile).topics) ??
			[])
		: [];
	if (!topicsFile)
		issues.push({
			file: 'content/topics.yaml',
			line: 1,
			column: 1,
			path: '',
			message: 'missing topics file'
		});

	const glossaryFile = find(/(^|\/)glossary\.yaml$/)[0];
	let glossaryYaml: YamlSource | undefined;
	const glossary: GlossaryEntry[] = glossaryFile
		? (collect(issues, () => {
				glossaryYaml = parseYamlSource(files[glossaryFile], glossaryFile);
				return loadYaml(glossaryFileSchema, files[glossaryFile], glossaryFile).terms;
			}) ?? [])
		: [];

	const misconceptionsFile = find(/(^|\/)misconceptions\.yaml$/)[0];
	const misconceptions: Misconception[] = misconceptionsFile
		? (collect(
				issues,
				() =>
					loadYaml(misconceptionsFileSchema, files[misconceptionsFile], misconceptionsFile)
						.misconceptions
			) ?? [])
		: [];

	const newLinker = createGlossaryLinker(glossary);
	const invalid = {
		lessons: new Set<string>(),
		scenarios: new Set<string>(),
		questions: new Set<string>()
	};
	const lessonSources = find(/(^|\/)lessons\/[^/]+\.md$/)
		.map((file) => {
			const lesson = collect(issues, () => loadLesson(file, files[file], newLinker()));
			const slug = /(?:^|\/)\d+-([a-z0-9-]+)\.md$/.exec(file)?.[1];
			if (!lesson && slug) invalid.lessons.add(slug);
			return lesson;
		})
		.filter((l): l is LessonSource => l !== undefined)
		.sort((a, b) => a.lesson.order - b.lesson.order);

	const questionFiles: QuestionFileSource[] = [];
	for (const file of find(/(^|\/)questions\/[^/]+\.ya?ml$/)) {
		const source = collect(issues, () => loadQuestionFile(file, files[file]));
		if (!source) {
			for (const id of rawQuestionIds(files[file])) invalid.questions.add(id);
			continue;
		}
		issues.push(...source.issues);
		questionFiles.push(source);
		const raw = (source.yaml.data as { questions?: unknown } | null)?.questions;
		if (!Array.isArray(raw)) continue;
		const valid = new Set(source.indexes);
		raw.forEach((q: unknown, i) => {
			const id = (q as { id?: unknown } | null)?.id;
			if (typeof id === 'string' && !valid.has(i)) invalid.questions.add(id);
		});
	}

	const scenarioFiles: Record<string, string> = {};
	const scenarios: Located<S>[] = [];
	if (options.parseScenario) {
		for (const file of find(/(^|\/)scenarios\/[^/]+\.(ya?ml|json)$/)) {
			const s = collect(issues, () => options.parseScenario!(files[file], file));
			if (!s) {
				const id = rawScenarioId(files[file]);
				if (id) invalid.scenarios.add(id);
				continue;
			}
			scenarios.push({ value: s, file, yaml: parseYamlSource(files[file], file) });
			scenarioFiles[s.id] = files[file];
		}
	}

	issues.push(
		...checkReferences({
			topics,
			lessons: lessonSources,
			glossary:
				glossaryFile && glossaryYaml
					? { file: glossaryFile, yaml: glossaryYaml, entries: glossary }
					: undefined,
			questionFiles,
			misconceptions,
			scenarios: options.parseScenario ? scenarios : undefined,
			invalid
		})
	);

	return {
		issues,
		sources: { questionFiles, scenarios },
		bundle: {
			topics,
			lessons: lessonSources.map((l) => l.lesson),
			glossary,
			questions: questionFiles.flatMap((f) => f.rendered),
			misconceptions,
			scenarios: scenarios.map((s) => s.value),
			scenarioFiles
		}
	};
}
