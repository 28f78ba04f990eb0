/** The parts of `window` that `afterLoadAndIdle` uses, so a test can pass a fake. */
export interface LoadIdleWindow {
	document: { readyState: DocumentReadyState };
	addEventListener(type: 'load', listener: () => void, options: { once: true }): void;
	/** Missing in some browsers (Safari before 18): then a zero-delay timeout stands in. */
	requestIdleCallback?: (callback: () => void, options: { timeout: number }) => unknown;
	setTimeout(callback: () => void, ms: number): unknown;
}

/**
 * Resolves after the page's load event, at the next idle moment of the main thread (at the latest
 * `maxWaitMs` after load), so that work started then does not compete with first paint.
 */
export function afterLoadAndIdle(win: LoadIdleWindow, maxWaitMs = 3000): Promise<void> {
	return new Promise((resolve) => {
		const whenIdle = () => {
			if (win.requestIdleCallback) win.requestIdleCallback(() => resolve(), { timeout: maxWaitMs });
			else win.setTimeout(() => resolve(), 0);
		};
		if (win.document.readyState === 'complete') whenIdle();
		else win.addEventListener('load', whenIdle, { once: true });
	});
}
