/**
 * An exam's time: the most a question may be given, the longest exam there can be, and a
 * duration in words. Apart from the setup form's checks (exam-setup.ts), so that the pages that
 * only show a saved exam (the home page's reminder) load no more than this.
 */

/** The most seconds per question the exam setup accepts (its field's range ends here). */
export const MAX_SECONDS_PER_QUESTION = 600;

/**
 * The longest time an exam of `questions` questions can have: each at the most seconds per
 * question the setup accepts. A saved exam whose deadline lies further than this from its start
 * (or from now) was not set by this app, and its clock cannot be trusted.
 */
export function longestExamMs(questions: number): number {
	return Math.max(0, questions) * MAX_SECONDS_PER_QUESTION * 1000;
}

/** "9 minutes", "10 minutes 30 seconds", "1 hour 15 minutes": an exam's time, in words. */
export function examDurationText(seconds: number): string {
	const total = Math.max(0, Math.round(seconds));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
	const parts = [h && unit(h, 'hour'), m && unit(m, 'minute'), s && unit(s, 'second')].filter(
		(p): p is string => !!p
	);
	return parts.length ? parts.join(' ') : unit(0, 'minute');
}
