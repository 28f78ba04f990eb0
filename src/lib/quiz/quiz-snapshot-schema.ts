import { z } from 'zod';
import { longestExamMs } from './exam-time';
import { isPermutation } from './shuffle-options';

/** Zod checks for persisted quiz snapshots: a snapshot that fails them is discarded. */

const authoredIndices = z.array(z.number().int().min(0));

export const quizItemSchema = z.object({
	id: z.string().min(1),
	topic: z.string(),
	type: z.enum(['single', 'multiple']),
	choose: z.number().int().min(1).optional(),
	difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
	options: z.array(z.object({ correct: z.boolean() })).min(1),
	lessons: z.array(z.string()).optional(),
	scenario: z.string().optional(),
	packId: z.string().optional()
});

type Item = z.output<typeof quizItemSchema>;

/** Every per-question array lines up with `questions` and refers to existing options. */
function checkPerQuestion(
	ctx: z.RefinementCtx,
	questions: Item[],
	orders: number[][],
	selections: { name: string; values: number[][] }[]
) {
	const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
	if (orders.length !== questions.length) fail('orders do not match questions');
	questions.forEach((q, i) => {
		if (orders[i] && !isPermutation(orders[i], q.options.length))
			fail(`orders[${i}] is not a permutation`);
	});
	for (const { name, values } of selections) {
		if (values.length !== questions.length) fail(`${name} do not match questions`);
		values.forEach((chosen, i) => {
			if (questions[i] && chosen.some((o) => o >= questions[i].options.length))
				fail(`${name}[${i}] out of range`);
		});
	}
}

const children = z.record(z.string(), z.looseObject({ src: z.string() }));

export const examContextSchema = z
	.looseObject({
		examId: z.string(),
		packId: z.string().optional(),
		seed: z.string(),
		questions: z.array(quizItemSchema),
		orders: z.array(authoredIndices),
		answers: z.array(authoredIndices),
		flags: z.array(z.boolean()),
		current: z.number().int().min(0),
		passMark: z.number().min(0).max(100),
		startedAt: z.number(),
		deadline: z.number(),
		remainingMs: z.number(),
		timeSpentMs: z.array(z.number().min(0)),
		viewStartedAt: z.number(),
		result: z
			.looseObject({
				total: z.number(),
				percent: z.number(),
				passed: z.boolean(),
				questions: z.array(z.unknown())
			})
			.optional()
	})
	.superRefine((c, ctx) => {
		checkPerQuestion(ctx, c.questions, c.orders, [{ name: 'answers', values: c.answers }]);
		const n = c.questions.length;
		if (c.flags.length !== n || c.timeSpentMs.length !== n)
			ctx.addIssue({ code: 'custom', message: 'flags/timeSpentMs do not match questions' });
		if (n > 0 && c.current >= n) ctx.addIssue({ code: 'custom', message: 'current out of range' });
		if (c.deadline < c.startedAt)
			ctx.addIssue({ code: 'custom', message: 'deadline before start' });
		// Longer than any exam the setup form can ask for: not a clock to restore.
		if (c.deadline - c.startedAt > longestExamMs(n))
			ctx.addIssue({ code: 'custom', message: 'deadline beyond the longest exam' });
	});

export const examSnapshotSchema = z.union([
	z.looseObject({
		status: z.literal('active'),
		value: z.object({ running: z.enum(['question', 'review']) }),
		context: examContextSchema,
		children
	}),
	z.looseObject({
		status: z.literal('done'),
		value: z.literal('submitted'),
		context: examContextSchema.refine((c) => c.result !== undefined, 'no result'),
		children
	})
]);

const outcomeSchema = z.looseObject({
	questionId: z.string(),
	chosen: authoredIndices,
	correct: z.boolean(),
	skipped: z.boolean(),
	timeMs: z.number(),
	at: z.number()
});

export const practiceContextSchema = z
	.looseObject({
		mode: z.enum(['practice', 'review', 'due']),
		packId: z.string().optional(),
		seed: z.string(),
		questions: z.array(quizItemSchema),
		orders: z.array(authoredIndices),
		index: z.number().int().min(0),
		selected: authoredIndices,
		shownAt: z.number(),
		outcomes: z.array(outcomeSchema)
	})
	.superRefine((c, ctx) => {
		checkPerQuestion(ctx, c.questions, c.orders, []);
		const q = c.questions[c.index];
		if (c.questions.length > 0 && !q)
			ctx.addIssue({ code: 'custom', message: 'index out of range' });
		if (q && c.selected.some((o) => o >= q.options.length))
			ctx.addIssue({ code: 'custom', message: 'selected out of range' });
	});

export const practiceSnapshotSchema = z.union([
	z.looseObject({
		status: z.literal('active'),
		value: z.enum(['presenting', 'answered']),
		context: practiceContextSchema,
		children
	}),
	z.looseObject({
		status: z.literal('done'),
		value: z.literal('finished'),
		context: practiceContextSchema,
		children
	})
]);
