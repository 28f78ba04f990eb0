/**
 * Turns zod's union failures into the issues an author needs. A union error lists every branch's
 * problems; for a scenario step that means "expected number at advance" next to "expected string at
 * as". We pick the branch the author meant (by the key that identifies it) and report only its issues.
 */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean';
import { keysAt } from './schema-keys';

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let v = data;
	for (const key of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<PropertyKey, unknown>)[key as string];
	}
	return v;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v);

/** Branch order must match stepSchema in scenario-schema.ts: call, advance, revoke, attach. */
const STEP_KEYS: ReadonlyArray<readonly string[]> = [
	['call', 'as'],
	['advance'],
	['revoke'],
	['attach']
];

function isStepPath(path: readonly PropertyKey[]): boolean {
	return path.length === 2 && path[0] === 'steps' && typeof path[1] === 'number';
}

/** The branch the author evidently meant, or a message when no branch fits at all. */
function chooseBranch(
	issue: Extract<Issue, { code: 'invalid_union' }>,
	value: unknown
): number | string {
	if (isStepPath(issue.path)) {
		if (!isRecord(value))
			return 'a step is a mapping: a call (as + call), advance, revoke or attach';
		const found = STEP_KEYS.findIndex((keys) => keys.some((k) => k in value));
		return found >= 0 ? found : 'a step needs one of: call (with as), advance, revoke or attach';
	}
	// Branches that failed on the value's very type (a string where a list was expected) are not candidates.
	const candidates = issue.errors
		.map((branch, index) => ({ branch, index }))
		.filter(({ branch }) => !branch.some((e) => e.path.length === 0 && e.code === 'invalid_type'));
	if (candidates.length === 0) {
		const expected = issue.errors.flatMap((branch) =>
			branch
				.filter((e) => e.path.length === 0 && e.code === 'invalid_type')
				.map((e) => (e as { expected: string }).expected)
		);
		const names = [
			...new Set(
				expected.map((e) => (e === 'array' ? 'a list' : e === 'object' ? 'a mapping' : `a ${e}`))
			)
		];
		return `expected ${names.join(' or ')}`;
	}
	// The branch that got furthest: no unknown keys at its root, then the fewest issues.
	let best = candidates[0].index;
	let bestScore = Infinity;
	for (const { branch, index } of candidates) {
		const unknownAtRoot = branch.filter(
			(e) => e.path.length === 0 && e.code === 'unrecognized_keys'
		).length;
		const score = unknownAtRoot * 1000 + branch.length;
		if (score < bestScore) [best, bestScore] = [index, score];
	}
	return best;
}

/**
 * What an empty value (YAML's null) is called: a field (`why:` with nothing after it), or a list
 * item (a `-` with nothing after it), which is named by its number counting from 1 and its list.
 */
function emptyMessage(path: readonly PropertyKey[]): string {
	const last = path[path.length - 1];
	if (typeof last !== 'number') {
		const name = String(last);
		return `${name} is empty: write its value after \`${name}:\``;
	}
	const parent = path[path.length - 2];
	const list = typeof parent === 'string' ? parent : 'the list';
	return `item ${last + 1} of ${list} is empty (a \`-\` with nothing after it): write the item after the \`-\`, or delete the line`;
}

/**
 * Flattens union errors recursively so every issue names a concrete field and problem. With the
 * schema that was checked, an unknown field names the likely intended one ("did you mean").
 */
export function readableIssues(
	issues: readonly Issue[],
	data: unknown,
	prefix: Path = [],
	schema?: z.ZodType
): Issue[] {
	const out: Issue[] = [];
	for (const raw of issues) {
		const issue = { ...raw, path: [...prefix, ...raw.path] } as Issue;
		if (
			issue.code === 'invalid_type' &&
			valueAt(data, issue.path) === undefined &&
			issue.path.length > 0
		) {
			// zod says "expected string, received undefined"; authors read "required".
			out.push({ ...issue, message: `${String(issue.path[issue.path.length - 1])} is required` });
			continue;
		}
		if (
			issue.code === 'invalid_type' &&
			valueAt(data, issue.path) === null &&
			issue.path.length > 0
		) {
			// `why:` with nothing after it is YAML's null: zod says "expected string, received null".
			out.push({ ...issue, message: emptyMessage(issue.path) });
			continue;
		}
		if (issue.code === 'unrecognized_keys') {
			// Fields are strict (the contract): one located issue per unknown field.
			const known = schema
				? keysAt(schema, issue.path, valueAt(data, issue.path))
				: new Set<string>();
			for (const key of issue.keys)
				out.push({
					...issue,
					keys: [key],
					message: `unknown field "${key}"${didYouMean(key, known)}`
				});
			continue;
		}
		if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
			out.push(issue);
			continue;
		}
		const choice = chooseBranch(issue, valueAt(data, issue.path));
		if (typeof choice === 'string') out.push({ ...issue, errors: [], message: choice } as Issue);
		else out.push(...readableIssues(issue.errors[choice], data, issue.path as Path, schema));
	}
	return out;
}
