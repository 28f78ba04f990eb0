import type { IdbDependencies, ProgressContext } from './app-db';
import type { AnswerInput, RecordedAnswer } from './attempt-repository';
import type { BackupEnvelope } from './backup-envelope';
import type { ExportOptions } from './backup-export';
import type { BackupInput, ImportMode, ImportPreview, ImportResult } from './backup-import';
import type { Dashboard } from './dashboard-queries';
import type { ExamInput } from './exam-repository';
import type { MarkLessonOptions } from './lesson-repository';
import type { ProgressObservable } from './live-queries';
import type { TopicCatalogue } from './mastery-model';
import type { PackInput } from './pack-repository';
import type { ProgressEffects } from './progress-effects';
import type { CardRecord, ExamRecord, LessonRecord, PackRecord } from './record-schemas';
import type { DueDay, ReviewQueue } from './review-queue';
import type { PersistenceState, SettingKey, SettingValue } from './settings-schema';
import type { DbFactory, MemoryIdbLoader } from './store-backend';
import type { StatusListener, StoreStatus } from './store-runtime';
import type { StorageManagerLike } from './storage-persistence';
import type { StudyPlan } from './study-plan';

/**
 * The learner's progress. Every method resolves even when storage fails: the store then
 * continues in memory and says so in {@link ProgressStore.status}. Methods reject only with
 * a `ProgressInputError`, when the caller breaks an input contract (a bug, not a condition).
 * `now` arguments default to the injected clock.
 */
export interface ProgressStore {
	/** Whether progress is being saved; read it, or listen with {@link onStatusChange}. */
	readonly status: StoreStatus;
	/** Calls `listener` when the store falls back to memory; returns the unsubscribe function. */
	onStatusChange(listener: StatusListener): () => void;
	/** Topics known to the content layer, for mastery, readiness and the study plan. */
	setCatalogue(catalogue: TopicCatalogue): void;
	/**
	 * The app's own questions, by id (installed packs' are read from storage): from then on the
	 * due figures (due now, the review queue, the forecast, the study plan) count only cards of
	 * questions the app has, so a removed pack's cards are not due (they are kept, and due again
	 * if it comes back). Undefined: every card counts, as before the content is known.
	 */
	setQuestionIds(ids: Iterable<string> | undefined): void;

	recordAnswer(input: AnswerInput): Promise<RecordedAnswer>;
	dueCards(now?: number, limit?: number, topic?: string): Promise<CardRecord[]>;
	/** The "due now" count (as on the dashboard) with the `limit` most overdue cards. */
	reviewQueue(now?: number, limit?: number): Promise<ReviewQueue>;
	/** Whether each answered question was right the last time (for "review mistakes"). */
	lastResults(): Promise<Map<string, boolean>>;
	/**
	 * The content pack of each question's latest answer (undefined: the app's own bank), for the
	 * first 50 ids: where mistakes in questions no longer in the app came from.
	 */
	latestAnswerPacks(questionIds: Iterable<string>): Promise<Map<string, string | undefined>>;
	dueForecast(now?: number, days?: number): Promise<DueDay[]>;
	studyPlan(now?: number): Promise<StudyPlan>;
	dashboard(now?: number): Promise<Dashboard>;

	markLessonRead(slug: string, options?: MarkLessonOptions): Promise<LessonRecord>;
	listLessons(): Promise<LessonRecord[]>;
	recordExam(input: ExamInput): Promise<ExamRecord>;
	listExams(limit?: number): Promise<ExamRecord[]>;

	getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K> | undefined>;
	setSetting<K extends Exclude<SettingKey, 'examDate'>>(
		key: K,
		value: SettingValue<K>
	): Promise<void>;
	/** Sets or clears the exam date and pulls in cards due after it; resolves to how many moved. */
	setExamDate(examAt: number | null): Promise<number>;

	savePack(input: PackInput): Promise<PackRecord>;
	listPacks(): Promise<PackRecord[]>;
	removePack(id: string): Promise<void>;

	exportAll(options?: ExportOptions): Promise<BackupEnvelope>;
	/** {@link exportAll} as the text of a backup file. */
	exportText(options?: ExportOptions): Promise<string>;
	previewImport(input: BackupInput): Promise<ImportPreview>;
	importBackup(input: BackupInput, mode: ImportMode): Promise<ImportResult>;
	needsBackupReminder(now?: number): Promise<boolean>;
	/**
	 * Deletes every row of every table in one transaction ("Delete all progress"). The learner
	 * confirms first and is offered an export; there is no undo.
	 */
	clearAll(): Promise<void>;
	/** Asks the browser to keep our data (see `requestPersistence`) and remembers the answer. */
	requestPersistence(): Promise<PersistenceState>;

	/** Any query as a live stream (see `watchQuery`). */
	watch<T>(query: (ctx: ProgressContext) => Promise<T>): ProgressObservable<T>;
	/** The dashboard as a live stream; other tabs' answers show up too. */
	watchDashboard(): ProgressObservable<Dashboard>;
	/** Closes the database connection. */
	close(): void;
}

/** Options of {@link openProgressStore}; all optional. */
export interface ProgressStoreOptions {
	name?: string;
	/** IndexedDB to use; the browser's by default, `null` to start in memory on purpose. */
	idb?: IdbDependencies | null;
	effects?: ProgressEffects;
	catalogue?: TopicCatalogue;
	appVersion?: string;
	/** Give up opening after this long and fall back to memory (default 5000 ms). */
	openTimeoutMs?: number;
	/** Builds each AppDB (tests inject failures here). */
	createDb?: DbFactory;
	/** Provides the in-memory IndexedDB for the fallback. */
	memoryIdb?: MemoryIdbLoader;
	/** `navigator.storage` by default. */
	storage?: StorageManagerLike;
}
