import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, open, test as base } from './fixtures';
import { builtRoutes } from './routes';
import { waitForServiceWorker } from './sw-helpers';

// Lighthouse 12 no longer audits installability (its PWA category and `installable-manifest`
// audit were removed in 12.0); those audits asked Chrome itself, through the DevTools protocol
// calls used here. See README, "Installing the app".

/**
 * A page in a browser with a profile on disk. Chrome never offers to install from an incognito
 * window, and every Playwright context but a persistent one is incognito ("in-incognito").
 */
const test = base.extend<{ profilePage: Page }>({
	profilePage: async ({ playwright, launchOptions, baseURL }, use) => {
		const profile = await mkdtemp(join(tmpdir(), 'sts-install-'));
		const context = await playwright.chromium.launchPersistentContext(profile, {
			...launchOptions,
			baseURL
		});
		const problems: string[] = [];
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('console', (m) => {
			if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
		});
		page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
		await use(page);
		await context.close();
		await rm(profile, { recursive: true, force: true });
		expect(problems).toEqual([]);
	}
});

interface ManifestIcon {
	src: string;
	sizes: string;
	type?: string;
	purpose?: string;
}

interface Manifest {
	name: string;
	short_name: string;
	id: string;
	start_url: string;
	scope: string;
	display: string;
	theme_color: string;
	background_color: string;
	icons: ManifestIcon[];
	shortcuts: { name: string; url: string; icons?: ManifestIcon[] }[];
}

/** Chrome's own verdict on the page: why it could not be installed (none = installable). */
async function chromeInstallability(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	const { url, errors } = await cdp.send('Page.getAppManifest');
	await cdp.detach();
	return { installabilityErrors, manifestUrl: url, manifestErrors: errors };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/** Fetches an icon and checks that its file is what the manifest says it is. */
async function checkIcon(page: Page, icon: ManifestIcon) {
	const res = await page.request.get(icon.src);
	expect(res.status(), icon.src).toBe(200);
	if (icon.type) expect(res.headers()['content-type'], icon.src).toBe(icon.type);
	if (icon.type === 'image/png') expect(pngSize(await res.body()), icon.src).toBe(icon.sizes);
}

test('Chrome finds the app installable, from the home page, a lesson and the exam', async ({
	profilePage,
	baseURL
}) => {
	await open(profilePage, '/');
	await waitForServiceWorker(profilePage);
	for (const path of ['/', '/lessons/assume-role', '/quiz/exam']) {
		await open(profilePage, path);
		const verdict = await chromeInstallability(profilePage);
		expect(verdict.manifestUrl, path).toBe(new URL('/manifest.webmanifest', baseURL).href);
		expect(verdict.manifestErrors, path).toEqual([]);
		expect(verdict.installabilityErrors, path).toEqual([]);
	}
});

test('the manifest has what installing and the home screen need, and its files exist', async ({
	page
}) => {
	await open(page, '/');
	const res = await page.request.get('/manifest.webmanifest');
	expect(res.headers()['content-type']).toBe('application/manifest+json');
	const manifest = (await res.json()) as Manifest;

	expect(manifest.name).toBe('STS Trainer');
	expect(manifest.short_name.length).toBeLessThanOrEqual(12);
	expect(manifest).toMatchObject({ id: '/', start_url: '/', scope: '/', display: 'standalone' });
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
	// The page's own theme colour (light and dark) is declared too.
	await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);

	const purposes = (icon: ManifestIcon) => (icon.purpose ?? 'any').split(/\s+/);
	const png = (size: string, purpose: string) =>
		manifest.icons.filter(
			(i) => i.type === 'image/png' && i.sizes === size && purposes(i).includes(purpose)
		);
	expect(png('192x192', 'any')).toHaveLength(1);
	expect(png('512x512', 'any')).toHaveLength(1);
	expect(png('512x512', 'maskable')).toHaveLength(1);
	for (const icon of manifest.icons) await checkIcon(page, icon);

	// Shortcuts lead to pages that exist, with icons that exist.
	const routes = builtRoutes();
	expect(manifest.shortcuts.map((s) => s.url)).toEqual(['/quiz/due', '/quiz/exam']);
	for (const shortcut of manifest.shortcuts) {
		expect(routes, shortcut.name).toContain(shortcut.url);
		expect(shortcut.icons?.length, shortcut.name).toBeGreaterThan(0);
		for (const icon of shortcut.icons ?? []) await checkIcon(page, { type: 'image/png', ...icon });
	}
});
