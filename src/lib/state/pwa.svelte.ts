import { registerSW } from 'virtual:pwa-register';

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

	init(): void {
		this.online = navigator.onLine;
		addEventListener('online', () => (this.online = true));
		addEventListener('offline', () => (this.online = false));
		if (!('serviceWorker' in navigator)) return;
		this.update = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.needRefresh = true),
			onOfflineReady: () => (this.offlineReady = true),
			onRegisteredSW: (_url, registration) => {
				// Look for a new version hourly while the app stays open.
				if (registration) setInterval(() => registration.update().catch(() => {}), 60 * 60 * 1000);
			}
		});
	}

	/** Activates the waiting version and reloads; only ever called from the learner's click. */
	async reload(): Promise<void> {
		await this.update?.(true);
	}

	dismiss(): void {
		this.needRefresh = false;
	}
}

export const pwa = new PwaState();
