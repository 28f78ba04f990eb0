import type { DayAggregate, TopicAggregate } from './aggregate-schema';
import type { ProgressContext } from './app-db';
import { addDays, dayKeyOf, type DayKey } from './day-calendar';
import { listExams } from './exam-repository';
import { lessonSummary, type LessonSummary } from './lesson-repository';
import { allTopicMastery, type TopicCatalogue, type TopicMastery } from './mastery-model';
import { DEFAULT_PASS_MARK, estimateReadiness, type ReadinessEstimate } from './readiness-estimate';
import type { ExamRecord } from './record-schemas';
import { dueForecast, dueNowCount, type DueDay, type KnownQuestions } from './review-queue';
import { readSetting } from './settings-repository';
import { computeStreak, type StudyStreak } from './study-streak';

/** Accuracy of one local day (days without answers are present with zeros). */
export interface DayAccuracy {
	day: DayKey;
	attempts: number;
	correct: number;
	/** correct / attempts; null on a day without answers. */
	accuracy: number | null;
}

/** Everything the dashboard shows, read from aggregates and indexes only. */
export interface Dashboard {
	generatedAt: number;
	/** Per-topic mastery, weakest first. */
	topics: TopicMastery[];
	totals: { attempts: number; correct: number };
	/** The last `days` local days, oldest first. */
	accuracyByDay: DayAccuracy[];
	dueNow: number;
	/** Reviews due on each of the next 14 days, today first. */
	dueForecast: DueDay[];
	lessons: LessonSummary;
	/** Recent mock exams, newest first. */
	exams: ExamRecord[];
	streak: StudyStreak;
	readiness: ReadinessEstimate;
	examDate: number | null;
}

/** Options of {@link loadDashboard}. */
export interface DashboardOptions {
	catalogue?: TopicCatalogue;
	/** Days of accuracy history; 30 unless given. */
	days?: number;
	passMark?: number;
	/** The app's own questions: due figures then leave out cards of others (a removed pack's). */
	known?: KnownQuestions;
}

/**
 * Loads the dashboard in one read-only transaction (a consistent snapshot). Cost does not
 * depend on the number of attempts: it reads the topic rows (one per topic), the day rows
 * (one per day studied), the lessons and the last ten exams, and counts index ranges of
 * `cards.due`. The `attempts` table is never touched; a test enforces that.
 */
export async function loadDashboard(
	ctx: ProgressContext,
	now: number,
	options: DashboardOptions = {}
): Promise<Dashboard> {
	const { db, effects } = ctx;
	const span = options.days ?? 30;
	const today = dayKeyOf(now, effects);
	return db.transaction(
		'r',
		[db.aggregates, db.cards, db.lessons, db.exams, db.settings, db.packs],
		async () => {
			const [topicRows, dayRows, forecast, dueNow, lessons, exams, examDate] = await Promise.all([
				db.aggregates.where('key').startsWith('topic:').toArray() as Promise<TopicAggregate[]>,
				// All day rows: one per day ever studied (hundreds), needed for the longest streak.
				db.aggregates.where('key').startsWith('day:').toArray() as Promise<DayAggregate[]>,
				dueForecast(ctx, now, 14, options.known),
				dueNowCount(ctx, now, options.known),
				lessonSummary(ctx),
				listExams(ctx, 10),
				readSetting(db, 'examDate')
			]);
			const topics = allTopicMastery(topicRows, options.catalogue);
			const byDay = new Map(dayRows.map((d) => [d.day, d]));
			const accuracyByDay: DayAccuracy[] = [];
			for (let i = span - 1; i >= 0; i--) {
				const day = addDays(today, -i);
				const d = byDay.get(day);
				const attempts = d?.attempts ?? 0;
				const correct = d?.correct ?? 0;
				accuracyByDay.push({
					day,
					attempts,
					correct,
					accuracy: attempts ? correct / attempts : null
				});
			}
			return {
				generatedAt: now,
				topics,
				totals: {
					attempts: topicRows.reduce((s, t) => s + t.attempts, 0),
					correct: topicRows.reduce((s, t) => s + t.correct, 0)
				},
				accuracyByDay,
				dueNow,
				dueForecast: forecast,
				lessons,
				exams,
				streak: computeStreak(dayRows, today),
				readiness: estimateReadiness(
					topics,
					exams,
					options.catalogue,
					options.passMark ?? DEFAULT_PASS_MARK
				),
				examDate: examDate ?? null
			};
		}
	);
}
