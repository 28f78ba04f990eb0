import { expect, open, test } from './fixtures';
import { answerPractice } from './progress-helpers';
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
