import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { axeViolations, expect, open, test as base } from './fixtures';
import { answerPractice, openProgress } from './progress-helpers';
import { currentQuestion, pressOptions } from './quiz-helpers';
import { probeServiceWorker, waitForServiceWorker } from './sw-helpers';

// Two real builds of the app: v1 is build/ (`npm run build`), v2 is build-next/
// (`npm run build:next`, the same source with another version name). `npm test` makes both.
const V1 = 'build';
const V2 = 'build-next';

/** The version name a build carries (SvelteKit's `_app/version.json`). */
function versionOf(dir: string): string {
	const file = `${dir}/_app/version.json`;
	if (!existsSync(file))
		throw new Error(`${file} is missing: run npm run build && npm run build:next`);
	return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Marks the page; the mark is gone after any reload (proves no reload behind the learner's back). */
function markPage(page: Page): Promise<void> {
	return page.evaluate(
		() => void ((window as unknown as { notReloaded: boolean }).notReloaded = true)
	);
}

function stillMarked(page: Page): Promise<boolean | undefined> {
	return page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded);
}

/**
 * Has the app look for an update (as it does hourly and whenever the learner comes back to the
 * tab) and waits for its banner offering the new version.
 */
async function updateOffered(page: Page) {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		await registration?.update();
	});
	const banner = page.getByTestId('update-banner');
	await expect(banner).toBeVisible({ timeout: 60_000 });
	await expect(banner).toContainText('A new version is ready');
	return banner;
}

/** Chooses Reload on the banner; the lessons page comes back running version `v2`, banner gone. */
async function reloadIntoLessons(page: Page, banner: Locator, v2: string) {
	await Promise.all([
		page.waitForEvent('load'),
		banner.getByRole('button', { name: 'Reload' }).click()
	]);
	await page.locator('body.started').waitFor();
	await expect(page.getByTestId('app-version')).toHaveText(v2);
	await expect(page).toHaveURL(/\/lessons$/);
	await expect(page.getByTestId('update-banner')).toHaveCount(0);
}

/** A static host whose deployed site can be swapped, at the same address, as a deploy does. */
interface Host {
	url: string;
	deploy(dir: string, options?: { delayMs?: (pathname: string) => number }): Promise<void>;
}

const test = base.extend<{ host: Host; swProbe: void }>({
	// Playwright reads a fixture's dependencies from its first parameter: none here.
	// eslint-disable-next-line no-empty-pattern
	host: async ({}, use) => {
		let server: Server = await serveStatic(V1, { port: 0 });
		const port = (server.address() as AddressInfo).port;
		const stop = () => {
			server.closeAllConnections();
			return new Promise<void>((done) => server.close(() => done()));
		};
		await use({
			url: `http://127.0.0.1:${port}`,
			async deploy(dir, options = {}) {
				await stop();
				server = await serveStatic(dir, { port, ...options });
			}
		});
		await stop();
	},
	// The app under test is on this host, so the fixtures' third-party guard checks against it.
	baseURL: async ({ host }, use) => use(host.url),
	// What the service worker machinery did, printed when a test fails (e.g. no update prompt).
	swProbe: [
		async ({ page }, use, testInfo) => {
			const probe = await probeServiceWorker(page);
			await use();
			if (testInfo.status !== testInfo.expectedStatus || process.env.SW_PROBE) {
				const log = probe.lines().join('\n');
				console.log(`service worker log of "${testInfo.title}":\n${log}`);
				await testInfo.attach('service-worker-log', { body: log, contentType: 'text/plain' });
			}
		},
		{ auto: true }
	]
});

