// When a lesson counts as finished: its end has been seen AND the learner has spent enough
// visible time on it to have plausibly read it. Pure (the clock is injected); the lesson page's
// ReadTracker feeds it visibility changes and the end coming into view.

/** Least visible time that finishes any lesson, however short. */
export const MIN_FINISH_MS = 30_000;
/** Most visible time a lesson asks for, however long: a fast reader is not held back further. */
export const MAX_FINISH_MS = 3 * 60_000;

/**
 * Visible time on a lesson before it counts as finished: a third of its estimated reading time
 * (`minutes`, as the lesson page shows it), between {@link MIN_FINISH_MS} and {@link MAX_FINISH_MS}.
 */
export function finishThresholdMs(minutes: number): number {
	const third = Number.isFinite(minutes) && minutes > 0 ? (minutes * 60_000) / 3 : 0;
	return Math.round(Math.min(MAX_FINISH_MS, Math.max(MIN_FINISH_MS, third)));
}

/** "30 seconds", "1 minute", "3 minutes": a threshold as the lesson page words it. */
export function formatFinishTime(ms: number): string {
	if (ms < 60_000) {
		const s = Math.max(1, Math.round(ms / 1000));
		return `${s} second${s === 1 ? '' : 's'}`;
	}
	const m = Math.round(ms / 60_000);
	return `${m} minute${m === 1 ? '' : 's'}`;
}

/**
 * One visit to a lesson: visible time accumulates only while the page is visible, the end is
 * seen once and stays seen. `now` is a monotonic clock in milliseconds (`performance.now`).
 */
export class LessonVisit {
	private spent = 0;
	private visibleSince: number | undefined;
	private endSeen = false;

	constructor(
		readonly thresholdMs: number,
		private readonly now: () => number,
		visible: boolean
	) {
		if (visible) this.visibleSince = now();
	}

	/** The page became visible or hidden (`visibilitychange`). */
	setVisible(visible: boolean): void {
		const t = this.now();
		if (visible) this.visibleSince ??= t;
		else if (this.visibleSince !== undefined) {
			this.spent += Math.max(0, t - this.visibleSince);
			this.visibleSince = undefined;
		}
	}

	/** The end of the lesson came into view. */
	sawEnd(): void {
		this.endSeen = true;
	}

	get hasSeenEnd(): boolean {
		return this.endSeen;
	}

	get isVisible(): boolean {
		return this.visibleSince !== undefined;
	}

	/** Visible time on the lesson so far in this visit. */
	visibleMs(): number {
		const running =
			this.visibleSince === undefined ? 0 : Math.max(0, this.now() - this.visibleSince);
		return this.spent + running;
	}

	/** Visible time still needed before the lesson can count as finished (0 when enough). */
	remainingMs(): number {
		return Math.max(0, this.thresholdMs - this.visibleMs());
	}

	/** The end was seen and enough visible time spent, in either order. */
	isFinished(): boolean {
		return this.endSeen && this.remainingMs() === 0;
	}
}
