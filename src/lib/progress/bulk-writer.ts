import { rebuildAggregates } from './aggregate-builder';
import { pagesOf } from './attempt-pages';
import type { ProgressContext, ProgressTable } from './app-db';
import type { SourceTables } from './backup-merge';

/**
 * The bulk path: clears every table and writes `tables` plus recomputed aggregates, in one
 * transaction; the answers as pages of 1,000 (the last one possibly shorter), in their order. Used by replace-imports and by the benchmark to seed large databases fast.
 */
export async function replaceAllTables(
	ctx: ProgressContext,
	tables: SourceTables
): Promise<Record<ProgressTable, number>> {
	const { db, effects } = ctx;
	const aggregates = rebuildAggregates(tables.attempts, tables.cards, tables.lessons, effects);
	await db.transaction('rw', db.tables, async () => {
		await Promise.all(db.tables.map((t) => t.clear()));
		// Answers go straight into pages, in the order given (attempt-pages.ts).
		await db.attemptPages.bulkAdd(pagesOf(tables.attempts, 1));
		await db.cards.bulkAdd(tables.cards);
		await db.lessons.bulkAdd(tables.lessons);
		await db.exams.bulkAdd(tables.exams);
		await db.settings.bulkAdd(tables.settings);
		await db.packs.bulkAdd(tables.packs);
		await db.aggregates.bulkAdd(aggregates);
	});
	return { ...countsOf(tables), aggregates: aggregates.length };
}

export function countsOf(t: SourceTables): Omit<Record<ProgressTable, number>, 'aggregates'> {
	return {
		attempts: t.attempts.length,
		cards: t.cards.length,
		lessons: t.lessons.length,
		exams: t.exams.length,
		settings: t.settings.length,
		packs: t.packs.length
	};
}
