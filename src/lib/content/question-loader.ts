import { z } from 'zod';
import { formatPath, type ContentIssue } from './content-issue';
import { renderMarkdown } from './markdown';
import { questionFileSchema, questionSchema, type Question } from './question-schema';
import { issuesFromZod, parseYamlSource, type YamlSource } from './yaml-source';

/** An option as the quiz shows it: safe HTML for its text and its explanation. */
export interface QuizOption {
	html: string;
	whyHtml: string;
	correct: boolean;
	misconception?: string;
}

/** A question as the quiz shows it (Markdown rendered to safe HTML at build or import time). */
export interface QuizQuestion {
	id: string;
	topic: string;
	type: 'single' | 'multiple';
	choose?: number;
	difficulty: 1 | 2 | 3;
	stemHtml: string;
	options: QuizOption[];
	explanationHtml?: string;
	lessons?: string[];
	scenario?: string;
	sources: string[];
	tags?: string[];
	/** Set for questions that come from an imported pack. */
	packId?: string;
}

export interface QuestionFileSource {
	file: string;
	yaml: YamlSource;
	/** The questions that passed the schema (the others are reported in `issues`). */
	questions: Question[];
	/** Index of each valid question in the file's `questions` list, to locate later issues. */
	indexes: number[];
	/** The valid questions rendered for the quiz (same order as `questions`). */
	rendered: QuizQuestion[];
	/** Schema, topic and Markdown problems of this file. */
	issues: ContentIssue[];
}

/** The file's own fields; each question is then validated alone so one bad question hides no other. */
const questionFileShape = questionFileSchema.extend({ questions: z.array(z.unknown()).min(1) });

/**
 * Parses and validates one question file. Throws a ContentError only for YAML syntax errors; every
 * other problem (schema, topic, Markdown) is returned in `issues`, next to the questions that are valid.
 */
export function loadQuestionFile(file: string, text: string): QuestionFileSource {
	const yaml = parseYamlSource(text, file);
	const issues: ContentIssue[] = [];
	const shape = questionFileShape.safeParse(yaml.data ?? {});
	if (!shape.success) issues.push(...issuesFromZod(shape.error, yaml));
	const data = (yaml.data ?? {}) as { topic?: unknown; questions?: unknown };
	const fileTopic = shape.success
		? shape.data.topic
		: typeof data.topic === 'string'
			? data.topic
			: undefined;
	const raw = Array.isArray(data.questions) ? data.questions : [];
	const questions: Question[] = [];
	const indexes: number[] = [];
	const rendered: QuizQuestion[] = [];
	raw.forEach((item, i) => {
		const parsed = questionSchema.safeParse(item);
		if (!parsed.success) {
			issues.push(...issuesFromZod(parsed.error, yaml, ['questions', i]));
			return;
		}
		const topic = parsed.data.topic ?? fileTopic;
		if (!topic) {
			const at = yaml.locate(['questions', i]);
			issues.push({
				file,
				...at,
				path: `questions[${i}].topic`,
				message: 'no topic: set `topic` on the question or at the top of the file'
			});
		}
		const q = { ...parsed.data, topic: topic ?? '' };
		const { quiz, problems } = renderQuestion(q);
		for (const p of problems) {
			const at = yaml.locate(['questions', i, ...p.path]);
			issues.push({
				file,
				...at,
				path: formatPath(['questions', i, ...p.path]),
				message: p.message
			});
		}
		questions.push(q);
		indexes.push(i);
		rendered.push(quiz);
	});
	return { file, yaml, questions, indexes, rendered, issues };
}

/** A Markdown problem of one question, at a field path below the question (e.g. `options[1].why`). */
export interface QuestionProblem {
	path: (string | number)[];
	message: string;
}

/**
 * Renders a validated question for the quiz, each Markdown field exactly once, and reports the
 * Markdown problems found on the way (raw HTML, unsafe links, remote images).
 */
export function renderQuestion(
	q: Question,
	packId?: string
): { quiz: QuizQuestion; problems: QuestionProblem[] } {
	const problems: QuestionProblem[] = [];
	const render = (md: string, path: (string | number)[], inline: boolean) => {
		const r = renderMarkdown(md, { inline });
		for (const p of r.problems) problems.push({ path, message: p.message });
		return r.html;
	};
	const block = (md: string, path: (string | number)[]) => render(md, path, false);
	const inline = (md: string, path: (string | number)[]) =>
		render(md, path, !md.includes('\n\n') && !/^\s*[-*] /m.test(md));
	const quiz: QuizQuestion = {
		id: q.id,
		topic: q.topic,
		type: q.type,
		...(q.choose !== undefined ? { choose: q.choose } : {}),
		difficulty: q.difficulty,
		stemHtml: block(q.stem, ['stem']),
		options: q.options.map((o, j) => ({
			html: inline(o.text, ['options', j, 'text']),
			whyHtml: inline(o.why, ['options', j, 'why']),
			correct: o.correct,
			...(o.misconception ? { misconception: o.misconception } : {})
		})),
		...(q.explanation ? { explanationHtml: block(q.explanation, ['explanation']) } : {}),
		...(q.lessons ? { lessons: q.lessons } : {}),
		...(q.scenario ? { scenario: q.scenario } : {}),
		sources: q.sources,
		...(q.tags ? { tags: q.tags } : {}),
		...(packId ? { packId } : {})
	};
	return { quiz, problems };
}

/** Renders a validated question for the quiz. */
export function toQuizQuestion(q: Question, packId?: string): QuizQuestion {
	return renderQuestion(q, packId).quiz;
}
