import type { ProgressContext } from './app-db';
import { DAY_MS } from './day-calendar';
import { readSetting } from './settings-repository';
import { BACKUP_REMINDER_DAYS } from './backup-reminder-days';

export { BACKUP_REMINDER_DAYS };

/**
 * Whether to remind the learner to export a backup: the last backup is more than 14 days
 * old and something was answered, read or examined since. Never backed up counts as
 * "backed up at the first activity", so a new learner is not nagged on day one but is
 * reminded two weeks in. Every probe is one `first()` on an index: constant cost.
 */
export async function needsBackupReminder(ctx: ProgressContext, now: number): Promise<boolean> {
	const { db } = ctx;
	const last = await readSetting(db, 'lastBackupAt');
	const threshold = now - BACKUP_REMINDER_DAYS * DAY_MS;
	if (last !== undefined) {
		if (last > threshold) return false;
		const since = await Promise.all([
			db.attempts.where('at').above(last).first(),
			db.attemptPages.where('maxAt').above(last).first(),
			db.lessons.where('lastReadAt').above(last).first(),
			db.exams.where('finishedAt').above(last).first()
		]);
		return since.some((row) => row !== undefined);
	}
	const [attempt, page, lesson, exam] = await Promise.all([
		db.attempts.orderBy('at').first(),
		db.attemptPages.orderBy('minAt').first(),
		db.lessons.orderBy('lastReadAt').first(),
		db.exams.orderBy('finishedAt').first()
	]);
	const firsts = [attempt?.at, page?.minAt, lesson?.firstReadAt, exam?.finishedAt].filter(
		(t): t is number => t !== undefined
	);
	return firsts.length > 0 && Math.min(...firsts) <= threshold;
}
