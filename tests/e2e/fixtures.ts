import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Opens a route and waits until the app has hydrated (the layout adds body.started). */
export async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('body.started').waitFor();
}

/**
 * axe for the page's own document. The app has no frames, so axe runs in the page itself
 * ("legacy mode"): the default mode also opens a blank page per analysis to combine the results
 * of every frame, which roughly doubles the time of each analysis here and finds nothing more.
 */
async function axeFor(page: Page): Promise<AxeBuilder> {
	expect(await page.locator('iframe, frame').count(), 'axe checks the top document only').toBe(0);
	return new AxeBuilder({ page }).setLegacyMode(true);
}

/** WCAG 2.1 A/AA and best-practice violations on the current page, as readable strings. */
export async function axeViolations(page: Page): Promise<string[]> {
	const result = await (
		await axeFor(page)
	)
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	return result.violations.map(describeViolation);
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** One violation as a line: the rule, each element, and why it fails (e.g. the colours measured). */
function describeViolation(v: AxeResults['violations'][number]): string {
	const nodes = v.nodes.map((n) => {
		const why = n.failureSummary
			?.replace(/\s+/g, ' ')
			.replace(/^Fix (any|all) of the following: /, '');
		return why ? `${n.target.join(' ')} — ${why}` : n.target.join(' ');
	});
	return `${v.id}: ${v.help} (${nodes.join(', ')})`;
}

/**
 * axe's colour rules only (contrast, links told apart from text by colour): the checks that
 * differ between the light and dark schemes, where the rest of the page is the same DOM.
 */
export async function axeColourViolations(page: Page): Promise<string[]> {
	const result = await (
		await axeFor(page)
	)
		.withRules(['color-contrast', 'link-in-text-block'])
		.analyze();
	return result.violations.map(describeViolation);
}

/**
 * Every axe rule in the light scheme, then the colour rules in the dark one (the rest of the
 * DOM is the same in both); the page is left in the light scheme. Violations are prefixed with
 * the scheme they were found in.
 */
export async function axeBothSchemes(page: Page): Promise<string[]> {
	await emulateColourScheme(page, 'light');
	const light = await axeViolations(page);
	await emulateColourScheme(page, 'dark');
	const dark = await axeColourViolations(page);
	await emulateColourScheme(page, 'light');
	return [...light.map((v) => `light: ${v}`), ...dark.map((v) => `dark: ${v}`)];
}

/** The page background of each scheme (app.css --bg), as computed styles give it. */
const SCHEME_BACKGROUND = { light: 'rgb(247, 247, 245)', dark: 'rgb(21, 23, 28)' };

/**
 * Switches the emulated `prefers-color-scheme` of an open page and waits until every element's
 * computed style follows it, so that axe measures the colours a learner sees.
 *
 * Chromium does not get there by itself: after Emulation.setEmulatedMedia, :root's custom
 * properties change at once but descendants can keep their old computed colours, and waiting
 * does not help (reproduced: 60 of 320 flips left stale colours even after two animation
 * frames; e.g. body dark while the footer's version text still had the light scheme's --muted,
 * the contrast failure seen in CI). Taking the root out of the rendering and back rebuilds every
 * style from the stylesheets (0 of 320 stale), so the rebuild below is what makes this reliable;
 * focus and scroll position are restored, the DOM is left as it was.
 */
export async function emulateColourScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
	await page.emulateMedia({ colorScheme: scheme });
	await page.evaluate(() => {
		const root = document.documentElement;
		const focused = document.activeElement;
		const { scrollX, scrollY } = window;
		const inline = root.getAttribute('style');
		root.style.setProperty('display', 'none', 'important');
		void root.getBoundingClientRect();
		if (inline === null) root.removeAttribute('style');
		else root.setAttribute('style', inline);
		void root.getBoundingClientRect();
		window.scrollTo(scrollX, scrollY);
		if (focused instanceof HTMLElement && document.activeElement !== focused)
			focused.focus({ preventScroll: true });
	});
	await expect
		.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
		.toBe(SCHEME_BACKGROUND[scheme]);
}

/** Fails the test on any console error or request to another origin. */
export const test = base.extend<{ guard: void }>({
	guard: [
		async ({ page, baseURL }, use) => {
			const problems: string[] = [];
			page.on('console', (m) => {
				if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
			});
			page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
			page.on('request', (r) => {
				const url = new URL(r.url());
				if (!['http:', 'https:'].includes(url.protocol)) return;
				if (url.origin !== new URL(baseURL!).origin)
					problems.push(`third-party request: ${r.url()}`);
			});
			await use();
			expect(problems).toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
