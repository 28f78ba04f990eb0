import type { Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures';
import { currentQuestion, endSession, pressOptions, wrongAnswer } from './quiz-helpers';

test('a practice session with the keyboard only: choose, submit, read every why, go on', async ({
	page
}) => {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('practice-session')).toBeVisible();

	for (let i = 0; i < 3; i++) {
		const q = await currentQuestion(page);
		// Focus is on the question's heading (so a screen reader announces it), not on <body>:
		// after Start, whose form is gone, and after each Next.
		await expect(page.getByRole('heading', { name: /^Question \d+ of 10 · / })).toBeFocused();
		await expect(page.locator('section.question h2')).toContainText(`Question ${i + 1} of 10`);
		await pressOptions(page, q.right);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Correct.');
		// Every option shows why it is right or wrong.
		await expect(page.locator('.option .why')).toHaveCount(q.count);
		await expect(page.getByTestId('next-question')).toBeFocused();
		await page.keyboard.press('Enter');
	}
	await expect(page.locator('section.question h2')).toContainText('Question 4 of 10');
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
	const oneSelected = /^Select \d options \(1 selected\)$/;
	const hint = page.getByText(oneSelected);
	await pressOptions(page, [q.right[0]]);
	// Before a submit, a quiet hint under the buttons says how many are needed.
	await expect(hint).toHaveCount(1);
	await page.getByTestId('submit-answer').click();
	await expect(page.getByTestId('feedback')).toContainText(/Select \d options \(1 selected\)/);
	// The refusal says it in the feedback, and the hint is not shown a second time beside it.
	await expect(hint).toHaveCount(1);
	await expect(page.getByTestId('feedback').getByText(oneSelected)).toBeVisible();
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
	await endSession(page);

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
	await expect(review).toContainText('Incomplete (0)');
	await expect(review).toContainText(
		"Questions left unanswered, or incomplete (fewer or more options chosen than asked for), count as wrong in the exam's score."
	);

	await page.clock.fastForward('05:01');
	const results = page.getByTestId('exam-results');
	await expect(results).toBeVisible();
	await expect(results).toContainText('Time ran out');
	await expect(results).toContainText('Score by topic');
	await expect(results).toContainText('1 of 5 correct: 1 answered, 4 unanswered.');
	await expect(results).toContainText(
		'The 4 questions left unanswered count as wrong in this score. They are not recorded as ' +
			'answers, so your progress and your review schedule leave them out.'
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

test('the session summary lists the questions missed, with their right answers, and reviews just those', async ({
	page
}) => {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').click();
	const missed: { id: string; stem: string }[] = [];
	for (let i = 0; i < 4; i++) {
		const q = await currentQuestion(page);
		const answerWrong = i === 1 || i === 2;
		if (answerWrong) {
			const stem = (await page.locator('section.question .stem').innerText()).replace(/\s+/g, ' ');
			missed.push({ id: q.id, stem: stem.trim().slice(0, 25) });
		}
		await pressOptions(page, answerWrong ? wrongAnswer(q) : q.right);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText(
			answerWrong ? 'Not quite' : 'Correct.'
		);
		await page.keyboard.press('Enter');
	}
	await endSession(page);

	const summary = page.getByTestId('session-summary');
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeFocused();
	await expect(summary).toContainText('You answered 4 of 10 questions and got 2 right.');
	const items = page.getByTestId('session-mistakes').locator('> li');
	await expect(items).toHaveCount(2);
	expect(await items.evaluateAll((lis) => lis.map((li) => li.dataset.questionId))).toEqual(
		missed.map((m) => m.id)
	);
	// Each one shows where it was in the session and the start of its stem…
	await expect(items.nth(0).locator('summary')).toContainText('Question 2');
	await expect(items.nth(1).locator('summary')).toContainText('Question 3');
	for (const [i, m] of missed.entries())
		await expect(items.nth(i).locator('summary')).toContainText(m.stem);
	// …and, opened, the answer given and the right one, each option with its why.
	await items.nth(0).locator('summary').click();
	const opened = items.nth(0);
	await expect(opened.getByText('Your choice, not correct').first()).toBeVisible();
	await expect(opened.getByText(/Correct answer/).first()).toBeVisible();
	await expect(opened.locator('.option .why').first()).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);

	// "Review these mistakes": a session of just those two, in the review-mistakes mode.
	await page.getByTestId('review-session-mistakes').click();
	await expect(page.getByRole('heading', { name: /^Question 1 of 2 · / })).toBeFocused();
	const seen: string[] = [];
	for (let i = 0; i < 2; i++) {
		const q = await currentQuestion(page);
		seen.push(q.id);
		await pressOptions(page, q.right);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Correct.');
		await page.keyboard.press('Enter');
	}
	expect(seen).toEqual(missed.map((m) => m.id));
	await expect(summary).toContainText('You answered 2 of 2 questions and got 2 right.');
	// No mistakes this time: nothing to list, nothing to review, and another session is the way on.
	await expect(page.getByTestId('session-mistakes')).toHaveCount(0);
	await expect(page.getByTestId('review-session-mistakes')).toHaveCount(0);
	await expect(summary.getByRole('button', { name: 'Start another session' })).toHaveClass(
		/primary/
	);
	// Another session: the setup is back, and the learner is on the page's heading, not lost.
	await summary.getByRole('button', { name: 'Start another session' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	await expect(page.getByRole('button', { name: 'Start practice' })).toBeVisible();
	// Answered right at last: they left the review-mistakes list.
	await open(page, '/quiz/review');
	await expect(page.getByTestId('no-mistakes')).toBeVisible();
});

test('the exam setup refuses an empty field, and an exam can be discarded, recording nothing', async ({
	page
}) => {
	await open(page, '/quiz/exam');
	const questions = page.getByLabel('Questions');
	await questions.fill('');
	await page.getByTestId('start-exam').click();
	// Refused with a message tied to the field, rather than a 20-question exam started.
	const error = page.getByTestId('exam-count-error');
	await expect(error).toHaveText(/^Enter the number of questions: a whole number from 5 to \d+\.$/);
	await expect(questions).toBeFocused();
	await expect(questions).toHaveAttribute('aria-invalid', 'true');
	await expect(questions).toHaveAccessibleDescription(/Enter the number of questions/);
	await expect(page.getByTestId('exam')).toHaveCount(0);
	expect(await page.evaluate(() => localStorage.getItem('sts-trainer:quiz:exam'))).toBeNull();
	await questions.fill('3');
	await expect(error).toHaveText(/^The number of questions must be a whole number from 5 to/);
	await questions.fill('5');
	await expect(error).toHaveCount(0);
	await expect(questions).not.toHaveAttribute('aria-invalid', 'true');
	await page.getByTestId('start-exam').click();
	await expect(page.locator('section.question h2')).toContainText('Question 1 of 5');
	const q = await currentQuestion(page);
	await pressOptions(page, q.right);

	// The confirmation opens from the keyboard with focus on the safe choice; Escape keeps the
	// exam, and number keys pressed meanwhile do not change its answers.
	const discard = page.getByTestId('discard-exam');
	await discard.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Discard this exam?' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Keep the exam' })).toBeFocused();
	await pressOptions(page, [q.wrong[0]]);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(discard).toBeFocused();
	await expect(page.locator(`.option[data-position="${q.right[0]}"] input`)).toBeChecked();
	await expect(page.locator(`.option[data-position="${q.wrong[0]}"] input`)).not.toBeChecked();

	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(page.getByTestId('confirm-discard')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('exam-discarded')).toBeFocused();
	await expect(page.getByTestId('exam-discarded')).toContainText('nothing from it was recorded');
	await expect(page.getByTestId('start-exam')).toBeVisible();
	await expect(page.getByTestId('exam')).toHaveCount(0);
	expect(await page.evaluate(() => localStorage.getItem('sts-trainer:quiz:exam'))).toBeNull();
	expect(await axeViolations(page)).toEqual([]);

	// Nothing of it in progress: no answer, no exam, nothing to resume or continue.
	await open(page, '/quiz');
	await expect(page.getByRole('heading', { name: 'Exam simulation' })).toBeVisible();
	await expect(page.getByText('Resume your session')).toHaveCount(0);
	await open(page, '/progress');
	await expect(page.getByTestId('dashboard-empty')).toBeVisible();
	await expect(page.getByTestId('continue-link')).toHaveCount(0);
});

test('the exam starts at the top on its first question, and Next and Previous show the question below the timer bar', async ({
	page
}) => {
	/** The focused element and the sticky bar, where they are on screen. */
	const layout = () =>
		page.evaluate(() => {
			const focused = document.activeElement!.getBoundingClientRect();
			const bar = document.querySelector('[data-testid="exam"] .bar')!.getBoundingClientRect();
			return {
				top: focused.top,
				bottom: focused.bottom,
				barBottom: bar.bottom,
				height: innerHeight,
				scrollY
			};
		});
	const toBottom = () => page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));

	for (const size of [
		{ width: 1280, height: 720 },
		{ width: 390, height: 844 }
	]) {
		await page.setViewportSize(size);
		// A new exam each time: the last one is dropped from a page that does not run (and save) it.
		await open(page, '/');
		await page.evaluate(() => localStorage.removeItem('sts-trainer:quiz:exam'));
		await open(page, '/quiz/exam');
		await page.getByLabel('Questions').fill('5');
		// A learner who scrolled down the form to its button.
		await toBottom();
		expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
		await page.getByTestId('start-exam').click();
		await expect(page.getByRole('heading', { name: 'Question 1 of 5' })).toBeFocused();
		const start = await layout();
		if (size.width > 1000) expect(start.scrollY).toBe(0);
		expect(start.top).toBeGreaterThanOrEqual(start.barBottom);
		expect(start.bottom).toBeLessThanOrEqual(start.height);

		for (const [button, heading] of [
			['exam-next', 'Question 2 of 5'],
			['exam-next', 'Question 3 of 5'],
			['previous', 'Question 2 of 5']
		]) {
			await toBottom();
			if (button === 'previous') await page.getByRole('button', { name: 'Previous' }).click();
			else await page.getByTestId(button).click();
			await expect(page.getByRole('heading', { name: heading })).toBeFocused();
			// The whole heading below the sticky bar (it is stuck to the top: the page scrolled).
			const at = await layout();
			expect(at.barBottom).toBeGreaterThan(40);
			expect(at.top, `${heading} at ${size.width}px`).toBeGreaterThanOrEqual(at.barBottom);
			expect(at.bottom).toBeLessThanOrEqual(at.height);
		}
	}
});

