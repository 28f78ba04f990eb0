/** The parts of a service worker that `watchForUpdate` uses, so a test can pass a fake. */
export interface WorkerLike {
	readonly state: string;
	addEventListener(type: 'statechange', listener: () => void): void;
}

/** The parts of a `ServiceWorkerRegistration` that `watchForUpdate` uses. */
export interface RegistrationLike {
	readonly installing: WorkerLike | null;
	readonly waiting: WorkerLike | null;
	addEventListener(type: 'updatefound', listener: () => void): void;
}

/**
 * Calls `onUpdate` whenever a new version of the service worker is installed and waiting while
 * an older one controls the page: a waiting worker already there when this is called, one still
 * installing then, and any the browser finds later ('updatefound').
 *
 * workbox-window reports only workers whose 'updatefound' it saw after its own register() call
 * resolved, or that were already waiting then; a worker found in between (e.g. by an update check
 * that ran while the page was registering) reaches 'installed' unseen and the prompt is lost. This
 * looks at the registration itself, so no such window exists. `onUpdate` may be called more than
 * once for the same worker: it must be idempotent (showing a prompt is).
 */
export function watchForUpdate(
	registration: RegistrationLike,
	isControlled: () => boolean,
	onUpdate: () => void
): void {
	const offer = () => {
		// The first worker of a page that had none installs without a controller: nothing to update.
		if (isControlled()) onUpdate();
	};
	const watch = (worker: WorkerLike | null) => {
		if (!worker) return;
		if (worker.state === 'installed') {
			offer();
			return;
		}
		worker.addEventListener('statechange', () => {
			if (worker.state === 'installed') offer();
		});
	};
	registration.addEventListener('updatefound', () => watch(registration.installing));
	watch(registration.installing);
	watch(registration.waiting);
}
