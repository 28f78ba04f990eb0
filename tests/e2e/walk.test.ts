import { existsSync } from 'node:fs';
import { expect, test } from './fixtures';
import { collectCspViolations } from './csp-violations';
import { builtRoutes } from './routes';

// The guard fixture fails this test on any console error, page error or request to another
// origin; each route is left only once its own requests have settled.
test('every built route loads with no console error, no third-party request and no CSP violation', async ({
	page
}) => {
	test.setTimeout(180_000);
	expect(existsSync('build'), 'run `npm run build` before the browser tests').toBe(true);
	const violations = await collectCspViolations(page);
	const routes = builtRoutes();
	expect(routes.length).toBeGreaterThan(20);
	for (const route of routes) {
		const response = await page.goto(route);
		expect(response?.status(), route).toBe(200);
		await page.locator('body.started').waitFor();
		await page.waitForLoadState('networkidle');
		await expect(page.locator('h1').first(), route).toBeVisible();
	}
	expect(violations).toEqual([]);
});
