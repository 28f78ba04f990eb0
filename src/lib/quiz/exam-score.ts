import type { QuizItemSource } from './quiz-item';
import { DEFAULT_PASS_MARK, percentOf, scoreQuestion } from './score';

/** Review data for one exam question; the UI looks up text, explanation and sources by id. */
export interface QuestionReview {
	index: number;
	questionId: string;
	topic: string;
	/** Authored indices the learner selected (sorted). */
	chosen: number[];
	/** Authored indices of the correct options. */
	correctOptions: number[];
	answered: boolean;
	correct: boolean;
	/** Partial-credit figure in [0, 1], for feedback only. */
	partial: number;
	flagged: boolean;
	/** Explanation pointers. */
	lessons?: string[];
	scenario?: string;
}

/** Per-topic line of an exam result. */
export interface TopicBreakdown {
	topic: string;
	total: number;
	answered: number;
	correct: number;
	percent: number;
}

/** An exam's score: all-or-nothing per question, unanswered counts as wrong. */
export interface ExamScore {
	total: number;
	answered: number;
	correct: number;
	/** Integer percent correct (rounded down). */
	percent: number;
	passMark: number;
	passed: boolean;
	/** Sum of partial credit as an integer percent, for feedback only. */
	partialPercent: number;
	/** Topics in order of first appearance in the exam. */
	byTopic: TopicBreakdown[];
	questions: QuestionReview[];
}

/**
 * Scores an exam. `answers[i]` holds the authored indices chosen for `questions[i]`
 * (missing or empty = unanswered = wrong); `flags[i]` marks flagged questions.
 */
export function scoreExam(
	questions: readonly (QuizItemSource & { lessons?: readonly string[] })[],
	answers: readonly (readonly number[] | undefined)[],
	options: { passMark?: number; flags?: readonly boolean[] } = {}
): ExamScore {
	const passMark = options.passMark ?? DEFAULT_PASS_MARK;
	const topics = new Map<string, TopicBreakdown>();
	let partialSum = 0;
	const reviews = questions.map((q, index): QuestionReview => {
		const chosen = [...(answers[index] ?? [])].sort((a, b) => a - b);
		const s = scoreQuestion(q, chosen);
		partialSum += s.partial;
		let t = topics.get(q.topic);
		if (!t)
			topics.set(q.topic, (t = { topic: q.topic, total: 0, answered: 0, correct: 0, percent: 0 }));
		t.total++;
		if (s.answered) t.answered++;
		if (s.correct) t.correct++;
		return {
			index,
			questionId: q.id,
			topic: q.topic,
			chosen,
			correctOptions: s.correctOptions,
			answered: s.answered,
			correct: s.correct,
			partial: s.partial,
			flagged: options.flags?.[index] ?? false,
			...(q.lessons ? { lessons: [...q.lessons] } : {}),
			...(q.scenario ? { scenario: q.scenario } : {})
		};
	});
	const byTopic = [...topics.values()].map((t) => ({
		...t,
		percent: percentOf(t.correct, t.total)
	}));
	const total = questions.length;
	const correct = reviews.filter((r) => r.correct).length;
	const percent = percentOf(correct, total);
	return {
		total,
		answered: reviews.filter((r) => r.answered).length,
		correct,
		percent,
		passMark,
		passed: total > 0 && correct * 100 >= passMark * total,
		partialPercent: percentOf(partialSum, total),
		byTopic,
		questions: reviews
	};
}

/**
 * An exam's topics as its results list them: the weakest first (the lowest share of its
 * questions right, compared exactly, not by rounded percent), then by name (`title`, as shown),
 * so that what to study next heads the table. `byTopic` itself stays in draw order, as stored.
 */
export function topicsWeakestFirst<T extends Pick<TopicBreakdown, 'topic' | 'correct' | 'total'>>(
	byTopic: readonly T[],
	title: (topic: string) => string
): T[] {
	const share = (t: T) => (t.total > 0 ? t.correct / t.total : 1);
	return [...byTopic].sort(
		(a, b) =>
			share(a) - share(b) ||
			title(a.topic).localeCompare(title(b.topic), 'en') ||
			a.topic.localeCompare(b.topic, 'en')
	);
}