/** The quiz hub's card of one mode, by its title. */
const hubCard = (page: Page, title: string) =>
	page
		.locator('ul.modes > li')
		.filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });

test('"Review these mistakes" is saved as a review-mistakes session: the hub offers it there, not as practice', async ({
	page
}) => {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').click();
	const missed: string[] = [];
	for (let i = 0; i < 2; i++) {
		const q = await currentQuestion(page);
		missed.push(q.id);
		await pressOptions(page, wrongAnswer(q));
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Not quite');
		await page.keyboard.press('Enter');
	}
	await endSession(page);
	await page.getByTestId('review-session-mistakes').click();
	await expect(page.getByRole('heading', { name: /^Question 1 of 2 · / })).toBeFocused();
	const first = await currentQuestion(page);
	await pressOptions(page, first.right);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('feedback')).toContainText('Correct.');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: /^Question 2 of 2 · / })).toBeVisible();

	// The hub: the review is the session to resume, under "Review mistakes"; practice has none.
	await open(page, '/quiz');
	await expect(hubCard(page, 'Practice').locator('.resume')).toHaveCount(0);
	const resume = hubCard(page, 'Review mistakes').getByRole('link', {
		name: 'Resume your session'
	});
	await expect(resume).toBeVisible();
	await resume.click();
	await expect(page).toHaveURL(/\/quiz\/review$/);
	await expect(page.getByRole('heading', { name: /^Question 2 of 2 · / })).toBeVisible();
	expect((await currentQuestion(page)).id).toBe(missed[1]);
	// The practice page starts afresh rather than resuming the review.
	await open(page, '/quiz/practice');
	await expect(page.getByTestId('start-practice')).toBeVisible();
	await expect(page.locator('section.question')).toHaveCount(0);
});

