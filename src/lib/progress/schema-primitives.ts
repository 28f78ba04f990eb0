import { z } from 'zod';

/**
 * Version of every stored shape written by this code. Stored records and backups carry it;
 * older ones are migrated forward by `schema-migrations.ts`, newer ones are refused.
 */
export const SCHEMA_VERSION = 2;

/** Earliest timestamp accepted anywhere: the app did not exist before 2020. */
export const MIN_EPOCH_MS = Date.UTC(2020, 0, 1);
/** Latest timestamp accepted by a schema; backups are further checked against `exportedAt`. */
export const MAX_EPOCH_MS = Date.UTC(2100, 0, 1);

/** `schemaVersion` field of a current record. */
export const schemaVersionField = z.literal(SCHEMA_VERSION);

/** Epoch milliseconds within the plausible life of the app. */
export const epochMs = z
	.int()
	.min(MIN_EPOCH_MS, 'date is before 2020-01-01')
	.max(MAX_EPOCH_MS, 'date is after 2100-01-01');

/** Characters of a {@link recordId} (shared with the fast export check in `attempt-check.ts`). */
export const RECORD_ID_PATTERN = /^[\w.:/#@+-]+$/;
/** Longest {@link recordId}. */
export const RECORD_ID_MAX = 200;
/**
 * Ids of questions, packs, attempts and exams: printable, no whitespace, bounded, so a
 * tampered backup cannot smuggle megabyte keys into an index.
 */
export const recordId = z
	.string()
	.min(1, 'must not be empty')
	.max(RECORD_ID_MAX, 'must be at most 200 characters')
	.regex(RECORD_ID_PATTERN, 'may contain only letters, digits and . : / # @ + - _');

/** Shape of a {@link topicSlug}. */
export const TOPIC_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest {@link topicSlug}. */
export const TOPIC_SLUG_MAX = 80;
/** Topic slug as in `content/topics.yaml` (kebab-case). */
export const topicSlug = z
	.string()
	.min(1)
	.max(TOPIC_SLUG_MAX)
	.regex(TOPIC_SLUG_PATTERN, 'must be a kebab-case topic slug');

/** A question's authored difficulty: 1 recall, 2 applied, 3 multi-step scenario. */
export const questionDifficulty = z.literal([1, 2, 3]);
/** See {@link questionDifficulty}. */
export type QuestionDifficulty = z.infer<typeof questionDifficulty>;

/** A fraction in [0, 1]. */
export const fraction = z.number().min(0).max(1);

/** Non-negative integer counter. */
export const count = z.int().min(0);
