// Words and dates of the progress dashboard, shared by the home page and /progress.
import type { MasteryLevel, ReadinessEstimate } from '$lib/progress';
import type { ChartTone } from '$lib/components/charts/chart-geometry';

/** Local calendar date of a `YYYY-MM-DD` day key (noon, so no time zone can shift the day). */
export function dayDate(day: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(y!, m! - 1, d!, 12);
}

const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short' });
const longDate = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric'
});
const dateTime = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

/** "3 Mar". */
export const formatDay = (day: string): string => shortDay.format(dayDate(day));
/** "Tue 4 Mar", or "Today" / "Tomorrow". */
export function forecastDayLabel(day: string, index: number): string {
	if (index === 0) return 'Today';
	if (index === 1) return 'Tomorrow';
	return `${weekday.format(dayDate(day))} ${shortDay.format(dayDate(day))}`;
}
/** "Tue 4": short enough for a column label. */
export const weekdayAndDate = (day: string): string =>
	`${weekday.format(dayDate(day))} ${dayDate(day).getDate()}`;
/** "3 Mar 2025". */
export const formatDate = (ms: number): string => longDate.format(new Date(ms));
/** "3 Mar 2025, 09:41". */
export const formatDateTime = (ms: number): string => dateTime.format(new Date(ms));

const clockTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * When a moment after `now` comes, in the learner's local time: "in 1 minute", "in 40 minutes",
 * "in 3 hours" (within 12 hours), "today at 21:40", "tomorrow at 09:05", "on Tue 4 Mar at 09:05".
 */
export function formatWhen(at: number, now: number): string {
	const minutes = Math.max(1, Math.ceil((at - now) / 60_000));
	if (minutes < 60) return `in ${plural(minutes, 'minute')}`;
	const hours = Math.round(minutes / 60);
	if (minutes < 12 * 60) return `in ${plural(hours, 'hour')}`;
	const time = clockTime.format(new Date(at));
	const day = (ms: number) => dateInputValue(ms);
	if (day(at) === day(now)) return `today at ${time}`;
	const tomorrow = new Date(now);
	tomorrow.setDate(tomorrow.getDate() + 1);
	if (day(at) === day(tomorrow.getTime())) return `tomorrow at ${time}`;
	const year =
		new Date(at).getFullYear() === new Date(now).getFullYear()
			? ''
			: ` ${new Date(at).getFullYear()}`;
	return `on ${weekday.format(new Date(at))} ${shortDay.format(new Date(at))}${year} at ${time}`;
}

/**
 * `0.456` → `46%`: accuracy, mastery, retention. Never for an exam score, a pass mark or
 * readiness: those are {@link scorePercentText}, rounded down as the exam's results are.
 */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

export { percentOf, scorePercentText } from '$lib/quiz/percent';

/** "1 answer", "3 answers". */
export const plural = (n: number, one: string, many = `${one}s`): string =>
	`${n} ${n === 1 ? one : many}`;

/** How near a next review must be for the page to say why it is so soon: FSRS learning steps. */
export const SOON_REVIEW_MS = 60 * 60_000;

/**
 * Why the next review is due within minutes, said where the learner meets it (the due page's
 * "next review is due in 1 minute"): a question answered wrong, or still being learnt, comes back
 * after the scheduler's learning steps (1 to 10 minutes), then at growing intervals of days.
 * Empty when the next review is further off than `SOON_REVIEW_MS` (or none is scheduled).
 */
export function soonReviewNote(nextDue: number | undefined, now: number): string {
	if (nextDue === undefined || nextDue - now > SOON_REVIEW_MS) return '';
	return (
		'Why so soon? A question you missed, or have only just started, comes back within minutes; ' +
		'once you answer it right, it comes back at growing intervals: days, then weeks.'
	);
}

/**
 * How long a mock exam took, for the exams table: exactly, to the second, under 10 minutes
 * ("2 min 30 s", "45 s", "5 min"), where a rounded minute is a large share of it ("3 min" was
 * shown for 2½ minutes); to the minute from there ("12 min", "1 h 5 min"). Never less than 1 s.
 */
export function examTimeTaken(ms: number): string {
	const seconds = Math.max(1, Math.round(ms / 1000));
	if (seconds < 10 * 60) {
		const m = Math.floor(seconds / 60);
		const s = seconds % 60;
		return [m && `${m} min`, s && `${s} s`].filter(Boolean).join(' ');
	}
	const minutes = Math.round(seconds / 60);
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return h ? [`${h} h`, m && `${m} min`].filter(Boolean).join(' ') : `${m} min`;
}

/**
 * What an import wrote, as its message says it: "28 answers, 5 review schedules, 2 lessons,
 * 2 mock exams, 1 setting", and the content packs when there were any. Every table the import's
 * preview lists, the review schedules included (they were left out, though restored); the
 * summaries, recomputed on import, are not the learner's data and are not counted.
 */
export function importWrittenText(
	written: Partial<
		Record<'attempts' | 'cards' | 'lessons' | 'exams' | 'settings' | 'packs', number>
	>
): string {
	const n = (k: keyof typeof written) => written[k] ?? 0;
	return [
		plural(n('attempts'), 'answer'),
		plural(n('cards'), 'review schedule'),
		plural(n('lessons'), 'lesson'),
		plural(n('exams'), 'mock exam'),
		plural(n('settings'), 'setting'),
		...(n('packs') > 0 ? [plural(n('packs'), 'content pack')] : [])
	].join(', ');
}

const LEVELS: Record<MasteryLevel, { label: string; tone: ChartTone }> = {
	'not-started': { label: 'not started', tone: 'muted' },
	weak: { label: 'weak', tone: 'bad' },
	developing: { label: 'developing', tone: 'warn' },
	strong: { label: 'strong', tone: 'accent' },
	mastered: { label: 'mastered', tone: 'ok' }
};
/** The word for a mastery band (colour never carries it alone). */
export const levelLabel = (level: MasteryLevel): string => LEVELS[level].label;
/** The colour role of a mastery band in charts. */
export const levelTone = (level: MasteryLevel): ChartTone => LEVELS[level].tone;

const BANDS: Record<ReadinessEstimate['band'], string> = {
	'not-yet': 'Not ready yet',
	borderline: 'Borderline',
	'likely-pass': 'Likely to pass'
};
/** The headline of a readiness band. */
export const bandLabel = (band: ReadinessEstimate['band']): string => BANDS[band];

/** `YYYY-MM-DD` of a moment in local time, as a date input wants it. */
export function dateInputValue(ms: number): string {
	const d = new Date(ms);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * The moment an exam on local day `value` (`YYYY-MM-DD`) is taken to start: 09:00 local
 * time, a typical test-centre slot. Undefined for an empty or malformed value.
 */
export function examMomentOf(value: string): number | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return undefined;
	const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 9).getTime();
	return Number.isNaN(t) ? undefined : t;
}
