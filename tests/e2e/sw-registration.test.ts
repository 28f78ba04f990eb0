import { expect, open, test } from './fixtures';
import { waitForServiceWorker } from './sw-helpers';

test('the service worker is registered only after the page has loaded and painted', async ({
	page
}) => {
	// Notes when the app calls navigator.serviceWorker.register (page time, ms).
	await page.addInitScript(() => {
		const register = ServiceWorkerContainer.prototype.register;
		ServiceWorkerContainer.prototype.register = function (...args) {
			(window as unknown as { registeredAt: number }).registeredAt = performance.now();
			return register.apply(this, args);
		};
	});
	await open(page, '/');
	await waitForServiceWorker(page);
	const timing = await page.evaluate(() => ({
		registeredAt: (window as unknown as { registeredAt?: number }).registeredAt,
		loadEnd: performance.getEntriesByType('navigation')[0].toJSON().loadEventEnd as number,
		firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime
	}));
	expect(timing.registeredAt, 'register() was called').toBeDefined();
	expect(timing.loadEnd).toBeGreaterThan(0);
	expect(timing.firstPaint).toBeGreaterThan(0);
	expect(timing.registeredAt).toBeGreaterThanOrEqual(timing.loadEnd);
	expect(timing.registeredAt).toBeGreaterThanOrEqual(timing.firstPaint!);
});
