import { attemptMode, attemptRecord, fsrsGrade, MAX_ANSWER_MS } from './record-schemas';
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
 * A quick yes for a stored attempt that `attemptRecord` accepts, at a few per cent of zod's
 * cost: exporting 100,000 attempts spent most of its validation time in zod (more without
 * `new Function`, which the app's CSP forbids). It answers false whenever it is unsure, and the
 * caller then asks zod, which also names the bad field; so only "true" must never be wrong,
 * and a test checks exactly that against zod on valid and mutated records.
 */
export function isValidAttemptFast(value: unknown): boolean {
	if (
		typeof value !== 'object' ||
		value === null ||
		Object.getPrototypeOf(value) !== Object.prototype
	)
		return false;
	const a = value as Record<string, unknown>;
	for (const k of Object.keys(a)) if (!KEYS.has(k)) return false;
	for (const k of REQUIRED) if (a[k] === undefined) return false;
	for (const k of OPTIONAL) if (k in a && !isId(a[k])) return false;
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
