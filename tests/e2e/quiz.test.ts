import { axeViolations, expect, open, test } from './fixtures';
import { currentQuestion, pressOptions, wrongAnswer } from './quiz-helpers';

test('a practice session with the keyboard only: choose, submit, read every why, go on', async ({
	page
}) => {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('practice-session')).toBeVisible();

	for (let i = 0; i < 3; i++) {
		const q = await currentQuestion(page);
		await expect(page.locator('.progress-line')).toContainText(`Question ${i + 1} of 10`);
		await pressOptions(page, q.right);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Correct.');
		// Every option shows why it is right or wrong.
		await expect(page.locator('.option .why')).toHaveCount(q.count);
		await expect(page.getByTestId('next-question')).toBeFocused();
		await page.keyboard.press('Enter');
	}
	await expect(page.locator('.progress-line')).toContainText('Question 4 of 10');
	expect(await axeViolations(page)).toEqual([]);
});

test('"Choose TWO" needs exactly two selections before it can be submitted', async ({ page }) => {
	await open(page, '/quiz/practice');
	await page.getByLabel('Questions').selectOption('all');
	await page.getByTestId('start-practice').click();
	// The whole bank is drawn, so a multiple-answer question comes up; skip until it does.
	const choose = page.getByText(/^Choose (TWO|THREE)\.$/);
	for (let i = 0; i < 100 && !(await choose.isVisible()); i++) {
		await page.getByRole('button', { name: 'Skip' }).click();
	}
	await expect(choose).toBeVisible();
	const q = await currentQuestion(page);
	await pressOptions(page, [q.right[0]]);
	await page.getByTestId('submit-answer').click();
	await expect(page.getByTestId('feedback')).toContainText(/Select \d options \(1 selected\)/);
	await pressOptions(page, q.right.slice(1));
	await page.getByTestId('submit-answer').click();
	await expect(page.getByTestId('feedback')).toContainText('Correct.');
});

test('a wrong answer shows the correct one, and the practice session survives a reload', async ({
	page
}) => {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').click();
	const q = await currentQuestion(page);
	await pressOptions(page, wrongAnswer(q));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('feedback')).toContainText(
		/Not quite\. The correct (answer is|answers are) /
	);
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(page.locator('section.question')).toHaveAttribute('data-question-id', q.id);
	await expect(page.getByTestId('feedback')).toContainText('Not quite.');
});

test('review mistakes shows exactly the questions last answered wrong', async ({ page }) => {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').click();
	const wrongIds: string[] = [];
	for (let i = 0; i < 4; i++) {
		const q = await currentQuestion(page);
		const answerWrong = i % 2 === 0;
		if (answerWrong) wrongIds.push(q.id);
		await pressOptions(page, answerWrong ? wrongAnswer(q) : q.right);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText(
			answerWrong ? 'Not quite' : 'Correct.'
		);
		await page.keyboard.press('Enter');
	}
	await page.getByRole('button', { name: 'End session' }).click();

	await open(page, '/quiz/review');
	await expect(page.getByTestId('start-review')).toHaveText(`Review ${wrongIds.length} questions`);
	await page.getByTestId('start-review').click();
	const seen: string[] = [];
	for (let i = 0; i < wrongIds.length; i++) {
		const q = await currentQuestion(page);
		seen.push(q.id);
		await pressOptions(page, q.right);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Correct.');
		await page.keyboard.press('Enter');
	}
	expect(seen.sort()).toEqual([...wrongIds].sort());
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	// Answered right now, so nothing is left to review.
	await open(page, '/quiz/review');
	await expect(page.getByTestId('no-mistakes')).toBeVisible();
});

test('an exam: flag, navigate back, review screen, then time-out submits it', async ({ page }) => {
	await page.clock.install();
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByLabel('Seconds per question').fill('60');
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam-timer')).toHaveText(/^(5:00|4:5\d)$/); // the installed clock also runs in real time

	const first = await currentQuestion(page);
	await pressOptions(page, first.right);
	await page.keyboard.press('f');
	await expect(page.getByTestId('flag')).toHaveAttribute('aria-pressed', 'true');
	await page.getByTestId('exam-next').click();
	await expect(page.locator('section.question h2')).toContainText('Question 2 of 5');
	await page.getByRole('button', { name: 'Previous' }).click();
	await expect(page.locator('section.question h2')).toContainText('Question 1 of 5 · flagged');
	await expect(page.locator(`.option[data-position="${first.right[0]}"] input`)).toBeChecked();

	// The navigator moves with the arrow keys.
	await page.getByRole('button', { name: /^Question 1, / }).focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('button', { name: /^Question 3, unanswered/ })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('section.question h2')).toContainText('Question 3 of 5');

	await page.getByTestId('review-exam').click();
	const review = page.getByTestId('exam-review');
	await expect(review).toContainText('Unanswered (4)');
	await expect(review).toContainText('Flagged (1)');
	await expect(review).toContainText('Answered (1)');
	await expect(review).toContainText(
		"Questions left unanswered count as wrong in the exam's score."
	);

	await page.clock.fastForward('05:01');
	const results = page.getByTestId('exam-results');
	await expect(results).toBeVisible();
	await expect(results).toContainText('Time ran out');
	await expect(results).toContainText('Score by topic');
	await expect(results).toContainText('1 of 5 correct (1 answered)');
	await expect(results).toContainText(
		'The 4 questions left unanswered count as wrong in this score but not among your answers.'
	);
	expect(await axeViolations(page)).toEqual([]);

	// Progress counts the one answer given, not the four questions left unanswered.
	await open(page, '/progress');
	await expect(page.getByTestId('stat-answers').locator('.number')).toHaveText('1');
	await expect(page.getByTestId('stat-answers')).toContainText('100% right');
	await expect(page.getByTestId('exam-history')).toContainText('1 of 5 right');
});

