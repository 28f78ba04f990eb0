// Steps and checks shared by the tests that install content packs through /author.
import type { Page } from '@playwright/test';
import { expect, open } from './fixtures';

export const PACKS = 'tests/fixtures/packs';
/** Text found only in the `yaml` package's code (one of its parser errors). */
export const YAML_PACKAGE_CODE = 'Implicit keys need to be on a single line';
/** Text found only in the simulator engine's code (scenario-runner.ts, what a failed step says). */
export const SCENARIO_RUNNER_CODE = 'the simulator could not run it';

/**
 * Chooses a pack file on /author (already open) and waits for its preview: a file of
 * tests/fixtures/packs, or a pack made by the test (`name` and its JSON `data`).
 */
export async function loadPack(page: Page, file: string | { name: string; data: unknown }) {
	const input = page.getByLabel('Pack file');
	// Enabled once the content index and the installed packs are read; setInputFiles does not wait.
	await expect(input).toBeEnabled();
	await input.setInputFiles(
		typeof file === 'string'
			? `${PACKS}/${file}`
			: {
					name: file.name,
					mimeType: 'application/json',
					buffer: Buffer.from(JSON.stringify(file.data))
				}
	);
	await expect(page.getByTestId('pack-preview')).toBeVisible();
}

/** Opens /author, installs the pack file and waits for the confirmation. */
export async function installPack(page: Page, file: string, title?: string) {
	await open(page, '/author');
	await loadPack(page, file);
	// Valid: its scenarios were played and hold their expectations.
	await expect(page.getByTestId('pack-errors')).toHaveCount(0);
	await page.getByTestId('install-pack').click();
	await expect(page.getByTestId('pack-status')).toContainText(
		title === undefined ? 'Added' : `Added “${title}”`
	);
}

/** Collects the JavaScript the page downloads from now on. */
export function scriptsOf(page: Page): Promise<string>[] {
	const bodies: Promise<string>[] = [];
	page.on('response', (r) => {
		if (r.url().endsWith('.js')) bodies.push(r.text().catch(() => ''));
	});
	return bodies;
}

/** Every dialog the page opens (each is dismissed): a payload that ran would open one. */
export function recordDialogs(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	return dialogs;
}

/** Elements the XSS pack's payloads would create if any got into the DOM as markup. */
const INJECTED =
	'#xss-img, #xss-style, #xss-svg, #xss-a, #xss-iframe, #xss-mxss, #xss-title, #xss-details, #xss-object, #xss-form, iframe, object, embed, svg[onload], img[onerror], [onerror], [onload], a[href^="javascript" i], a[href^="data:" i], a[href^="vbscript" i], meta[http-equiv="refresh" i], base';

/**
 * Nothing from the XSS pack ran or reached the DOM as markup: no injected element, no link that
 * runs script, no `window.__xss`, no script or hiding style of the pack's, no dialog.
 * `extra` adds selectors that must match nothing on this page (e.g. `form` where the page has none).
 */
export async function expectNoInjection(page: Page, dialogs: string[], extra?: string) {
	const selector = extra ? `${INJECTED}, ${extra}` : INJECTED;
	expect(
		await page.locator(selector).evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 120)))
	).toEqual([]);
	// No href anywhere runs script, whatever its case or spacing.
	expect(
		await page
			.locator('a[href]')
			.evaluateAll((els) =>
				els
					.map((e) => e.getAttribute('href') ?? '')
					.filter((h) => /^\s*(javascript|vbscript|data):/i.test(h))
			)
	).toEqual([]);
	expect(
		await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)
	).toBeUndefined();
	// No script or style from the pack: every script is the app's own, no style hides the page.
	expect(
		await page
			.locator('script')
			.evaluateAll((els) => els.filter((e) => /alert|__xss/.test(e.textContent ?? '')).length)
	).toBe(0);
	expect(
		await page
			.locator('style')
			.evaluateAll((els) => els.filter((e) => /display:\s*none/.test(e.textContent ?? '')).length)
	).toBe(0);
	await expect(page.locator('body')).toBeVisible();
	expect(dialogs).toEqual([]);
}
