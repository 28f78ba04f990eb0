import type { Locator, Page } from '@playwright/test';
import { axeBothSchemes, expect, open, test } from './fixtures';
import { currentQuestion, endSession, pressOptions, wrongAnswer } from './quiz-helpers';

// A practice session's action bar (Submit / Skip / Next / End session) sticks to the bottom of
// the window while the question runs below it. After a submit, "Next question" is focused (Enter
// goes on) and the page shows the answered options from their start: on a laptop the span from
// the options to the button is 750 to 1,200 px, so the button was focused below the fold. Now it
// is in sight in the bar, and what the keyboard focuses is never left under the bar.

/** Where `target` is against the window and the action bar (viewport px). */
async function placing(target: Locator) {
	return target.evaluate((el) => {
		const bar = document.querySelector('[data-testid="session-actions"]')!.getBoundingClientRect();
		const box = el.getBoundingClientRect();
		// The centre of its first box (a link wrapped onto two lines has text of others at the
		// centre of its bounding box).
		const first = el.getClientRects()[0] ?? box;
		const x = Math.min(Math.max(first.left + first.width / 2, 0), innerWidth - 1);
		const y = Math.min(Math.max(first.top + first.height / 2, 0), innerHeight - 1);
		const hit = document.elementFromPoint(x, y);
		return {
			top: box.top,
			bottom: box.bottom,
			barTop: bar.top,
			barBottom: bar.bottom,
			height: innerHeight,
			inBar: !!el.closest('[data-testid="session-actions"]'),
			// What is drawn at its centre is the element itself (or inside it): nothing covers it.
			onTop: !!hit && (hit === el || el.contains(hit))
		};
	});
}

/** The element focused now is wholly in the window and not under the action bar. */
async function expectFocusInSight(page: Page, what: string) {
	const focused = page.locator(':focus');
	await expect(focused).toHaveCount(1);
	const at = await placing(focused);
	expect(at.top, `${what}: top in the window`).toBeGreaterThanOrEqual(-0.5);
	expect(at.bottom, `${what}: bottom in the window`).toBeLessThanOrEqual(at.height + 0.5);
	if (!at.inBar) expect(at.bottom, `${what}: above the bar`).toBeLessThanOrEqual(at.barTop + 0.5);
	expect(at.onTop, `${what}: not covered`).toBe(true);
}

async function startPractice(page: Page, count?: 'all') {
	await open(page, '/quiz/practice');
	await page.evaluate(() => localStorage.removeItem('sts-trainer:quiz:practice'));
	await open(page, '/quiz/practice');
	if (count) await page.getByRole('combobox', { name: /^Questions/ }).selectOption(count);
	await page.getByTestId('start-practice').click();
	await expect(page.getByTestId('practice-session')).toBeVisible();
}

