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
