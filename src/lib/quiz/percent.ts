// The one rounding of every exam score the app shows (results page, mock-exam history, readiness),
// so that one exam never reads 41% in one place and 42% in another. Plain TypeScript with no
// imports: the home page's readiness card uses it without loading the quiz code.

/** Guards against binary fractions just under a whole percent (0.29 × 100 = 28.999…). */
const EPSILON = 1e-9;

/** Integer percentage, rounded down so that "72%" is never shown for a fail at 72. */
export function percentOf(part: number, total: number): number {
	return total === 0 ? 0 : Math.floor((part * 100) / total + EPSILON);
}

/** A fraction in [0, 1] (a stored exam score, a pass mark, readiness) as {@link percentOf} rounds it. */
export function fractionPercent(fraction: number): number {
	return Math.floor(fraction * 100 + EPSILON);
}

/** `0.4166…` → `"41%"`: how every exam score, pass mark and readiness figure is written. */
export const scorePercentText = (fraction: number): string => `${fractionPercent(fraction)}%`;
