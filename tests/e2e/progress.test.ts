import { axeBothSchemes, axeViolations, expect, open, test } from './fixtures';

/** The local date `days` from now, as a date input takes it. */
function inDays(days: number): string {
	const d = new Date(Date.now() + days * 86_400_000);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
import {
	answerPractice,
	chooseBackup,
	exportBackup,
	finishLesson,
	importFixture,
	openProgress
} from './progress-helpers';
import { currentQuestion, endSession, pressOptions } from './quiz-helpers';

test('answers from a practice session show on the dashboard, also after a reload', async ({
	page
}) => {
	await answerPractice(page, [true, false, true]);
	await openProgress(page);
	await expect(page.getByTestId('stat-answers')).toContainText('3');
	await expect(page.getByTestId('stat-answers')).toContainText('67% right');
	await expect(page.getByTestId('stat-streak')).toContainText('1 day');
	await expect(page.getByTestId('stat-streak')).toContainText('today counts');
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(page.getByTestId('stat-answers')).toContainText('3');
	// Every chart has its data as a table one click away.
	const mastery = page.getByRole('img', { name: 'Mastery by topic' });
	await expect(mastery).toBeVisible();
	for (const summary of await page.getByText('Show the data').all()) await summary.click();
	await expect(page.getByRole('table', { name: 'Mastery by topic' })).toContainText('Answers');
	await expect(page.getByRole('img', { name: /Accuracy per day/ })).toBeVisible();
	// The marks are drawn as SVG (not unknown HTML elements) and take up room on screen.
	const marks = await page.locator('svg[role="img"]').evaluateAll((svgs) =>
		svgs.map((svg) => {
			const shapes = [...svg.querySelectorAll('rect, path, circle, text')];
			return {
				shapes: shapes.length,
				allSvg: shapes.every((e) => e.namespaceURI === 'http://www.w3.org/2000/svg'),
				drawn: shapes.some((e) => (e as SVGGraphicsElement).getBBox().width > 0)
			};
		})
	);
	expect(marks).toHaveLength(3);
	for (const m of marks) expect(m).toMatchObject({ allSvg: true, drawn: true });
	await expect(
		page.getByRole('img', { name: /Reviews due on each of the next 14 days/ })
	).toBeVisible();
	await expect(
		page.getByRole('table', { name: 'Reviews due per day' }).locator('tbody tr')
	).toHaveCount(14);
	await expect(page.getByTestId('readiness')).toContainText('pass mark 72%');
	await page.getByText('How is this computed?').click();
	await expect(page.getByTestId('readiness-explanation')).toContainText('it rests on 3 answers');
});

test('an answer a page journalled but did not see stored is recorded before the due page reads', async ({
	page
}) => {
	// What a page leaves behind when the learner leaves as soon as the feedback shows: the answer in
	// the write-ahead journal (answer-journal.ts), its IndexedDB transaction gone with the page.
	await open(page, '/');
	const id = 'journalled-answer-1';
	await page.evaluate(([key, entry]) => localStorage.setItem(key, JSON.stringify(entry)), [
		`sts-trainer:pending-answers:${id}`,
		{
			id,
			questionId: 'ar-root-cannot-assume',
			topic: 'assume-role',
			chosen: [0],
			correct: true,
			timeMs: 20_000,
			mode: 'practice',
			difficulty: 2,
			at: Date.now()
		}
	] as const);
	await open(page, '/quiz/due');
	await expect(page.getByTestId('nothing-due')).toContainText(
		/^Nothing is due right now\. The next review is due in \d+ minutes?\./
	);
	expect(
		await page.evaluate(() =>
			Object.keys(localStorage).filter((k) => k.startsWith('sts-trainer:pending-answers:'))
		)
	).toEqual([]);
});

test('"due now" follows the clock: the dashboard re-reads each minute without any write', async ({
	page
}) => {
	await page.clock.install();
	// A wrong answer puts the question in FSRS's first learning step: due again in a minute.
	await answerPractice(page, [false]);
	await openProgress(page);
	await expect(page.getByTestId('stat-due')).toContainText('0');
	await page.clock.fastForward('02:30');
	await expect(page.getByTestId('stat-due')).toContainText('1');
	await expect(
		page.getByTestId('stat-due').getByRole('link', { name: 'Review them' })
	).toBeVisible();
	// The due page counts the same "due now" as the dashboard.
	await page.getByTestId('stat-due').getByRole('link', { name: 'Review them' }).click();
	await expect(page.getByTestId('due-now')).toContainText('1 question is due for review now.');
	await expect(page.getByTestId('start-due')).toHaveText('Review 1 due question');
});

test('the home page keeps the introduction for newcomers and adds a dashboard once started', async ({
	page
}) => {
	await open(page, '/');
	await expect(page.getByRole('link', { name: /Start with lesson 1/ })).toBeVisible();
	// Give the client a moment to read IndexedDB: still nothing to show.
	await page.waitForTimeout(500);
	await expect(page.getByTestId('home-dashboard')).toHaveCount(0);

	await answerPractice(page, [true, true]);
	await open(page, '/');
	const home = page.getByTestId('home-dashboard');
	await expect(home).toBeVisible();
	await expect(home.getByTestId('stat-answers')).toContainText('2');
	await expect(home.getByTestId('continue-link')).toHaveText(/Continue: Practice session/);
	// No lesson opened yet: the hero still starts at lesson 1.
	await expect(page.getByTestId('hero-lesson')).toHaveText(/^Start with lesson 1: /);
	await expect(page.getByRole('img', { name: /^Mastery of your weakest topics?$/ })).toBeVisible();
	await expect(home).toContainText(/1\d topics not started yet/);
	// The introduction is still there.
	await expect(page.getByRole('heading', { level: 1 })).toContainText('AWS STS');
	await home.getByTestId('continue-link').click();
	await expect(page).toHaveURL(/\/quiz\/practice$/);
	await expect(page.getByTestId('practice-session')).toBeVisible();
});

test('opening a lesson counts it opened, reading it to the end finished, and Continue leads on', async ({
	page
}) => {
	await page.clock.install();
	await open(page, '/lessons/role-chaining');
	const opened = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
	await expect(page.getByTestId('lesson-end')).toBeEmpty();
	await openProgress(page);
	await expect(page.getByTestId('lessons-read')).toHaveText(
		'1 of 16 lessons opened, 0 finished (read to the end).'
	);
	await expect(page.getByTestId('continue-link')).toHaveText(`Continue: ${opened} →`);

	await open(page, '/lessons/assume-role');
	await finishLesson(page);
	await page.getByTestId('next-lesson').click();
	await expect(page).toHaveURL(/\/lessons\/trust-and-permissions-policies$/);
	const next = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
	// Back to the finished lesson: it is the last place, but Continue leads on to the next one.
	await open(page, '/lessons/assume-role');

	await openProgress(page);
	await expect(page.getByTestId('lessons-read')).toHaveText(
		'3 of 16 lessons opened, 1 finished (read to the end).'
	);
	await expect(page.getByTestId('summary-stats')).toContainText('Lessons opened');
	await expect(page.getByTestId('stat-lessons')).toHaveText(/^\s*3 of 16\s*1 finished\s*$/);
	await expect(page.getByTestId('continue-link')).toHaveText(`Continue: ${next} →`);
	await expect(page.locator('.continue')).toContainText('The next lesson after');
	await open(page, '/');
	await page.getByTestId('continue-link').click();
	await expect(page).toHaveURL(/\/lessons\/trust-and-permissions-policies$/);
});

test('pressing End on arrival does not finish a lesson: it takes its end seen and a third of its reading time on screen', async ({
	page
}) => {
	/** Tells the page it is hidden (another tab in front) or visible again. */
	const setVisibility = (state: 'hidden' | 'visible') =>
		page.evaluate((s) => {
			Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
			document.dispatchEvent(new Event('visibilitychange'));
		}, state);
	await page.clock.install();
	await open(page, '/lessons/what-is-sts');
	const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
	const end = page.getByTestId('lesson-end');
	// 6 minutes to read: finished after 2 minutes on screen.
	await expect(page.locator('.crumbs')).toContainText('6 min read');
	await page.keyboard.press('End');
	await expect(end).toContainText(
		'You reached the end quickly. The lesson counts as finished once you have spent about 2 minutes on it.'
	);
	await page.clock.fastForward('00:05');
	await expect(end).not.toContainText('Lesson finished');

	// Left at once: opened, not finished, and the home page offers it again rather than lesson 2.
	await openProgress(page);
	await expect(page.getByTestId('lessons-read')).toHaveText(
		'1 of 16 lessons opened, 0 finished (read to the end).'
	);
	await expect(page.getByTestId('finish-rule')).toContainText(
		'spent at least a third of its reading time on it (30 seconds to 3 minutes'
	);
	await open(page, '/');
	await expect(page.getByTestId('hero-lesson')).toHaveText(`Go on to lesson 1: ${title}`);

	// Time in another tab does not count; time with the lesson on screen does.
	await open(page, '/lessons/what-is-sts');
	await page.keyboard.press('End');
	await expect(end).toContainText('You reached the end quickly');
	await setVisibility('hidden');
	await page.clock.fastForward('10:00');
	await expect(end).not.toContainText('Lesson finished');
	await setVisibility('visible');
	await page.clock.fastForward('01:30');
	await expect(end).toContainText('You reached the end quickly');
	await page.clock.fastForward('00:35');
	await expect(end).toContainText('Lesson finished: you read it to the end');
	await openProgress(page);
	await expect(page.getByTestId('lessons-read')).toHaveText(
		'1 of 16 lessons opened, 1 finished (read to the end).'
	);
});

test('the home page points a returning learner at the next unfinished lesson, not lesson 1', async ({
	page
}) => {
	await page.clock.install();
	await open(page, '/lessons/what-is-sts');
	await finishLesson(page);
	await page.getByTestId('next-lesson').click();
	await expect(page).toHaveURL(/\/lessons\/assume-role$/);
	const second = (await page.getByRole('heading', { level: 1 }).innerText()).trim();

	await open(page, '/');
	const home = page.getByTestId('home-dashboard');
	await expect(home.getByTestId('stat-lessons')).toHaveText(/^\s*2 of 16\s*1 finished\s*$/);
	await expect(page.getByTestId('hero-lesson')).toHaveText(`Go on to lesson 2: ${second}`);
	// Continue would lead to the same lesson: one link, not two.
	await expect(home.getByTestId('continue-link')).toHaveCount(0);
	await page.getByTestId('hero-lesson').click();
	await expect(page).toHaveURL(/\/lessons\/assume-role$/);
});

test('the home page of a learner who has read but not answered: one way on, no readiness score, no empty chart', async ({
	page
}) => {
	await open(page, '/lessons/what-is-sts');
	const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
	await open(page, '/');
	const home = page.getByTestId('home-dashboard');
	await expect(home).toBeVisible();
	await expect(home.getByTestId('stat-lessons')).toHaveText(/^\s*1 of 16\s*0 finished\s*$/);
	// One link back to the lesson: the hero's, not a second "Continue" beside it.
	await expect(page.getByTestId('hero-lesson')).toHaveText(`Go on to lesson 1: ${title}`);
	await expect(home.getByTestId('continue-link')).toHaveCount(0);
	await expect(page.locator(`main a[href="/lessons/what-is-sts"]`)).toHaveCount(1);

	// No answers: no 0% "Not ready yet" judged on nothing, but what it needs and where to get it.
	const readiness = home.getByTestId('readiness-card');
	await expect(readiness.getByTestId('readiness')).toHaveText('No estimate yet');
	await expect(readiness).not.toContainText('Not ready yet');
	await expect(readiness.locator('.score')).toHaveCount(0);
	await expect(readiness).not.toHaveClass(/band-/);
	await readiness.getByRole('link', { name: 'Answer a few practice questions' }).click();
	await expect(page).toHaveURL(/\/quiz\/practice$/);

	// No empty weakest-topics chart: a sentence instead.
	await open(page, '/');
	await expect(home.getByTestId('weakest-empty')).toContainText('once you have answered questions');
	await expect(home.getByRole('img', { name: /weakest topic/ })).toHaveCount(0);
	expect(await axeViolations(page)).toEqual([]);

	// After an answer, the estimate and the chart are there.
	await answerPractice(page, [true]);
	await open(page, '/');
	await expect(home.getByTestId('readiness')).toContainText('pass mark 72%');
	await expect(readiness).toHaveClass(/band-not-yet/);
	await expect(page.getByRole('img', { name: /^Mastery of your weakest topic$/ })).toBeVisible();
	await expect(home.getByTestId('weakest-empty')).toHaveCount(0);
});

test('a simulator scenario and a started exam each become the place to continue from', async ({
	page
}) => {
	await open(page, '/simulator');
	const first = page.locator('.scenarios h2 a').first();
	const title = (await first.innerText()).trim();
	await first.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await openProgress(page);
	await expect(page.getByTestId('continue-link')).toHaveText(`Continue: Simulator: ${title} →`);

	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam')).toBeVisible();
	await openProgress(page);
	await expect(page.getByTestId('continue-link')).toHaveText(
		'Continue: Exam simulation in progress →'
	);
	await page.getByTestId('continue-link').click();
	await expect(page.getByTestId('exam-timer')).toBeVisible();
});

test('a running exam comes first at home, with the time it has left, wherever the learner was last', async ({
	page
}) => {
	await page.clock.install();
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByLabel('Seconds per question').fill('60');
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam-timer')).toBeVisible();

	// A newcomer whose first step was the exam has no dashboard yet: the reminder is under the
	// page's introduction.
	await open(page, '/');
	await expect(page.getByTestId('exam-reminder').getByRole('link')).toHaveText(
		/^Resume your exam: [45]:\d\d left →$/
	);
	await expect(page.getByTestId('home-dashboard')).toHaveCount(0);

	// With progress, and the simulator the last place visited: the exam still comes first.
	await answerPractice(page, [true]);
	await open(page, '/simulator');
	const first = page.locator('.scenarios h2 a').first();
	const title = (await first.innerText()).trim();
	await first.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await open(page, '/');
	const home = page.getByTestId('home-dashboard');
	const reminder = page.getByTestId('exam-reminder').getByRole('link');
	await expect(reminder).toHaveText(/^Resume your exam: 4:\d\d left →$/);
	await expect(home.getByTestId('continue-link')).toHaveText(`Continue: Simulator: ${title} →`);
	// First of all: above the lesson link of the introduction and the dashboard's Continue.
	const reminderFirst = await page.evaluate(() => {
		const r = document.querySelector('[data-testid="exam-reminder"]')!;
		return ['[data-testid="hero-lesson"]', '[data-testid="continue-link"]'].every(
			(s) =>
				!!(r.compareDocumentPosition(document.querySelector(s)!) & Node.DOCUMENT_POSITION_FOLLOWING)
		);
	});
	expect(reminderFirst).toBe(true);
	expect(await axeViolations(page)).toEqual([]);

	// The clock counts down on the home page, and says when time is up.
	await page.clock.fastForward('01:00');
	await expect(reminder).toHaveText(/^Resume your exam: 3:\d\d left →$/);
	await page.clock.fastForward('04:00');
	await expect(reminder).toHaveText("Your exam's time ran out: see your score →");
	await reminder.click();
	await expect(page.getByTestId('exam-results')).toContainText('Time ran out');
	await open(page, '/');
	await expect(page.getByTestId('home-dashboard')).toBeVisible();
	await expect(page.getByTestId('exam-reminder')).toHaveCount(0);
});

// The button's flex gap parted the link's name from its countdown: "Resume your exam : 4:59 left".
test('the exam reminder shows its colon against "Resume your exam", as one phrase', async ({
	page
}) => {
	await page.clock.install();
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam-timer')).toBeVisible();
	await open(page, '/');
	const link = page.getByTestId('exam-reminder').getByRole('link');
	await expect(link).toHaveText(/^Resume your exam: \d+:\d\d left →$/);
	const gap = await link.evaluate((a) => {
		const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
		let name: Text | undefined;
		while (walker.nextNode()) {
			const node = walker.currentNode as Text;
			if (node.data.includes('Resume your exam')) name = node;
		}
		const range = document.createRange();
		range.selectNodeContents(name!);
		const countdown = [...a.querySelectorAll('span')].find((s) => s.textContent!.startsWith(':'));
		return countdown!.getBoundingClientRect().left - range.getBoundingClientRect().right;
	});
	expect(Math.abs(gap)).toBeLessThan(1);
});

test('a finished practice session and a submitted exam are not offered to resume or continue', async ({
	page
}) => {
	const card = (title: string) =>
		page.locator('.modes > li').filter({ has: page.getByRole('heading', { name: title }) });
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam')).toBeVisible();
	// Then a practice session, ended: the last place visited, but nothing to continue there.
	await answerPractice(page, [true, false]);
	await endSession(page);
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();

	await open(page, '/quiz');
	await expect(card('Exam simulation')).toContainText('Resume your session');
	await expect(card('Practice')).toBeVisible();
	await expect(card('Practice').getByText('Resume your session')).toHaveCount(0);
	// Home leads to what is still in progress: the exam, as its reminder (no "Continue" repeats it).
	await open(page, '/');
	const home = page.getByTestId('home-dashboard');
	const reminder = page.getByTestId('exam-reminder').getByRole('link');
	await expect(reminder).toHaveText(/^Resume your exam: \d:\d\d left →$/);
	await expect(home.getByTestId('continue-link')).toHaveCount(0);
	await reminder.click();
	await expect(page.getByTestId('exam-timer')).toBeVisible();
	await page.getByTestId('review-exam').click();
	await page.getByTestId('submit-exam').click();
	await expect(page.getByTestId('exam-results')).toBeVisible();

	// Submitted: nothing is in progress any more, on the quiz page, at home or on /progress.
	await open(page, '/quiz');
	await expect(card('Exam simulation')).toBeVisible();
	await expect(page.getByText('Resume your session')).toHaveCount(0);
	await open(page, '/');
	await expect(home).toBeVisible();
	await expect(home.getByTestId('stat-answers')).toContainText('2');
	await expect(home.getByTestId('continue-link')).toHaveCount(0);
	await expect(page.getByTestId('exam-reminder')).toHaveCount(0);
	await openProgress(page);
	await expect(page.getByTestId('exam-history')).toContainText('0 of 5 right');
	await expect(page.getByTestId('continue-link')).toHaveCount(0);
});

test('export, delete everything, import: the data comes back identical', async ({ page }) => {
	await answerPractice(page, [true, false, true, true]);
	await open(page, '/lessons/what-is-sts');
	await importFixture(page);
	await page.getByTestId('exam-date').fill(inDays(60));
	await page.getByRole('button', { name: 'Save exam date' }).click();
	await expect(page.getByTestId('exam-date-status')).toContainText('Exam date set to');

	const before = await exportBackup(page);
	expect(before.fileName).toMatch(/^sts-trainer-backup-\d{4}-\d{2}-\d{2}\.json$/);
	expect(before.json.format).toBe('sts-trainer-backup');
	// The backup names the build that wrote it: the version in the footer.
	expect(before.json.app.version).toBe(await page.getByTestId('app-version').textContent());
	expect(before.json.data.attempts).toHaveLength(4 + 48);

	// Delete with the keyboard: the confirmation takes focus on "Cancel", the safe choice.
	await page.getByTestId('delete-all').focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(page.getByTestId('confirm-delete')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('delete-status')).toHaveText(
		'All progress on this device was deleted.'
	);
	await expect(page.getByTestId('dashboard-empty')).toBeVisible();

	await chooseBackup(page, before.path);
	const preview = page.getByTestId('import-preview');
	await expect(preview.getByTestId('count-attempts')).toHaveText('52');
	await expect(preview.getByTestId('count-exams')).toHaveText('1');
	await expect(preview).toContainText('Answers from 3 Mar 2025 to');
	await page.getByTestId('import-replace').click();
	await page.getByTestId('confirm-replace').click();
	await expect(page.getByTestId('import-status')).toContainText('Replaced: 52 answers');
	await expect(page.getByTestId('stat-answers')).toContainText('52');

	const after = await exportBackup(page);
	expect(after.json.data).toEqual(before.json.data);
});

test('after a merge, a replace or a deletion, keyboard focus lands on the message saying what happened', async ({
	page
}) => {
	const backup = 'tests/fixtures/progress/backup-v1.json';
	const result = page.getByTestId('import-status').locator('p');
	/** Focused, with the visible focus ring a keyboard user sees. */
	const focusedVisibly = async (message: typeof result) => {
		await expect(message).toBeFocused();
		expect(await message.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
	};
	await answerPractice(page, [true]);
	await openProgress(page);

	// Merge: its button goes away with the preview; focus goes to "Merged: …", not to <body>.
	await chooseBackup(page, backup);
	await page.getByTestId('import-merge').focus();
	await page.keyboard.press('Enter');
	await expect(result).toContainText('Merged: 48 answers');
	await focusedVisibly(result);
	// From there the keyboard carries on in the page, past the import controls.
	await page.keyboard.press('Tab');
	await expect(page.getByTestId('delete-all')).toBeFocused();

	// Replace, after its confirmation.
	await chooseBackup(page, backup);
	await page.getByTestId('import-replace').focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Shift+Tab');
	await expect(page.getByTestId('confirm-replace')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(result).toContainText('Replaced: 48 answers');
	await focusedVisibly(result);
	expect(await axeViolations(page)).toEqual([]);

	// Delete everything: the confirmation goes away, focus goes to what was done.
	await page.getByTestId('delete-all').focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Enter');
	const deleted = page.getByTestId('delete-status');
	await expect(deleted).toHaveText('All progress on this device was deleted.');
	await focusedVisibly(deleted);
});

test('"Delete all progress" also removes saved quiz and simulator sessions, keeping only the theme', async ({
	page
}) => {
	await answerPractice(page, [true]);
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam')).toBeVisible();
	await open(page, '/simulator');
	await page.locator('.scenarios h2 a').first().click();
	await page.getByTestId('theme-toggle').click();
	const ours = () =>
		page.evaluate(() =>
			Object.keys(localStorage)
				.filter((k) => k.startsWith('sts-trainer:'))
				.sort()
		);
	// What a learner leaves behind: a practice and an exam session in progress, the theme.
	await expect.poll(ours).toEqual(expect.arrayContaining(['sts-trainer:theme']));
	const before = await ours();
	expect(before.filter((k) => k.startsWith('sts-trainer:quiz:')).length).toBeGreaterThanOrEqual(2);
	const theme = await page.evaluate(() => localStorage.getItem('sts-trainer:theme'));

	await openProgress(page);
	await page.getByTestId('delete-all').click();
	await page.getByTestId('confirm-delete').click();
	await expect(page.getByTestId('delete-status')).toHaveText(
		'All progress on this device was deleted.'
	);
	// Only the theme and the deletion stamp (which tells other tabs) remain.
	expect(await ours()).toEqual(['sts-trainer:progress-deleted-at', 'sts-trainer:theme']);
	expect(await page.evaluate(() => localStorage.getItem('sts-trainer:theme'))).toBe(theme);
	// Nothing to resume: the practice page offers a new session.
	await open(page, '/quiz/practice');
	await expect(page.getByTestId('start-practice')).toBeVisible();
	await expect(page.getByTestId('practice-session')).toHaveCount(0);
});

test('a lesson visit counts one read, however it ends; a second visit counts a second', async ({
	page
}) => {
	const readCount = async () => {
		await openProgress(page);
		const lessons = (await exportBackup(page)).json.data.lessons as {
			slug: string;
			readCount: number;
			completed: boolean;
		}[];
		return lessons.map((l) => [l.slug, l.readCount, l.completed]);
	};
	await page.clock.install();
	await open(page, '/lessons/assume-role');
	await finishLesson(page);
	expect(await readCount()).toEqual([['assume-role', 1, true]]);

	await open(page, '/lessons/assume-role');
	await finishLesson(page);
	expect(await readCount()).toEqual([['assume-role', 2, true]]);
});

test('a bad backup file shows what is wrong, by field, and changes nothing', async ({ page }) => {
	await answerPractice(page, [true, false]);
	await openProgress(page);
	const before = await exportBackup(page);

	await chooseBackup(page, 'tests/fixtures/progress/bad-backups/tampered-exam-score.json');
	const error = page.getByTestId('import-error');
	await expect(error).toContainText('This backup cannot be imported (1 problem)');
	await expect(error).toContainText('data.exams[0].score');
	await expect(error).toContainText('Nothing was changed.');
	await expect(page.getByTestId('import-merge')).toHaveCount(0);

	await chooseBackup(page, { name: 'notes.json', text: '{"format": "sts-trainer-backup", ' });
	await expect(error).toContainText('not valid JSON');

	await chooseBackup(page, 'tests/fixtures/progress/bad-backups/negative-time.json');
	await expect(error).toContainText('data.attempts[0].timeMs');

	await expect(page.getByTestId('stat-answers')).toContainText('2');
	const after = await exportBackup(page);
	const { settings: s1, ...rest1 } = before.json.data;
	const { settings: s2, ...rest2 } = after.json.data;
	expect(rest2).toEqual(rest1);
	// The first export only added its own timestamp.
	const withoutBackupStamp = (rows: unknown[]) =>
		rows.filter((r) => (r as { key: string }).key !== 'lastBackupAt');
	expect(withoutBackupStamp(s2!)).toEqual(withoutBackupStamp(s1!));
});

test('two tabs: an answer in one shows on the dashboard in the other without a reload', async ({
	context
}) => {
	const dashboard = await context.newPage();
	await openProgress(dashboard);
	await expect(dashboard.getByTestId('dashboard-empty')).toBeVisible();

	const quiz = await context.newPage();
	await answerPractice(quiz, [true]);
	await expect(dashboard.getByTestId('stat-answers')).toContainText('1');

	await answerPractice(quiz, [false, true]);
	await expect(dashboard.getByTestId('stat-answers')).toContainText('3');
	await expect(dashboard.getByTestId('stat-answers')).toContainText('67% right');
});

test('two tabs: a lesson read in one, which does not load the progress store, shows in the other at once', async ({
	context
}) => {
	await context.clock.install();
	const dashboard = await context.newPage();
	await openProgress(dashboard);
	await expect(dashboard.getByTestId('dashboard-empty')).toBeVisible();

	// The lesson page notes the read in the activity journal (localStorage) and never opens
	// IndexedDB itself; the tab that has the store open records it when the journal changes.
	const lesson = await context.newPage();
	await open(lesson, '/lessons/role-chaining');
	const title = (await lesson.getByRole('heading', { level: 1 }).innerText()).trim();
	await finishLesson(lesson);
	await expect(dashboard.getByTestId('lessons-read')).toContainText(
		'1 of 16 lessons opened, 1 finished'
	);
	// Read to the end, so Continue leads on to the lesson after it.
	expect(title).toBe('Role chaining and the one-hour cap');
	await expect(dashboard.getByTestId('continue-link')).toHaveText(
		'Continue: ExternalId and the confused deputy problem →'
	);
	// The lesson page never opened the store (the layout marks every opening).
	expect(
		await lesson.evaluate(() => performance.getEntriesByName('app:progress-open').length)
	).toBe(0);
	// The dashboard tab recorded both entries, so the journal is empty again.
	await expect
		.poll(() =>
			lesson.evaluate(() =>
				Object.keys(localStorage).filter((k) => k.startsWith('sts-trainer:pending-activity'))
			)
		)
		.toEqual([]);
});

test('two tabs: after "Delete all progress" in one, the other offers a reload and does not save its old session again', async ({
	context
}) => {
	const quiz = await context.newPage();
	await answerPractice(quiz, [true]);
	const savedPractice = () =>
		quiz.evaluate(() => localStorage.getItem('sts-trainer:quiz:practice'));
	await expect.poll(savedPractice).not.toBeNull();

	const settings = await context.newPage();
	await openProgress(settings);
	await settings.getByTestId('delete-all').click();
	await settings.getByTestId('confirm-delete').click();
	await expect(settings.getByTestId('delete-status')).toHaveText(
		'All progress on this device was deleted.'
	);

	const banner = quiz.getByTestId('deleted-elsewhere-banner');
	await expect(banner).toContainText('Your progress was deleted in another tab.');
	// The quiz keeps working in memory, but its pre-deletion session is not written back.
	const q = await currentQuestion(quiz);
	await pressOptions(quiz, q.right);
	await quiz.keyboard.press('Enter');
	await expect(quiz.getByTestId('feedback')).toContainText('Correct.');
	expect(await savedPractice()).toBeNull();
	expect(await axeViolations(quiz)).toEqual([]);

	await banner.getByRole('button', { name: 'Reload to start afresh' }).click();
	await quiz.locator('body.started').waitFor();
	await expect(quiz.getByTestId('start-practice')).toBeVisible();
	await expect(quiz.getByTestId('deleted-elsewhere-banner')).toHaveCount(0);
});

test('without IndexedDB the banner explains, the quiz still works and progress lives in memory', async ({
	page
}) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = () => {
			throw new DOMException('The user denied permission to access the database.', 'SecurityError');
		};
	});
	await open(page, '/');
	const banner = page.getByTestId('storage-banner');
	await expect(banner).toContainText('Your progress is not being saved on this device.');
	await expect(banner).toContainText('does not allow this site to store data');
	await expect(page.getByRole('status').filter({ has: banner })).toHaveCount(1);

	await answerPractice(page, [true, false]);
	await expect(banner).toBeVisible();
	// Client-side navigation keeps the in-memory store: the answers are on the dashboard.
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Progress' })
		.click();
	await expect(page.getByTestId('stat-answers')).toContainText('2');
	await expect(page.getByText('Right now progress is kept in memory only')).toBeVisible();
	// Exporting still works, so nothing is lost if the learner acts on the banner.
	const saved = await exportBackup(page);
	expect(saved.json.data.attempts).toHaveLength(2);
});

