import type { Locator } from '@playwright/test';
import { expect, open, test } from './fixtures';
import { currentQuestion, pressOptions } from './quiz-helpers';

/** The visible names of a list of source links ("(opens in a new tab)" is for screen readers). */
async function linkNames(links: Locator): Promise<string[]> {
	return links.evaluateAll((as) =>
		as.map((a) => {
			const copy = a.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
			return copy.textContent!.trim();
		})
	);
}

/** A readable title: words with the guide in brackets, not a host name or a doc file's name. */
function expectReadable(names: string[]): void {
	expect(names.length).toBeGreaterThan(0);
	for (const name of names) {
		expect(name).toMatch(/^.+ \(.+\)$/);
		expect(name).not.toMatch(/^docs\.aws\.amazon\.com$|^API_|\.html|^[a-z]+(_[a-z-]+)+$/);
	}
}

test('glossary sources have titles, each page once', async ({ page }) => {
	await open(page, '/glossary');
	const entry = page.locator('#asia-and-akia');
	const sources = entry.locator('p.refs', { hasText: 'Sources:' }).getByRole('link');
	expect(await linkNames(sources)).toEqual([
		'GetAccessKeyInfo (AWS STS API Reference)',
		'IAM identifiers (IAM User Guide)'
	]);
	const all = await linkNames(page.locator('p.refs', { hasText: 'Sources:' }).getByRole('link'));
	expect(all.length).toBeGreaterThan(50);
	expectReadable(all);
	// A lesson section titled like its lesson reads once, never "Title › Title".
	const lessonLinks = await page
		.locator('p.refs', { hasText: 'Lessons:' })
		.getByRole('link')
		.allInnerTexts();
	expect(lessonLinks.filter((t) => /^(.+) › \1$/.test(t))).toEqual([]);
});

test('a practice question’s sources have titles after it is answered', async ({ page }) => {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').click();
	const q = await currentQuestion(page);
	await pressOptions(page, q.right);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('feedback')).toContainText('Correct.');
	const sources = page.locator('.links .sources').getByRole('link');
	expectReadable(await linkNames(sources));
	// Links to two sections of one lesson read differently.
	const learnMore = await page
		.locator('.links p', { hasText: 'Learn more:' })
		.getByRole('link')
		.allInnerTexts();
	expect(new Set(learnMore).size).toBe(learnMore.length);
});
