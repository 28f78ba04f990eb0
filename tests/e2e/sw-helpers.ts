import type { Page } from '@playwright/test';

/**
 * Waits until the service worker has installed (precached everything) and controls the page.
 * The app registers it only once the page has loaded and gone idle, so this may take a moment.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
		}
	});
}