test('persistent storage can be requested and the answer is remembered', async ({ page }) => {
	await answerPractice(page, [true]);
	await openProgress(page);
	await expect(page.getByTestId('persistence-state')).toHaveText(
		'Persistent storage has not been requested yet.'
	);
	await page.getByTestId('request-persistence').click();
	const state = page.getByTestId('persistence-state');
	await expect(state).toContainText(/Persistent storage: (granted|denied|unsupported)\./);
	const shown = await state.innerText();
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(state).toHaveText(shown);
});

test('an exam date schedules a plan up to the exam and can be cleared', async ({ page }) => {
	await answerPractice(page, [true, false, true]);
	await openProgress(page);
	await page.getByTestId('exam-date').fill(inDays(20));
	// The dashboard refreshes in the background (here: the tab becoming visible again); that must
	// not wipe a date being typed.
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
	// The refresh reads IndexedDB and lands within milliseconds; give it ample time.
	await page.waitForTimeout(300);
	await expect(page.getByTestId('exam-date')).toHaveValue(inDays(20));
	await page.getByTestId('exam-date').press('Enter');
	await expect(page.getByTestId('exam-date-status')).toContainText('Exam date set to');
	const plan = page.getByTestId('study-plan');
	await expect(plan).toContainText(/Plan up to your exam on .*, 2\d days away/);
	await expect(plan).toContainText('Reviews now aim for 90% retention');
	await expect(plan.locator('tbody tr')).toHaveCount(7);
	await plan.getByText(/Show the remaining \d+ days/).click();

	await page.getByRole('button', { name: 'Clear' }).click();
	await expect(page.getByTestId('exam-date-status')).toContainText('Exam date cleared');
	await expect(plan).toContainText('Plan for the next 7 days');
	await expect(page.getByTestId('exam-date')).toHaveValue('');
});