test('the session summary counts the questions skipped, so its numbers add up', async ({
	page
}) => {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').click();
	for (let i = 0; i < 6; i++) {
		const q = await currentQuestion(page);
		await pressOptions(page, wrongAnswer(q));
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Not quite');
		await page.keyboard.press('Enter');
	}
	for (let i = 6; i < 10; i++) {
		await expect(page.locator('section.question h2')).toContainText(`Question ${i + 1} of 10`);
		await page.getByRole('button', { name: 'Skip' }).click();
	}
	const summary = page.getByTestId('session-summary');
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeFocused();
	await expect(summary).toContainText(
		'You answered 6 of 10 questions and got 0 right. You skipped 4 questions.'
	);
});

test('"End session" asks first while questions are left: Escape or "Keep practising" carries on, confirming ends it', async ({
	page
}) => {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').click();
	const first = await currentQuestion(page);
	await pressOptions(page, first.right);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('feedback')).toContainText('Correct.');
	await page.keyboard.press('Enter');
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.locator('section.question h2')).toContainText('Question 3 of 10');

	const dialog = page.getByTestId('end-session-dialog');
	const endButton = page.getByTestId('end-session');
	// By keyboard: the dialog opens on its safe choice; Escape closes it and changes nothing.
	await endButton.focus();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await expect(page.getByRole('dialog', { name: 'End this session?' })).toContainText(
		'8 questions are not answered yet.'
	);
	await expect(page.getByTestId('keep-session')).toBeFocused();
	expect(await axeViolations(page)).toEqual([]);
	// The quiz's keys do nothing behind the modal.
	await page.keyboard.press('1');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(endButton).toBeFocused();
	await expect(page.getByTestId('practice-session')).toBeVisible();
	await expect(page.locator('section.question h2')).toContainText('Question 3 of 10');
	await expect(page.locator('section.question input:checked')).toHaveCount(0);

	// "Keep practising" does the same.
	await page.keyboard.press('Enter');
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(endButton).toBeFocused();
	await expect(page.getByTestId('practice-session')).toBeVisible();

	// Confirmed: the summary, which says what was skipped and what was left.
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.getByTestId('confirm-end-session')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeFocused();
	await expect(page.getByTestId('session-summary')).toContainText(
		'You answered 1 of 10 questions and got 1 right. You skipped 1 question and ended the session with 8 left.'
	);
});

