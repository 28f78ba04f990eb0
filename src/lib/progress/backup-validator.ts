import { PROGRESS_TABLES } from './app-db';
import {
	BACKUP_FORMAT,
	backupEnvelope,
	MAX_BACKUP_BYTES,
	tooLargeMessage,
	type BackupEnvelope
} from './backup-envelope';
import {
	clockWarnings,
	crossReferences,
	duplicateIds,
	withLateDatesClamped
} from './backup-consistency';
import {
	groupProblems,
	problemsOf,
	problemSummary,
	type ProblemGroup,
	type ProgressProblem
} from './progress-errors';
import {
	migrateRecord,
	MIGRATIONS,
	type MigrationMap,
	type UntypedRecord
} from './schema-migrations';
import { SCHEMA_VERSION } from './schema-primitives';

/** At most this many problems are listed; a file with more is hopeless anyway. */
export const MAX_PROBLEMS = 50;

/** Why a backup was refused: every problem, and the same read as a learner reads it. */
export interface BackupRefusal {
	ok: false;
	/** The first {@link MAX_PROBLEMS} problems, then one saying how many more there are. */
	problems: ProgressProblem[];
	/** How many problems there are in all. */
	total: number;
	/** All of them, grouped by record with repeats folded (see `groupProblems`). */
	groups: ProblemGroup[];
	/** "12 problems in 1 record (data.attempts[3])". */
	summary: string;
}

/** Outcome of {@link validateBackup}. */
export type BackupValidation =
	| { ok: true; envelope: BackupEnvelope; fileSchemaVersion: number; warnings: string[] }
	| BackupRefusal;

/** The refusal for `problems` (at least one). */
export function refusal(problems: ProgressProblem[]): BackupRefusal {
	return {
		ok: false,
		problems: cap(problems),
		total: problems.length,
		groups: groupProblems(problems),
		summary: problemSummary(problems)
	};
}

const fail = (path: string, message: string): BackupValidation => refusal([{ path, message }]);

/**
 * Checks a backup text completely before anything touches the database: size (before
 * parsing), JSON syntax, format tag, version (older files are migrated forward, newer ones
 * refused), every field of every record (zod, with field paths) and duplicate ids. Dates later
 * than the export (plus a day of clock skew), or an export later than now, do not refuse the
 * file: a device whose clock was wrong wrote them, and the learner's history is kept, with a
 * warning that says so.
 */
export function validateBackup(text: string, now: number): BackupValidation {
	// String length is a lower bound of the UTF-8 size, so this never refuses a legal file.
	if (text.length > MAX_BACKUP_BYTES) return fail('', tooLargeMessage(text.length));
	if (text.trim() === '') return fail('', 'The file is empty.');
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		const why = e instanceof Error ? e.message : String(e);
		return fail('', `The file is not valid JSON (is it truncated?): ${why}`);
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		return fail('', 'This is not an STS Trainer backup: expected a JSON object.');
	const obj = raw as UntypedRecord;
	if (obj.format !== BACKUP_FORMAT)
		return fail(
			'format',
			obj.format === undefined
				? `missing: this is not an STS Trainer backup (expected format "${BACKUP_FORMAT}").`
				: `is ${JSON.stringify(obj.format).slice(0, 60)}, expected "${BACKUP_FORMAT}".`
		);
	const version = obj.schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		return fail('schemaVersion', `must be a whole number ≥ 1, found ${JSON.stringify(version)}.`);
	if (version > SCHEMA_VERSION)
		return fail(
			'schemaVersion',
			`is ${version}: this backup was made by a newer STS Trainer, which this version ` +
				`(reads up to ${SCHEMA_VERSION}) cannot read. Update the app, then import again.`
		);
	if (version < SCHEMA_VERSION) {
		// Migration restamps every record, so a record claiming another version than its file
		// is reported here, before it would be hidden.
		const mixed = mismatchedVersions(obj, version);
		if (mixed.length) return refusal(mixed);
	}
	const migrated = version < SCHEMA_VERSION ? migrateEnvelope(obj, version) : obj;
	const parsed = backupEnvelope.safeParse(migrated);
	if (!parsed.success) return refusal(problemsOf(parsed.error));
	const envelope = parsed.data;
	const duplicates = duplicateIds(envelope);
	if (duplicates.length) return refusal(duplicates);
	// Dates after the export are a wrong device clock, not a broken file: imported, moved back to
	// the export (withLateDatesClamped), with a warning.
	const warnings = [...clockWarnings(envelope, now), ...crossReferences(envelope)];
	return {
		ok: true,
		envelope: withLateDatesClamped(envelope, now),
		fileSchemaVersion: version,
		warnings
	};
}

/**
 * Brings an older envelope up to `to` with the same record migrations that upgrade a
 * database. Records that are not objects are left alone for the schema to report.
 */
export function migrateEnvelope(
	envelope: UntypedRecord,
	from: number,
	to: number = SCHEMA_VERSION,
	map: MigrationMap = MIGRATIONS
): UntypedRecord {
	const data = envelope.data;
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		return { ...envelope, schemaVersion: to };
	const out: UntypedRecord = { ...(data as UntypedRecord) };
	for (const table of PROGRESS_TABLES) {
		const rows = out[table];
		if (!Array.isArray(rows)) continue;
		out[table] = rows.map((r: unknown) =>
			typeof r === 'object' && r !== null && !Array.isArray(r)
				? migrateRecord(table, r as UntypedRecord, from, to, map)
				: r
		);
	}
	return { ...envelope, schemaVersion: to, data: out };
}

/** Records of an old file whose own `schemaVersion` is not the file's. */
function mismatchedVersions(envelope: UntypedRecord, version: number): ProgressProblem[] {
	const data = envelope.data;
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
	const problems: ProgressProblem[] = [];
	for (const table of PROGRESS_TABLES) {
		const rows = (data as UntypedRecord)[table];
		if (!Array.isArray(rows)) continue;
		rows.forEach((r: unknown, i) => {
			const v = typeof r === 'object' && r !== null ? (r as UntypedRecord).schemaVersion : version;
			if (v !== version)
				problems.push({
					path: `data.${table}[${i}].schemaVersion`,
					message: `is ${JSON.stringify(v)}, but the file is schema version ${version}.`
				});
		});
	}
	return problems;
}

function cap(problems: ProgressProblem[]): ProgressProblem[] {
	if (problems.length <= MAX_PROBLEMS) return problems;
	const rest = problems.length - MAX_PROBLEMS;
	return [...problems.slice(0, MAX_PROBLEMS), { path: '', message: `…and ${rest} more problems` }];
}