test('reloading mid-exam resumes with the right remaining time', async ({ page }) => {
	await page.clock.install();
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('10');
	await page.getByLabel('Seconds per question').fill('60');
	await page.getByTestId('start-exam').click();
	const timer = page.getByTestId('exam-timer');
	const remaining = async () => {
		const [m, s] = (await timer.innerText()).split(':').map(Number);
		return m * 60 + s;
	};
	const q = await currentQuestion(page);
	await pressOptions(page, q.right);
	// The installed clock also runs in real time, so read the timer rather than assume 10:00.
	const before = await remaining();
	expect(before).toBeLessThanOrEqual(600);
	await page.clock.fastForward('02:00');
	await expect.poll(remaining).toBeLessThanOrEqual(before - 120);
	const beforeReload = await remaining();
	expect(beforeReload).toBeGreaterThan(before - 120 - 10);
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(timer).toBeVisible();
	// The deadline was stored: the reload neither restarts nor loses time (a few real seconds pass).
	const after = await remaining();
	expect(after).toBeLessThanOrEqual(beforeReload);
	expect(after).toBeGreaterThan(beforeReload - 10);
	await expect(page.locator(`.option[data-position="${q.right[0]}"] input`)).toBeChecked();
});

test('moving between two answered exam questions shows each one its own answer', async ({
	page
}) => {
	// Radios are reused between questions; a checked radio renamed into the next question's
	// group unchecks the answer just shown there (HTML's radio-group rule). Fixed orders make the
	// case certain: the earlier question's answer is its last option, the later one's its first.
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('10');
	await page.getByTestId('start-exam').click();
	await expect(page.locator('section.question h2')).toContainText('Question 1 of 10');
	// Leave the page (it saves the exam on every change), then edit the saved exam.
	await open(page, '/');
	const picked = await page.evaluate(() => {
		const key = 'sts-trainer:quiz:exam';
		const saved = JSON.parse(localStorage.getItem(key)!);
		const ctx = saved.snapshot.context;
		type Item = { type: string; options: unknown[] };
		const singles = (ctx.questions as Item[]).flatMap((q, i) =>
			q.type === 'single' && q.options.length >= 3 ? [i] : []
		);
		const [a, b] = singles;
		for (const i of [a, b])
			ctx.orders[i] = ctx.questions[i].options.map((_: unknown, k: number) => k);
		ctx.answers[a] = [ctx.questions[a].options.length - 1];
		ctx.answers[b] = [0];
		ctx.current = a;
		localStorage.setItem(key, JSON.stringify(saved));
		return { a, b, last: ctx.questions[a].options.length - 1 };
	});
	await open(page, '/quiz/exam');
	const expectOnly = async (index: number, position: number) => {
		await expect(page.locator('section.question h2')).toContainText(`Question ${index + 1} of 10`);
		await expect(page.locator(`.option[data-position="${position}"] input`)).toBeChecked();
		await expect(page.locator('.option input:checked')).toHaveCount(1);
	};
	await expectOnly(picked.a, picked.last);
	for (let round = 0; round < 2; round++) {
		await page.getByRole('button', { name: new RegExp(`^Question ${picked.b + 1}, `) }).click();
		await expectOnly(picked.b, 0);
		await page.getByRole('button', { name: new RegExp(`^Question ${picked.a + 1}, `) }).click();
		await expectOnly(picked.a, picked.last);
	}
});

test('the exam submits from the review screen and scores by topic', async ({ page }) => {
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByTestId('start-exam').click();
	for (let i = 0; i < 5; i++) {
		const q = await currentQuestion(page);
		await pressOptions(page, q.right);
		await page.keyboard.press('Enter');
	}
	await expect(page.getByTestId('exam-review')).toContainText('Answered (5)');
	await page.getByTestId('submit-exam').click();
	await expect(page.getByTestId('exam-results')).toContainText('Passed: 100%');
});
