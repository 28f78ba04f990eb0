import type { Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures';
import { finishLesson } from './progress-helpers';

test('the home page says what the app is and where to start', async ({ page }) => {
	await open(page, '/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('AWS STS');
	await page.getByRole('link', { name: /Start with lesson 1/ }).click();
	await expect(page).toHaveURL(/\/lessons\/what-is-sts$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a lesson has objectives, an exam tip, sources and prev/next navigation', async ({ page }) => {
	await open(page, '/lessons');
	const lessons = page.locator('.lesson-list > li');
	expect(await lessons.count()).toBeGreaterThanOrEqual(12);
	await page.getByRole('link', { name: 'AssumeRole and cross-account access' }).click();
	await expect(page).toHaveURL(/\/lessons\/assume-role$/);
	await expect(page.getByRole('heading', { name: 'You will learn to' })).toBeVisible();
	await expect(page.locator('.callout-exam').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();

	await page.getByTestId('next-lesson').click();
	await expect(page).toHaveURL(/\/lessons\/trust-and-permissions-policies$/);
	// The next lesson has rendered (its own Previous link, not the old page's) before going back.
	await expect(page.getByTestId('prev-lesson')).toHaveAttribute('href', '/lessons/assume-role');
	await page.getByTestId('prev-lesson').click();
	await expect(page).toHaveURL(/\/lessons\/assume-role$/);
});

test('lessons can be read with the keyboard: skip link, then next lesson', async ({ page }) => {
	await open(page, '/lessons/what-is-sts');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	const next = page.getByTestId('next-lesson');
	await next.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/lessons\/assume-role$/);
});

test('glossary terms in lessons link to their entry', async ({ page }) => {
	await open(page, '/lessons/assume-role');
	const term = page.locator('.prose a.glossary-term').first();
	const href = await term.getAttribute('href');
	expect(href).toMatch(/^\/glossary#[a-z0-9-]+$/);
	await term.click();
	await expect(page).toHaveURL(new RegExp(href!.replace('/', '\\/') + '$'));
	await expect(page.locator(href!.slice('/glossary'.length))).toBeVisible();
});

test('search finds a lesson by a term, offline-capable index', async ({ page }) => {
	await open(page, '/search');
	await page.getByRole('searchbox', { name: /^Search lessons/ }).fill('confused deputy');
	const results = page.getByTestId('search-results');
	await expect(results.getByRole('link').first()).toBeVisible();
	await expect(results).toContainText('ExternalId');
	await results
		.getByRole('link', { name: /ExternalId/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/lessons\/external-id-and-confused-deputy/);
});

test('search shows where the words are, counts every match and shows more on request', async ({
	page
}) => {
	await open(page, '/search?q=role');
	const results = page.getByTestId('search-results');
	await expect(results.locator('li')).toHaveCount(20);
	const count = page.getByTestId('search-count');
	await expect(count).toHaveText(/^\d+ results for “role” \(showing the best 20\)$/);
	const total = Number((await count.textContent())!.match(/^\d+/)![0]);
	expect(total).toBeGreaterThan(20);
	// The matched words are marked in each snippet.
	await expect(results.locator('li').first().locator('mark').first()).toHaveText(/^role/i);
	// "Show more" adds the next results and moves focus to the first of them.
	await page.getByTestId('search-more').click();
	await expect(results.locator('li')).toHaveCount(Math.min(40, total));
	await expect(results.locator('li').nth(20).getByRole('link')).toBeFocused();
	// Fact-base sections and simulator scenarios are found too.
	await page.getByRole('searchbox').fill('PackedPolicyTooLarge');
	await expect(results.getByText('Fact base', { exact: true }).first()).toBeVisible();
	await page.getByRole('searchbox').fill('leaked');
	await expect(results.getByText('Simulator', { exact: true }).first()).toBeVisible();
	// Marked words keep their contrast in both colour schemes.
	await expect(results.locator('mark').first()).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
	await page.emulateMedia({ colorScheme: 'dark' });
	expect(await axeViolations(page)).toEqual([]);
});

test('the dark theme toggle is remembered across reloads', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await open(page, '/');
	await page.getByTestId('theme-toggle').click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(bg).toBe('rgb(21, 23, 28)');
});

// axe on every page in both colour schemes: tests/e2e/a11y-routes.test.ts.

/**
 * The mark on each lesson card of /lessons that has one, by title, as a screen reader gets it
 * (without what is hidden from it), a tick in front when one is shown.
 */
async function lessonMarks(page: Page): Promise<Record<string, string>> {
	return page.getByTestId('lesson-card').evaluateAll((cards) =>
		Object.fromEntries(
			cards.flatMap((card) => {
				const state = card.querySelector('[data-testid="lesson-state"]');
				if (!state) return [];
				const spoken = state.cloneNode(true) as Element;
				spoken.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
				const tick = state.querySelector('[aria-hidden="true"]')?.textContent === '✓';
				const title = card.querySelector('h2')!.textContent!.trim();
				return [[title, `${tick ? '✓ ' : ''}${spoken.textContent!.trim()}`]];
			})
		)
	);
}

// Only /progress said which lessons were read: the list itself showed none.
test('the lesson list marks each lesson opened or finished, in words; a first visit shows none', async ({
	page
}) => {
	await page.clock.install();
	await open(page, '/lessons');
	await page.waitForLoadState('networkidle');
	await expect(page.getByTestId('lesson-card')).toHaveCount(16);
	await expect(page.getByTestId('lesson-state')).toHaveCount(0);
	// Nothing to read for a newcomer: neither the progress store nor the pack library was opened
	// (opening the store creates its database).
	expect(
		await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
	).not.toContain('sts-trainer-progress');
	const lastCardTop = () =>
		page
			.getByTestId('lesson-card')
			.last()
			.evaluate((li) => li.getBoundingClientRect().top + scrollY);
	const unmarkedTop = await lastCardTop();
	/** Where each card's title starts: a mark arriving must not shift it sideways either. */
	const titleLefts = () =>
		page
			.getByTestId('lesson-card')
			.evaluateAll((cards) =>
				cards.map((li) => li.querySelector('h2 a')!.getBoundingClientRect().left)
			);
	const unmarkedLefts = await titleLefts();

	await open(page, '/lessons/role-chaining');
	await open(page, '/lessons/what-is-sts');
	await finishLesson(page);
	await open(page, '/lessons');
	await expect
		.poll(() => lessonMarks(page))
		.toEqual({
			'What AWS STS is and why temporary credentials matter': '✓ Finished',
			'Role chaining and the one-hour cap': 'Opened'
		});
	// The marks, arriving after the page has shown, move nothing: no card got taller, and no
	// title moved sideways (a finished card's 4 px stripe had replaced its 1 px border: 3 px).
	expect(await lastCardTop()).toBeCloseTo(unmarkedTop, 0);
	expect(await titleLefts()).toEqual(unmarkedLefts);
	expect(await axeViolations(page)).toEqual([]);

	// In-app navigation back to the list shows a lesson opened meanwhile.
	await page.getByRole('link', { name: 'Session durations and MaxSessionDuration' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Session durations and MaxSessionDuration'
	);
	await page.goBack();
	await expect
		.poll(() => lessonMarks(page))
		.toEqual({
			'What AWS STS is and why temporary credentials matter': '✓ Finished',
			'Role chaining and the one-hour cap': 'Opened',
			'Session durations and MaxSessionDuration': 'Opened'
		});
});

test('with IndexedDB blocked the lesson list still marks the lessons opened, beside the banner', async ({
	page
}) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = () => {
			throw new DOMException('The user denied permission to access the database.', 'SecurityError');
		};
	});
	await open(page, '/lessons/role-chaining');
	await open(page, '/lessons');
	await expect(page.getByTestId('storage-banner')).toContainText(
		'Your progress is not being saved on this device.'
	);
	await expect
		.poll(() => lessonMarks(page))
		.toEqual({ 'Role chaining and the one-hour cap': 'Opened' });
	await expect(page.getByTestId('lesson-card')).toHaveCount(16);
});
