/**
 * The "Free play" link of a scenario card: the scenario's page, opened with its call form ready.
 * A built-in scenario's address gets the fragment `#free-play` (the form's panel has that id); a
 * pack scenario's address already carries its pack and scenario in the fragment, so `free-play`
 * joins them as one more parameter.
 */
export function freePlayHref(scenarioHref: string): string {
	return scenarioHref.includes('#') ? `${scenarioHref}&free-play` : `${scenarioHref}#free-play`;
}

/** Whether a page's fragment (location.hash) asks for free play, as freePlayHref spells it. */
export function wantsFreePlay(hash: string): boolean {
	return new URLSearchParams(hash.replace(/^#/, '')).has('free-play');
}
