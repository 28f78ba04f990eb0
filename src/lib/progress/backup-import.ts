import { isAnswer, rebuildAggregates } from './aggregate-builder';
import { dropUnansweredAttempts, type UnansweredCleanup } from './unanswered-cleanup';
import { appendAttemptPages, readAllAttempts } from './attempt-pages';
import { countsOf, replaceAllTables } from './bulk-writer';
import { PROGRESS_TABLES, type ProgressContext, type ProgressTable } from './app-db';
import { MAX_BACKUP_BYTES, tooLargeMessage } from './backup-envelope';
import { mergeTables, type SourceTables } from './backup-merge';
import { refusal, validateBackup, type BackupRefusal } from './backup-validator';
import { formatProblem, type ProblemGroup, type ProgressProblem } from './progress-errors';

/** A backup as text, or as the File the learner picked (its size is checked before reading). */
export type BackupInput = string | Blob;

/** A backup that cannot be used, and why. Nothing was written. */
export interface ImportFailure {
	ok: false;
	/** The problems by field path (the first 50, then how many more). */
	problems: ProgressProblem[];
	/** One line for the learner: the problem itself, or how many there are and where. */
	message: string;
	/**
	 * Every problem, grouped for reading: a record's problems in one line, records with the
	 * same problems folded together. Listed under `message` when there is more than one problem.
	 */
	groups: ProblemGroup[];
}

/** What a backup holds, shown before the learner confirms an import. */
export type ImportPreview =
	| {
			ok: true;
			/** Schema version the file was written with (older ones are migrated). */
			fileSchemaVersion: number;
			exportedAt: number;
			appVersion: string;
			counts: Record<ProgressTable, number>;
			/** Earliest and latest answer in the file; null without answers. */
			attemptRange: { from: number; to: number } | null;
			warnings: string[];
	  }
	| ImportFailure;

/** How an import combines with what is already stored (see `backup-merge.ts`). */
export type ImportMode = 'merge' | 'replace';

/** Outcome of {@link importBackup}. */
export type ImportResult =
	| { ok: true; mode: ImportMode; written: Record<ProgressTable, number>; warnings: string[] }
	| ImportFailure;

function failure(r: BackupRefusal): ImportFailure {
	const message =
		r.total === 1
			? `This backup cannot be imported (1 problem): ${formatProblem(r.groups[0]!)}`
			: `This backup cannot be imported: ${r.summary}.`;
	return { ok: false, problems: r.problems, message, groups: r.groups };
}

async function check(ctx: ProgressContext, input: BackupInput) {
	if (typeof input !== 'string' && input.size > MAX_BACKUP_BYTES)
		return failure(refusal([{ path: '', message: tooLargeMessage(input.size) }]));
	const text = typeof input === 'string' ? input : await input.text();
	const v = validateBackup(text, ctx.effects.now());
	return v.ok ? v : failure(v);
}

/** Validates a backup and says what is in it. Reads nothing from and writes nothing to the database. */
export async function previewImport(
	ctx: ProgressContext,
	input: BackupInput
): Promise<ImportPreview> {
	const v = await check(ctx, input);
	if (!v.ok) return v;
	const { envelope } = v;
	const counts = Object.fromEntries(
		PROGRESS_TABLES.map((t) => [t, envelope.data[t]?.length ?? 0])
	) as Record<ProgressTable, number>;
	let attemptRange: { from: number; to: number } | null = null;
	for (const a of envelope.data.attempts)
		attemptRange = attemptRange
			? { from: Math.min(attemptRange.from, a.at), to: Math.max(attemptRange.to, a.at) }
			: { from: a.at, to: a.at };
	return {
		ok: true,
		fileSchemaVersion: v.fileSchemaVersion,
		exportedAt: envelope.exportedAt,
		appVersion: envelope.app.version,
		counts,
		attemptRange,
		warnings: v.warnings
	};
}

/**
 * Imports a backup in ONE read-write transaction over every table: either all of it lands
 * or nothing changes. The file is fully validated first, so a bad file never opens a
 * transaction. Aggregates are recomputed from the resulting attempts, cards and lessons.
 */
export async function importBackup(
	ctx: ProgressContext,
	input: BackupInput,
	mode: ImportMode
): Promise<ImportResult> {
	const v = await check(ctx, input);
	if (!v.ok) return v;
	const incoming: SourceTables = v.envelope.data;
	const { db, effects } = ctx;
	// A backup made by a version before the unanswered-attempts clean-up may bring those attempts
	// (and the cards they rated Again) back; only then is the clean-up run again, which reads every
	// answer once more. (Leftovers of this database's own are the clean-up-on-open's to remove.)
	const noCleanup: UnansweredCleanup = { attempts: 0, cards: 0 };
	const bringsUnanswered = incoming.attempts.some((a) => !isAnswer(a));
	if (mode === 'replace') {
		const written = await replaceAllTables(ctx, incoming);
		// Replacing cleared the clean-up's marker, so the next open would clean anyway; doing it now
		// means the figures are right at once. A failure leaves the imported data as it is (logged).
		const cleaned = bringsUnanswered
			? await db
					.transaction('rw', db.tables, (tx) => dropUnansweredAttempts(tx, effects))
					.catch((e: unknown) => {
						console.warn(
							'Progress clean-up after import failed; it will be tried again next time.',
							e
						);
						return noCleanup;
					})
			: noCleanup;
		return { ok: true, mode, written, warnings: [...v.warnings, ...cleanupWarning(cleaned)] };
	}
	return db.transaction('rw', db.tables, async (tx) => {
		const existing: SourceTables = {
			attempts: await readAllAttempts(db),
			cards: await db.cards.toArray(),
			lessons: await db.lessons.toArray(),
			exams: await db.exams.toArray(),
			settings: await db.settings.toArray(),
			packs: await db.packs.toArray()
		};
		const { writes, warnings } = mergeTables(existing, incoming);
		// Only answers with new ids: appended as pages, in the file's order.
		await appendAttemptPages(db, writes.attempts);
		await db.cards.bulkPut(writes.cards);
		await db.lessons.bulkPut(writes.lessons);
		await db.exams.bulkPut(writes.exams);
		await db.settings.bulkPut(writes.settings);
		await db.packs.bulkPut(writes.packs);
		const cleaned = bringsUnanswered ? await dropUnansweredAttempts(tx, effects) : noCleanup;
		const aggregates = rebuildAggregates(
			await readAllAttempts(db),
			await db.cards.toArray(),
			await db.lessons.toArray(),
			effects
		);
		await db.aggregates.clear();
		await db.aggregates.bulkAdd(aggregates);
		return {
			ok: true as const,
			mode,
			written: { ...countsOf(writes), aggregates: aggregates.length },
			warnings: [...v.warnings, ...warnings, ...cleanupWarning(cleaned)]
		};
	});
}

/** Says what the import's clean-up left out, if anything. */
function cleanupWarning(cleaned: UnansweredCleanup): string[] {
	const n = cleaned.attempts;
	return n === 0
		? []
		: [
				`${n} unanswered exam question${n === 1 ? '' : 's'} stored by an older version ${n === 1 ? 'was' : 'were'} left out: ${n === 1 ? 'it was' : 'they were'} never answered, so ${n === 1 ? 'it does' : 'they do'} not count as ${n === 1 ? 'an answer' : 'answers'}.`
			];
}
