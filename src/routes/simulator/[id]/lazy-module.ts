/**
 * A module imported on first use and then kept: `load()` returns the same promise every time,
 * and a failed import (a deploy replaced the chunk, offline) is retried on the next call.
 */
export function lazyModule<T>(importer: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return () => {
		pending ??= importer().catch((e: unknown) => {
			pending = undefined;
			throw e;
		});
		return pending;
	};
}
