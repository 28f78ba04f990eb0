import type { Transaction } from 'dexie';
import { isAnswer, rebuildAggregates } from './aggregate-builder';
import { makePage, type AttemptPageRecord } from './attempt-pages';
import type { ProgressEffects } from './progress-effects';
import type { AttemptRecord, CardRecord, LessonRecord } from './record-schemas';

/** What {@link dropUnansweredAttempts} removed. */
export interface UnansweredCleanup {
	attempts: number;
	cards: number;
}

/**
 * The Dexie v3 upgrade: versions before the "what is an answer" rule stored an exam's
 * unanswered questions as attempts with no option chosen. They were never answers, so they go,
 * wherever they are stored (the tail, or inside a page, which is rewritten without them under
 * its own number and version, or deleted if nothing is left). A card goes too when its
 * question has no real answer left (it only existed because of them); a card also touched by
 * a real answer stays as it is. Then every aggregate row is rebuilt from what is left, as an
 * import does. Nothing is written when nothing is found.
 *
 * Runs inside the versionchange transaction (`tx.table(…)` only, no other promise): a throw
 * aborts the upgrade and leaves the database at its old version, every record as it was.
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

	const orphaned = new Set(orphans.map((c) => c.questionId));
	const lessons = (await tx.table('lessons').toArray()) as LessonRecord[];
	const rows = rebuildAggregates(
		kept,
		cards.filter((c) => !orphaned.has(c.questionId)),
		lessons,
		effects
	);
	await tx.table('aggregates').clear();
	await tx.table('aggregates').bulkAdd(rows);
	return { attempts: removed, cards: orphans.length };
}
