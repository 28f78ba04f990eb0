import { z } from 'zod';

/** kebab-case identifier shared by questions, scenarios, lessons and glossary entries. */
export const kebabId = z
	.string()
	.regex(
		/^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		'must be kebab-case (lowercase letters, digits and single dashes)'
	);

/** An http(s) URL: sources must be links a learner can open. */
export const httpUrl = z
	.string()
	.regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL such as https://docs.aws.amazon.com/...');

/** A reference to a lesson: `slug` or `slug#heading-anchor`. */
export const lessonRef = z
	.string()
	.regex(
		/^[a-z0-9]+(?:-[a-z0-9]+)*(?:#[a-z0-9-]+)?$/,
		'must be a lesson slug, optionally with #anchor'
	);

/** Non-empty text after trimming. */
export const text = z.string().trim().min(1, 'must not be empty');
