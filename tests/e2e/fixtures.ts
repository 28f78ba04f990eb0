import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Opens a route and waits until the app has hydrated (the layout adds body.started). */
export async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('body.started').waitFor();
}

/** WCAG 2.1 A/AA and best-practice violations on the current page, as readable strings. */
export async function axeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
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
	const result = await new AxeBuilder({ page })
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
	await page.emulateMedia({ colorScheme: 'light' });
	const light = await axeViolations(page);
	await page.emulateMedia({ colorScheme: 'dark' });
	const dark = await axeColourViolations(page);
	await page.emulateMedia({ colorScheme: 'light' });
	return [...light.map((v) => `light: ${v}`), ...dark.map((v) => `dark: ${v}`)];
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
