import { z } from 'zod';
import { formatPath, type ContentIssue } from './content-issue';
import { questionFileSchema, questionSchema, type Question } from './question-schema';
import { renderQuestion, type QuizQuestion } from './question-render';
import { issuesFromZod, parseYamlSource, type YamlSource } from './yaml-source';

export type { QuizOption, QuizQuestion } from './question-render';

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
	if (!shape.success) issues.push(...issuesFromZod(shape.error, yaml, [], questionFileShape));
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
			issues.push(...issuesFromZod(parsed.error, yaml, ['questions', i], questionSchema));
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
