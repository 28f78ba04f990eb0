import type { GlossaryEntry } from './glossary-schema';
import type { Lesson } from './lesson-loader';
import type { Misconception } from './question-schema';
import type { QuizQuestion } from './question-loader';
import type { Topic } from './topic-schema';

/** The fields of a scenario the content pipeline reads; the simulator owns the full type. */
export interface ScenarioSummary {
	id: string;
	title: string;
	topic: string;
	summary?: string;
	lessons?: string[];
	questions?: string[];
}

/** All validated content, as the app and the checker use it. */
export interface ContentBundle<S extends ScenarioSummary = ScenarioSummary> {
	topics: Topic[];
	lessons: Lesson[];
	glossary: GlossaryEntry[];
	questions: QuizQuestion[];
	misconceptions: Misconception[];
	scenarios: S[];
	/** Scenario source text by id, to replay in the browser. */
	scenarioFiles: Record<string, string>;
}
