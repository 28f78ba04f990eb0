import { z } from 'zod';
import { httpUrl, kebabId, text } from './common-schema';

/** YAML front matter of `content/lessons/NN-slug.md`. */
export const lessonFrontMatterSchema = z.strictObject({
	title: text,
	/** One or two sentences shown in the lesson index and search results. */
	summary: text,
	objectives: z.array(text).min(1, 'a lesson needs at least one learning objective'),
	keyPoints: z.array(text).min(1, 'a lesson needs at least one key point'),
	/** Topic ids from content/topics.yaml that the lesson teaches. */
	topics: z.array(kebabId).min(1),
	/** AWS documentation the lesson's facts come from. */
	sources: z
		.array(z.strictObject({ title: text, url: httpUrl }))
		.min(1, 'cite at least one source'),
	/** Simulator scenarios that show the lesson in action. */
	scenarios: z.array(kebabId).optional()
});

export type LessonFrontMatter = z.output<typeof lessonFrontMatterSchema>;
