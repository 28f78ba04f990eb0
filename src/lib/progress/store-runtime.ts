import type { AppDB, ProgressContext } from './app-db';
import { copyProgress } from './store-backend';
import { describeFailure, isStorageFailure } from './storage-failure';

/** Whether progress is being saved, and if not, why (for the banner). */
export interface StoreStatus {
	persistent: boolean;
	reason?: string;
}

/** Called whenever {@link StoreStatus} changes (today: only when the store degrades). */
export type StatusListener = (status: StoreStatus) => void;

/**
 * Holds the current backend and swaps it for an in-memory one when storage fails. Every
 * store operation runs through {@link StoreRuntime.run}: on a storage failure it degrades
 * once (copying what can still be read) and retries the operation on memory, so the caller
 * gets a result instead of an exception. IndexedDB transactions are atomic, so retrying a
 * failed write cannot double it.
 */
export class StoreRuntime {
	#ctx: ProgressContext;
	#status: StoreStatus;
	#degrading: Promise<void> | undefined;
	readonly #listeners = new Set<StatusListener>();
	readonly #openMemory: () => Promise<AppDB>;

	constructor(ctx: ProgressContext, status: StoreStatus, openMemory: () => Promise<AppDB>) {
		this.#ctx = ctx;
		this.#status = status;
		this.#openMemory = openMemory;
	}

	/** The backend operations should use right now. */
	get ctx(): ProgressContext {
		return this.#ctx;
	}

	get status(): StoreStatus {
		return { ...this.#status };
	}

	/** Subscribes to status changes; returns the unsubscribe function. */
	onStatusChange(listener: StatusListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Runs `op` on the current backend, degrading and retrying once on a storage failure. */
	async run<T>(op: (ctx: ProgressContext) => Promise<T>): Promise<T> {
		const ctx = this.#ctx;
		try {
			return await op(ctx);
		} catch (e) {
			// In memory there is nowhere left to fall back to: surface the error.
			if (!isStorageFailure(e) || !this.#status.persistent) throw e;
			await this.degrade(describeFailure(e), ctx);
			if (this.#ctx === ctx) throw e;
			return op(this.#ctx);
		}
	}

	/**
	 * Switches to memory because `failed` let us down. Concurrent failures share one switch;
	 * a failure reported for a backend already replaced is ignored.
	 */
	degrade(reason: string, failed: ProgressContext = this.#ctx): Promise<void> {
		if (failed !== this.#ctx) return this.#degrading ?? Promise.resolve();
		this.#degrading ??= (async () => {
			const memory: ProgressContext = { db: await this.#openMemory(), effects: failed.effects };
			const copied = await copyProgress(failed, memory);
			this.#ctx = memory;
			this.#status = {
				persistent: false,
				reason: copied ? reason : `${reason} Progress saved before could not be loaded.`
			};
			try {
				failed.db.close();
			} catch {
				// Already broken; nothing more to release.
			}
			for (const l of this.#listeners) l(this.status);
		})().finally(() => {
			this.#degrading = undefined;
		});
		return this.#degrading;
	}

	/** Closes the current backend. */
	close(): void {
		this.#ctx.db.close();
		this.#listeners.clear();
	}
}
