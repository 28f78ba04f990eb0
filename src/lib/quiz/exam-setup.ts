/**
 * The exam setup form's fields and their checks. An empty or out-of-range field is refused with a
 * message, rather than quietly replaced by a default (an empty "Questions" field once started a
 * 20-question, 30-minute exam).
 */

import { examDurationText, MAX_SECONDS_PER_QUESTION } from './exam-time';

export { examDurationText, longestExamMs } from './exam-time';

/** The setup form's values as the form holds them (an empty number field is null). */
export interface ExamSetupValues {
	count: number | null | undefined;
	secondsPerQuestion: number | null | undefined;
	passMark: number | null | undefined;
}

export type ExamSetupField = keyof ExamSetupValues;

/** The range each field accepts (whole numbers). */
export interface ExamSetupLimits {
	/** Questions the bank holds: the most an exam can have. */
	maxQuestions: number;
}

export const EXAM_SETUP_RANGES = {
	count: { min: 5, label: 'the number of questions' },
	secondsPerQuestion: { min: 30, max: MAX_SECONDS_PER_QUESTION, label: 'the seconds per question' },
	passMark: { min: 1, max: 100, label: 'the pass mark' }
} as const;

/** The range of `field`, given the bank (an exam of fewer than 5 questions when the bank is small). */
export function examSetupRange(
	field: ExamSetupField,
	limits: ExamSetupLimits
): { min: number; max: number } {
	if (field === 'count') {
		const max = Math.max(1, limits.maxQuestions);
		return { min: Math.min(EXAM_SETUP_RANGES.count.min, max), max };
	}
	const { min, max } = EXAM_SETUP_RANGES[field];
	return { min, max };
}

/** A message per field that cannot start an exam; empty when the form is fine. */
export function examSetupErrors(
	values: ExamSetupValues,
	limits: ExamSetupLimits
): Partial<Record<ExamSetupField, string>> {
	const errors: Partial<Record<ExamSetupField, string>> = {};
	for (const field of Object.keys(EXAM_SETUP_RANGES) as ExamSetupField[]) {
		const value = values[field];
		const { min, max } = examSetupRange(field, limits);
		const label = EXAM_SETUP_RANGES[field].label;
		if (value === null || value === undefined || Number.isNaN(value))
			errors[field] = `Enter ${label}: a whole number from ${min} to ${max}.`;
		else if (!Number.isInteger(value) || value < min || value > max)
			errors[field] = `${capitalise(label)} must be a whole number from ${min} to ${max}.`;
	}
	return errors;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What the exam setup says of the exam's size: see `examSizeNote`. */
export interface ExamSizeNote {
	total: string;
	shortfall: string;
}

/**
 * What the setup form says before the exam starts, in two parts:
 * - `total`: how many questions the exam will have and how long it will be in all ("The exam
 *   will have 20 questions and 40 minutes."), always, once the number is valid; shown plainly
 *   (read when the learner reaches it, not announced on every keystroke);
 * - `shortfall`: a warning, when the ticked topics hold fewer questions than asked for, that the
 *   exam will have only those ("Only 6 questions match this topic: the exam will have 6, not
 *   20."), or none ("No question matches this topic: tick another topic."); announced (a live
 *   region) as it appears. The total then counts only those questions, and time for only those.
 * Both are empty when the number is not valid (not whole, or outside the field's range for this
 * bank): the field says so itself, and no exam of that size would start. Without a valid time per
 * question, the time is left out (its field says why). `available` counts the questions of the
 * ticked topics; `topics` how many are ticked (none means all topics, whose count the field's own
 * range already bounds).
 */
export function examSizeNote(
	values: Pick<ExamSetupValues, 'count' | 'secondsPerQuestion'>,
	available: number,
	topics: number,
	limits: ExamSetupLimits
): ExamSizeNote {
	const none = { total: '', shortfall: '' };
	const { count, secondsPerQuestion } = values;
	if (typeof count !== 'number' || !Number.isInteger(count)) return none;
	const range = examSetupRange('count', limits);
	if (count < range.min || count > range.max) return none;
	const perQuestion = EXAM_SETUP_RANGES.secondsPerQuestion;
	const seconds =
		typeof secondsPerQuestion === 'number' &&
		Number.isInteger(secondsPerQuestion) &&
		secondsPerQuestion >= perQuestion.min &&
		secondsPerQuestion <= perQuestion.max
			? secondsPerQuestion
			: undefined;
	const plural = (n: number) => `${n} question${n === 1 ? '' : 's'}`;
	const total = (n: number) =>
		`The exam will have ${plural(n)}${seconds === undefined ? '' : ` and ${examDurationText(n * seconds)}`}.`;
	if (topics === 0 || count <= available) return { total: total(count), shortfall: '' };
	const these = topics === 1 ? 'this topic' : 'these topics';
	if (available === 0)
		return { total: '', shortfall: `No question matches ${these}: tick another topic.` };
	const match = `${available === 1 ? 'matches' : 'match'} ${these}`;
	return {
		total: total(available),
		shortfall: `Only ${plural(available)} ${match}: the exam will have ${available}, not ${count}.`
	};
}
