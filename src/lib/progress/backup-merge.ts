import type { BackupData } from './backup-envelope';
import type { CardRecord, LessonRecord } from './record-schemas';

/** Tables of a backup without aggregates (always recomputed). */
export type SourceTables = Omit<BackupData, 'aggregates'>;

/** Result of {@link mergeTables}: rows to write, and conflicts worth telling the learner. */
export interface MergePlan {
	/** Incoming rows that are new or win over the existing row, per table. */
	writes: SourceTables;
	warnings: string[];
}

/**
 * Merge rules, per table (existing = this device, incoming = the file):
 * - attempts, exams: union by id; the same id is the same fact, the existing row is kept;
 * - cards: by questionId, the more recently answered card wins (its FSRS state includes
 *   the newer review; a tie keeps the existing);
 * - settings: by key, the more recently updated wins;
 * - packs: by id, the more recently imported wins;
 * - lessons: by slug, combined — first read earliest, last read latest, the larger read
 *   count, completed if completed on either, earliest completion.
 * Aggregates are then recomputed from the merged attempts, cards and lessons.
 */
export function mergeTables(existing: SourceTables, incoming: SourceTables): MergePlan {
	const warnings: string[] = [];
	const byKey = <T>(rows: readonly T[], key: (r: T) => string) =>
		new Map(rows.map((r) => [key(r), r]));
	const newOnly = <T>(rows: readonly T[], have: readonly T[], key: (r: T) => string) => {
		const known = byKey(have, key);
		return rows.filter((r) => !known.has(key(r)));
	};
	const newer = <T>(
		rows: readonly T[],
		have: readonly T[],
		key: (r: T) => string,
		stamp: (r: T) => number
	) => {
		const known = byKey(have, key);
		return rows.filter((r) => {
			const mine = known.get(key(r));
			return !mine || stamp(r) > stamp(mine);
		});
	};
	const ours = byKey(existing.attempts, (a) => a.id);
	const clashes = incoming.attempts.filter((a) => {
		const mine = ours.get(a.id);
		return mine && JSON.stringify(mine) !== JSON.stringify(a);
	}).length;
	if (clashes)
		warnings.push(
			`${clashes} answer(s) share an id with different content; this device's copy was kept.`
		);
	const lessonsMine = byKey(existing.lessons, (l) => l.slug);
	const lessons = incoming.lessons
		.map((l) => combineLessons(lessonsMine.get(l.slug), l))
		.filter(
			(l, i) => JSON.stringify(l) !== JSON.stringify(lessonsMine.get(incoming.lessons[i]!.slug))
		);
	return {
		writes: {
			attempts: newOnly(incoming.attempts, existing.attempts, (a) => a.id),
			exams: newOnly(incoming.exams, existing.exams, (e) => e.id),
			cards: newer(
				incoming.cards,
				existing.cards,
				(c) => c.questionId,
				(c: CardRecord) => c.lastAnsweredAt
			),
			settings: newer(
				incoming.settings,
				existing.settings,
				(s) => s.key,
				(s) => s.updatedAt
			),
			packs: newer(
				incoming.packs,
				existing.packs,
				(p) => p.id,
				(p) => p.importedAt
			),
			lessons
		},
		warnings
	};
}

/** Two progress rows of one lesson as one. */
export function combineLessons(mine: LessonRecord | undefined, theirs: LessonRecord): LessonRecord {
	if (!mine) return theirs;
	const completedAt = [mine.completedAt, theirs.completedAt].filter(
		(t): t is number => t !== undefined
	);
	return {
		slug: mine.slug,
		schemaVersion: mine.schemaVersion,
		firstReadAt: Math.min(mine.firstReadAt, theirs.firstReadAt),
		lastReadAt: Math.max(mine.lastReadAt, theirs.lastReadAt),
		readCount: Math.max(mine.readCount, theirs.readCount),
		completed: mine.completed || theirs.completed,
		...(completedAt.length ? { completedAt: Math.min(...completedAt) } : {})
	};
}
