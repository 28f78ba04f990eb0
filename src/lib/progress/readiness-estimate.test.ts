import { describe, expect, it } from 'vitest';
import type { TopicMastery } from './mastery-model';
import type { ExamRecord } from './record-schemas';
import {
	estimateReadiness,
	hasReadinessEvidence,
	readinessExplanation
} from './readiness-estimate';

const topic = (name: string, attempts: number): TopicMastery => ({
	topic: name,
	attempts,
	correct: 0,
	recentAccuracy: 0,
	recentCount: attempts,
	seenCards: attempts,
	stableCards: 0,
	retention: 0,
	mastery: 0,
	level: attempts ? 'weak' : 'not-started'
});

describe('hasReadinessEvidence', () => {
	it('is false with no answers and no mock exam: the 0% says nothing about the learner', () => {
		const r = estimateReadiness([topic('a', 0), topic('b', 0)], []);
		expect(r.score).toBe(0);
		expect(hasReadinessEvidence(r)).toBe(false);
	});

	it('is true from the first answer, or with a mock exam', () => {
		expect(hasReadinessEvidence(estimateReadiness([topic('a', 1), topic('b', 0)], []))).toBe(true);
		const exam = { score: 0.5 } as ExamRecord;
		expect(hasReadinessEvidence(estimateReadiness([topic('a', 0)], [exam]))).toBe(true);
	});
});

describe('readinessExplanation', () => {
	it('writes exam figures as the exam results do (rounded down): 5 of 12 is 41%, not 42%', () => {
		const exam = { score: 5 / 12 } as ExamRecord;
		const mastered = { ...topic('a', 200), mastery: 5 / 12 };
		const r = estimateReadiness([mastered], [exam]);
		const text = readinessExplanation(r);
		expect(text).toContain('Readiness 41% against a pass mark of 72%.');
		expect(text).toContain('mock exam averaged 41%');
		expect(text).not.toContain('42%');
	});

	it('never writes the pass mark for a readiness just under it', () => {
		const r = estimateReadiness([{ ...topic('a', 200), mastery: 0.7199 }], []);
		expect(readinessExplanation(r)).toContain('Readiness 71% against a pass mark of 72%.');
	});
});