test('axe finds no violations on /progress and / with data present (colours in both schemes)', async ({
	page
}) => {
	// Seeds through the UI, then runs axe three times: more than the default 30 s on 2 cores.
	test.setTimeout(90_000);
	await answerPractice(page, [true, false, true]);
	await open(page, '/lessons/what-is-sts');
	await importFixture(page);
	await page.getByTestId('exam-date').fill(inDays(40));
	await page.getByRole('button', { name: 'Save exam date' }).click();
	await expect(page.getByTestId('study-plan')).toContainText('Plan up to your exam');
	// Open every disclosure so the tables and explanations are checked too.
	for (const summary of await page.locator('summary').all()) await summary.click();
	await chooseBackup(page, 'tests/fixtures/progress/backup-v1.json');
	await expect(page.getByTestId('import-preview')).toBeVisible();
	expect(await axeBothSchemes(page)).toEqual([]);

	await chooseBackup(page, 'tests/fixtures/progress/bad-backups/duplicate-card.json');
	await expect(page.getByTestId('import-error')).toBeVisible();
	await page.getByTestId('delete-all').click();
	expect(await axeBothSchemes(page)).toEqual([]);

	await open(page, '/');
	await expect(page.getByTestId('home-dashboard')).toBeVisible();
	for (const summary of await page.locator('summary').all()) await summary.click();
	expect(await axeBothSchemes(page)).toEqual([]);
});

