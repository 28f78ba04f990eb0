import { readdirSync, readFileSync } from 'node:fs';
import { expect, open, test } from './fixtures';
import { waitForServiceWorker } from './sw-helpers';

/** The built chunk that holds workbox-window (the registration code), found by its content. */
function workboxWindowChunk(root = 'build'): string {
	const dir = `${root}/_app/immutable/chunks`;
	const found = readdirSync(dir).filter((f) =>
		readFileSync(`${dir}/${f}`, 'utf8').includes('messageSkipWaiting')
	);
	expect(found, 'exactly one chunk holds workbox-window').toHaveLength(1);
	return `/_app/immutable/chunks/${found[0]}`;
}

test('the service worker is registered only once the page has loaded and the browser is idle', async ({
	page
}) => {
	const chunk = workboxWindowChunk();
	const requested: string[] = [];
	page.on('request', (r) => requested.push(new URL(r.url()).pathname));
	// Notes when the app calls navigator.serviceWorker.register.
	await page.addInitScript(() => {
		const register = ServiceWorkerContainer.prototype.register;
		ServiceWorkerContainer.prototype.register = function (...args) {
			(window as unknown as { registered: boolean }).registered = true;
			return register.apply(this, args);
		};
	});
	// The page's idle callbacks and timers wait for this test's clock.
	await page.clock.install();
	await page.clock.pauseAt(Date.now() + 1000);

	await open(page, '/');
	await page.waitForLoadState('networkidle');
	// Loaded and hydrated, but never idle yet: nothing of the service worker has started.
	expect(await page.evaluate(() => document.readyState)).toBe('complete');
	expect(requested).toContain('/');
	expect(requested).not.toContain(chunk);
	expect(await page.evaluate(() => navigator.serviceWorker.getRegistration())).toBeUndefined();
	expect(
		await page.evaluate(() => (window as unknown as { registered?: boolean }).registered)
	).toBeUndefined();

	// Idle: workbox-window loads, registers /sw.js, and the worker takes control.
	await page.clock.runFor(3000);
	await waitForServiceWorker(page);
	expect(requested).toContain(chunk);
	expect(
		await page.evaluate(() => (window as unknown as { registered?: boolean }).registered)
	).toBe(true);
});
