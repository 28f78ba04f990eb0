import { axeBothSchemes, expect, open, test } from './fixtures';
import { openProgress } from './progress-helpers';
import { currentQuestion, pressOptions } from './quiz-helpers';

const heading = (page: import('@playwright/test').Page) => page.locator('section.question h2');

test('an exam score reads the same on its results and on /progress: 5 of 12 is 41% everywhere', async ({
	page
}) => {
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('12');
	await page.getByTestId('start-exam').click();
	for (let i = 0; i < 5; i++) {
		await expect(heading(page)).toContainText(`Question ${i + 1} of 12`);
		const q = await currentQuestion(page);
		await pressOptions(page, q.right);
		await page.keyboard.press('Enter');
	}
	await page.getByTestId('review-exam').click();
	await page.getByTestId('submit-exam').click();
	const results = page.getByTestId('exam-results');
	await expect(results.getByRole('heading', { level: 2 }).first()).toHaveText(
		'Not passed yet: 41%'
	);
	await expect(results).toContainText('5 of 12 correct: 5 answered, 7 unanswered.');
	await expect(results).toContainText(
		'The 7 questions left unanswered count as wrong in this score. They are not recorded as ' +
			'answers, so your progress and your review schedule leave them out.'
	);

	await openProgress(page);
	const row = page.getByTestId('exam-history').locator('tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('41%');
	await expect(row).toContainText('5 of 12 right');
	await expect(row).toContainText('Not passed');
	await expect(row).not.toContainText('42%');
	// Readiness averages the exam as the results page rounds it.
	await page.getByText('How is this computed?').click();
	await expect(page.getByTestId('readiness-explanation')).toContainText(
		'Your last 1 mock exam averaged 41%'
	);
});

test('in the exam F always flags, even on a question with an option F, which 6 chooses', async ({
	page
}) => {
	// The bank's one six-option question is in "Regional endpoints" (8 questions): an exam of that
	// topic alone holds it.
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('8');
	await page.getByRole('checkbox', { name: /Regional endpoints/ }).check();
	await page.getByTestId('start-exam').click();
	const section = page.locator('section.question').first();
	let at = 0;
	for (; at < 8; at++) {
		await expect(heading(page)).toContainText(`Question ${at + 1} of 8`);
		if ((await section.locator('.option').count()) >= 6) break;
		await page.getByTestId('exam-next').click();
	}
	await expect(section.locator('.option')).toHaveCount(6);
	await expect(page.getByTestId('exam-keys')).toHaveText(
		'Keys: 1–6 or A–F choose, but F flags: choose option F with 6 · Enter next · arrows move in the question list'
	);

	await page.keyboard.press('f');
	await expect(page.getByTestId('flag')).toHaveAttribute('aria-pressed', 'true');
	await expect(heading(page)).toContainText('· flagged');
	await expect(section.locator('.option input:checked')).toHaveCount(0);
	await page.keyboard.press('Shift+F');
	await expect(page.getByTestId('flag')).toHaveAttribute('aria-pressed', 'false');
	await expect(section.locator('.option input:checked')).toHaveCount(0);

	await page.keyboard.press('6');
	await expect(section.locator('.option[data-position="5"] input')).toBeChecked();
	await page.keyboard.press('e');
	await expect(section.locator('.option[data-position="4"] input')).toBeChecked();

	// A four-option question's hint has no option F to explain. (When the six-option question is the
	// last one, Next would open the review screen: go back one instead.)
	await (
		at === 7 ? page.getByRole('button', { name: 'Previous' }) : page.getByTestId('exam-next')
	).click();
	await expect(heading(page)).toContainText(`Question ${at === 7 ? 7 : at + 2} of 8`);
	await expect(section.locator('.option')).not.toHaveCount(6);
	await expect(page.getByTestId('exam-keys')).toHaveText(
		/^Keys: 1–[45] or A–[DE] choose · F flags · Enter next/
	);
});

test('the question list marks answered questions with a tick and says so in each name', async ({
	page
}) => {
	test.setTimeout(90_000);
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByTestId('start-exam').click();
	const q = await currentQuestion(page);
	await pressOptions(page, q.right);
	await page.keyboard.press('f');
	const nav = page.getByRole('navigation', { name: 'Exam questions' });
	const first = nav.getByRole('button', { name: 'Question 1, answered, flagged' });
	const second = nav.getByRole('button', { name: 'Question 2, unanswered' });
	await expect(first).toBeVisible();
	await expect(second).toBeVisible();
	// Not colour alone: the answered button carries a tick, the unanswered one none.
	await expect(first.getByTestId('answered-mark')).toHaveText('✓');
	await expect(second.getByTestId('answered-mark')).toHaveCount(0);
	await expect(nav.getByTestId('navigator-legend')).toContainText('answered');
	await expect(nav.getByTestId('navigator-legend')).toContainText('unanswered');
	expect(await axeBothSchemes(page)).toEqual([]);
});

test('the setup says before the start how long the exam is, and when the ticked topics hold fewer questions than asked for', async ({
	page
}) => {
	await open(page, '/quiz/exam');
	const total = page.getByTestId('exam-size-total');
	const shortfall = page.getByTestId('exam-size-shortfall');
	// The total changes with every keystroke: it is no live region (nor inside one), or a screen
	// reader would announce it again and again; only the shortfall warning is announced.
	const liveAround = (testid: string) =>
		page
			.getByTestId(testid)
			.evaluate((el) => el.closest('[aria-live], [role="status"], [role="alert"]')?.tagName ?? '');
	expect(await liveAround('exam-size-total')).toBe('');
	await expect(shortfall).toHaveAttribute('aria-live', 'polite');
	// The default, before anything is changed: the real exam's time per question (130 minutes for
	// 65 questions), and the exam's total time said before the start.
	await expect(page.getByLabel('Seconds per question')).toHaveValue('120');
	await expect(page.locator('form.setup > p').first()).toContainText(
		'The real exam gives 130 minutes for 65 questions: 120 seconds a question'
	);
	await expect(total).toHaveText('The exam will have 20 questions and 40 minutes.');
	await expect(shortfall).toBeEmpty();
	await page.getByLabel('Questions').fill('65');
	await expect(total).toHaveText('The exam will have 65 questions and 2 hours 10 minutes.');
	await page.getByLabel('Questions').fill('20');
	const countOf = async (name: RegExp) =>
		Number(
			/\((\d+)\)/.exec(await page.getByRole('checkbox', { name }).locator('..').innerText())![1]
		);
	const external = await countOf(/ExternalId/);
	const regional = await countOf(/Regional endpoints/);
	expect(external + regional).toBeLessThan(20);

	// The user test: 20 questions asked for, one small topic ticked.
	await page.getByLabel('Seconds per question').fill('60');
	await page.getByRole('checkbox', { name: /ExternalId/ }).check();
	await expect(shortfall).toHaveText(
		`Only ${external} questions match this topic: the exam will have ${external}, not 20.`
	);
	await expect(total).toHaveText(
		`The exam will have ${external} questions and ${external} minutes.`
	);
	// As the topics and the numbers change.
	await page.getByRole('checkbox', { name: /Regional endpoints/ }).check();
	await page.getByLabel('Seconds per question').fill('120');
	const both = external + regional;
	await expect(shortfall).toHaveText(
		`Only ${both} questions match these topics: the exam will have ${both}, not 20.`
	);
	await expect(total).toHaveText(`The exam will have ${both} questions and ${both * 2} minutes.`);
	// A count the field refuses (more than the bank holds): no note of an exam that cannot start.
	await page.getByLabel('Questions').fill('500');
	await expect(total).toBeEmpty();
	await expect(shortfall).toBeEmpty();
	await page.getByLabel('Questions').fill(String(both));
	await expect(total).toHaveText(`The exam will have ${both} questions and ${both * 2} minutes.`);
	await expect(shortfall).toBeEmpty();
	await page.getByRole('checkbox', { name: /Regional endpoints/ }).uncheck();
	await page.getByLabel('Seconds per question').fill('60');
	await page.getByLabel('Questions').fill('20');
	await expect(total).toHaveText(
		`The exam will have ${external} questions and ${external} minutes.`
	);
	expect(await liveAround('exam-size-total')).toBe('');
	expect(await axeBothSchemes(page)).toEqual([]);

	// The exam is what the note said.
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam')).toContainText(`0 of ${external} answered`);
	await expect(page.getByTestId('exam-timer')).toHaveText(
		new RegExp(`^(${external}:00|${external - 1}:5\\d)$`)
	);
});

// "Take another exam" replaced the results with the setup form and left focus on the page's
// body: a keyboard learner had to Tab again from the skip link, through the header.
test('"Take another exam" by keyboard puts focus on the page heading, the setup form next', async ({
	page
}) => {
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByTestId('start-exam').click();
	await page.getByTestId('review-exam').click();
	await page.getByTestId('submit-exam').click();
	await expect(page.getByTestId('exam-results')).toBeVisible();
	await page.getByRole('button', { name: 'Take another exam' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('start-exam')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Exam simulation' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Questions')).toBeFocused();
});