test('an answer given right before leaving the page is not lost', async ({ page }) => {
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').click();
	const q = await currentQuestion(page);
	await pressOptions(page, q.right);
	await page.keyboard.press('Enter');
	// Straight away, as a learner closing the tab would: the store is still opening (it opens on
	// the first answer), so the answer's write has not even started when the page goes.
	await page.goto('/progress');
	await page.locator('body.started').waitFor();
	await expect(page.getByTestId('stat-answers').locator('.number')).toHaveText('1');
	await expect
		.poll(() =>
			page.evaluate(() =>
				Object.keys(localStorage).filter((k) => k.startsWith('sts-trainer:pending-answers'))
			)
		)
		.toEqual([]);
});

// The study plan said "Practise: Cross-account access, Session durations, …" with no way to do
// it: the learner had to find those topics again in the practice setup and tick each one. Then,
// with a practice session left unfinished, its link resumed that session and ignored the topics:
// now the setup comes with those topics ticked, the unfinished session offered beside it, and
// starting this practice asks before replacing it.
test("the study plan's topics for today open a practice session with just those ticked, an unfinished one kept until the learner says", async ({
	page
}) => {
	test.setTimeout(60_000);
	// Not ended: a session in progress, which /quiz/practice alone resumes.
	await answerPractice(page, [false, true]);
	const questionId = () =>
		page.locator('section.question').first().getAttribute('data-question-id');
	const leftAt = await questionId();
	await openProgress(page);
	const link = page.locator('[data-testid="plan-practise-today"]:visible');
	await expect(link).toHaveCount(1);
	const titles = (await link.innerText()).split(', ');
	expect(titles.length).toBeGreaterThan(0);
	const followLink = async () => {
		await link.click();
		await expect(page).toHaveURL(/\/quiz\/practice\?topic=/);
		await page.locator('body.started').waitFor();
		// The setup, not the unfinished session, with just the plan's topics ticked.
		await expect(page.getByTestId('unfinished-session')).toBeVisible();
		await expect(page.getByTestId('practice-session')).toHaveCount(0);
		const ticked = page.locator('fieldset.topics input[type="checkbox"]:checked');
		await expect(ticked).toHaveCount(titles.length);
		for (const title of titles)
			await expect(page.getByRole('checkbox', { name: new RegExp(`^${title} \\(`) })).toBeChecked();
	};
	await followLink();
	await expect(page.getByTestId('unfinished-session')).toContainText(
		'You have a practice session in progress.'
	);
	expect(await axeViolations(page)).toEqual([]);

	// Starting this practice asks first, in the words of "Review these mistakes".
	const start = page.getByTestId('start-practice');
	const dialog = page.getByRole('dialog', { name: 'Replace your unfinished practice session?' });
	await start.focus();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await expect(dialog).toHaveAccessibleDescription(/practice session in progress/);
	expect(await axeViolations(page)).toEqual([]);
	// Escape changes nothing: back on "Start practice", the unfinished session still offered.
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(start).toBeFocused();
	await expect(page.getByTestId('unfinished-session')).toBeVisible();
	// Keep: the unfinished session, where it was left.
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await page.getByTestId('keep-unfinished').click();
	await expect(page.getByTestId('practice-session')).toBeVisible();
	expect(await questionId()).toBe(leftAt);
	await expect(page.locator('section.question h2')).toContainText('Question 3 of');
	await expect(page.locator('section.question h2')).toBeFocused();

	// The other way to it: "Resume the unfinished session" beside the setup.
	await openProgress(page);
	await followLink();
	await page.getByTestId('resume-unfinished').click();
	await expect(page.getByTestId('practice-session')).toBeVisible();
	expect(await questionId()).toBe(leftAt);

	// Replace: this practice, of the plan's topics, in place of the unfinished one.
	await openProgress(page);
	await followLink();
	await start.click();
	await page.getByTestId('replace-unfinished').click();
	await expect(page.getByTestId('practice-session')).toBeVisible();
	const label = await page.locator('section.question h2').innerText();
	expect(label).toContain('Question 1 of');
	expect(titles.some((t) => label.endsWith(`· ${t}`))).toBe(true);
	// Saved in its place: /quiz/practice alone resumes this one now.
	await open(page, '/quiz/practice');
	await expect(page.locator('section.question h2')).toHaveText(label);
});

// A question answered wrong is due again a minute later (ts-fsrs learning steps), and the due
// page said "The next review is due in 1 minute" with no word of why.
test('the due page explains a review due within minutes: missed questions come back soon', async ({
	page
}) => {
	await answerPractice(page, [false]);
	// The answer recorded (the progress page takes it from the journal into the store).
	await openProgress(page);
	await expect(page.getByTestId('stat-answers').locator('.number')).toHaveText('1');
	await open(page, '/quiz/due');
	const nothing = page.getByTestId('nothing-due');
	await expect(nothing).toContainText(/The next review is due in \d+ minutes?\./);
	await expect(nothing).toContainText(
		'Why so soon? A question you missed, or have only just started, comes back within minutes; ' +
			'once you answer it right, it comes back at growing intervals: days, then weeks.'
	);
	expect(await axeViolations(page)).toEqual([]);
});
