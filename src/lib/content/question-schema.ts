import { z } from 'zod';
import { httpUrl, kebabId, lessonRef, text } from './common-schema';
import { expectSchema } from './scenario-schema';

/** One answer option. Its identity is its index in authored order (stable across shuffles). */
export const optionSchema = z.strictObject({
	/** Markdown (inline). */
	text,
	correct: z.boolean(),
	/** Why this option is right or wrong; shown after the learner answers. */
	why: text,
	misconception: kebabId.optional()
});

/**
 * Answer-key verification: "option N says what step S of the linked scenario does". content:check
 * plays the scenario; a correct option whose claim the simulator contradicts, or a wrong option
 * whose claim it confirms, is an error.
 */
export const answerKeyClaimSchema = z.strictObject({
	/** The option's position in `options`, counting from 0 (as content:check prints `options[0]`). */
	option: z.number().int().min(0).max(7),
	/** The scenario step, counting from 1 (as `npm run sim` and the simulator number them). */
	step: z.number().int().min(1),
	/** What the option claims that step does; the keys of a scenario step's `expect`. */
	expect: expectSchema
});

export const questionSchema = z
	.strictObject({
		id: kebabId,
		/** Overrides the file's default topic. */
		topic: kebabId.optional(),
		type: z.enum(['single', 'multiple']),
		choose: z.number().int().min(2).optional(),
		difficulty: z.literal([1, 2, 3], {
			error: 'difficulty is 1 (recall), 2 (applied) or 3 (multi-step scenario)'
		}),
		stem: text,
		options: z
			.array(optionSchema)
			.min(2, 'a question needs at least 2 options')
			.max(8, 'a question has at most 8 options'),
		explanation: text.optional(),
		lessons: z.array(lessonRef).optional(),
		scenario: kebabId.optional(),
		/** Claims about the linked scenario that prove options right or wrong (see answerKeyClaimSchema). */
		verify: z.array(answerKeyClaimSchema).min(1).optional(),
		sources: z.array(httpUrl).min(1, 'cite at least one source'),
		tags: z.array(z.string().min(1)).optional()
	})
	.superRefine((q, ctx) => {
		const correct = q.options.filter((o) => o.correct).length;
		if (q.type === 'single') {
			if (correct !== 1)
				ctx.addIssue({
					code: 'custom',
					path: ['options'],
					message: `a single-answer question needs exactly one correct option (found ${correct})`
				});
			if (q.choose !== undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['choose'],
					message: '`choose` is only for type: multiple'
				});
		} else {
			if (q.choose === undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['choose'],
					message: 'a multiple-answer question needs `choose`'
				});
			else if (q.choose !== correct)
				ctx.addIssue({
					code: 'custom',
					path: ['choose'],
					message: `choose is ${q.choose} but ${correct} options are marked correct`
				});
			if (correct >= q.options.length)
				ctx.addIssue({
					code: 'custom',
					path: ['options'],
					message: 'at least one option must be wrong'
				});
		}
		if (q.verify && !q.scenario)
			ctx.addIssue({
				code: 'custom',
				path: ['verify'],
				message: '`verify` needs `scenario`: the scenario whose steps prove the options'
			});
		q.verify?.forEach((claim, i) => {
			if (claim.option >= q.options.length)
				ctx.addIssue({
					code: 'custom',
					path: ['verify', i, 'option'],
					message: `no option ${claim.option}: options count from 0 and this question has ${q.options.length}`
				});
		});
	});

export const questionFileSchema = z.strictObject({
	/** Default topic of the questions in this file. */
	topic: kebabId.optional(),
	questions: z.array(questionSchema).min(1)
});

export const misconceptionSchema = z.strictObject({
	id: kebabId,
	title: text,
	/** Markdown: what is actually true. */
	correction: text,
	sources: z.array(httpUrl).optional()
});

export const misconceptionsFileSchema = z.strictObject({
	misconceptions: z.array(misconceptionSchema).min(1)
});

export type QuestionInput = z.output<typeof questionSchema>;
/** A question with its topic resolved (file default or its own). */
export type Question = Omit<QuestionInput, 'topic'> & { topic: string };
export type Misconception = z.output<typeof misconceptionSchema>;
export type AnswerKeyClaim = z.output<typeof answerKeyClaimSchema>;