/** A practice session of `n` questions, all answered wrong, ended: its summary on screen. */
async function practiceAllWrong(page: Page, n: number): Promise<string[]> {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').click();
	const missed: string[] = [];
	for (let i = 0; i < n; i++) {
		const q = await currentQuestion(page);
		missed.push(q.id);
		await pressOptions(page, wrongAnswer(q));
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Not quite');
		await page.keyboard.press('Enter');
	}
	await endSession(page);
	return missed;
}

test('"Review these mistakes" asks before replacing an unfinished review: keep it (continued at /quiz/review) or replace it', async ({
	page
}) => {
	// An unfinished review started at /quiz/review: one of two questions answered.
	await practiceAllWrong(page, 2);
	await open(page, '/quiz/review');
	await page.getByTestId('start-review').click();
	const first = await currentQuestion(page);
	await pressOptions(page, first.right);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('feedback')).toContainText('Correct.');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: /^Question 2 of 2 · / })).toBeVisible();
	const unfinished = (await currentQuestion(page)).id;

	// A practice summary's "Review these mistakes" asks, with focus on the safe choice; Escape
	// changes nothing and puts focus back on the button.
	await practiceAllWrong(page, 1);
	const reviewButton = page.getByTestId('review-session-mistakes');
	await reviewButton.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Replace your unfinished review?' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toHaveAccessibleDescription(/review-mistakes session in progress/);
	await expect(dialog.getByRole('button', { name: 'Keep it and continue it' })).toBeFocused();
	expect(await axeViolations(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(reviewButton).toBeFocused();
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();

	// Keep: the unfinished review, where it was left, at /quiz/review.
	await reviewButton.click();
	await dialog.getByRole('button', { name: 'Keep it and continue it' }).click();
	await expect(page).toHaveURL(/\/quiz\/review$/);
	await expect(page.getByRole('heading', { name: /^Question 2 of 2 · / })).toBeVisible();
	expect((await currentQuestion(page)).id).toBe(unfinished);

	// Replace: the review of this summary's mistakes takes the slot; /quiz/review resumes it.
	const missed = await practiceAllWrong(page, 1);
	await page.getByTestId('review-session-mistakes').click();
	await expect(dialog).toBeVisible();
	await page.getByTestId('replace-review').click();
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('heading', { name: /^Question 1 of 1 · / })).toBeFocused();
	expect((await currentQuestion(page)).id).toBe(missed[0]);
	await open(page, '/quiz/review');
	await expect(page.getByRole('heading', { name: /^Question 1 of 1 · / })).toBeVisible();
	expect((await currentQuestion(page)).id).toBe(missed[0]);
});

