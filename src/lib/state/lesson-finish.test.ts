import { describe, expect, it } from 'vitest';
import {
	finishThresholdMs,
	formatFinishTime,
	LessonVisit,
	MAX_FINISH_MS,
	MIN_FINISH_MS
} from './lesson-finish';

describe('finishThresholdMs', () => {
	it('is a third of the reading time', () => {
		expect(finishThresholdMs(3)).toBe(60_000);
		expect(finishThresholdMs(6)).toBe(120_000);
	});

	it('is never under the floor, for a short lesson or a missing estimate', () => {
		expect(finishThresholdMs(1)).toBe(MIN_FINISH_MS);
		expect(finishThresholdMs(0)).toBe(MIN_FINISH_MS);
		expect(finishThresholdMs(Number.NaN)).toBe(MIN_FINISH_MS);
	});

	it('is never over the cap, for a long lesson', () => {
		expect(finishThresholdMs(10)).toBe(MAX_FINISH_MS);
		expect(finishThresholdMs(60)).toBe(MAX_FINISH_MS);
	});
});

describe('formatFinishTime', () => {
	it('words seconds under a minute, whole minutes from there', () => {
		expect(formatFinishTime(30_000)).toBe('30 seconds');
		expect(formatFinishTime(60_000)).toBe('1 minute');
		expect(formatFinishTime(180_000)).toBe('3 minutes');
		expect(formatFinishTime(100_000)).toBe('2 minutes');
	});
});

describe('LessonVisit', () => {
	const clock = () => {
		let t = 1_000;
		return { now: () => t, advance: (ms: number) => (t += ms) };
	};

	it('is not finished when the end is reached at once (the learner pressed End)', () => {
		const c = clock();
		const visit = new LessonVisit(60_000, c.now, true);
		c.advance(1_000);
		visit.sawEnd();
		expect(visit.hasSeenEnd).toBe(true);
		expect(visit.isFinished()).toBe(false);
		expect(visit.remainingMs()).toBe(59_000);
	});

	it('is finished once enough visible time has passed after the end was seen', () => {
		const c = clock();
		const visit = new LessonVisit(60_000, c.now, true);
		visit.sawEnd();
		c.advance(59_999);
		expect(visit.isFinished()).toBe(false);
		c.advance(1);
		expect(visit.isFinished()).toBe(true);
	});

	it('is finished when the end comes into view after enough time', () => {
		const c = clock();
		const visit = new LessonVisit(60_000, c.now, true);
		c.advance(90_000);
		expect(visit.isFinished()).toBe(false);
		visit.sawEnd();
		expect(visit.isFinished()).toBe(true);
	});

	it('counts only the time the page is visible', () => {
		const c = clock();
		const visit = new LessonVisit(60_000, c.now, true);
		c.advance(20_000);
		visit.setVisible(false);
		c.advance(10 * 60_000); // another tab
		expect(visit.visibleMs()).toBe(20_000);
		visit.setVisible(true);
		c.advance(30_000);
		visit.sawEnd();
		expect(visit.visibleMs()).toBe(50_000);
		expect(visit.isFinished()).toBe(false);
		c.advance(10_000);
		expect(visit.isFinished()).toBe(true);
	});

	it('starts counting only when a page opened hidden becomes visible', () => {
		const c = clock();
		const visit = new LessonVisit(30_000, c.now, false);
		expect(visit.isVisible).toBe(false);
		c.advance(60_000);
		visit.sawEnd();
		expect(visit.isFinished()).toBe(false);
		visit.setVisible(true);
		c.advance(30_000);
		expect(visit.isFinished()).toBe(true);
	});

	it('ignores repeated visibility events', () => {
		const c = clock();
		const visit = new LessonVisit(30_000, c.now, true);
		c.advance(10_000);
		visit.setVisible(true); // already visible: the 10 s are kept, not restarted
		c.advance(5_000);
		visit.setVisible(false);
		visit.setVisible(false);
		expect(visit.visibleMs()).toBe(15_000);
	});
});
