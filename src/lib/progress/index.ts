// Public surface of the progress layer. The Svelte bridge and routes import from here only;
// the modules behind it may be reorganised freely.

export { openProgressStore } from './progress-store';
export type { ProgressStore, ProgressStoreOptions } from './progress-store';
export type { StoreStatus, StatusListener } from './store-runtime';
export type { ProgressObservable, ProgressObserver, ProgressSubscription } from './live-queries';

export { createAppDB, AppDB, DB_NAME, PROGRESS_TABLES } from './app-db';
export type { ProgressContext, ProgressTable, IdbDependencies } from './app-db';
export { systemEffects, fixedEffects } from './progress-effects';
export type { ProgressEffects, FixedEffects } from './progress-effects';
export { ProgressInputError, ProgressDataError, formatProblem } from './progress-errors';
export type { ProblemGroup, ProgressProblem } from './progress-errors';

export type { AnswerInput, RecordedAnswer } from './attempt-repository';
export type { ExamInput } from './exam-repository';
export type { MarkLessonOptions, LessonSummary } from './lesson-repository';
export type { PackInput } from './pack-repository';
export type { DueDay, KnownQuestions, ReviewQueue } from './review-queue';
export type { StudyPlan, StudyPlanDay } from './study-plan';
export type { Dashboard, DayAccuracy, DashboardOptions } from './dashboard-queries';
export type { StudyStreak } from './study-streak';

export { rateAnswer, speedThresholds, DEFAULT_SLOW_MS, MIN_TIME_SAMPLES } from './answer-rating';
export type { RatingInput, SpeedThresholds } from './answer-rating';
export {
	requestRetention,
	latestDueBefore,
	BASE_RETENTION,
	EXAM_RETENTION,
	EXAM_RAMP_DAYS
} from './exam-date-policy';
export { topicMastery, STABLE_DAYS, MASTERY_TARGET_CARDS } from './mastery-model';
export type {
	TopicCatalogue,
	TopicCatalogueEntry,
	TopicMastery,
	MasteryLevel
} from './mastery-model';
export { estimateReadiness, readinessExplanation, DEFAULT_PASS_MARK } from './readiness-estimate';
export type { ReadinessEstimate } from './readiness-estimate';

export { backupFileName, formatBytes, BACKUP_FORMAT, MAX_BACKUP_BYTES } from './backup-envelope';
export type { BackupEnvelope, BackupData } from './backup-envelope';
export { serializeBackup } from './backup-export';
export type { ExportOptions } from './backup-export';
export type {
	BackupInput,
	ImportMode,
	ImportPreview,
	ImportResult,
	ImportFailure
} from './backup-import';
export { BACKUP_REMINDER_DAYS } from './backup-reminder';

export { requestPersistence } from './storage-persistence';
export type { StorageManagerLike } from './storage-persistence';

export { SCHEMA_VERSION } from './schema-primitives';
export type {
	AttemptRecord,
	AttemptMode,
	CardRecord,
	LessonRecord,
	ExamRecord,
	PackRecord
} from './record-schemas';
export type {
	SettingKey,
	SettingValue,
	SettingRecord,
	PersistenceState,
	LastLocation
} from './settings-schema';
export type {
	AggregateRecord,
	TopicAggregate,
	DayAggregate,
	TimeAggregate
} from './aggregate-schema';