test('an exam whose time ran out while its page was closed: the hub links to its score', async ({
	page
}) => {
	await page.clock.install();
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByLabel('Seconds per question').fill('60');
	await page.getByTestId('start-exam').click();
	const q = await currentQuestion(page);
	await pressOptions(page, q.right);
	await expect(page.locator(`.option[data-position="${q.right[0]}"] input`)).toBeChecked();

	await open(page, '/quiz');
	const exam = hubCard(page, 'Exam simulation');
	await expect(exam.getByRole('link', { name: 'Resume your session' })).toBeVisible();
	// Past the deadline (5 minutes) with the exam page closed; the hub reads it when it opens.
	await page.clock.fastForward('05:05');
	await page.reload();
	await page.locator('body.started').waitFor();
	const scoreLink = exam.getByRole('link', { name: 'Time ran out: see your score' });
	await expect(scoreLink).toBeVisible();
	await expect(exam.getByRole('link', { name: 'Resume your session' })).toHaveCount(0);
	await scoreLink.click();
	await expect(page).toHaveURL(/\/quiz\/exam$/);
	const results = page.getByTestId('exam-results');
	await expect(results).toContainText('Time ran out');
	await expect(results).toContainText('1 of 5 correct: 1 answered, 4 unanswered.');
	// Leaving at once loses nothing: the score was journalled as the page scored it, and the
	// next page records it (it used to be lost when IndexedDB had not finished the write).
	await open(page, '/progress');
	await expect(page.getByTestId('exam-history')).toContainText('1 of 5 right');
	// Scored: nothing is left to resume or to see.
	await open(page, '/quiz');
	await expect(exam.locator('.resume')).toHaveCount(0);
});

