import { Dexie, type Collection } from 'dexie';
import type { ProgressContext } from './app-db';
import { DAY_MS, dayKeyOf, startOfDay, type DayKey } from './day-calendar';
import { installedQuestionIds } from './pack-repository';
import type { CardRecord } from './record-schemas';

/**
 * The app's own questions, by id (the bundled bank, from the content layer). Given, the due
 * figures count only cards of questions the app has now: these, and those of the installed
 * packs (read from the `packs` table). A removed pack's cards stay stored, untouched, and are
 * due again when it is installed again. Not given (the content is not known), every card counts.
 */
export type KnownQuestions = ReadonlySet<string>;

/**
 * Question ids and due dates of the cards a range of the `due` index holds, in due order, of
 * questions the app has ({@link KnownQuestions}). Reads the index's keys only, no card; the packs
 * table only when a card is not the app's own.
 */
async function inBank(
	ctx: ProgressContext,
	range: Pick<Collection<CardRecord, string>, 'eachKey'>,
	known: KnownQuestions
): Promise<{ id: string; due: number }[]> {
	const due: { id: string; due: number }[] = [];
	await range.eachKey((key, cursor) => {
		due.push({ id: cursor.primaryKey as string, due: key as number });
	});
	if (due.every((c) => known.has(c.id))) return due;
	const packed = await installedQuestionIds(ctx);
	return due.filter((c) => known.has(c.id) || packed.has(c.id));
}

/** The cards due before `end` (up to and including it when `inclusive`), most overdue first: {@link inBank}. */
function dueInBank(
	ctx: ProgressContext,
	end: number,
	inclusive: boolean,
	known: KnownQuestions
): Promise<{ id: string; due: number }[]> {
	const range = ctx.db.cards.where('due');
	return inBank(ctx, inclusive ? range.belowOrEqual(end) : range.below(end), known);
}

/** Default and largest page of {@link dueCards}. */
export const DUE_PAGE = 20;
export const MAX_DUE_PAGE = 500;

/**
 * Cards due at `now`, most overdue first, at most `limit`. Walks the `due` index from the
 * oldest entry and stops after `limit` rows, so the cost does not grow with the collection.
 * With `topic`, walks `[topic+due]` instead.
 */
export async function dueCards(
	ctx: ProgressContext,
	now: number,
	limit: number = DUE_PAGE,
	topic?: string
): Promise<CardRecord[]> {
	const n = Math.max(0, Math.min(MAX_DUE_PAGE, Math.floor(limit)));
	if (n === 0) return [];
	const { cards } = ctx.db;
	if (topic === undefined) return cards.where('due').belowOrEqual(now).limit(n).toArray();
	return cards
		.where('[topic+due]')
		.between([topic, Dexie.minKey], [topic, now], true, true)
		.limit(n)
		.toArray();
}

/**
 * The last result of every answered question. Reads the cards table (one row per question, so
 * bounded by the bank's size, not by the number of attempts).
 */
export async function lastResults(ctx: ProgressContext): Promise<Map<string, boolean>> {
	const out = new Map<string, boolean>();
	await ctx.db.cards.each((c) => {
		out.set(c.questionId, c.lastCorrect);
	});
	return out;
}

/** Questions {@link latestAnswerPacks} looks up at most: enough to say where mistakes came from. */
export const MAX_PACK_LOOKUPS = 50;

/**
 * The content pack each question's latest answer came from (`undefined`: the app's own bank),
 * for the first {@link MAX_PACK_LOOKUPS} of `questionIds`: how "review mistakes" tells a
 * mistake in a removed pack from one in a question retired by an update. Index lookups only
 * (the answers' questionId index, the pages' questionIds index), never a scan of every answer.
 */
export async function latestAnswerPacks(
	ctx: ProgressContext,
	questionIds: Iterable<string>
): Promise<Map<string, string | undefined>> {
	const { db } = ctx;
	const ids = [...questionIds].slice(0, MAX_PACK_LOOKUPS);
	const out = new Map<string, string | undefined>();
	if (ids.length === 0) return out;
	await db.transaction('r', db.attempts, db.attemptPages, async () => {
		// Each sealed page that holds any of the questions is read once, whichever of them it holds.
		const [tail, pageKeys] = await Promise.all([
			db.attempts.where('questionId').anyOf(ids).toArray(),
			db.attemptPages.where('questionIds').anyOf(ids).primaryKeys()
		]);
		const pages = await db.attemptPages.bulkGet([...new Set(pageKeys)]);
		const wanted = new Set(ids);
		const all = [
			...pages.flatMap((p) => (p ? p.attempts.filter((a) => wanted.has(a.questionId)) : [])),
			...tail
		];
		const latest = new Map<string, (typeof all)[number]>();
		for (const a of all) {
			const l = latest.get(a.questionId);
			if (!l || a.at > l.at) latest.set(a.questionId, a);
		}
		for (const id of ids) {
			const a = latest.get(id);
			if (a) out.set(id, a.packId);
		}
	});
	return out;
}

