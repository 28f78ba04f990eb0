import { z } from 'zod';
import type { ProgressContext } from './app-db';
import { parseInput } from './progress-errors';
import { packRecord, type PackRecord } from './record-schemas';
import { SCHEMA_VERSION } from './schema-primitives';

/** A content pack as handed over by the content layer after it validated the pack. */
export const packInput = packRecord.omit({ schemaVersion: true, importedAt: true });
/** Input of {@link savePack}. */
export type PackInput = z.input<typeof packInput>;

/** Stores (or replaces) an imported content pack. Answers to its questions are kept either way. */
export async function savePack(ctx: ProgressContext, raw: PackInput): Promise<PackRecord> {
	const input = parseInput(packInput, raw, 'content pack');
	const pack: PackRecord = {
		...input,
		schemaVersion: SCHEMA_VERSION,
		importedAt: ctx.effects.now()
	};
	await ctx.db.packs.put(pack);
	return pack;
}

/** Imported packs, by id. */
export function listPacks(ctx: ProgressContext): Promise<PackRecord[]> {
	return ctx.db.packs.toArray();
}

/**
 * Removes a pack. Its attempts and cards stay: the learner's history is theirs, and
 * re-importing the pack brings its questions back with their schedule intact.
 */
export function removePack(ctx: ProgressContext, id: string): Promise<void> {
	return ctx.db.packs.delete(id);
}

/**
 * The question ids of every installed pack: `data.questions[].id` of each stored pack (the
 * content layer validated the pack before storing it; anything else is skipped).
 */
export async function installedQuestionIds(ctx: ProgressContext): Promise<Set<string>> {
	const ids = new Set<string>();
	await ctx.db.packs.each((p) => {
		const questions = (p.data as { questions?: unknown } | null)?.questions;
		if (Array.isArray(questions))
			for (const q of questions as unknown[]) {
				const id = (q as { id?: unknown } | null)?.id;
				if (typeof id === 'string') ids.add(id);
			}
	});
	return ids;
}
