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

/** Dates after the export (plus skew), or an export dated in the future. */
export function futureDates(env: BackupEnvelope, now: number): ProgressProblem[] {
	const problems: ProgressProblem[] = [];
	if (env.exportedAt > now + SKEW_MS)
		problems.push({ path: 'exportedAt', message: 'is in the future' });
	const limit = env.exportedAt + SKEW_MS;
	const check = (table: ProgressTable, field: string) =>
		(env.data[table] as UntypedRecord[] | undefined)?.forEach((row, i) => {
			const v = row[field];
			if (typeof v === 'number' && v > limit)
				problems.push({
					path: `data.${table}[${i}].${field}`,
					message: 'is after the export date'
				});
		});
	check('attempts', 'at');
	check('cards', 'lastAnsweredAt');
	check('cards', 'lastReview');
	check('lessons', 'lastReadAt');
	check('exams', 'finishedAt');
	check('settings', 'updatedAt');
	check('packs', 'importedAt');
	return problems;
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
