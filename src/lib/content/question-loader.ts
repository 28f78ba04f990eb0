import { ContentError, type ContentIssue } from './content-issue';
import { renderMarkdown } from './markdown';
import { questionFileSchema, type Question } from './question-schema';
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
	questions: Question[];
}

/** Parses and validates one question file; Markdown problems are reported with the field. */
export function loadQuestionFile(file: string, text: string): QuestionFileSource {
	const yaml = parseYamlSource(text, file);
	const parsed = questionFileSchema.safeParse(yaml.data ?? {});
	if (!parsed.success) throw new ContentError(issuesFromZod(parsed.error, yaml));
	const issues: ContentIssue[] = [];
	const questions = parsed.data.questions.map((q, i) => {
		const topic = q.topic ?? parsed.data.topic;
		if (!topic) {
			const at = yaml.locate(['questions', i]);
			issues.push({ file, ...at, path: `questions[${i}].topic`, message: 'no topic: set `topic` on the question or at the top of the file' });
		}
		return { ...q, topic: topic ?? '' };
	});
	questions.forEach((q, i) => {
		const check = (markdown: string | undefined, path: (string | number)[]) => {
			if (!markdown) return;
			for (const p of renderMarkdown(markdown).problems) {
				const at = yaml.locate(['questions', i, ...path]);
				issues.push({ file, ...at, path: `questions[${i}].${path.join('.').replace(/\.(\d+)/g, '[$1]')}`, message: p.message });
			}
		};
		check(q.stem, ['stem']);
		check(q.explanation, ['explanation']);
		q.options.forEach((o, j) => {
			check(o.text, ['options', j, 'text']);
			check(o.why, ['options', j, 'why']);
		});
	});
	if (issues.length) throw new ContentError(issues);
	return { file, yaml, questions };
}

/** Renders a validated question for the quiz. */
export function toQuizQuestion(q: Question, packId?: string): QuizQuestion {
	const block = (md: string) => renderMarkdown(md).html;
	const inline = (md: string) => renderMarkdown(md, { inline: !md.includes('\n\n') && !/^\s*[-*] /m.test(md) }).html;
	return {
		id: q.id,
		topic: q.topic,
		type: q.type,
		...(q.choose !== undefined ? { choose: q.choose } : {}),
		difficulty: q.difficulty,
		stemHtml: block(q.stem),
		options: q.options.map((o) => ({
			html: inline(o.text),
			whyHtml: inline(o.why),
			correct: o.correct,
			...(o.misconception ? { misconception: o.misconception } : {})
		})),
		...(q.explanation ? { explanationHtml: block(q.explanation) } : {}),
		...(q.lessons ? { lessons: q.lessons } : {}),
		...(q.scenario ? { scenario: q.scenario } : {}),
		sources: q.sources,
		...(q.tags ? { tags: q.tags } : {}),
		...(packId ? { packId } : {})
	};
}
