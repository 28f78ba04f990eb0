import { z } from 'zod';
import { aggregateRecord } from './aggregate-schema';
import type { ProgressTable } from './app-db';
import { attemptRecord, cardRecord, examRecord, lessonRecord, packRecord } from './record-schemas';
import { epochMs, SCHEMA_VERSION } from './schema-primitives';
import { settingRecord } from './settings-schema';

/** The `format` tag that marks a file as one of our backups. */
export const BACKUP_FORMAT = 'sts-trainer-backup';

/**
 * Largest backup accepted, checked before anything is parsed. 100,000 attempts export to
 * about 20 MB; 32 MiB leaves room for that and refuses anything that would stall the tab.
 */
export const MAX_BACKUP_BYTES = 32 * 1024 * 1024;

/** A table of a backup: an array of records, with a plain message when it is missing. */
const table = <T extends z.ZodType>(record: T) =>
	z.array(record, {
		error: (issue) =>
			issue.input === undefined ? 'table is missing' : 'must be an array of records'
	});

/** Every table, as arrays. `aggregates` is optional: import always recomputes it. */
export const backupData = z.strictObject(
	{
		attempts: table(attemptRecord),
		cards: table(cardRecord),
		lessons: table(lessonRecord),
		exams: table(examRecord),
		settings: table(settingRecord),
		packs: table(packRecord),
		aggregates: table(aggregateRecord).optional()
	},
	{
		error: (issue) =>
			issue.code === 'unrecognized_keys' ? `unknown table(s): ${issue.keys.join(', ')}` : undefined
	}
);
/** Table contents of a backup. */
export type BackupData = z.infer<typeof backupData>;

/** A complete backup file. */
export const backupEnvelope = z.strictObject({
	format: z.literal(BACKUP_FORMAT),
	schemaVersion: z.literal(SCHEMA_VERSION),
	exportedAt: epochMs,
	app: z.strictObject({ version: z.string().min(1).max(40) }),
	data: backupData
});
/** A validated backup at the current schema version. */
export type BackupEnvelope = z.infer<typeof backupEnvelope>;

/** Primary key field of each table: what "duplicate id" means in a backup. */
export const PRIMARY_KEYS: Readonly<Record<ProgressTable, string>> = {
	attempts: 'id',
	cards: 'questionId',
	lessons: 'slug',
	exams: 'id',
	settings: 'key',
	packs: 'id',
	aggregates: 'key'
};

/** Human size: `50.0 MB`. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The message for a file over {@link MAX_BACKUP_BYTES}. */
export function tooLargeMessage(bytes: number): string {
	return (
		`The file is ${formatBytes(bytes)}; the largest backup STS Trainer accepts is ` +
		`${formatBytes(MAX_BACKUP_BYTES)}. Choose the .json file that "Export progress" saved.`
	);
}

/** `sts-trainer-backup-YYYY-MM-DD.json`, the name offered when saving a backup. */
export function backupFileName(exportedAt: number): string {
	return `${BACKUP_FORMAT}-${new Date(exportedAt).toISOString().slice(0, 10)}.json`;
}
