import { AppDB, type IdbDependencies, type ProgressContext } from './app-db';
import { readAllAttempts } from './attempt-pages';
import { recordAnswer } from './attempt-repository';
import { exportAll, serializeBackup } from './backup-export';
import { replaceAllTables } from './bulk-writer';
import type { SourceTables } from './backup-merge';
import { BENCH_START, generateHistory } from './bench-history';
import { loadDashboard } from './dashboard-queries';
import { DAY_MS, dayKeyOf } from './day-calendar';
import { fixedEffects } from './progress-effects';
import { dueCards } from './review-queue';
import { SCHEMA_VERSION, type QuestionDifficulty } from './schema-primitives';

/** Options of {@link runProgressBench}. Sizes default to the scale target. */
export interface BenchOptions {
	/** The IndexedDB to measure: the browser's in Chromium, fake-indexeddb in unit tests. */
	idb: IdbDependencies;
	attempts?: number;
	questions?: number;
	topics?: number;
	/** Answers recorded one by one for the recordAnswer percentiles. */
	recordSamples?: number;
	/** Warm dashboard loads to take the median of. */
	dashboardRuns?: number;
	dbName?: string;
	/** Keep the database afterwards (to inspect it); deleted by default. */
	keep?: boolean;
}

/** Measurements in milliseconds (and bytes). No thresholds: the caller judges. */
export interface BenchResult {
	attempts: number;
	questions: number;
	generateMs: number;
	seedMs: number;
	dashboardColdMs: number;
	dashboardWarmMedianMs: number;
	dueCardsMs: number;
	recordAnswerP50Ms: number;
	recordAnswerP95Ms: number;
	/**
	 * The same I/O as recordAnswer (seven reads, then the attempt added and four rows put) in a
	 * bare IndexedDB transaction, run right after each recordAnswer sample so both see the same
	 * machine load: what IndexedDB itself costs here, the floor recordAnswer is judged against.
	 */
	bareTxP50Ms: number;
	bareTxP95Ms: number;
	exportMs: number;
	exportBytes: number;
	/**
	 * Parts of the export, timed separately right after it on the same database: reading
	 * every answer as export does (`readAllAttempts`, through Dexie), and `serializeBackup`
	 * of the envelope. The rest of `exportMs` is checking and the other tables.
	 */
	exportReadAttemptsMs: number;
	exportSerializeMs: number;
	/** Attempts in the exported file: the seeded ones plus those recorded. */
	exportedAttempts: number;
}

const START = BENCH_START;

/** Re-exported so a Chromium harness needs one import. */
export { generateHistory };

const elapsed = async (fn: () => Promise<unknown>) => {
	const t = performance.now();
	await fn();
	return performance.now() - t;
};

const percentile = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

/**
 * Seeds a database through the bulk path, then measures a cold dashboard load (fresh
 * connection), warm dashboard loads, a due-queue page, recordAnswer one at a time, and a
 * full export. Works on any IndexedDB implementation, so it runs as-is in Chromium.
 */
