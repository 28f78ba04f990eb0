/**
 * Imports modules one after another, yielding to the event loop between them, and resolves with
 * the last one. A module graph imported at once is evaluated in one task; imported in stages (the
 * big dependencies first, each in its own task), the same work becomes several shorter tasks, so
 * that input and rendering can run in between instead of waiting for one long task.
 */
export async function stagedImport<T>(
	stages: readonly (() => Promise<unknown>)[],
	last: () => Promise<T>,
	yieldToMain: () => Promise<void> = nextTask
): Promise<T> {
	for (const stage of stages) {
		await stage();
		await yieldToMain();
	}
	return last();
}

/** Resolves in a later task: `scheduler.yield()` where the browser has it, else a timeout. */
export function nextTask(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}
