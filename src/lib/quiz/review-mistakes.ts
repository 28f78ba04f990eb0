import { selectReviewMistakes, type SelectableQuestion } from './select-questions';

/** What "review mistakes" can offer, and what it cannot. */
export interface MistakesOverview<Q> {
	/** Questions in the app last answered wrong: the review. */
	mistakes: Q[];
	/** Ids of questions last answered wrong that the app no longer has (a removed pack, an update). */
	missing: string[];
}

/** The review's questions, and the mistakes it cannot show because their questions are gone. */
export function mistakesOverview<Q extends SelectableQuestion>(
	questions: readonly Q[],
	lastResults: ReadonlyMap<string, boolean>
): MistakesOverview<Q> {
	const have = new Set(questions.map((q) => q.id));
	const missing = [...lastResults].flatMap(([id, right]) => (!right && !have.has(id) ? [id] : []));
	return { mistakes: selectReviewMistakes(questions, lastResults), missing };
}

/** Where the missing questions came from: all from content packs, none, or some. */
export type MissingOrigin = 'packs' | 'app' | 'mixed';

/** The origin of missing questions from the pack of each one's latest answer (undefined: the app's bank). */
export function missingOrigin(packs: ReadonlyMap<string, string | undefined>): MissingOrigin {
	const values = [...packs.values()];
	const fromPacks = values.filter((p) => p !== undefined).length;
	if (fromPacks === values.length && fromPacks > 0) return 'packs';
	return fromPacks === 0 && values.length > 0 ? 'app' : 'mixed';
}

/**
 * What the review page says of mistakes it cannot show, so that "no mistakes" is never claimed
 * while the learner's answers (on /progress) include wrong ones. `reviewable`: how many mistakes
 * the review does have.
 */
export function missingMistakesText(missing: number, origin: MissingOrigin, reviewable: number) {
	if (missing === 0) return '';
	const one = missing === 1;
	const where = {
		packs: `${one ? 'it' : 'they'} came from a content pack that has been removed`,
		app: `${one ? 'it was' : 'they were'} taken out in an update`,
		mixed: `${one ? 'it' : 'they'} came from a content pack that has been removed or ${one ? 'was' : 'were'} taken out in an update`
	}[origin];
	const subject =
		reviewable === 0
			? `The ${one ? 'question' : `${missing} questions`} you last answered wrong ${one ? 'is' : 'are'}`
			: `${missing} more question${one ? '' : 's'} you last answered wrong ${one ? 'is' : 'are'}`;
	return `${subject} no longer in the app: ${where}, so ${one ? 'it' : 'they'} cannot be reviewed.`;
}
