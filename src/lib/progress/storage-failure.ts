/**
 * Error names that mean "the storage let us down", as opposed to a bug: IndexedDB DOM
 * errors and Dexie's wrappers of them. Only these make the store fall back to memory; any
 * other error is a defect and is allowed to surface.
 */
const STORAGE_ERROR_NAMES = new Set([
	'QuotaExceededError',
	'UnknownError',
	'InvalidStateError',
	'AbortError',
	'TimeoutError',
	'VersionError',
	'NotFoundError',
	'DatabaseClosedError',
	'OpenFailedError',
	'MissingAPIError',
	'NoSuchDatabaseError',
	'VersionChangeError',
	'PrematureCommitError',
	'SecurityError',
	'StorageUnavailableError'
]);

interface ErrorLike {
	name?: unknown;
	message?: unknown;
	inner?: unknown;
	failures?: unknown;
}

/** Whether `error` (or what it wraps) is a storage condition rather than a programming error. */
export function isStorageFailure(error: unknown, depth = 0): boolean {
	if (depth > 4 || typeof error !== 'object' || error === null) return false;
	const e = error as ErrorLike;
	if (typeof e.name === 'string' && STORAGE_ERROR_NAMES.has(e.name)) return true;
	if (isStorageFailure(e.inner, depth + 1)) return true;
	// Dexie's BulkError/ModifyError carry per-item failures, e.g. one QuotaExceededError.
	return Array.isArray(e.failures) && e.failures.some((f) => isStorageFailure(f, depth + 1));
}

/** A sentence for the status banner explaining why progress is not being saved. */
export function describeFailure(error: unknown): string {
	const names = collectNames(error);
	if (names.includes('QuotaExceededError'))
		return 'The browser refused to store more data (storage is full or restricted, as in private browsing).';
	if (names.includes('VersionError') || names.includes('VersionChangeError'))
		return 'A newer version of STS Trainer is open in another tab; reload this tab to keep saving.';
	if (names.includes('MissingAPIError')) return 'This browser does not offer IndexedDB storage.';
	if (names.includes('SecurityError'))
		return 'The browser does not allow this site to store data (privacy settings or private browsing).';
	const e = error as ErrorLike | null;
	const msg = e && typeof e.message === 'string' && e.message ? e.message : String(error);
	return `The browser's database failed: ${msg}`;
}

function collectNames(error: unknown, depth = 0): string[] {
	if (depth > 4 || typeof error !== 'object' || error === null) return [];
	const e = error as ErrorLike;
	const out = typeof e.name === 'string' ? [e.name] : [];
	out.push(...collectNames(e.inner, depth + 1));
	if (Array.isArray(e.failures))
		for (const f of e.failures) out.push(...collectNames(f, depth + 1));
	return out;
}

/** Rejects with a TimeoutError if `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => {
			const err = new Error(message);
			err.name = 'TimeoutError';
			reject(err);
		}, ms);
		promise.then(
			(v) => {
				clearTimeout(timer);
				resolve(v);
			},
			(e: unknown) => {
				clearTimeout(timer);
				reject(e instanceof Error ? e : new Error(String(e)));
			}
		);
	});
}
