import type { z } from 'zod';

/** One thing wrong with an input or a backup file, located by field path. */
export interface ProgressProblem {
	/** Field path such as `data.attempts[3].timeMs`; empty for the input as a whole. */
	path: string;
	message: string;
}

/** `path: message`, or just the message for a whole-input problem. */
export function formatProblem(p: ProgressProblem): string {
	return p.path ? `${p.path}: ${p.message}` : p.message;
}

/** Renders a zod path (`['data', 'attempts', 3, 'timeMs']`) as `data.attempts[3].timeMs`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out;
}

/** The problems in a zod error, with `prefix` put before every path. */
export function problemsOf(
	error: z.ZodError,
	prefix: ReadonlyArray<PropertyKey> = []
): ProgressProblem[] {
	return error.issues.map((issue) => ({
		path: formatPath([...prefix, ...issue.path]),
		message: issue.message
	}));
}

/**
 * A caller broke an input contract (e.g. recordAnswer with a negative time). This is a bug
 * in the calling code, not a storage condition, so it is the one thing the store rejects with.
 */
export class ProgressInputError extends Error {
	readonly problems: ProgressProblem[];
	constructor(what: string, problems: ProgressProblem[]) {
		super(`Invalid ${what}: ${problems.map(formatProblem).join('; ')}`);
		this.name = 'ProgressInputError';
		this.problems = problems;
	}
}

/** Parses `value` with `schema` or throws a {@link ProgressInputError} naming every bad field. */
export function parseInput<S extends z.ZodType>(
	schema: S,
	value: unknown,
	what: string
): z.output<S> {
	const result = schema.safeParse(value);
	if (!result.success) throw new ProgressInputError(what, problemsOf(result.error));
	return result.data;
}

/**
 * Stored progress failed its own schema (found when exporting: a backup we could not read
 * back is refused while the data is still intact). A defect or outside tampering with the
 * database, never a learner's mistake; the problems name the records.
 */
export class ProgressDataError extends Error {
	readonly problems: ProgressProblem[];
	constructor(what: string, problems: ProgressProblem[]) {
		super(`${what}: ${problems.slice(0, 5).map(formatProblem).join('; ')}`);
		this.name = 'ProgressDataError';
		this.problems = problems;
	}
}
