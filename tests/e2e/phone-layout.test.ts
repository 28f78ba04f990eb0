import { expect, open, test } from './fixtures';
import { answerPractice, importFixture } from './progress-helpers';
import { builtRoutes } from './routes';

test.use({ viewport: { width: 390, height: 844 } });

// A page wider than the screen makes a phone scroll sideways: the progress page did, once a
// learner had a study plan (its table and the backup file input widened the whole column).
test('on a phone no page is wider than the screen, for a learner with progress stored', async ({
	page
}) => {
	test.setTimeout(180_000);
	await answerPractice(page, [true, false]);

	const tooWide: string[] = [];
	for (const route of builtRoutes()) {
		await open(page, route);
		await page.waitForLoadState('networkidle');
		const { scroll, client } = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth
		}));
		if (scroll > client) tooWide.push(`${route}: ${scroll} px on a ${client} px screen`);
	}
	expect(tooWide).toEqual([]);
});

test('on a phone the progress page shows whole axis labels and the whole exam table', async ({
	page
}) => {
	await importFixture(page);
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(page.getByTestId('exam-history')).toBeVisible();

	// Every tick label of every chart lies inside its chart ("0%" was cut to "%").
	const ticks = await page.locator('svg[role="img"]').evaluateAll((svgs) =>
		svgs.flatMap((svg) => {
			const width = svg.getBoundingClientRect().width;
			return [...svg.querySelectorAll('text.tick')].map((t) => {
				const box = (t as SVGGraphicsElement).getBBox();
				return { text: t.textContent, left: box.x, right: box.x + box.width, width };
			});
		})
	);
	expect(ticks.filter((t) => t.text === '0%').length).toBeGreaterThan(0);
	const cut = ticks.filter((t) => t.left < 0 || t.right > t.width + 0.5);
	expect(cut).toEqual([]);

	// The mock exams table fits the screen: no column, Time included, behind the right edge.
	const table = await page.getByTestId('exam-history').evaluate((t) => {
		const wrap = t.parentElement!;
		return {
			overflow: wrap.scrollWidth - wrap.clientWidth,
			right: wrap.getBoundingClientRect().right,
			headers: [...t.querySelectorAll('thead th')].map((th) => ({
				text: th.textContent,
				right: th.getBoundingClientRect().right
			}))
		};
	});
	expect(table.overflow).toBeLessThanOrEqual(0);
	expect(table.headers.map((h) => h.text)).toContain('Time');
	expect(table.headers.filter((h) => h.right > table.right + 0.5)).toEqual([]);
});

test('on a phone an exam question with a code block stays within the screen (the block scrolls)', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 375, height: 740 });
	await open(page, '/quiz/exam');
	const total = Number(await page.getByLabel('Questions').getAttribute('max'));
	await page.getByLabel('Questions').fill(String(total));
	await page.getByTestId('start-exam').click();
	let withCode = 0;
	for (let i = 1; i <= total && withCode < 3; i++) {
		await expect(page.locator('section.question h2')).toContainText(`Question ${i} of ${total}`);
		if ((await page.locator('section.question pre').count()) > 0) {
			withCode++;
			const widths = await page.evaluate(() => ({
				page: document.documentElement.scrollWidth,
				viewport: document.documentElement.clientWidth
			}));
			expect(
				widths.page,
				`question ${i}: the page is no wider than the screen`
			).toBeLessThanOrEqual(widths.viewport);
		}
		if (i < total) await page.getByTestId('exam-next').click();
	}
	expect(withCode, 'questions with a code block were met').toBeGreaterThan(0);
});
