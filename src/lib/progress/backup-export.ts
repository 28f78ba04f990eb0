import type { ProgressContext } from './app-db';
import { isValidAttemptFast } from './attempt-check';
import { readAllAttempts, sealAttemptPages } from './attempt-pages';
import { BACKUP_FORMAT, backupEnvelope, type BackupEnvelope } from './backup-envelope';
import { ProgressDataError, problemsOf, type ProgressProblem } from './progress-errors';
import { attemptRecord, type AttemptRecord } from './record-schemas';
import { SCHEMA_VERSION } from './schema-primitives';
import { writeSetting } from './settings-repository';

/** Options of {@link exportAll}. */
export interface ExportOptions {
	/** Written into `app.version`, for support questions. */
	appVersion?: string;
	/** Record `lastBackupAt` = export time afterwards (default true). */
	markBackedUp?: boolean;
	/** Include the aggregates table (default true). Import recomputes it either way. */
	includeAggregates?: boolean;
}

/**
 * Every table as one backup envelope, read in one read-only transaction so the snapshot is
 * consistent even while another tab writes. Validated against the schemas imports use:
 * a backup we could not read back is refused here, while the data is still intact, rather
 * than discovered on the day it is needed. Tables are in primary-key order (answers: the
 * pages' in page order, then the tail's), so two exports of the same database are identical.
 */
export async function exportAll(
	ctx: ProgressContext,
	options: ExportOptions = {}
): Promise<BackupEnvelope> {
	const { db, effects } = ctx;
	const exportedAt = effects.now();
	// A tail of 1,000 answers or more is sealed into pages first (its own short transaction),
	// so the read below is ~100 records for 100,000 answers, however many were recorded
	// since the last export.
	await sealAttemptPages(db);
	const data = await db.transaction('r', db.tables, async () => {
		const [attempts, cards, lessons, exams, settings, packs, aggregates] = await Promise.all([
			readAllAttempts(db),
			db.cards.toArray(),
			db.lessons.toArray(),
			db.exams.toArray(),
			db.settings.toArray(),
			db.packs.toArray(),
			options.includeAggregates === false ? undefined : db.aggregates.toArray()
		]);
		return {
			attempts,
			cards,
			lessons,
			exams,
			settings,
			packs,
			...(aggregates ? { aggregates } : {})
		};
	});
	// The attempts table is nearly the whole file: it is checked record by record with a fast
	// check (zod only for a record the check is unsure about, to name the bad field), and the
	// rest of the envelope with the full schema. Same verdict as parsing everything with zod.
	const { attempts, ...others } = data;
	const problems: ProgressProblem[] = [];
	for (let i = 0; i < attempts.length; i++) {
		if (isValidAttemptFast(attempts[i])) continue;
		const checked = attemptRecord.safeParse(attempts[i]);
		if (!checked.success) problems.push(...problemsOf(checked.error, ['data', 'attempts', i]));
	}
	const result = backupEnvelope.safeParse({
		format: BACKUP_FORMAT,
		schemaVersion: SCHEMA_VERSION,
		exportedAt,
		app: { version: options.appVersion ?? '0.0.0' },
		data: { attempts: [], ...others }
	});
	if (!result.success) problems.push(...problemsOf(result.error));
	if (problems.length > 0 || !result.success)
		throw new ProgressDataError('Stored progress is invalid; export refused', problems);
	const envelope: BackupEnvelope = {
		...result.data,
		data: { ...result.data.data, attempts: attempts as AttemptRecord[] }
	};
	if (options.markBackedUp !== false) await writeSetting(ctx, 'lastBackupAt', exportedAt);
	return envelope;
}

/** The text of a backup file: compact JSON (pretty-printing adds a third for nothing). */
export function serializeBackup(envelope: BackupEnvelope): string {
	return JSON.stringify(envelope);
}