// On a phone, focusing "Next question" after a submit scrolled the page down to the button, so
// the answered options and their explanations ended up above the screen. Focus still goes to
// Next (Enter goes on), but the page shows the feedback from its start.
test('on a phone, a submit keeps the answered options and their explanations in view, focus on Next', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	for (const motion of ['no-preference', 'reduce'] as const) {
		await page.emulateMedia({ reducedMotion: motion });
		await open(page, '/');
		await page.evaluate(() => localStorage.removeItem('sts-trainer:quiz:practice'));
		await open(page, '/quiz/practice');
		await page.getByTestId('start-practice').click();
		await expect(page.getByTestId('practice-session')).toBeVisible();
		for (let i = 0; i < 2; i++) {
			const q = await currentQuestion(page);
			await pressOptions(page, wrongAnswer(q));
			// A learner who scrolled down to the Submit button, then pressed Enter.
			await page.getByTestId('submit-answer').scrollIntoViewIfNeeded();
			await page.keyboard.press('Enter');
			await expect(page.locator('.option .why')).toHaveCount(q.count);
			await expect(page.getByTestId('next-question')).toBeFocused();
			// The start of the feedback (the first option and its explanation) is on screen, just
			// below the sticky header (smooth scrolling, unless reduced motion: wait for it).
			const pad = await page.evaluate(
				() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0
			);
			await expect
				.poll(async () => {
					const options = await page.locator('section.question .options').boundingBox();
					const why = await page.locator('.option .why').first().boundingBox();
					return options!.y >= pad - 1 && options!.y <= 844 * 0.6 && why!.y + why!.height <= 844;
				}, `${motion}: the feedback starts on screen`)
				.toBe(true);
			// The feedback is longer than the screen: the focused button, below it, is in sight
			// all the same, in the action bar stuck to the bottom of the window.
			const form = await page.locator('[data-testid="practice-session"] > form').boundingBox();
			expect(form!.y + form!.height).toBeGreaterThan(844);
			await expect(page.getByTestId('next-question')).toBeInViewport({ ratio: 1 });
			await expect(page.getByTestId('next-question')).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(page.locator('section.question h2')).toContainText(`Question ${i + 2} of`);
		}
	}
});

// On a laptop the feedback started on screen, so nothing scrolled, and "Next question" (focused,
// so that Enter goes on) was below the fold: focus on a button out of sight. The bank's questions,
// with an explanation under every option, run 750 to 1,200 px from the options to the button:
// more than a 1280x720 window holds. The feedback's start stays in view, as on a phone, and the
// button is in sight all the same, in the action bar stuck to the bottom of the window
// (quiz-action-bar.test.ts checks that bar itself).
for (const height of [720, 1000])
	test(`on a laptop (1280x${height}), a submit shows "Next question", focused, with the start of the feedback`, async ({
		page
	}) => {
		test.setTimeout(60_000);
		await page.setViewportSize({ width: 1280, height });
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await open(page, '/quiz/practice');
		await page.evaluate(() => localStorage.removeItem('sts-trainer:quiz:practice'));
		await open(page, '/quiz/practice');
		await page.getByTestId('start-practice').click();
		await expect(page.getByTestId('practice-session')).toBeVisible();
		const next = page.getByTestId('next-question');
		let fitted = 0;
		let ranOnBelow = 0;
		for (let i = 0; i < 6; i++) {
			const q = await currentQuestion(page);
			await pressOptions(page, wrongAnswer(q));
			await page.keyboard.press('Enter');
			await expect(page.locator('.option .why')).toHaveCount(q.count);
			await expect(next).toBeFocused();
			const at = await page.evaluate(() => {
				const options = document.querySelector('section.question .options')!;
				const button = document.querySelector('[data-testid="next-question"]')!;
				return {
					pad: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0,
					optionsTop: options.getBoundingClientRect().top,
					nextTop: button.getBoundingClientRect().top,
					nextBottom: button.getBoundingClientRect().bottom,
					formBottom: button.closest('form')!.getBoundingClientRect().bottom
				};
			});
			// The feedback starts on screen either way.
			expect(at.optionsTop).toBeGreaterThanOrEqual(at.pad - 1);
			expect(at.optionsTop).toBeLessThanOrEqual(height);
			// The question runs on below the window: the button stays in it, in the bar.
			if (at.formBottom > height) ranOnBelow++;
			expect(at.nextTop, `question ${i + 1}`).toBeGreaterThanOrEqual(0);
			expect(at.nextBottom, `question ${i + 1}`).toBeLessThanOrEqual(height);
			await expect(next).toBeInViewport({ ratio: 1 });
			// The feedback and the button fit in the window together.
			if (at.nextBottom - at.optionsTop <= height - at.pad - 12) fitted++;
			await page.keyboard.press('Enter');
			await expect(page.locator('section.question h2')).toContainText(`Question ${i + 2} of`);
		}
		// The cases this is about came up: in the taller window, feedback and button fitting
		// together; in the laptop's, the question running on below the window.
		if (height === 1000) expect(fitted).toBeGreaterThan(0);
		else expect(ranOnBelow).toBeGreaterThan(0);
	});