export async function runProgressBench(options: BenchOptions): Promise<BenchResult> {
	const n = options.attempts ?? 100_000;
	const questions = options.questions ?? 2_000;
	const name = options.dbName ?? `sts-trainer-bench-${n}`;
	let history: SourceTables | undefined;
	const generateMs = await elapsed(async () => {
		history = generateHistory(n, questions, options.topics ?? 16);
	});
	const now = START + 366 * DAY_MS;
	const effects = fixedEffects({ start: now, idPrefix: 'bench' });
	const seedDb = new AppDB(name, options.idb);
	const seedMs = await elapsed(() => replaceAllTables({ db: seedDb, effects }, history!));
	seedDb.close();
	history = undefined;
	const ctx: ProgressContext = { db: new AppDB(name, options.idb), effects };
	try {
		const dashboardColdMs = await elapsed(() => loadDashboard(ctx, now));
		const warm: number[] = [];
		for (let i = 0; i < (options.dashboardRuns ?? 5); i++)
			warm.push(await elapsed(() => loadDashboard(ctx, now)));
		const dueCardsMs = await elapsed(() => dueCards(ctx, now, 20));
		const samples: number[] = [];
		const bare: number[] = [];
		const bareIds: string[] = [];
		for (let i = 0; i < (options.recordSamples ?? 200); i++) {
			effects.advance(30_000);
			const q = (i * 7919) % questions;
			const answer = {
				questionId: `q-${q}`,
				topic: `topic-${q % (options.topics ?? 16)}`,
				difficulty: ((q % 3) + 1) as QuestionDifficulty
			};
			samples.push(
				await elapsed(() =>
					recordAnswer(ctx, {
						...answer,
						chosen: [0],
						correct: i % 3 !== 0,
						timeMs: 12_000,
						mode: 'due'
					})
				)
			);
			const id = `bench-bare-${i}`;
			bareIds.push(id);
			const day = dayKeyOf(effects.now(), effects);
			bare.push(await elapsed(() => bareAnswerTx(ctx.db, id, { ...answer, day })));
		}
		await deleteAttempts(ctx.db, bareIds);
		let exportBytes = 0;
		let exportedAttempts = 0;
		let envelope: Awaited<ReturnType<typeof exportAll>> | undefined;
		const exportMs = await elapsed(async () => {
			envelope = await exportAll(ctx, { markBackedUp: false });
			exportBytes = serializeBackup(envelope).length;
			exportedAttempts = envelope.data.attempts.length;
		});
		const exportReadAttemptsMs = await elapsed(() => readAllAttempts(ctx.db));
		const exportSerializeMs = await elapsed(async () => serializeBackup(envelope!));
		envelope = undefined;
		return {
			attempts: n,
			questions,
			generateMs,
			seedMs,
			dashboardColdMs,
			dashboardWarmMedianMs: percentile(warm, 0.5),
			dueCardsMs,
			recordAnswerP50Ms: percentile(samples, 0.5),
			recordAnswerP95Ms: percentile(samples, 0.95),
			bareTxP50Ms: percentile(bare, 0.5),
			bareTxP95Ms: percentile(bare, 0.95),
			exportMs,
			exportBytes,
			exportReadAttemptsMs,
			exportSerializeMs,
			exportedAttempts
		};
	} finally {
		if (options.keep) ctx.db.close();
		else await ctx.db.delete();
	}
}

const request = <T>(r: IDBRequest<T>) =>
	new Promise<T>((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});

/**
 * recordAnswer's I/O with no logic around it: seven reads issued at once (the id in the tail
 * and in the pages' `ids` index, card, exam date, topic, day and time rows), then the attempt
 * added and the card, topic, day and time rows put back as read, in one transaction.
 */
async function bareAnswerTx(
	db: AppDB,
	id: string,
	answer: { questionId: string; topic: string; difficulty: number; day: string }
): Promise<void> {
	const tx = db
		.backendDB()
		.transaction(['attempts', 'attemptPages', 'cards', 'aggregates', 'settings'], 'readwrite');
	const committed = new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error);
	});
	const attempts = tx.objectStore('attempts');
	const cards = tx.objectStore('cards');
	const aggregates = tx.objectStore('aggregates');
	const [, , card, , topic, dayRow, time] = await Promise.all([
		request(attempts.get(id)),
		request(tx.objectStore('attemptPages').index('ids').getKey(id)),
		request(cards.get(answer.questionId)),
		request(tx.objectStore('settings').get('examDate')),
		request(aggregates.get(`topic:${answer.topic}`)),
		request(aggregates.get(`day:${answer.day}`)),
		request(aggregates.get(`time:${answer.difficulty}`))
	]);
	// An attempt of the size recordAnswer writes (the same fields), under its own id.
	attempts.add({
		id,
		schemaVersion: SCHEMA_VERSION,
		questionId: answer.questionId,
		topic: answer.topic,
		chosen: [0],
		correct: true,
		timeMs: 12_000,
		mode: 'due',
		at: START,
		difficulty: answer.difficulty,
		rating: 3
	});
	for (const [store, row] of [
		[cards, card],
		[aggregates, topic],
		[aggregates, dayRow],
		[aggregates, time]
	] as const)
		if (row) store.put(row);
	await committed;
}

/** Removes the bare transactions' attempts, so the export measures the seeded history only. */
async function deleteAttempts(db: AppDB, ids: readonly string[]): Promise<void> {
	const tx = db.backendDB().transaction('attempts', 'readwrite');
	for (const id of ids) tx.objectStore('attempts').delete(id);
	await new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error);
	});
}
