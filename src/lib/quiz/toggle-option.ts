import type { QuizItemSource } from './quiz-item';

/**
 * The selection after toggling `option` (an authored index). Single-answer questions behave like
 * radio buttons (the option replaces the selection); multiple-answer ones like checkboxes.
 * Out-of-range indices leave the selection unchanged.
 */
export function toggleOption(
	q: Pick<QuizItemSource, 'type' | 'options'>,
	selected: readonly number[],
	option: number
): number[] {
	if (!Number.isInteger(option) || option < 0 || option >= q.options.length) return [...selected];
	if (q.type === 'single') return [option];
	return selected.includes(option)
		? selected.filter((i) => i !== option)
		: [...selected, option].sort((a, b) => a - b);
}
