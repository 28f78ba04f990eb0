import { z } from 'zod';
import type { AppDB } from './app-db';
import { attemptRecord, type AttemptRecord } from './record-schemas';
import { epochMs, recordId, SCHEMA_VERSION, schemaVersionField } from './schema-primitives';

/**
 * Schema v2 stores answers in two places:
 * - `attempts`, one row per answer, where recordAnswer adds each new answer (the "tail");
 * - `attemptPages`, immutable pages of up to {@link PAGE_SIZE} answers, written once.
 *
 * Reading 100,000 one-answer records is what bounded export in Chromium (1.5–5 s for the
 * read alone); the same answers as 100 records of 1,000 read in a fraction of it. Whenever
 * the tail holds {@link PAGE_SIZE} answers or more, {@link sealAttemptPages} moves its
 * oldest full pages' worth into new pages (before every export, and in the v1 → v2
 * upgrade); bulk writes (imports, the memory fallback's copy, benchmark seeding) write pages
 * directly. recordAnswer's own I/O stays one small `add`, plus one index lookup so that an
 * answer id is still recorded at most once wherever it lives.
 *
 * Every answer, in whichever table, is an `attemptRecord`; the page's `ids`, `questionIds`
 * and `minAt` / `maxAt` only exist to be indexed (duplicate check, a question's history,
 * "anything since the last backup?").
 */
export const PAGE_SIZE = 1000;

/** One immutable page of answers, in the order they were sealed (time, then id). */
export const attemptPageRecord = z
	.strictObject({
		/** 1, 2, 3, … in the order pages were written. */
		page: z.int().min(1),
		schemaVersion: schemaVersionField,
		attempts: z.array(attemptRecord).min(1).max(PAGE_SIZE),
		/** The attempts' ids, in the same order (multiEntry index: duplicate check). */
		ids: z.array(recordId),
		/** The distinct question ids answered on this page (multiEntry index). */
		questionIds: z.array(recordId),
		minAt: epochMs,
		maxAt: epochMs
	})
	.superRefine((p, ctx) => {
		const bad = (path: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		if (p.ids.length !== p.attempts.length || p.ids.some((id, i) => p.attempts[i]!.id !== id))
			bad('ids', 'do not match the attempts');
		const questions = new Set(p.attempts.map((a) => a.questionId));
		if (questions.size !== p.questionIds.length || p.questionIds.some((q) => !questions.has(q)))
			bad('questionIds', 'do not match the attempts');
		const ats = p.attempts.map((a) => a.at);
		if (p.minAt !== Math.min(...ats) || p.maxAt !== Math.max(...ats))
			bad('minAt', 'minAt / maxAt do not match the attempts');
	});
/** A stored page of answers. */
export type AttemptPageRecord = z.infer<typeof attemptPageRecord>;

/** A page holding `attempts` (1..PAGE_SIZE of them), numbered `page`. */
export function makePage(page: number, attempts: readonly AttemptRecord[]): AttemptPageRecord {
	let minAt = Infinity;
	let maxAt = -Infinity;
	const ids: string[] = new Array(attempts.length);
	const questions = new Set<string>();
	for (let i = 0; i < attempts.length; i++) {
		const a = attempts[i]!;
		ids[i] = a.id;
		questions.add(a.questionId);
		if (a.at < minAt) minAt = a.at;
		if (a.at > maxAt) maxAt = a.at;
	}
	return {
		page,
		schemaVersion: SCHEMA_VERSION,
		attempts: [...attempts],
		ids,
		questionIds: [...questions],
		minAt,
		maxAt
	};
}

/** `attempts`, in their order, as pages numbered from `firstPage`. */
export function pagesOf(
	attempts: readonly AttemptRecord[],
	firstPage: number
): AttemptPageRecord[] {
	const pages: AttemptPageRecord[] = [];
	for (let i = 0; i < attempts.length; i += PAGE_SIZE)
		pages.push(makePage(firstPage + pages.length, attempts.slice(i, i + PAGE_SIZE)));
	return pages;
}

/** Number the next page written gets. Inside a transaction covering `attemptPages`. */
export async function nextPageNumber(db: AppDB): Promise<number> {
	const last = await db.attemptPages.orderBy('page').lastKey();
	return typeof last === 'number' ? last + 1 : 1;
}

/**
 * Appends `attempts` (in their order) as new pages. Must run inside a read-write Dexie
 * transaction covering `attemptPages`. The caller makes sure no id is stored already.
 */
export async function appendAttemptPages(
	db: AppDB,
	attempts: readonly AttemptRecord[]
): Promise<number> {
	if (attempts.length === 0) return 0;
	const pages = pagesOf(attempts, await nextPageNumber(db));
	await db.attemptPages.bulkAdd(pages);
	return pages.length;
}

/**
 * Every stored answer: the pages' in page order, then the tail's in id order, so two reads
 * of the same database give the same list. Inside a transaction covering both tables (or
 * on its own, which opens one).
 */
export async function readAllAttempts(db: AppDB): Promise<AttemptRecord[]> {
	return db.transaction('r', db.attemptPages, db.attempts, async () => {
		const [pages, tail] = await Promise.all([db.attemptPages.toArray(), db.attempts.toArray()]);
		const out: AttemptRecord[] = [];
		for (const p of pages) for (const a of p.attempts) out.push(a);
		for (const a of tail) out.push(a);
		return out;
	});
}

/** How many answers are stored, both tables. */
export async function countAttempts(db: AppDB): Promise<number> {
	return db.transaction('r', db.attemptPages, db.attempts, async () => {
		let n = await db.attempts.count();
		await db.attemptPages.each((p) => {
			n += p.attempts.length;
		});
		return n;
	});
}

/**
 * Moves the oldest answers of the tail (by `at`, then id) into new full pages while it holds
 * at least {@link PAGE_SIZE}, in one read-write transaction: another tab sees each answer in
 * exactly one of the two tables. Returns the number of pages written (usually 0: a count).
 */
export async function sealAttemptPages(db: AppDB): Promise<number> {
	return db.transaction('rw', db.attempts, db.attemptPages, async () => {
		const n = await db.attempts.count();
		const full = Math.floor(n / PAGE_SIZE) * PAGE_SIZE;
		if (full === 0) return 0;
		const oldest = await db.attempts.orderBy('at').limit(full).toArray();
		const written = await appendAttemptPages(db, oldest);
		await db.attempts.bulkDelete(oldest.map((a) => a.id));
		return written;
	});
}