/** Seconds left on the exam timer ("m:ss" or "h:mm:ss"). */
async function secondsLeft(page: Page): Promise<number> {
	const text = await page.getByTestId('exam-timer').innerText();
	return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** What a learner sees of the exam: which question, how far, and the answers chosen so far. */
async function examState(page: Page) {
	return {
		heading: await page.locator('section.question h2').innerText(),
		questionId: await page.locator('section.question').getAttribute('data-question-id'),
		summary: await page.getByTestId('exam').locator('.bar p.muted').innerText()
	};
}

test('a new version is offered while an exam runs, and after the reload the exam resumes', async ({
	page,
	host
}) => {
	test.setTimeout(180_000);
	const v1 = versionOf(V1);
	const v2 = versionOf(V2);
	expect(v2, 'build-next/ must be another version than build/').not.toBe(v1);
	expect(
		statSync(`${V2}/_app/version.json`).mtimeMs,
		'build-next/ is older than build/: run npm run build:next'
	).toBeGreaterThan(statSync(`${V1}/_app/version.json`).mtimeMs);

	// v1: the service worker takes control; some progress is stored in IndexedDB.
	await open(page, '/');
	await expect(page.getByTestId('app-version')).toHaveText(v1);
	await waitForServiceWorker(page);
	await answerPractice(page, [true, false]);

	// A timed exam: 10 questions, 10 minutes; the first two answered, the third on screen.
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('10');
	await page.getByLabel('Seconds per question').fill('60');
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam-timer')).toHaveText(/^(10:00|9:5\d)$/); // real time: a slow machine may show 9:59
	const answered: { id: string; chosen: number[] }[] = [];
	for (let i = 0; i < 2; i++) {
		await expect(page.locator('section.question h2')).toContainText(`Question ${i + 1} of 10`);
		const q = await currentQuestion(page);
		await pressOptions(page, q.right);
		for (const position of q.right)
			await expect(page.locator(`.option[data-position="${position}"] input`)).toBeChecked();
		answered.push({ id: q.id, chosen: q.right });
		await page.keyboard.press('Enter');
	}
	await expect(page.locator('section.question h2')).toContainText('Question 3 of 10');
	const before = await examState(page);
	expect(before.summary).toContain('2 of 10 answered');
	const leftBefore = await secondsLeft(page);
	const startedAt = Date.now();
	await markPage(page);

	// v2 is deployed at the same address.
	await host.deploy(V2);
	const banner = await updateOffered(page);

	// The exam is undisturbed: same page, same question, same answers, the clock still running.
	expect(await stillMarked(page)).toBe(true);
	expect(await examState(page)).toEqual(before);
	await expect(page.getByTestId('app-version')).toHaveText(v1);
	const leftDuringPrompt = await secondsLeft(page);
	const elapsed = (Date.now() - startedAt) / 1000;
	expect(leftDuringPrompt).toBeLessThanOrEqual(leftBefore);
	expect(leftDuringPrompt).toBeGreaterThanOrEqual(leftBefore - elapsed - 2);
	// The prompt takes no focus away from the exam.
	expect(await banner.evaluate((b) => b.contains(document.activeElement))).toBe(false);

	expect(await axeViolations(page)).toEqual([]);

	// The learner chooses to reload (with the keyboard): v2 runs and the exam resumes where it was.
	await banner.getByRole('button', { name: 'Reload' }).focus();
	await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
	await page.locator('body.started').waitFor();
	await expect(page.getByTestId('app-version')).toHaveText(v2);
	expect(await stillMarked(page)).toBeUndefined();
	await expect(page.getByTestId('update-banner')).toHaveCount(0);
	await expect(page.locator('section.question h2')).toContainText('Question 3 of 10');
	expect(await examState(page)).toEqual(before);
	const leftAfter = await secondsLeft(page);
	const elapsedAfter = (Date.now() - startedAt) / 1000;
	expect(leftAfter).toBeLessThanOrEqual(leftDuringPrompt);
	expect(leftAfter).toBeGreaterThanOrEqual(leftBefore - elapsedAfter - 2);
	for (const [i, q] of answered.entries()) {
		await page.getByRole('button', { name: new RegExp(`^Question ${i + 1}, `) }).click();
		await expect(page.locator('section.question')).toHaveAttribute('data-question-id', q.id);
		for (const position of q.chosen)
			await expect(page.locator(`.option[data-position="${position}"] input`)).toBeChecked();
	}

	// The progress stored by v1 is still there in v2.
	await openProgress(page);
	await expect(page.getByTestId('stat-answers').locator('.number')).toHaveText('2');
	await expect(page.getByTestId('stat-answers')).toContainText('50% right');
});

test('a new version the browser finds while a page loads is offered as well', async ({
	page,
	host
}) => {
	test.setTimeout(120_000);
	const v1 = versionOf(V1);
	const v2 = versionOf(V2);
	await open(page, '/');
	await expect(page.getByTestId('app-version')).toHaveText(v1);
	await waitForServiceWorker(page);

	// v2 is deployed on a slow network: one of its files takes 10 s. The next page load finds v2's
	// worker, which is still installing when the page (after load and idle) registers the worker;
	// workbox-window alone reports only updates found after that.
	await host.deploy(V2, { delayMs: (path) => (path === '/_app/version.json' ? 10_000 : 0) });
	// The browser looks for a new worker on navigation, which Chromium does a little later; have the
	// page look at once, as any browser may, so that the check surely precedes registration.
	await page.addInitScript(() => {
		void navigator.serviceWorker?.getRegistration().then((r) => r?.update());
	});
	await open(page, '/lessons');
	await expect
		.poll(() =>
			page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return registration?.installing?.state;
			})
		)
		.toBe('installing');
	const banner = page.getByTestId('update-banner');
	await expect(banner).toBeVisible({ timeout: 60_000 });
	await expect(banner).toContainText('A new version is ready');
	await expect(page.getByTestId('app-version')).toHaveText(v1);

	await reloadIntoLessons(page, banner, v2);
});

test('a new version workbox-window does not report is offered by the app itself, and reloads when chosen', async ({
	page,
	host
}) => {
	test.setTimeout(120_000);
	const v1 = versionOf(V1);
	const v2 = versionOf(V2);
	// workbox-window hears of a new worker only through the 'updatefound' listener it adds once
	// its register() call has resolved; one found in between was lost (the rare missing prompt).
	// Here that listener never hears anything, so the prompt can only come from the app's own
	// watch of the registration (src/lib/state/sw-update.ts), and the reload from its own code.
	await page.addInitScript(() => {
		const add = ServiceWorkerRegistration.prototype.addEventListener;
		let dropped = false;
		ServiceWorkerRegistration.prototype.addEventListener = function (
			this: ServiceWorkerRegistration,
			...args: Parameters<typeof add>
		) {
			// The first 'updatefound' listener the page adds is workbox-window's.
			if (args[0] === 'updatefound' && !dropped) {
				dropped = true;
				return;
			}
			return add.apply(this, args);
		};
	});
	await open(page, '/lessons');
	await expect(page.getByTestId('app-version')).toHaveText(v1);
	await waitForServiceWorker(page);
	await markPage(page);

	await host.deploy(V2);
	const banner = await updateOffered(page);
	// Offered, not applied: the page still runs v1 until the learner chooses.
	await expect(page.getByTestId('app-version')).toHaveText(v1);
	expect(await stillMarked(page)).toBe(true);

	await reloadIntoLessons(page, banner, v2);
});
