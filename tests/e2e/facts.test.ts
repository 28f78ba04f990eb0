import { expect, open, test } from './fixtures';

test('a fact chip of a simulator result opens its section of the fact base, focused', async ({
	page
}) => {
	await open(page, '/simulator/vendor-external-id');
	await page.getByTestId('next').click();
	await expect(page.getByRole('heading', { name: /^Result of step 1 of 7/ })).toBeVisible();
	const chip = page
		.getByTestId('result')
		.getByRole('link', { name: /open this section of the STS fact base$/ })
		.first();
	const name = (await chip.textContent()) ?? '';
	const [section, title] = /^§([\d.]+) (.+): open/.exec(name)?.slice(1) ?? [];
	expect(section, `a chip names its section: ${name}`).toBeTruthy();
	const anchor = `fact-${section.replace(/\./g, '-')}`;
	await expect(chip).toHaveAttribute('href', `/facts#${anchor}`);
	await expect(chip).toContainText(`§${section}`);

	await chip.click();
	await expect(page).toHaveURL(new RegExp(`/facts#${anchor}$`));
	const heading = page.locator(`#${anchor}`);
	await expect(heading).toContainText(`${section}${section.includes('.') ? '' : '.'} ${title}`);
	await expect(heading).toBeInViewport();
	await expect(heading).toBeFocused();
});

test('the fact base: each numbered section has a stable anchor, reachable with the keyboard', async ({
	page
}) => {
	await open(page, '/facts#fact-2-2');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('STS fact base');
	const heading = page.getByRole('heading', { name: '2.2 Role chaining' });
	await expect(heading).toHaveAttribute('id', 'fact-2-2');
	await expect(heading).toBeInViewport();
	await expect(heading).toBeFocused();

	// From the focused heading, Tab reaches its own link, which points at the section.
	await page.keyboard.press('Tab');
	const self = heading.getByRole('link');
	await expect(self).toBeFocused();
	await expect(self).toHaveAttribute('href', '#fact-2-2');

	// The table of contents leads to every section; following one moves focus there.
	const toc = page.getByRole('navigation', { name: 'Sections of the fact base' });
	await toc.getByRole('link', { name: /^§7 / }).click();
	await expect(page).toHaveURL(/\/facts#fact-7$/);
	await expect(page.locator('#fact-7')).toBeFocused();

	// Its AWS documentation URLs are links (to a new tab), the source key first among them.
	const docs = page.getByTestId('fact-base').locator('a[href^="https://docs.aws.amazon.com/"]');
	expect(await docs.count()).toBeGreaterThan(20);
	await expect(docs.first()).toHaveAttribute('rel', 'noopener noreferrer');
	await expect(page.locator('#fact-0 ~ .table-wrap').first()).toContainText('API-AR');
});

test('the fact base is readable on a phone: wide tables scroll in their own box', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await open(page, '/facts');
	const widths = await page.evaluate(() => ({
		page: document.documentElement.scrollWidth,
		viewport: document.documentElement.clientWidth
	}));
	expect(widths.page).toBeLessThanOrEqual(widths.viewport);
	const wrap = page.locator('.table-wrap').first();
	const box = await wrap.boundingBox();
	expect(box && box.x + box.width).toBeLessThanOrEqual(360);
});

test('the footer, the glossary and the lessons index link to the fact base', async ({ page }) => {
	for (const route of ['/glossary', '/lessons']) {
		await open(page, route);
		await expect(
			page.getByRole('main').getByRole('link', { name: 'STS fact base' })
		).toHaveAttribute('href', '/facts');
		await expect(
			page.getByRole('contentinfo').getByRole('link', { name: 'STS fact base' })
		).toHaveAttribute('href', '/facts');
	}
});
