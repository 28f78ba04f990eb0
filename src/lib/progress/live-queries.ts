import { liveQuery, type Subscription } from 'dexie';
import type { ProgressContext } from './app-db';
import type { StoreRuntime } from './store-runtime';
import { isStorageFailure, describeFailure } from './storage-failure';

/** Minimal observer, compatible with Dexie, RxJS and TC39 Observable observers. */
export interface ProgressObserver<T> {
	next?: (value: T) => void;
	error?: (error: unknown) => void;
	complete?: () => void;
}

/** What subscribing returns; Svelte's store contract accepts `{ unsubscribe }`. */
export interface ProgressSubscription {
	unsubscribe(): void;
	readonly closed: boolean;
}

/**
 * A live query result stream. `subscribe(fn)` makes it a Svelte store (`$dashboard`); it
 * also carries `Symbol.observable` (or `'@@observable'`), so RxJS `from()` accepts it.
 */
export interface ProgressObservable<T> {
	subscribe(next: (value: T) => void): ProgressSubscription;
	subscribe(observer: ProgressObserver<T>): ProgressSubscription;
}

// Symbol.observable exists only where a polyfill put it; RxJS also reads this string key.
const observableKey: symbol | string =
	(Symbol as { observable?: symbol }).observable ?? '@@observable';

/**
 * Re-runs `query` whenever the tables and key ranges it read change — in this tab or, via
 * Dexie's cross-tab signalling, in another — and emits each result. If the store falls back
 * to memory, the subscription moves to the new backend and runs the query there.
 */
export function watchQuery<T>(
	runtime: StoreRuntime,
	query: (ctx: ProgressContext) => Promise<T>
): ProgressObservable<T> {
	const observable = {
		subscribe(arg: ((value: T) => void) | ProgressObserver<T>): ProgressSubscription {
			const observer: ProgressObserver<T> = typeof arg === 'function' ? { next: arg } : arg;
			let inner: Subscription | undefined;
			let closed = false;
			const attach = () => {
				inner?.unsubscribe();
				const ctx = runtime.ctx;
				inner = liveQuery(() => query(ctx)).subscribe({
					next: (v) => observer.next?.(v),
					error: (e: unknown) => {
						if (runtime.status.persistent && isStorageFailure(e))
							void runtime
								.degrade(describeFailure(e), ctx)
								.catch((err: unknown) => observer.error?.(err));
						else observer.error?.(e);
					}
				});
			};
			const off = runtime.onStatusChange(() => {
				if (!closed) attach();
			});
			attach();
			return {
				unsubscribe() {
					closed = true;
					off();
					inner?.unsubscribe();
				},
				get closed() {
					return closed;
				}
			};
		}
	} as ProgressObservable<T>;
	Object.defineProperty(observable, observableKey, { value: () => observable });
	return observable;
}
