import { registerSW } from 'virtual:pwa-register';
import { afterLoadAndIdle } from './after-load-idle';
import { watchForUpdate } from './sw-update';

const HOUR = 60 * 60 * 1000;

/**
 * Service worker status for the UI. The new version waits until the learner chooses to reload,
 * so a quiz or exam in progress is never interrupted (its state is persisted and resumes).
 */
class PwaState {
	/** A new version is installed and waiting. */
	needRefresh = $state(false);
	/** Everything is cached: the app works offline from now on. */
	offlineReady = $state(false);
	online = $state(true);
	private update: ((reload?: boolean) => Promise<void>) | undefined;
	private started = false;
	private reloading = false;

	init(): void {
		if (this.started) return;
		this.started = true;
		this.online = navigator.onLine;
		addEventListener('online', () => (this.online = true));
		addEventListener('offline', () => (this.online = false));
		if (!('serviceWorker' in navigator)) return;
		// Registering loads workbox-window and lets the worker precache the whole app: wait until
		// the page has loaded and the main thread is idle, so neither competes with first paint.
		void afterLoadAndIdle(window).then(() => this.register());
	}

	private register(): void {
		this.update = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.needRefresh = true),
			onOfflineReady: () => (this.offlineReady = true),
			// The new version took control (after the learner chose to reload, here or in another
			// tab of the app): this page's code is the old version's, so it reloads once.
			onNeedReload: () => this.reloadOnce(),
			onRegisteredSW: (_url, registration) => {
				if (!registration) return;
				// workbox-window misses a new worker found while the page was registering (see
				// watchForUpdate); the registration itself does not.
				watchForUpdate(
					registration,
					() => navigator.serviceWorker.controller !== null,
					() => (this.needRefresh = true)
				);
				const check = () => void registration.update().catch(() => {});
				// Look for a new version hourly while the app stays open, and when the learner
				// comes back to it.
				setInterval(check, HOUR);
				document.addEventListener('visibilitychange', () => {
					if (document.visibilityState === 'visible') check();
				});
			}
		});
	}

	/** Activates the waiting version and reloads; only ever called from the learner's click. */
	async reload(): Promise<void> {
		// workbox-window reloads on 'controlling' only for a prompt it raised itself; a prompt
		// raised by watchForUpdate needs this (reloadOnce keeps it to one reload either way).
		navigator.serviceWorker?.addEventListener('controllerchange', () => this.reloadOnce(), {
			once: true
		});
		await this.update?.(true);
	}

	private reloadOnce(): void {
		if (this.reloading) return;
		this.reloading = true;
		location.reload();
	}

	dismiss(): void {
		this.needRefresh = false;
	}
}

export const pwa = new PwaState();
