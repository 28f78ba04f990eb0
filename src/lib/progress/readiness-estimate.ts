import { scorePercentText } from '../quiz/percent';
import type { TopicCatalogue, TopicMastery } from './mastery-model';
import type { ExamRecord } from './record-schemas';

/** AWS reports 100–1000 and passes at 720: as a fraction, 0.72. */
export const DEFAULT_PASS_MARK = 0.72;
/** Mock exams averaged into readiness (most recent first). */
export const READINESS_EXAMS = 3;

/** How ready the learner looks, with every input that produced it. */
export interface ReadinessEstimate {
	/** R in [0, 1], comparable to `passMark`. */
	score: number;
	/** K: exam-weighted mean topic mastery, unseen topics counting 0. */
	knowledge: number;
	/** E: mean score of the last ≤ 3 mock exams; undefined before the first. */
	examAverage?: number;
	examsUsed: number;
	passMark: number;
	band: 'not-yet' | 'borderline' | 'likely-pass';
	confidence: 'low' | 'medium' | 'high';
	attempts: number;
	/** Catalogue topics never answered. */
	unseenTopics: string[];
	/** Up to three weakest answered topics, weakest first. */
	weakestTopics: string[];
}

/**
 * Readiness estimate:
 *
 *   K = Σ wₜ·mₜ / Σ wₜ      topic mastery mₜ (see `topicMastery`), exam weight wₜ (default 1),
 *                            over every catalogue topic — an unseen topic counts 0
 *   E = mean score of the last ≤ 3 mock exams
 *   R = K                    before any mock exam
 *   R = ½·K + ½·E            after one: exams measure timed, mixed recall that topic drills miss
 *
 * Band: R ≥ pass + 0.08 → likely-pass; R ≥ pass − 0.05 → borderline; else not-yet.
 * Confidence: low under 100 answers or with an unseen topic; high from 400 answers and at
 * least one exam; medium between.
 */
export function estimateReadiness(
	topics: readonly TopicMastery[],
	examsNewestFirst: readonly ExamRecord[],
	catalogue: TopicCatalogue = [],
	passMark: number = DEFAULT_PASS_MARK
): ReadinessEstimate {
	const weight = new Map(catalogue.map((c) => [c.topic, c.weight ?? 1]));
	let sumW = 0;
	let sumWM = 0;
	for (const t of topics) {
		const w = weight.get(t.topic) ?? 1;
		sumW += w;
		sumWM += w * t.mastery;
	}
	const knowledge = sumW > 0 ? sumWM / sumW : 0;
	const recent = examsNewestFirst.slice(0, READINESS_EXAMS);
	const examAverage = recent.length
		? recent.reduce((s, e) => s + e.score, 0) / recent.length
		: undefined;
	const score = examAverage === undefined ? knowledge : 0.5 * knowledge + 0.5 * examAverage;
	const attempts = topics.reduce((s, t) => s + t.attempts, 0);
	const unseenTopics = topics.filter((t) => t.attempts === 0).map((t) => t.topic);
	const band =
		score >= passMark + 0.08 ? 'likely-pass' : score >= passMark - 0.05 ? 'borderline' : 'not-yet';
	const confidence =
		attempts < 100 || unseenTopics.length > 0
			? 'low'
			: attempts >= 400 && recent.length > 0
				? 'high'
				: 'medium';
	return {
		score,
		knowledge,
		...(examAverage !== undefined ? { examAverage } : {}),
		examsUsed: recent.length,
		passMark,
		band,
		confidence,
		attempts,
		unseenTopics,
		weakestTopics: [...topics]
			.filter((t) => t.attempts > 0)
			.sort((a, b) => a.mastery - b.mastery)
			.slice(0, 3)
			.map((t) => t.topic)
	};
}

/**
 * Whether the estimate rests on anything: with no answer and no mock exam its 0% says nothing
 * about the learner, so the dashboard asks for answers instead of showing it.
 */
export function hasReadinessEvidence(
	r: Pick<ReadinessEstimate, 'attempts' | 'examsUsed'>
): boolean {
	return r.attempts > 0 || r.examsUsed > 0;
}

/** Rounded down like every exam score, so readiness and exams read alike against the pass mark. */
const pct = scorePercentText;

/** A plain-language account of a {@link ReadinessEstimate}: what the number is and why. */
export function readinessExplanation(r: ReadinessEstimate): string {
	const parts: string[] = [];
	parts.push(`Readiness ${pct(r.score)} against a pass mark of ${pct(r.passMark)}.`);
	parts.push(`Topic mastery averages ${pct(r.knowledge)} (unstudied topics count as 0%).`);
	if (r.examAverage !== undefined)
		parts.push(
			`Your last ${r.examsUsed} mock exam${r.examsUsed === 1 ? '' : 's'} averaged ${pct(r.examAverage)}; readiness is the mean of the two.`
		);
	else parts.push('Take a mock exam to include timed, mixed questions in this estimate.');
	if (r.unseenTopics.length) parts.push(`Not yet studied: ${r.unseenTopics.join(', ')}.`);
	if (r.weakestTopics.length) parts.push(`Weakest topics: ${r.weakestTopics.join(', ')}.`);
	parts.push(
		`Confidence is ${r.confidence}: it rests on ${r.attempts} answer${r.attempts === 1 ? '' : 's'}.`
	);
	return parts.join(' ');
}
