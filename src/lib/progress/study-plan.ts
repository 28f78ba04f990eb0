import { Dexie } from 'dexie';
import type { TopicAggregate } from './aggregate-schema';
import type { ProgressContext } from './app-db';
import { daysBetween, dayKeyOf, type DayKey } from './day-calendar';
import { examAhead } from './exam-date-policy';
import { allTopicMastery, type TopicCatalogue, type TopicMastery } from './mastery-model';
import { installedQuestionIds } from './pack-repository';
import { dueForecast, type KnownQuestions } from './review-queue';
import { readSetting } from './settings-repository';

/** Days planned when there is no exam date. */
export const DEFAULT_PLAN_DAYS = 7;
/**
 * Longest plan. An exam further away is planned over the first 180 days: every topic still
 * gets its days before the exam, and a far-off (or mistyped, or imported) date such as 2099
 * does not make each dashboard read count the `due` index 27,000 times.
 */
export const MAX_PLAN_DAYS = 180;

/** One day of the plan. */
export interface StudyPlanDay {
	day: DayKey;
	/** Spaced-repetition reviews falling due that day (today includes the overdue ones). */
	dueReviews: number;
	/** Topics to practise that day, weakest first. */
	focusTopics: string[];
}

/** A day-by-day plan up to the exam (or for the next week). */
export interface StudyPlan {
	generatedAt: number;
	examAt: number | null;
	days: StudyPlanDay[];
	/** Every topic, weakest first, with the mastery that ordered it. */
	topics: TopicMastery[];
	/** Topics with no card due before the exam: only the plan's focus days bring them back. */
	notScheduledBeforeExam: string[];
}

/**
 * Plans each day from today until the day before the exam (or {@link DEFAULT_PLAN_DAYS}
 * days without one, at most {@link MAX_PLAN_DAYS}) so that every topic is practised before the exam:
 * 1. topics are ordered weakest first (by mastery; unstudied topics have mastery 0);
 * 2. topic i of T gets focus day ⌊i·H/T⌋ of H days — the weakest come first, all fit;
 * 3. weak topics (mastery < 0.7) get a second focus day counted back from the last day,
 *    so what was shaky is seen again close to the exam;
 * 4. each day shows the reviews FSRS already has due (counted from the `due` index).
 */
export async function studyPlan(
	ctx: ProgressContext,
	now: number,
	catalogue: TopicCatalogue = [],
	known?: KnownQuestions
): Promise<StudyPlan> {
	const { db, effects } = ctx;
	const examSetting = (await readSetting(db, 'examDate')) ?? null;
	const examAt = examAhead(now, examSetting) ? examSetting : null;
	const today = dayKeyOf(now, effects);
	const horizon =
		examAt === null
			? DEFAULT_PLAN_DAYS
			: Math.min(MAX_PLAN_DAYS, Math.max(1, daysBetween(today, dayKeyOf(examAt, effects))));
	const aggs = (await db.aggregates
		.where('key')
		.startsWith('topic:')
		.toArray()) as TopicAggregate[];
	const topics = allTopicMastery(aggs, catalogue);
	const forecast = await dueForecast(ctx, now, horizon, known);
	const days: StudyPlanDay[] = forecast.map((f) => ({
		day: f.day,
		dueReviews: f.count,
		focusTopics: []
	}));
	const T = topics.length;
	topics.forEach((t, i) => days[Math.floor((i * horizon) / T)]!.focusTopics.push(t.topic));
	const weak = topics.filter((t) => t.mastery < 0.7);
	if (horizon > 1)
		weak.forEach((t, k) => {
			const first = Math.floor((topics.indexOf(t) * horizon) / T);
			let second = horizon - 1 - (Math.floor((k * horizon) / Math.max(weak.length, 1)) % horizon);
			if (second === first) second = first === horizon - 1 ? first - 1 : horizon - 1;
			days[second]!.focusTopics.push(t.topic);
		});
	const rank = new Map(topics.map((t, i) => [t.topic, i]));
	for (const d of days) d.focusTopics.sort((a, b) => rank.get(a)! - rank.get(b)!);
	const notScheduledBeforeExam: string[] = [];
	if (examAt !== null) {
		// With the app's question ids known, a removed pack's cards schedule nothing.
		let packed: ReadonlySet<string> | undefined;
		const isKnown = async (id: string) =>
			!known || known.has(id) || (packed ??= await installedQuestionIds(ctx)).has(id);
		for (const t of topics) {
			const before = db.cards
				.where('[topic+due]')
				.between([t.topic, Dexie.minKey], [t.topic, examAt], true, false);
			let scheduled = false;
			if (!known) scheduled = (await before.first()) !== undefined;
			else
				for (const id of (await before.primaryKeys()) as string[])
					if ((scheduled = await isKnown(id))) break;
			if (!scheduled) notScheduledBeforeExam.push(t.topic);
		}
	}
	return { generatedAt: now, examAt, days, topics, notScheduledBeforeExam };
}