for (const [width, height] of [
	[1280, 720],
	[390, 844]
] as const) {
	test.describe(`${width}x${height}`, () => {
		test.use({ viewport: { width, height } });

		test('after a submit, Next is focused and in sight in the bar, the answered options in view from their start', async ({
			page
		}) => {
			test.setTimeout(90_000);
			await page.emulateMedia({ reducedMotion: 'reduce' });
			await startPractice(page);
			const next = page.getByTestId('next-question');
			const bar = page.getByTestId('session-actions');
			let stuck = 0;
			for (let i = 0; i < 4; i++) {
				const q = await currentQuestion(page);
				await pressOptions(page, wrongAnswer(q));
				// Scrolled down to the Submit button first on every other question, as a learner
				// reading the last option does; from the top of the question on the others.
				if (i % 2) await page.getByTestId('submit-answer').scrollIntoViewIfNeeded();
				await page.keyboard.press('Enter');
				await expect(page.locator('.option .why')).toHaveCount(q.count);
				await expect(next).toBeFocused();
				// (a) Next is wholly in the window, and nothing covers it.
				await expect(next).toBeInViewport({ ratio: 1 });
				await expectFocusInSight(page, `question ${i + 1}: Next`);
				// (b) The feedback starts in view: the answered options' top and the first
				// option's explanation, above the bar.
				const options = await placing(page.locator('section.question .options'));
				expect(options.top, `question ${i + 1}: options' start`).toBeGreaterThanOrEqual(-0.5);
				expect(options.top).toBeLessThan(options.barTop);
				const why = await placing(page.locator('.option .why').first());
				expect(why.top, `question ${i + 1}: first explanation`).toBeGreaterThanOrEqual(0);
				expect(why.top).toBeLessThan(why.barTop);
				// The bar is stuck to the bottom of the window while the form goes on below it.
				const formBottom = await page
					.locator('[data-testid="practice-session"] > form')
					.evaluate((f) => f.getBoundingClientRect().bottom);
				if (formBottom > height) {
					stuck++;
					const b = (await bar.boundingBox())!;
					expect(Math.abs(b.y + b.height - height)).toBeLessThanOrEqual(1);
				}
				await page.keyboard.press('Enter');
				await expect(page.locator('section.question h2')).toContainText(`Question ${i + 2} of`);
			}
			// The case this is about came up: the answered question ran on below the window.
			expect(stuck).toBeGreaterThan(0);
		});

		test('Tab and Shift+Tab never leave focus under the bar (WCAG 2.4.11)', async ({ page }) => {
			test.setTimeout(120_000);
			await page.emulateMedia({ reducedMotion: 'reduce' });
			// Every question of the bank, so that the "choose two" questions come up whatever the
			// order: one of them is taller than the window.
			await startPractice(page, 'all');
			const bar = page.getByTestId('session-actions');

			// Before a submit, on a "choose two" question (skipping others): an option sitting
			// just above the bar, then Tab to the option after it, which is under the bar (where
			// the page scrolls that far: a short question fits a laptop's window whole).
			let tabbedOnto = 0;
			for (let i = 0; i < 100 && tabbedOnto === 0; i++) {
				const options = page.locator('section.question .option');
				const boxes = page.locator('section.question .options input');
				const multiple = await page.locator('section.question .options[role="group"]').count();
				const count = await boxes.count();
				for (let k = 0; multiple && k < count - 1 && tabbedOnto === 0; k++) {
					const barHeight = (await bar.boundingBox())!.height;
					// Option k's bottom just above the bar: option k + 1 is under it.
					await options.nth(k).evaluate((el, barH) => {
						const box = el.getBoundingClientRect();
						scrollBy({ top: box.bottom - (innerHeight - barH) + 4, behavior: 'instant' });
					}, barHeight);
					const above = await placing(options.nth(k));
					const below = await placing(options.nth(k + 1));
					if (above.bottom > above.barTop || above.top < 0 || below.top < below.barTop - 1)
						continue;
					await boxes.nth(k).focus();
					await expectFocusInSight(page, `option ${k + 1}`);
					await page.keyboard.press('Tab');
					await expect(boxes.nth(k + 1)).toBeFocused();
					await expectFocusInSight(page, `option ${k + 2}, tabbed onto`);
					tabbedOnto++;
				}
				if (tabbedOnto) break;
				await page.getByRole('button', { name: 'Skip' }).click();
				await expect(page.locator('section.question h2')).toContainText(`Question ${i + 2} of`);
			}
			expect(tabbedOnto, 'a "choose two" question came up').toBe(1);

			// After a submit: Shift+Tab from Next goes to the link above the bar (the last of the
			// question's links), below the window or under the bar; then Tab back onto Next.
			// (Chromium centres a focused element that is out of sight, so what the page's
			// scroll-padding-bottom is needed for is the element in sight but under the bar,
			// as the option above; these check the rest of the tab order does not regress.)
			const q = await currentQuestion(page);
			await pressOptions(page, wrongAnswer(q));
			await page.keyboard.press('Enter');
			const next = page.getByTestId('next-question');
			await expect(next).toBeFocused();
			await page.keyboard.press('Shift+Tab');
			await expect(next).not.toBeFocused();
			await expectFocusInSight(page, 'the last link above the bar, by Shift+Tab');
			await page.keyboard.press('Tab');
			await expect(next).toBeFocused();
			await expectFocusInSight(page, 'Next, by Tab');

			// From the top of the page, every stop of the form's tab order (the explanations'
			// links) up to the bar is scrolled into sight above it.
			await page.locator('section.question h2').focus();
			await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
			for (let stop = 0; stop < 40; stop++) {
				await page.keyboard.press('Tab');
				await expectFocusInSight(page, `tab stop ${stop + 1}`);
				if (await next.evaluate((el) => el === document.activeElement)) break;
			}
			await expect(next).toBeFocused();
		});
	});
}

test('on a phone the session with its bar fits the screen, passes axe in both schemes, and the summary does not keep the bar', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await startPractice(page);
	const q = await currentQuestion(page);
	await pressOptions(page, wrongAnswer(q));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('next-question')).toBeFocused();
	const { scroll, client, padding } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth,
		padding: getComputedStyle(document.documentElement).scrollPaddingBottom
	}));
	expect(scroll).toBeLessThanOrEqual(client);
	// The page keeps what the keyboard focuses clear of the bar: its height and a little room.
	const barHeight = (await page.getByTestId('session-actions').boundingBox())!.height;
	expect(parseFloat(padding)).toBeGreaterThanOrEqual(barHeight);
	// Opaque: the bar has a background of its own, the page's.
	const colours = await page.getByTestId('session-actions').evaluate((el) => ({
		bar: getComputedStyle(el).backgroundColor,
		page: getComputedStyle(document.body).backgroundColor
	}));
	expect(colours.bar).toBe(colours.page);
	expect(await axeBothSchemes(page)).toEqual([]);

	await endSession(page);
	await expect(page.getByTestId('session-summary')).toBeVisible();
	expect(
		await page.evaluate(() => getComputedStyle(document.documentElement).scrollPaddingBottom)
	).toBe('auto');
});
