import { PROGRESS_TABLES, type ProgressTable } from './app-db';
import { PRIMARY_KEYS, type BackupEnvelope } from './backup-envelope';
import { DAY_MS } from './day-calendar';
import type { ProgressProblem } from './progress-errors';
import type { UntypedRecord } from './schema-migrations';

// Checks across records that a per-record schema cannot express. They run after the zod
// parse, so every record here already has the right shape.

/** Clock skew tolerated between the exporting device and this one. */
export const SKEW_MS = DAY_MS;

/** Two records of one table with the same primary key: the second would silently win. */
export function duplicateIds(env: BackupEnvelope): ProgressProblem[] {
	const problems: ProgressProblem[] = [];
	for (const table of PROGRESS_TABLES) {
		const rows = env.data[table] as UntypedRecord[] | undefined;
		if (!rows) continue;
		const field = PRIMARY_KEYS[table];
		const first = new Map<unknown, number>();
		rows.forEach((row, i) => {
			const id = row[field];
			const j = first.get(id);
			if (j === undefined) first.set(id, i);
			else
				problems.push({
					path: `data.${table}[${i}].${field}`,
					message: `duplicate ${field} ${JSON.stringify(id)} (also at data.${table}[${j}])`
				});
		});
	}
	return problems;
}

/** What the records of each table are called in a warning. */
const RECORD_NAMES: Readonly<Record<ProgressTable, readonly [string, string]>> = {
	attempts: ['answer', 'answers'],
	cards: ['review schedule', 'review schedules'],
	lessons: ['lesson', 'lessons'],
	exams: ['mock exam', 'mock exams'],
	settings: ['setting', 'settings'],
	packs: ['content pack', 'content packs'],
	aggregates: ['summary', 'summaries']
};

/** The date fields of each table that say when something happened on the learner's device. */
const DATE_FIELDS: ReadonlyArray<readonly [ProgressTable, readonly string[]]> = [
	['attempts', ['at']],
	['cards', ['lastAnsweredAt', 'lastReview']],
	['lessons', ['lastReadAt']],
	['exams', ['finishedAt']],
	['settings', ['updatedAt']],
	['packs', ['importedAt']]
];

/** Records dated after the export (beyond {@link SKEW_MS}), per table, and the latest such date. */
export interface LateRecords {
	total: number;
	byTable: Partial<Record<ProgressTable, number>>;
	/** The latest of their dates; undefined when there are none. */
	latest?: number;
}

/**
 * Records with a date later than the file's own export (plus a day of skew between devices):
 * something no device with a right clock writes. Each record counts once, whichever of its dates
 * is late.
 */
export function lateRecords(env: BackupEnvelope): LateRecords {
	const limit = env.exportedAt + SKEW_MS;
	const out: LateRecords = { total: 0, byTable: {} };
	for (const [table, fields] of DATE_FIELDS) {
		for (const row of (env.data[table] as UntypedRecord[] | undefined) ?? []) {
			const late = fields
				.map((f) => row[f])
				.filter((v): v is number => typeof v === 'number' && v > limit);
			if (!late.length) continue;
			out.total++;
			out.byTable[table] = (out.byTable[table] ?? 0) + 1;
			out.latest = Math.max(out.latest ?? -Infinity, ...late);
		}
	}
	return out;
}

/** Settings whose value is a moment on the learner's device (settings-schema.ts). */
const DATE_SETTINGS = new Set(['lastBackupAt']);

/**
 * The envelope with every date a wrong clock put after the backup was made (beyond
 * {@link SKEW_MS}) moved back to the moment the backup was made, or to now if that is earlier:
 * left as they were, such dates would win every "newer wins" merge against what this device
 * recorded since, push the card's next review as far into the future, and keep the backup reminder
 * from ever telling new work from old. A card moved back keeps its interval (its due date moves by
 * as much), and a date-valued setting (lastBackupAt) is moved back the same way.
 */
export function withLateDatesClamped(env: BackupEnvelope, now: number): BackupEnvelope {
	const limit = env.exportedAt + SKEW_MS;
	const to = Math.min(env.exportedAt, now);
	const clamp = (v: unknown) => (typeof v === 'number' && v > limit ? to : v);
	const data = { ...env.data } as Record<ProgressTable, UntypedRecord[]>;
	for (const [table, fields] of DATE_FIELDS) {
		const rows = (data[table] as UntypedRecord[] | undefined) ?? [];
		data[table] = rows.map((row) => {
			if (!fields.some((f) => clamp(row[f]) !== row[f])) return row;
			const out: UntypedRecord = { ...row };
			for (const f of fields) out[f] = clamp(row[f]);
			if (table === 'cards' && typeof row.lastReview === 'number' && typeof row.due === 'number')
				out.due = row.due - (row.lastReview - (out.lastReview as number));
			return out;
		});
	}
	data.settings = (data.settings ?? []).map((row) =>
		DATE_SETTINGS.has(String(row.key)) && clamp(row.value) !== row.value
			? { ...row, value: clamp(row.value) }
			: row
	);
	return { ...env, data: data as unknown as BackupEnvelope['data'] };
}

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * Warnings for dates a wrong device clock explains: records dated after the backup was made,
 * and a backup made "after" today on this device. Such a file is imported as it is (refusing it
 * would leave a learner whose phone had a wrong date unable to restore anything); the warning
 * says how much is affected and why it probably happened.
 */
export function clockWarnings(env: BackupEnvelope, now: number): string[] {
	const warnings: string[] = [];
	const late = lateRecords(env);
	if (late.total > 0) {
		const kinds = (Object.entries(late.byTable) as [ProgressTable, number][])
			.map(([t, n]) => `${n} ${RECORD_NAMES[t][n === 1 ? 0 : 1]}`)
			.join(', ');
		const one = late.total === 1;
		warnings.push(
			`${late.total} record${one ? ' is' : 's are'} dated after this backup was made ` +
				`(${day.format(env.exportedAt)}): ${kinds}, ${one ? 'dated' : 'the latest'} ` +
				`${day.format(late.latest!)}. The clock of the device that recorded ` +
				`${one ? 'it' : 'them'} was probably wrong. ${one ? 'It is' : 'They are'} imported ` +
				`dated ${day.format(Math.min(env.exportedAt, now))} instead.`
		);
	}
	if (env.exportedAt > now + SKEW_MS)
		warnings.push(
			`This backup is dated ${day.format(env.exportedAt)}, later than today's date on this ` +
				`device: the clock of one of the two devices is probably wrong. It is imported as it is.`
		);
	return warnings;
}

/** Inconsistencies the import survives (they only mean less history), reported as warnings. */
export function crossReferences(env: BackupEnvelope): string[] {
	const warnings: string[] = [];
	const exams = new Set(env.data.exams.map((e) => e.id));
	const answered = new Set(env.data.attempts.map((a) => a.questionId));
	const orphanExam = env.data.attempts.filter((a) => a.examId && !exams.has(a.examId)).length;
	if (orphanExam) warnings.push(`${orphanExam} exam answer(s) refer to an exam not in the file.`);
	const noHistory = env.data.cards.filter((c) => !answered.has(c.questionId)).length;
	if (noHistory) warnings.push(`${noHistory} review card(s) have no answers in the file.`);
	return warnings;
}
