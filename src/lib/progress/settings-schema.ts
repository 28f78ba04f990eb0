import { z } from 'zod';
import { epochMs, schemaVersionField } from './schema-primitives';

/** What the browser said when asked to keep our storage (see `storage-persistence.ts`). */
export const persistenceState = z.enum(['granted', 'denied', 'unsupported']);
/** See {@link persistenceState}. */
export type PersistenceState = z.infer<typeof persistenceState>;

/** "Continue where you left off": the last place worth returning to. */
export const lastLocation = z.strictObject({
	/** App-relative route, e.g. `/lessons/assume-role#chaining`. */
	route: z.string().startsWith('/', 'must be an app route starting with /').max(500),
	title: z.string().max(200).optional(),
	at: epochMs
});
/** See {@link lastLocation}. */
export type LastLocation = z.infer<typeof lastLocation>;

/**
 * The value schema of every known setting. Unknown keys are refused: a setting nobody reads
 * is either a typo or a tampered file.
 */
export const settingValueSchemas = {
	/** Planned exam date (epoch ms), or null when the learner has none. */
	examDate: epochMs.nullable(),
	theme: z.enum(['system', 'light', 'dark']),
	lastBackupAt: epochMs,
	persistence: persistenceState,
	lastLocation
} as const;

/** Name of a setting. */
export type SettingKey = keyof typeof settingValueSchemas;
/** Value type of setting `K`. */
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingValueSchemas)[K]>;

const row = <K extends SettingKey>(key: K) =>
	z.strictObject({
		key: z.literal(key),
		schemaVersion: schemaVersionField,
		value: settingValueSchemas[key],
		/** When the value was last set; the newer row wins when two backups are merged. */
		updatedAt: epochMs
	});

/** One stored setting (a key/value row). */
export const settingRecord = z.discriminatedUnion('key', [
	row('examDate'),
	row('theme'),
	row('lastBackupAt'),
	row('persistence'),
	row('lastLocation')
]);
/** A stored setting. */
export type SettingRecord = z.infer<typeof settingRecord>;

/** A setting row's value when it is the setting asked for (as `readSetting` reads it). */
export function settingValue<K extends SettingKey>(
	row: SettingRecord | undefined,
	key: K
): SettingValue<K> | undefined {
	return row?.key === key ? (row.value as SettingValue<K>) : undefined;
}
