import { correctIndices, requiredSelections, type QuizItemSource } from './quiz-item';

/** Default exam pass mark in percent (the AWS Developer Associate needs 720/1000). */
export const DEFAULT_PASS_MARK = 72;

type Scorable = Pick<QuizItemSource, 'type' | 'choose' | 'options'>;

/** Whether a selection can be submitted, with a message the UI can show when it cannot. */
export interface SelectionValidation {
	valid: boolean;
	/** Options the question asks for (1, or `choose`). */
	required: number;
	/** Distinct valid options selected. */
	selected: number;
	/** e.g. "Select 2 options (1 selected)"; undefined when valid. */
	message?: string;
}

/** Checks a selection (authored indices) against the number of options the question asks for. */
export function validateSelection(q: Scorable, chosen: readonly number[]): SelectionValidation {
	const required = requiredSelections(q);
	const distinct = new Set(chosen);
	const inRange = [...distinct].every((i) => Number.isInteger(i) && i >= 0 && i < q.options.length);
	const selected = distinct.size;
	if (inRange && distinct.size === chosen.length && selected === required) {
		return { valid: true, required, selected };
	}
	const message = inRange
		? `Select ${required} option${required === 1 ? '' : 's'} (${selected} selected)`
		: 'The selection refers to an option that does not exist';
	return { valid: false, required, selected, message };
}

/** The score of one answer. */
export interface QuestionScore {
	/** All-or-nothing: exactly the correct options, no more, no fewer. */
	correct: boolean;
	/** The selection had the required number of options. */
	answered: boolean;
	/** Feedback figure in [0, 1]: (correct selections − wrong selections, floored at 0) / required. */
	partial: number;
	correctChosen: number;
	wrongChosen: number;
	/** Authored indices of the correct options. */
	correctOptions: number[];
}

/** Scores one answer; `chosen` holds authored indices (undefined or [] = unanswered). */
export function scoreQuestion(q: Scorable, chosen: readonly number[] = []): QuestionScore {
	const correctOptions = correctIndices(q);
	const required = requiredSelections(q);
	const picked = new Set(chosen.filter((i) => i >= 0 && i < q.options.length));
	let correctChosen = 0;
	let wrongChosen = 0;
	for (const i of picked) {
		if (q.options[i].correct) correctChosen++;
		else wrongChosen++;
	}
	const answered = validateSelection(q, chosen).valid;
	return {
		correct: answered && wrongChosen === 0 && correctChosen === correctOptions.length,
		answered,
		partial: Math.max(0, correctChosen - wrongChosen) / required,
		correctChosen,
		wrongChosen,
		correctOptions
	};
}

export { percentOf } from './percent';
