/**
 * Resolves when the browser is next idle (requestIdleCallback), and at the latest after
 * `timeoutMs`. Where requestIdleCallback is missing (Safari), a timer of `fallbackMs` stands in.
 * For work the first view does not need, so that it does not compete with hydration and paint.
 */
export function whenIdle(
	timeoutMs = 2_000,
	fallbackMs = 200,
	scope: Partial<Pick<typeof globalThis, 'requestIdleCallback' | 'setTimeout'>> = globalThis
): Promise<void> {
	return new Promise((resolve) => {
		if (typeof scope.requestIdleCallback === 'function')
			scope.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
		else (scope.setTimeout ?? setTimeout)(() => resolve(), fallbackMs);
	});
}

/**
 * Resolves in a later task (with `scheduler.yield` where the browser has it, which resumes ahead of
 * other queued work; else a zero-delay timer), so that work after it does not lengthen the task
 * running now: on a slow phone one long task blocks input for its whole length.
 */
export function nextTask(
	scope: {
		scheduler?: { yield?: () => Promise<void> };
		setTimeout?: typeof setTimeout;
	} = globalThis
): Promise<void> {
	if (typeof scope.scheduler?.yield === 'function') return scope.scheduler.yield();
	return new Promise((resolve) => (scope.setTimeout ?? setTimeout)(() => resolve(), 0));
}
