import type { ContentIssue } from './content-issue';
import { didYouMean } from './did-you-mean';
import type { ScenarioSummary } from './content-bundle';
import type { GlossaryEntry } from './glossary-schema';
import type { LessonSource } from './lesson-loader';
import type { QuestionFileSource } from './question-loader';
import type { Misconception } from './question-schema';
import { topicResolver, type Topic } from './topic-schema';
import type { YamlSource } from './yaml-source';

/** A parsed value with the file it came from, so a reference error can be located. */
export interface Located<T> {
	value: T;
	file: string;
	yaml: YamlSource;
}

export interface ReferenceInput<S extends ScenarioSummary> {
	topics: Topic[];
	lessons: LessonSource[];
	glossary?: { file: string; yaml: YamlSource; entries: GlossaryEntry[] };
	questionFiles: QuestionFileSource[];
	misconceptions: Misconception[];
	/** Undefined when scenarios were not loaded (their references are then not checked). */
	scenarios?: Located<S>[];
	/**
	 * Lesson slugs and scenario ids of files that exist but failed validation (already reported):
	 * references to them are not reported again as missing.
	 */
	invalid?: { lessons: Set<string>; scenarios: Set<string>; questions: Set<string> };
}

/** Checks every reference between content files: topics, lessons and anchors, scenarios, ids. */
export function checkReferences<S extends ScenarioSummary>(
	input: ReferenceInput<S>
): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const topicOf = topicResolver(input.topics);
	const topicNames = input.topics.flatMap((t) => [t.id, ...(t.aliases ?? [])]);
	const unknownTopic = (t: string) =>
		`unknown topic "${t}"${didYouMean(t, topicNames)} (see content/topics.yaml)`;
	const anchors = new Map(
		input.lessons.map((l) => [l.lesson.slug, new Set(l.lesson.headings.map((h) => h.id))])
	);
	const scenarioIds = input.scenarios
		? new Set([...input.scenarios.map((s) => s.value.id), ...(input.invalid?.scenarios ?? [])])
		: undefined;
	const misconceptionIds = new Set(input.misconceptions.map((m) => m.id));
	const questionIds = new Set([
		...input.questionFiles.flatMap((f) => f.questions.map((q) => q.id)),
		...(input.invalid?.questions ?? [])
	]);

	const at = (
		file: string,
		yaml: YamlSource,
		path: (string | number)[],
		pathText: string,
		message: string,
		line = 0
	) => {
		const pos = yaml.locate(path);
		issues.push({ file, line: pos.line + line, column: pos.column, path: pathText, message });
	};

	const lessonRefProblem = (ref: string): string | undefined => {
		const [slug, anchor] = ref.split('#');
		const known = anchors.get(slug);
		if (!known && input.invalid?.lessons.has(slug)) return undefined;
		if (!known) return `no lesson with slug "${slug}"${didYouMean(slug, anchors.keys())}`;
		if (anchor && !known.has(anchor))
			return `lesson "${slug}" has no heading with anchor #${anchor} (it has: ${[...known].join(', ')})`;
		return undefined;
	};

	const glossaryTermIds = new Set(input.glossary?.entries.map((e) => e.id) ?? []);
	const linkProblem = (href: string, self: string): string | undefined => {
		const [path, anchor] = href.split('#');
		if (path === '' && anchor !== undefined) return lessonRefProblem(`${self}#${anchor}`);
		const lesson = /^\/lessons\/([^/]+)$/.exec(path);
		if (lesson) return lessonRefProblem(anchor ? `${lesson[1]}#${anchor}` : lesson[1]);
		if (path === '/glossary')
			return anchor && !glossaryTermIds.has(anchor)
				? `no glossary term with id "${anchor}"${didYouMean(anchor, glossaryTermIds)}`
				: undefined;
		const scenario = /^\/simulator\/([^/]+)$/.exec(path);
		if (scenario)
			return scenarioIds && !scenarioIds.has(scenario[1])
				? `no scenario with id "${scenario[1]}"${didYouMean(scenario[1], scenarioIds)}`
				: undefined;
		if (
			/^\/(lessons|glossary|quiz(\/(practice|exam|review|due))?|simulator|progress|search|author)?$/.test(
				path
			)
		)
			return undefined;
		return `link to ${href}: no such page in the app`;
	};

	for (const { lesson, yaml, yamlLine, links } of input.lessons) {
		for (const link of links) {
			const problem = linkProblem(link.href, lesson.slug);
			if (problem)
				issues.push({
					file: lesson.file,
					line: link.line,
					column: 1,
					path: 'body',
					message: problem
				});
		}
		lesson.topics.forEach((t, i) => {
			if (!topicOf(t))
				at(lesson.file, yaml, ['topics', i], `topics[${i}]`, unknownTopic(t), yamlLine - 1);
		});
		lesson.scenarios?.forEach((s, i) => {
			if (scenarioIds && !scenarioIds.has(s))
				at(
					lesson.file,
					yaml,
					['scenarios', i],
					`scenarios[${i}]`,
					`no scenario with id "${s}"${didYouMean(s, scenarioIds)}`,
					yamlLine - 1
				);
		});
	}

	const glossaryIds = new Set<string>();
	input.glossary?.entries.forEach((e, i) => {
		const g = input.glossary!;
		if (glossaryIds.has(e.id))
			at(g.file, g.yaml, ['terms', i, 'id'], `terms[${i}].id`, `duplicate glossary id "${e.id}"`);
		glossaryIds.add(e.id);
		e.lessons?.forEach((ref, j) => {
			const problem = lessonRefProblem(ref);
			if (problem)
				at(g.file, g.yaml, ['terms', i, 'lessons', j], `terms[${i}].lessons[${j}]`, problem);
		});
	});

	const seenQuestion = new Map<string, string>();
	for (const { file, yaml, questions, indexes } of input.questionFiles) {
		const rawQuestions = (yaml.data as { questions?: unknown } | null)?.questions;
		const ownTopic = (i: number) =>
			Array.isArray(rawQuestions) &&
			(rawQuestions[i] as { topic?: unknown } | null)?.topic !== undefined;
		let fileTopicReported = false;
		questions.forEach((q, k) => {
			const i = indexes[k];
			const p = (rest: string) => `questions[${i}].${rest}`;
			const first = seenQuestion.get(q.id);
			if (first)
				at(
					file,
					yaml,
					['questions', i, 'id'],
					p('id'),
					`duplicate question id "${q.id}" (first in ${first})`
				);
			else seenQuestion.set(q.id, file);
			// A topic inherited from the file's `topic:` is reported once, where it is written.
			if (q.topic && !topicOf(q.topic) && ownTopic(i))
				at(file, yaml, ['questions', i, 'topic'], p('topic'), unknownTopic(q.topic));
			else if (q.topic && !topicOf(q.topic) && !fileTopicReported) {
				fileTopicReported = true;
				at(file, yaml, ['topic'], 'topic', unknownTopic(q.topic));
			}
			q.lessons?.forEach((ref, j) => {
				const problem = lessonRefProblem(ref);
				if (problem) at(file, yaml, ['questions', i, 'lessons', j], p(`lessons[${j}]`), problem);
			});
			if (q.scenario && scenarioIds && !scenarioIds.has(q.scenario))
				at(
					file,
					yaml,
					['questions', i, 'scenario'],
					p('scenario'),
					`no scenario with id "${q.scenario}"${didYouMean(q.scenario, scenarioIds)}`
				);
			q.options.forEach((o, j) => {
				if (o.misconception && !misconceptionIds.has(o.misconception))
					at(
						file,
						yaml,
						['questions', i, 'options', j, 'misconception'],
						p(`options[${j}].misconception`),
						`no misconception with id "${o.misconception}" in content/misconceptions.yaml${didYouMean(o.misconception, misconceptionIds)}`
					);
			});
		});
	}

	const seenScenario = new Map<string, string>();
	for (const { value: s, file, yaml } of input.scenarios ?? []) {
		const first = seenScenario.get(s.id);
		if (first) at(file, yaml, ['id'], 'id', `duplicate scenario id "${s.id}" (first in ${first})`);
		else seenScenario.set(s.id, file);
		if (!topicOf(s.topic)) at(file, yaml, ['topic'], 'topic', unknownTopic(s.topic));
		s.lessons?.forEach((ref, j) => {
			const problem = lessonRefProblem(ref);
			if (problem) at(file, yaml, ['lessons', j], `lessons[${j}]`, problem);
		});
		s.questions?.forEach((id, j) => {
			if (!questionIds.has(id))
				at(
					file,
					yaml,
					['questions', j],
					`questions[${j}]`,
					`no question with id "${id}"${didYouMean(id, questionIds)}`
				);
		});
	}
	return issues;
}
