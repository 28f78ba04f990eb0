import type { Transaction } from 'dexie';
import type { AppDB } from './app-db';
import { isAnswer, rebuildAggregates } from './aggregate-builder';
import { makePage, type AttemptPageRecord } from './attempt-pages';
import type { ProgressEffects } from './progress-effects';
import { scheduleCard } from './card-scheduler';
import type { AttemptRecord, CardRecord, LessonRecord } from './record-schemas';
import { settingValue, type SettingRecord } from './settings-schema';

/** What {@link dropUnansweredAttempts} removed. */
export interface UnansweredCleanup {
	attempts: number;
	cards: number;
}

/** The `meta` row that says {@link cleanUpUnansweredOnce} has run on this database. */
export const UNANSWERED_CLEANUP_MARKER = 'cleanup:unanswered-attempts';

/**
 * Runs {@link dropUnansweredAttempts} once per database, after it has opened: in one ordinary
 * read-write transaction over the tables it touches plus `meta`, which records that it ran.
 * All or nothing: a failure (a full disk, a bug) rolls the transaction back, leaving every
 * record and the missing marker as they were, and rejects; the caller logs it and the next
 * open tries again. Returns what was removed, or null when it had already run.
 */
export async function cleanUpUnansweredOnce(
	db: AppDB,
	effects: Pick<ProgressEffects, 'utcOffsetMinutes' | 'now'>
): Promise<UnansweredCleanup | null> {
	return db.transaction(
		'rw',
		[db.meta, db.attempts, db.attemptPages, db.cards, db.lessons, db.aggregates, db.settings],
		async (tx) => {
			if (await db.meta.get(UNANSWERED_CLEANUP_MARKER)) return null;
			const removed = await dropUnansweredAttempts(tx, effects);
			await db.meta.put({ key: UNANSWERED_CLEANUP_MARKER, at: effects.now(), value: removed });
			return removed;
		}
	);
}

/**
 * The clean-up itself: versions before the "what is an answer" rule stored an exam's
 * unanswered questions as attempts with no option chosen. They were never answers, so they go,
 * wherever they are stored (the tail, or inside a page, which is rewritten without them under
 * its own number and version, or deleted if nothing is left). A card goes too when its
 * question has no real answer left (it only existed because of them). A card also touched by
 * a real answer is scheduled again from its real answers alone, oldest first, with the grades
 * they were given (the unanswered one had rated it Again); the exam-date rules apply as of the
 * exam date set now, since the one set at each answer was not kept, and weak-topic scheduling
 * is left out for the same reason. Then every aggregate row is rebuilt from what is left, as
 * an import does. Nothing is written when nothing is found.
 *
 * Runs inside the caller's transaction (`tx.table(…)` only, no other promise), which must
 * cover attempts, attemptPages, cards, lessons, aggregates and settings: a throw aborts it,
 * every record as it was. Running it again finds nothing and writes nothing.
 */
export async function dropUnansweredAttempts(
	tx: Transaction,
	effects: Pick<ProgressEffects, 'utcOffsetMinutes'>
): Promise<UnansweredCleanup> {
	const tail = (await tx.table('attempts').toArray()) as AttemptRecord[];
	const pages = (await tx.table('attemptPages').toArray()) as AttemptPageRecord[];
	const dropped = new Set<string>();
	const kept: AttemptRecord[] = [];
	const keep = (a: AttemptRecord) => {
		if (isAnswer(a)) kept.push(a);
		else dropped.add(a.questionId);
		return isAnswer(a);
	};
	let removed = 0;
	for (const p of pages) {
		const answers = p.attempts.filter(keep);
		if (answers.length === p.attempts.length) continue;
		removed += p.attempts.length - answers.length;
		if (answers.length === 0) await tx.table('attemptPages').delete(p.page);
		else
			await tx
				.table('attemptPages')
				.put({ ...makePage(p.page, answers), schemaVersion: p.schemaVersion });
	}
	const unanswered = tail.filter((a) => !keep(a)).map((a) => a.id);
	removed += unanswered.length;
	if (removed === 0) return { attempts: 0, cards: 0 };
	await tx.table('attempts').bulkDelete(unanswered);

	const answered = new Set(kept.map((a) => a.questionId));
	const cards = (await tx.table('cards').toArray()) as CardRecord[];
	const orphans = cards.filter((c) => dropped.has(c.questionId) && !answered.has(c.questionId));
	await tx.table('cards').bulkDelete(orphans.map((c) => c.questionId));

	const examAt = settingValue(
		(await tx.table('settings').get('examDate')) as SettingRecord | undefined,
		'examDate'
	);
	const touched = new Set(
		cards
			.filter((c) => dropped.has(c.questionId) && answered.has(c.questionId))
			.map((c) => c.questionId)
	);
	const rescheduled = new Map<string, CardRecord>();
	for (const a of [...kept].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1))) {
		if (!touched.has(a.questionId)) continue;
		rescheduled.set(
			a.questionId,
			scheduleCard(
				rescheduled.get(a.questionId),
				{ ...a, questionDifficulty: a.difficulty, grade: a.rating },
				{ examAt }
			)
		);
	}
	await tx.table('cards').bulkPut([...rescheduled.values()]);

	const orphaned = new Set(orphans.map((c) => c.questionId));
	const lessons = (await tx.table('lessons').toArray()) as LessonRecord[];
	const rows = rebuildAggregates(
		kept,
		cards.filter((c) => !orphaned.has(c.questionId)).map((c) => rescheduled.get(c.questionId) ?? c),
		lessons,
		effects
	);
	await tx.table('aggregates').clear();
	await tx.table('aggregates').bulkAdd(rows);
	return { attempts: removed, cards: orphans.length };
}
