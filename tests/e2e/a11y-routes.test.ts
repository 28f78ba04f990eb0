import { existsSync } from 'node:fs';
import {
	axeColourViolations,
	axeViolations,
	emulateColourScheme,
	expect,
	open,
	test
} from './fixtures';
import { builtRoutes } from './routes';

// Every prerendered page (colours in both schemes), as it stands once its data has loaded
// (quiz pages fetch the question bank after hydration). Interactive states are checked in the
// flow tests (quiz.test.ts runs axe after answering and on exam results).
const routes = existsSync('build') ? builtRoutes() : [];

test('the build exists, so every route gets an accessibility check', () => {
	expect(routes.length, 'run `npm run build` before the browser tests').toBeGreaterThan(20);
});

for (const route of routes) {
	test(`axe: no WCAG 2.1 A/AA or best-practice violations on ${route}, colours checked in both schemes`, async ({
		page
	}) => {
		// axe on a long page (glossary, scenarios) takes ~20 s on a busy two-core machine.
		test.setTimeout(90_000);
		await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
		await open(page, route);
		await page.waitForLoadState('networkidle');
		// Parts rendered after hydration (the simulator's world) are checked once they are there.
		await expect(page.getByText(/^Loading the /)).toHaveCount(0);
		expect(await axeViolations(page), 'light scheme, every rule').toEqual([]);
		// The dark scheme changes colours only (CSS prefers-color-scheme): the colour rules again.
		await emulateColourScheme(page, 'dark');
		expect(await axeColourViolations(page), 'dark scheme, colour rules').toEqual([]);
	});
}
