import { expect, open, test } from './fixtures';
import { builtRoutes } from './routes';
import { waitForServiceWorker } from './sw-helpers';

test('after one visit every route works offline, including routes never visited', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await open(page, '/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	// The page comes from the service worker's cache. (Chromium 150 does not carry the emulated
	// offline state into a reloaded document's navigator.onLine, so the indicator is checked in
	// the next test, where the connection drops under a loaded page.)
	const reloaded = await page.reload();
	expect(reloaded?.fromServiceWorker(), 'the reload is served by the service worker').toBe(true);
	await page.locator('body.started').waitFor();

	const routes = builtRoutes();
	expect(routes.length).toBeGreaterThan(20);
	for (const route of routes) {
		const response = await page.goto(route);
		expect(response?.ok(), `${route} offline`).toBe(true);
		expect(response?.fromServiceWorker(), `${route} from the service worker`).toBe(true);
		await page.locator('body.started').waitFor();
		await expect(page.locator('h1').first(), route).toBeVisible();
	}
	await context.setOffline(false);
});

// Online the host redirects /lessons/ to /lessons (308); offline the worker showed "Page not
// found" for it, since it holds the page as /lessons.
test('offline, an address with a trailing slash is redirected to its page, as the host does online', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await open(page, '/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	const routes = builtRoutes().filter((r) => r !== '/');
	expect(routes).toEqual(expect.arrayContaining(['/lessons', '/quiz', '/lessons/assume-role']));
	for (const route of routes) {
		const response = await page.goto(`${route}/`);
		const redirect = await response?.request().redirectedFrom()?.response();
		expect(redirect?.status(), `${route}/ offline`).toBe(308);
		expect(redirect?.fromServiceWorker(), `${route}/ redirected by the worker`).toBe(true);
		expect(response?.ok(), `${route} offline`).toBe(true);
		expect(response?.fromServiceWorker(), `${route} from the service worker`).toBe(true);
		expect(new URL(page.url()).pathname).toBe(route);
		await page.locator('body.started').waitFor();
		await expect(page.getByRole('heading', { level: 1 }).first(), route).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 }).first(), route).not.toHaveText(
			'Page not found'
		);
	}
	// The query comes along.
	await page.goto('/search/?q=external+id');
	await page.locator('body.started').waitFor();
	expect(page.url()).toMatch(/\/search\?q=external\+id$/);
	await expect(page.getByRole('searchbox', { name: /^Search lessons/ })).toHaveValue('external id');
	await context.setOffline(false);
});

test('offline, in-app links work too: page data comes from the precache', async ({
	page,
	context
}) => {
	await open(page, '/lessons');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	const nav = page.getByRole('navigation', { name: 'Main' });
	await nav.getByRole('link', { name: 'Glossary' }).click();
	await expect(page).toHaveURL(/\/glossary$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
	await page.getByRole('link', { name: 'STS Trainer' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('AWS STS');
	await nav.getByRole('link', { name: 'Lessons' }).click();
	await page.getByRole('link', { name: 'AssumeRole and cross-account access' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'AssumeRole and cross-account access'
	);
	await context.setOffline(false);
});

test('offline, addresses with a query open their page, and the manifest comes from the cache', async ({
	page,
	context
}) => {
	const failed: string[] = [];
	page.on('requestfailed', (r) => failed.push(r.url()));
	await open(page, '/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	for (const [address, heading] of [
		['/search?q=external+id', 'Search'],
		['/quiz/practice?topic=mfa', 'Practice'],
		['/lessons/assume-role?utm_source=x&ref=mail', 'AssumeRole and cross-account access']
	] as const) {
		const response = await page.goto(address);
		expect(response?.fromServiceWorker(), `${address} from the service worker`).toBe(true);
		await page.locator('body.started').waitFor();
		await expect(page.getByRole('heading', { level: 1 }), address).toContainText(heading);
	}
	await page.goto('/search?q=external+id');
	await page.locator('body.started').waitFor();
	await expect(page.getByRole('searchbox', { name: /^Search lessons/ })).toHaveValue('external id');
	expect(failed.filter((u) => u.endsWith('/manifest.webmanifest'))).toEqual([]);
	await context.setOffline(false);
});

test('the offline indicator follows the connection', async ({ page, context }) => {
	await open(page, '/lessons');
	await expect(page.getByTestId('offline-indicator')).toHaveCount(0);
	// The worker registers at idle and precaches: going offline before it has would fail those
	// fetches (console errors) on a first visit, which is not what this test is about.
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await expect(page.getByTestId('offline-indicator')).toBeVisible();
	await context.setOffline(false);
	await expect(page.getByTestId('offline-indicator')).toHaveCount(0);
});
