import { readFileSync } from 'node:fs';
import { expect, open, test } from './fixtures';
import { installPack, PACKS } from './pack-helpers';
import { openProgress } from './progress-helpers';
import { authoredOrder } from './quiz-helpers';

test('after its pack is removed, "review mistakes" says the mistakes were in that pack, not that there are none', async ({
	page
}) => {
	test.setTimeout(60_000);
	const pack = JSON.parse(readFileSync(`${PACKS}/lab-session-durations-1.0.0.json`, 'utf8')) as {
		title: string;
		questions: { id: string; type: string; options: { text: string; correct: boolean }[] }[];
	};
	await installPack(page, 'lab-session-durations-1.0.0.json', pack.title);
	await open(page, '/quiz/practice?pack=lab-session-durations');
	await page.getByTestId('start-practice').click();
	// Two of the pack's questions answered wrong.
	for (let i = 0; i < 2; i++) {
		const id = await page.locator('section.question').first().getAttribute('data-question-id');
		const q = pack.questions.find((x) => x.id === id)!;
		const { authored } = await authoredOrder(page, q.options);
		const wrong = authored.findIndex((a) => !q.options[a]!.correct);
		const right = authored.findIndex((a) => q.options[a]!.correct);
		const picks = q.type === 'multiple' ? [wrong, right] : [wrong];
		for (const p of picks) await page.keyboard.press(String(p + 1));
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Not quite');
		await page.keyboard.press('Enter');
	}
	await open(page, '/quiz/review');
	await expect(page.getByTestId('start-review')).toHaveText('Review 2 questions');

	await open(page, '/author');
	await page.getByRole('button', { name: `Remove ${pack.title}` }).click();
	await page.getByTestId('confirm-remove-pack').click();
	await expect(page.getByTestId('no-packs')).toBeVisible();

	await open(page, '/quiz/review');
	const note = page.getByTestId('no-mistakes');
	await expect(note).toHaveText(
		'No mistakes to review among the questions in the app. The 2 questions you last answered ' +
			'wrong are no longer in the app: they came from a content pack that has been removed, so ' +
			'they cannot be reviewed. Add the pack again on the Packs page to review them.'
	);
	await expect(note).not.toContainText('every question you have answered was right');
	await openProgress(page);
	await expect(page.getByTestId('stat-answers')).toContainText('0% right');
});
