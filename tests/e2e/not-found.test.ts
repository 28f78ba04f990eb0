import type { Page } from '@playwright/test';
import { axeBothSchemes, expect, test as appTest } from './fixtures';
import { waitForServiceWorker } from './sw-helpers';

/** Shows the app's "Page not found" page, in the layout, with the way home. */
async function expectNotFoundPage(page: Page, path: string): Promise<void> {
	await page.locator('body.started').waitFor();
	await expect(page).toHaveTitle('Page not found · STS Trainer');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page.getByTestId('not-found-path')).toHaveText(path);
	// The site header and its navigation, as on every page.
	await expect(page.getByRole('banner').getByRole('link', { name: 'STS Trainer' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	const ways = page.getByTestId('not-found');
	for (const name of ['Home', 'Lessons', 'Search'])
		await expect(ways.getByRole('link', { name, exact: true })).toBeVisible();
}

/**
 * The app's guard (no console errors, no third-party requests), except for the one console
 * error a 404 brings: Chromium logs the 404 of the page (or page data) it was asked for as
 * "Failed to load resource".
 */
const test = appTest.extend({
	// Overrides the auto fixture of the same name, which stays automatic.
	guard: async ({ page, baseURL }, use) => {
		const problems: string[] = [];
		page.on('console', (m) => {
			if (m.type() !== 'error') return;
			if (/^Failed to load resource: the server responded with a status of 404/.test(m.text()))
				return;
			problems.push(`console error: ${m.text()}`);
		});
		page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
		page.on('request', (r) => {
			const url = new URL(r.url());
			if (['http:', 'https:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin)
				problems.push(`third-party request: ${r.url()}`);
		});
		await use();
		expect(problems).toEqual([]);
	}
});

test.describe('an address the app does not have', () => {
	test('gets the app’s 404 page: status 404, the header, a link home, no axe violations', async ({
		page
	}) => {
		const response = await page.goto('/lessons/nope');
		expect(response?.status()).toBe(404);
		expect(response?.headers()['content-type']).toContain('text/html');
		await expectNotFoundPage(page, '/lessons/nope');
		expect(await axeBothSchemes(page)).toEqual([]);
		await page.getByTestId('not-found').getByRole('link', { name: 'Home' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('AWS STS');

		// A path with no route at all, one level deeper.
		const deeper = await page.goto('/no/such/page');
		expect(deeper?.status()).toBe(404);
		await expectNotFoundPage(page, '/no/such/page');
	});

	test('followed inside the app, shows the same page in the layout', async ({ page }) => {
		await page.goto('/glossary');
		await page.locator('body.started').waitFor();
		await page.evaluate(() => {
			const a = document.createElement('a');
			a.href = '/lessons/nope#section';
			a.textContent = 'broken link';
			document.querySelector('main')!.append(a);
		});
		await page.getByRole('link', { name: 'broken link' }).click();
		await expect(page).toHaveURL(/\/lessons\/nope#section$/);
		await expectNotFoundPage(page, '/lessons/nope#section');
		await page.getByTestId('not-found').getByRole('link', { name: 'Lessons' }).click();
		await expect(page).toHaveURL(/\/lessons$/);
	});

	test('offline, after one visit, the service worker shows the 404 page with a link home', async ({
		page,
		context
	}) => {
		await page.goto('/');
		await page.locator('body.started').waitFor();
		await waitForServiceWorker(page);

		// Online, the worker passes the navigation to the network: the server's 404.
		const online = await page.goto('/lessons/nope');
		expect(online?.fromServiceWorker()).toBe(true);
		expect(online?.status()).toBe(404);
		await expectNotFoundPage(page, '/lessons/nope');

		await context.setOffline(true);
		// Offline the worker answers with its precached copy of the 404 page (hence status 200).
		const offline = await page.goto('/simulator/nope');
		expect(offline?.fromServiceWorker()).toBe(true);
		expect(offline?.status()).toBe(200);
		await expectNotFoundPage(page, '/simulator/nope');
		expect(await axeBothSchemes(page)).toEqual([]);
		await page.getByTestId('not-found').getByRole('link', { name: 'Home' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('AWS STS');
		await context.setOffline(false);
	});
});
