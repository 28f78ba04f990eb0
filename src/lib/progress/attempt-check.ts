import {
	attemptMode,
	attemptRecord,
	fsrsGrade,
	MAX_ANSWER_MS,
	type AttemptRecord
} from './record-schemas';
import {
	MAX_EPOCH_MS,
	MIN_EPOCH_MS,
	questionDifficulty,
	RECORD_ID_MAX,
	RECORD_ID_PATTERN,
	SCHEMA_VERSION,
	TOPIC_SLUG_MAX,
	TOPIC_SLUG_PATTERN
} from './schema-primitives';

// Keys come from the zod schema itself, so a field added there cannot be missed here.
const SHAPE = attemptRecord.shape;
const KEYS = new Set(Object.keys(SHAPE));
const OPTIONAL = new Set(
	Object.keys(SHAPE).filter((k) => SHAPE[k as keyof typeof SHAPE].safeParse(undefined).success)
);
const REQUIRED = [...KEYS].filter((k) => !OPTIONAL.has(k));
const MODES = new Set<unknown>(attemptMode.options);
const DIFFICULTIES = questionDifficulty.values as ReadonlySet<unknown>;
const GRADES = fsrsGrade.values as ReadonlySet<unknown>;

const isId = (v: unknown) =>
	typeof v === 'string' && v.length > 0 && v.length <= RECORD_ID_MAX && RECORD_ID_PATTERN.test(v);
const isTopic = (v: unknown) =>
	typeof v === 'string' && v.length <= TOPIC_SLUG_MAX && TOPIC_SLUG_PATTERN.test(v);

/**
 * Strings already found valid, per check: 100,000 attempts name only a few thousand
 * questions and a few dozen topics, so each is matched against its pattern once rather than
 * once per attempt. Only "valid" is remembered, and the sets are bounded.
 */
const MEMO_LIMIT = 10_000;
const knownQuestionIds = new Set<string>();
const knownTopics = new Set<string>();
function remembered(known: Set<string>, v: unknown, valid: (v: unknown) => boolean): boolean {
	if (known.has(v as string)) return true;
	if (!valid(v)) return false;
	if (known.size >= MEMO_LIMIT) known.clear();
	known.add(v as string);
	return true;
}
const isInt = (v: unknown, min: number, max: number) =>
	Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

/**
 * Key lists (in `Object.keys` order) already found to name every required field and nothing
 * else. An app's attempts come in a handful of such shapes (with or without `packId` /
 * `examId`), so each record's keys are compared in order with these instead of being looked
 * up one by one. Measured in Node on 100,000 fresh (structured-cloned) attempts, best
 * of 7 cold runs: 162 ms before, 95 ms with this.
 */
const KNOWN_SHAPES: string[][] = [];
const MAX_SHAPES = 16;

function hasAttemptShape(a: object): boolean {
	// for…in over a plain object (its prototype checked by the caller) yields its own keys in
	// Object.keys order, without allocating the array Object.keys would.
	known: for (const shape of KNOWN_SHAPES) {
		let i = 0;
		for (const k in a) if (k !== shape[i++]) continue known;
		if (i === shape.length) return true;
	}
	const keys = Object.keys(a);
	for (const k of keys) if (!KEYS.has(k)) return false;
	for (const k of REQUIRED) if (!keys.includes(k)) return false;
	if (KNOWN_SHAPES.length < MAX_SHAPES) KNOWN_SHAPES.push(keys);
	return true;
}

/**
 * The fields {@link isValidAttemptFast} checks the value of, one by one: the line below fails
 * to compile when `attemptRecord` gains a field missing from this list, as a reminder that a
 * new field needs its own check in the function (a key list alone only proves presence).
 */
type CheckedField =
	| 'id'
	| 'schemaVersion'
	| 'questionId'
	| 'topic'
	| 'chosen'
	| 'correct'
	| 'timeMs'
	| 'mode'
	| 'at'
	| 'difficulty'
	| 'rating'
	| 'packId'
	| 'examId';
const everyFieldChecked: [Exclude<keyof AttemptRecord, CheckedField>] extends [never]
	? true
	: Exclude<keyof AttemptRecord, CheckedField> = true;
void everyFieldChecked;

/**
 * A quick yes for a stored attempt that `attemptRecord` accepts, at a few per cent of zod's
 * cost: exporting 100,000 attempts spent most of its validation time in zod (more without
 * `new Function`, which the app's CSP forbids). It answers false whenever it is unsure, and the
 * caller then asks zod, which also names the bad field; so only "true" must never be wrong,
 * and a test checks exactly that against zod on valid and mutated records.
 *
 * Every value check below also refuses `undefined`, so a key present with no value fails as
 * it does in zod; the key list itself is checked by {@link hasAttemptShape}.
 */
export function isValidAttemptFast(value: unknown): boolean {
	if (
		typeof value !== 'object' ||
		value === null ||
		Object.getPrototypeOf(value) !== Object.prototype
	)
		return false;
	const a = value as Partial<Record<keyof AttemptRecord, unknown>>;
	if (!hasAttemptShape(a)) return false;
	for (const k of OPTIONAL) if (k in a && !isId(a[k as keyof AttemptRecord])) return false;
	const chosen = a.chosen;
	if (!Array.isArray(chosen) || chosen.length > 8) return false;
	// Indexed, not every(): a sparse array's holes must fail here as they fail in zod.
	for (let i = 0; i < chosen.length; i++) if (!isInt(chosen[i], 0, 7)) return false;
	return (
		isId(a.id) &&
		remembered(knownQuestionIds, a.questionId, isId) &&
		a.schemaVersion === SCHEMA_VERSION &&
		remembered(knownTopics, a.topic, isTopic) &&
		typeof a.correct === 'boolean' &&
		isInt(a.timeMs, 0, MAX_ANSWER_MS) &&
		MODES.has(a.mode) &&
		isInt(a.at, MIN_EPOCH_MS, MAX_EPOCH_MS) &&
		DIFFICULTIES.has(a.difficulty) &&
		GRADES.has(a.rating)
	);
}