/** Reviews falling due on one local day. */
export interface DueDay {
	day: DayKey;
	/** Cards due that day; day 0 also counts everything already overdue. */
	count: number;
}

/** Start (epoch ms) of each of the `days + 1` local-day boundaries from today. */
export function dayBoundaries(ctx: ProgressContext, now: number, days: number): number[] {
	const out = [startOfDay(now, ctx.effects)];
	for (let i = 1; i <= days; i++) {
		// Noon of the next day, then back to its midnight: immune to 23- and 25-hour days.
		out.push(startOfDay(out[i - 1]! + DAY_MS + DAY_MS / 2, ctx.effects));
	}
	return out;
}

/**
 * Reviews due on each of the next `days` local days (today first, overdue included in it).
 * Each day is one `count()` over a key range of the `due` index: the database counts index
 * entries, no card is read or deserialised. With `known`, one walk of the index's keys over the
 * whole forecast instead (still no card read), to leave out questions the app does not have.
 */
export async function dueForecast(
	ctx: ProgressContext,
	now: number,
	days = 14,
	known?: KnownQuestions
): Promise<DueDay[]> {
	const bounds = dayBoundaries(ctx, now, days);
	if (known) {
		// The keys of the cards due within the forecast, counted per day (bounds are ascending).
		const due = await dueInBank(ctx, bounds.at(-1)!, false, known);
		const counts = bounds.slice(0, -1).map(() => 0);
		let day = 0;
		for (const c of due) {
			while (c.due >= bounds[day + 1]!) day++;
			counts[day]!++;
		}
		return counts.map((count, i) => ({ day: dayKeyOf(bounds[i]!, ctx.effects), count }));
	}
	const { cards } = ctx.db;
	const counts = await Promise.all(
		bounds.slice(0, -1).map((start, i) => {
			const end = bounds[i + 1]!;
			return i === 0
				? cards.where('due').below(end).count()
				: cards.where('due').between(start, end, true, false).count();
		})
	);
	return counts.map((count, i) => ({ day: dayKeyOf(bounds[i]!, ctx.effects), count }));
}

/**
 * Cards due at or before `now` (index count): the one figure every "due now" label shows (the
 * dashboard's "Due for review now", the due page). "Due today" is {@link dueForecast}'s day 0:
 * due before the next local midnight, overdue included.
 */
export async function dueNowCount(
	ctx: ProgressContext,
	now: number,
	known?: KnownQuestions
): Promise<number> {
	if (known) return (await dueInBank(ctx, now, true, known)).length;
	return ctx.db.cards.where('due').belowOrEqual(now).count();
}

/** The review queue at one moment. */
export interface ReviewQueue {
	/** Cards due at or before `now`: the same count as the dashboard's `dueNow`. */
	dueNow: number;
	/** The most overdue of them, oldest due first, at most `limit` (so maybe fewer than dueNow). */
	cards: CardRecord[];
	/**
	 * When the next card falls due after `now` (epoch ms), of questions the app has; undefined when
	 * no later review is scheduled. What the due page says when nothing is due yet.
	 */
	nextDue: number | undefined;
}

/**
 * The due date of the first card due after `now`, of a question the app has ({@link KnownQuestions}):
 * the `due` index's keys above `now`, no card read; the packs table only when a card that falls due
 * earlier is not the app's own.
 */
async function nextDueAfter(
	ctx: ProgressContext,
	now: number,
	known?: KnownQuestions
): Promise<number | undefined> {
	const later = ctx.db.cards.where('due').above(now);
	if (!known) return (await later.first())?.due;
	return (await inBank(ctx, later, known))[0]?.due;
}

/**
 * The "due now" count and the most overdue cards, read in one transaction so that they agree:
 * what the due page starts a session from. A page smaller than the count never changes the
 * count it reports.
 */
export function reviewQueue(
	ctx: ProgressContext,
	now: number,
	limit: number = DUE_PAGE,
	known?: KnownQuestions
): Promise<ReviewQueue> {
	const { db } = ctx;
	return db.transaction('r', db.cards, db.packs, async () => {
		if (known) {
			const due = await dueInBank(ctx, now, true, known);
			const n = Math.max(0, Math.min(MAX_DUE_PAGE, Math.floor(limit)));
			const page = await db.cards.bulkGet(due.slice(0, n).map((c) => c.id));
			const nextDue = await nextDueAfter(ctx, now, known);
			return { dueNow: due.length, cards: page.filter((c) => c !== undefined), nextDue };
		}
		const [dueNow, cards, nextDue] = await Promise.all([
			dueNowCount(ctx, now),
			dueCards(ctx, now, limit),
			nextDueAfter(ctx, now)
		]);
		return { dueNow, cards, nextDue };
	});
}
