import { describe, expect, it } from 'vitest';
import type { TopicMastery } from './mastery-model';
import type { ExamRecord } from './record-schemas';
import { estimateReadiness, hasReadinessEvidence } from './readiness-estimate';

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
