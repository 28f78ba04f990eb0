import { collectCspViolations } from './csp-violations';
import { expect, open, test } from './fixtures';
import { currentQuestion, pressOptions } from './quiz-helpers';

test('the app works under its CSP: navigate, answer a practice question, resume it, open a lesson', async ({
	page
}) => {
	const violations = await collectCspViolations(page);
	const response = await page.goto('/');
	await page.locator('body.started').waitFor();
	// The policy arrives twice: per page in a <meta> (script hashes) and as a header (frame-ancestors).
	expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute(
		'content',
		/script-src 'self' 'sha256-/
	);

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
	await expect(page).toHaveURL(/\/quiz$/);
	await page.goto('/quiz/practice');
	await page.locator('body.started').waitFor();
	await page.getByTestId('start-practice').click();
	const q = await currentQuestion(page);
	await pressOptions(page, q.right);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('feedback')).toContainText('Correct.');
	// Restoring the saved session parses it with zod, which must not try eval under the CSP.
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(page.locator('section.question')).toHaveAttribute('data-question-id', q.id);

	await open(page, '/lessons');
	await page.getByRole('link', { name: 'AssumeRole and cross-account access' }).click();
	await expect(page).toHaveURL(/\/lessons\/assume-role$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(violations).toEqual([]);
});

test('the service worker registers under the CSP (virtual:pwa-register, workbox-window) and serves pages that raise no violation', async ({
	page
}) => {
	const violations = await collectCspViolations(page);
	await open(page, '/');
	const scriptURL = await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
		return registration.active?.scriptURL;
	});
	expect(new URL(scriptURL!).pathname).toBe('/sw.js');
	// Now served by the service worker from its precache, with the same meta policy.
	await page.reload();
	await page.locator('body.started').waitFor();
	expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await open(page, '/quiz/practice');
	await expect(page.getByTestId('start-practice')).toBeVisible();
	expect(violations).toEqual([]);
});
