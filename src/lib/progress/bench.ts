import { AppDB, type IdbDependencies, type ProgressContext } from './app-db';
import { recordAnswer } from './attempt-repository';
import { exportAll, serializeBackup } from './backup-export';
import { replaceAllTables } from './bulk-writer';
import type { SourceTables } from './backup-merge';
import { BENCH_START, generateHistory } from './bench-history';
import { loadDashboard } from './dashboard-queries';
import { DAY_MS } from './day-calendar';
import { fixedEffects } from './progress-effects';
import { dueCards } from './review-queue';
import type { QuestionDifficulty } from './schema-primitives';

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
	exportMs: number;
	exportBytes: number;
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
		for (let i = 0; i < (options.recordSamples ?? 200); i++) {
			effects.advance(30_000);
			const q = (i * 7919) % questions;
			samples.push(
				await elapsed(() =>
					recordAnswer(ctx, {
						questionId: `q-${q}`,
						topic: `topic-${q % (options.topics ?? 16)}`,
						chosen: [0],
						correct: i % 3 !== 0,
						timeMs: 12_000,
						mode: 'due',
						difficulty: ((q % 3) + 1) as QuestionDifficulty
					})
				)
			);
		}
		let exportBytes = 0;
		const exportMs = await elapsed(async () => {
			exportBytes = serializeBackup(await exportAll(ctx, { markBackedUp: false })).length;
		});
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
			exportMs,
			exportBytes
		};
	} finally {
		if (options.keep) ctx.db.close();
		else await ctx.db.delete();
	}
}
