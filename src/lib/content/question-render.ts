/**
 * A question as the quiz shows it, rendered from its validated source. Used at build time, by the
 * CLI and in the browser (pack questions), so it imports no YAML parser (question-loader.ts reads
 * question files).
 */
import { renderMarkdown } from './markdown';
import type { Question } from './question-schema';

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
	/** How each of `lessons` reads as a link ("Lesson › Section"), added at build time. */
	lessonTitles?: string[];
	scenario?: string;
	sources: string[];
	/** A readable title per source (same order), added at build time; pack questions have none. */
	sourceTitles?: string[];
	tags?: string[];
	/** Set for questions that come from an imported pack. */
	packId?: string;
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
