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

/** Problems of one kind, as a learner reads them: a record's problems together, repeats folded. */
export interface ProblemGroup {
	/** What it is about: a record (`data.attempts[3]`), a field, or empty for the file as a whole. */
	path: string;
	/** What is wrong, e.g. `3 problems: id: must not be empty; at: date is before 2020-01-01; …`. */
	message: string;
	/** How many problems the group stands for. */
	count: number;
}

/** Problems a group spells out before "and N more". */
const SHOWN_PER_GROUP = 3;
/** Records a folded group names before "…". */
const SHOWN_RECORDS = 3;

/** `data.attempts[3].chosen[0]` → record `data.attempts[3]`, field `chosen[0]`. */
const RECORD_PATH = /^(data\.[A-Za-z]+\[\d+\])(?:\.(.+)|(\[.+))?$/;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** A message as one item of a list joined with "; " (no full stop of its own). */
const item = (field: string, message: string) =>
	`${field ? `${field}: ` : ''}${message.replace(/\.$/, '')}`;

/**
 * Groups problems so that a learner can read them: every problem of one record becomes one
 * group naming the record (`data.attempts[3]`: "12 problems: id: …; at: …; mode: …; and 9
 * more"), and records of one table with exactly the same problems fold into the first ("must not
 * be negative (the same in 47 more records: data.attempts[1], data.attempts[2], …)"). Problems
 * outside records stay as they are. Groups come in the order of their first problem.
 */
export function groupProblems(problems: readonly ProgressProblem[]): ProblemGroup[] {
	type Entry =
		| { kind: 'single'; problem: ProgressProblem }
		| {
				kind: 'record';
				table: string;
				records: string[];
				items: { fields: string[]; message: string }[];
				/** Problems in the record (an item may stand for several fields). */
				count: number;
		  };
	const entries: Entry[] = [];
	const byRecord = new Map<string, Extract<Entry, { kind: 'record' }>>();
	for (const p of problems) {
		const m = RECORD_PATH.exec(p.path);
		if (!m) {
			entries.push({ kind: 'single', problem: p });
			continue;
		}
		const record = m[1]!;
		let entry = byRecord.get(record);
		if (!entry) {
			entry = {
				kind: 'record',
				table: record.replace(/\[\d+\]$/, ''),
				records: [record],
				items: [],
				count: 0
			};
			byRecord.set(record, entry);
			entries.push(entry);
		}
		const field = m[2] ?? m[3] ?? '';
		// Fields with the same problem share one item: "id, topic, at: is missing".
		const same = entry.items.find(
			(i) => i.message === p.message && i.fields[0] !== '' && field !== ''
		);
		if (same) same.fields.push(field);
		else entry.items.push({ fields: [field], message: p.message });
		entry.count++;
	}
	// Records of one table with exactly the same problems fold into the first of them.
	const folded: Entry[] = [];
	const bySignature = new Map<string, Extract<Entry, { kind: 'record' }>>();
	for (const e of entries) {
		if (e.kind === 'single') {
			folded.push(e);
			continue;
		}
		const signature = [e.table, ...e.items.map((i) => `${i.fields.join()}\u0000${i.message}`)].join(
			'\u0001'
		);
		const first = bySignature.get(signature);
		if (first) first.records.push(...e.records);
		else {
			bySignature.set(signature, e);
			folded.push(e);
		}
	}
	return folded.map((e): ProblemGroup => {
		if (e.kind === 'single') return { ...e.problem, count: 1 };
		const [record, ...others] = e.records as [string, ...string[]];
		const more = others.length
			? ` (the same in ${plural(others.length, 'more record')}: ${others
					.slice(0, SHOWN_RECORDS)
					.join(', ')}${others.length > SHOWN_RECORDS ? ', …' : ''})`
			: '';
		const count = e.count * e.records.length;
		if (e.count === 1) {
			const field = e.items[0]!.fields[0]!;
			const path = field ? `${record}${field.startsWith('[') ? '' : '.'}${field}` : record;
			return { path, message: `${e.items[0]!.message.replace(/\.$/, '')}${more}`, count };
		}
		const shown = e.items.slice(0, SHOWN_PER_GROUP);
		const listed = shown.map((i) => item(i.fields.join(', '), i.message));
		const rest = e.count - shown.reduce((n, i) => n + i.fields.length, 0);
		if (rest > 0) listed.push(`and ${rest} more`);
		return { path: record, message: `${e.count} problems${more}: ${listed.join('; ')}`, count };
	});
}

/**
 * What a list of problems amounts to, for a headline: "12 problems in 1 record
 * (data.attempts[3])", "96 problems in 48 records", "1 problem".
 */
export function problemSummary(problems: readonly ProgressProblem[]): string {
	const records = new Set<string>();
	let outside = 0;
	for (const p of problems) {
		const m = RECORD_PATH.exec(p.path);
		if (m) records.add(m[1]!);
		else outside++;
	}
	const n = plural(problems.length, 'problem');
	if (records.size === 0 || outside > 0) return n;
	const names = [...records];
	return `${n} in ${plural(names.length, 'record')}${
		names.length <= SHOWN_RECORDS ? ` (${names.join(', ')})` : ''
	}`;
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

/** zod's "Invalid input: expected string, received undefined" says a field is not there. */
function readableMessage(message: string): string {
	return /^Invalid input: expected [\w ]+, received undefined$/.test(message)
		? 'is missing'
		: message;
}

/** The problems in a zod error, with `prefix` put before every path. */
export function problemsOf(
	error: z.ZodError,
	prefix: ReadonlyArray<PropertyKey> = []
): ProgressProblem[] {
	return error.issues.map((issue) => ({
		path: formatPath([...prefix, ...issue.path]),
		message: readableMessage(issue.message)
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
