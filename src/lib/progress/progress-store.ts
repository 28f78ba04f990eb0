import { AppDB, DB_NAME, type ProgressContext } from './app-db';
import type { SourceTables } from './backup-merge';
import { needsBackupReminder } from './backup-reminder';
import { loadDashboard } from './dashboard-queries';
import { listExams, recordExam } from './exam-repository';
import { listLessons, markLessonRead } from './lesson-repository';
import { watchQuery } from './live-queries';
import type { TopicCatalogue } from './mastery-model';
import { listPacks, removePack, savePack } from './pack-repository';
import { systemEffects } from './progress-effects';
import {
	dueCards,
	dueForecast,
	lastResults,
	latestAnswerPacks,
	reviewQueue,
	type KnownQuestions
} from './review-queue';
import { readSetting, setExamDate, writeSetting } from './settings-repository';
import {
	browserIdb,
	loadMemoryIdb,
	openMemoryDb,
	openPersistentDb,
	type DbFactory
} from './store-backend';
import type { ProgressStore, ProgressStoreOptions } from './store-contract';
import { StoreRuntime } from './store-runtime';
import { requestPersistence } from './storage-persistence';
import { studyPlan } from './study-plan';

export type { ProgressStore, ProgressStoreOptions } from './store-contract';

// Loaded on first use, so that opening the store (a lesson marked read, the home dashboard, the
// storage banner) does not evaluate the answer path (FSRS scheduling: ts-fsrs) or the backup
// code (validators, merge, aggregate rebuild): each is its own chunk.
const answers = () => import('./attempt-repository');
const backupExport = () => import('./backup-export');
const backupImport = () => import('./backup-import');
const bulkWriter = () => import('./bulk-writer');

const NO_PROGRESS = {
	attempts: [],
	cards: [],
	lessons: [],
	exams: [],
	settings: [],
	packs: []
} as const satisfies SourceTables;

/**
 * Opens the progress store: IndexedDB when it works, memory (with a reason) when it does
 * not. Never rejects for storage reasons.
 */
export async function openProgressStore(
	options: ProgressStoreOptions = {}
): Promise<ProgressStore> {
	const name = options.name ?? DB_NAME;
	const effects = options.effects ?? systemEffects();
	const createDb: DbFactory = options.createDb ?? ((n, idb) => new AppDB(n, idb));
	const openMemory = () => openMemoryDb(options.memoryIdb ?? loadMemoryIdb, createDb, name);
	const idb = options.idb === null ? undefined : (options.idb ?? browserIdb());
	const opened =
		options.idb === null
			? { ok: false as const, reason: 'Progress is kept in memory only, as requested.' }
			: await openPersistentDb(idb, createDb, options.openTimeoutMs ?? 5000, name);
	const runtime = opened.ok
		? new StoreRuntime({ db: opened.db, effects }, { persistent: true }, openMemory)
		: new StoreRuntime(
				{ db: await openMemory(), effects },
				{ persistent: false, reason: opened.reason },
				openMemory
			);
	// Background work on a database that opened, off the first paint's path (own chunks):
	// 1. The one-off clean-up of the attempts older versions stored for unanswered exam
	//    questions (unanswered-cleanup.ts). Once: a `meta` row marks it done. A failure rolls
	//    it back, is logged, and is tried again on the next open; it never blocks the store.
	// 2. Answers arrive one row each in the tail; sealing full pages of them whenever the store
	//    opens keeps the tail to about one session's answers, so export (and anything else
	//    reading every answer) reads ~1 record per 1,000 answers. Best effort: a failure leaves
	//    the tail as it is, and export seals it anyway.
	if (opened.ok) {
		const db = opened.db;
		void import('./unanswered-cleanup')
			.then(({ cleanUpUnansweredOnce }) => cleanUpUnansweredOnce(db, effects))
			.catch((e: unknown) => {
				console.warn('Progress clean-up failed; it will be tried again next time.', e);
			})
			.then(() => import('./attempt-pages'))
			.then(({ sealAttemptPages }) => sealAttemptPages(db))
			.catch(() => undefined);
	}
	let catalogue: TopicCatalogue = options.catalogue ?? [];
	let known: KnownQuestions | undefined;
	const run = <T>(op: (ctx: ProgressContext) => Promise<T>) => runtime.run(op);
	const clock = (now?: number) => now ?? effects.now();
	const dashboardQuery = (ctx: ProgressContext) =>
		loadDashboard(ctx, effects.now(), { catalogue, known });
	return {
		get status() {
			return runtime.status;
		},
		onStatusChange: (l) => runtime.onStatusChange(l),
		setCatalogue: (c) => {
			catalogue = c;
		},
		setQuestionIds: (ids) => {
			known = ids && new Set(ids);
		},
		recordAnswer: async (input) => {
			const { recordAnswer } = await answers();
			return run((ctx) => recordAnswer(ctx, input));
		},
		dueCards: (now, limit, topic) => run((ctx) => dueCards(ctx, clock(now), limit, topic)),
		reviewQueue: (now, limit) => run((ctx) => reviewQueue(ctx, clock(now), limit, known)),
		lastResults: () => run((ctx) => lastResults(ctx)),
		latestAnswerPacks: (ids) => run((ctx) => latestAnswerPacks(ctx, ids)),
		dueForecast: (now, days) => run((ctx) => dueForecast(ctx, clock(now), days, known)),
		studyPlan: (now) => run((ctx) => studyPlan(ctx, clock(now), catalogue, known)),
		dashboard: (now) => run((ctx) => loadDashboard(ctx, clock(now), { catalogue, known })),
		markLessonRead: (slug, o) => run((ctx) => markLessonRead(ctx, slug, o)),
		listLessons: () => run(listLessons),
		recordExam: (input) => run((ctx) => recordExam(ctx, input)),
		listExams: (limit) => run((ctx) => listExams(ctx, limit)),
		getSetting: (key) => run((ctx) => readSetting(ctx.db, key)),
		setSetting: (key, value) => run((ctx) => writeSetting(ctx, key, value)),
		setExamDate: (at) => run((ctx) => setExamDate(ctx, at)),
		savePack: (input) => run((ctx) => savePack(ctx, input)),
		listPacks: () => run(listPacks),
		removePack: (id) => run((ctx) => removePack(ctx, id)),
		exportAll: async (o) => {
			const { exportAll } = await backupExport();
			return run((ctx) => exportAll(ctx, { appVersion: options.appVersion, ...o }));
		},
		exportText: async (o) => {
			const { exportAll, serializeBackup } = await backupExport();
			return serializeBackup(
				await run((ctx) => exportAll(ctx, { appVersion: options.appVersion, ...o }))
			);
		},
		previewImport: async (input) => {
			const { previewImport } = await backupImport();
			return run((ctx) => previewImport(ctx, input));
		},
		importBackup: async (input, mode) => {
			const { importBackup } = await backupImport();
			return run((ctx) => importBackup(ctx, input, mode));
		},
		clearAll: async () => {
			const { replaceAllTables } = await bulkWriter();
			// The bulk path with empty tables: one transaction, so another tab never sees half.
			await run((ctx) => replaceAllTables(ctx, NO_PROGRESS));
		},
		needsBackupReminder: (now) => run((ctx) => needsBackupReminder(ctx, clock(now))),
		requestPersistence: async () => {
			const state = await requestPersistence(options.storage);
			await run((ctx) => writeSetting(ctx, 'persistence', state));
			return state;
		},
		watch: (query) => watchQuery(runtime, query),
		watchDashboard: () => watchQuery(runtime, dashboardQuery),
		close: () => runtime.close()
	};
}
