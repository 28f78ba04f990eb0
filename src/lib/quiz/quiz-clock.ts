import { fromCallback } from 'xstate';

/**
 * Time source and timer for the quiz machines. XState's `SimulatedClock` satisfies it, so a test
 * can pass one clock both here and to `createActor(..., { clock })` and move time with
 * `clock.increment(ms)`.
 */
export interface QuizClock {
	/** Epoch ms. */
	now(): number;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(id: unknown): void;
}

/** The real clock. */
export const systemClock: QuizClock = {
	now: () => Date.now(),
	setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
	clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof globalThis.setTimeout>)
};

/** Default interval between countdown ticks. */
export const TICK_MS = 1000;

/**
 * A callback actor that sends `{ type: 'exam.tick' }` to its parent right away (so a restored
 * exam re-checks its deadline at once), then each time the remaining time crosses a multiple of
 * `intervalMs`, the last tick landing exactly on `deadline`.
 * It only signals; the machine reads the time itself from the clock, so a late or missed tick
 * never skews the countdown.
 */
export function createTicker(clock: QuizClock, intervalMs = TICK_MS) {
	return fromCallback<{ type: 'exam.tick' }, { deadline: number }>(({ sendBack, input }) => {
		let timer: unknown;
		let stopped = false;
		const schedule = () => {
			const remaining = input.deadline - clock.now();
			if (remaining <= 0 || stopped) return;
			// Tick when the remaining time crosses a whole interval, so a seconds display is exact.
			const delay = remaining % intervalMs || intervalMs;
			timer = clock.setTimeout(() => {
				timer = undefined;
				if (stopped) return;
				sendBack({ type: 'exam.tick' });
				schedule();
			}, delay);
		};
		sendBack({ type: 'exam.tick' });
		schedule();
		return () => {
			stopped = true;
			if (timer !== undefined) clock.clearTimeout(timer);
		};
	});
}
