import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures';
import {
	expectNoInjection,
	loadPack,
	PACKS,
	recordDialogs,
	SCENARIO_RUNNER_CODE,
	scriptsOf
} from './pack-helpers';
import { authoredOrder, pressOptions } from './quiz-helpers';

interface PackFile {
	id: string;
	title: string;
	questions: { id: string; scenario?: string; options: { text: string; correct: boolean }[] }[];
}

const readPack = (name: string) => JSON.parse(readFileSync(`${PACKS}/${name}`, 'utf8')) as PackFile;
const LAB_V1 = 'lab-session-durations-1.0.0.json';
const LAB_V2 = 'lab-session-durations-1.1.0.json';
const XSS = 'xss-pack.json';
const WRONG = 'lab-wrong-expectations-1.0.0.json';
const MANAGED = 'lab-managed-policies-1.0.0.json';

/** The pack question on screen and the display positions of its right options. */
async function packQuestion(page: Page, pack: PackFile) {
	const section = page.locator('section.question').first();
	const id = (await section.getAttribute('data-question-id'))!;
	const q = pack.questions.find((x) => x.id === id);
	expect(q, `question ${id} comes from the pack`).toBeDefined();
	const { authored } = await authoredOrder(page, q!.options);
	return { id, right: authored.flatMap((a, p) => (q!.options[a].correct ? [p] : [])) };
}

async function removePack(page: Page, title: string) {
	await open(page, '/author');
	await page.getByRole('button', { name: `Remove ${title}` }).click();
	await page.getByTestId('confirm-remove-pack').click();
	await expect(page.getByTestId('pack-status')).toContainText(`Removed “${title}”`);
	await expect(page.getByTestId('no-packs')).toBeVisible();
}

test('the Author page is reachable from the header and has no accessibility violations', async ({
	page
}) => {
	await open(page, '/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Packs' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Content packs' })).toBeVisible();
	await expect(page.getByTestId('no-packs')).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test('load a valid pack, practise one of its questions ("from <pack>"), remove it: its review is no longer due', async ({
	page
}) => {
	test.setTimeout(60_000);
	await page.clock.install();
	const pack = readPack(LAB_V1);
	await open(page, '/author');
	await loadPack(page, LAB_V1);
	const preview = page.getByTestId('pack-preview');
	await expect(preview).toContainText(pack.title);
	await expect(preview).toContainText('3 questions');
	await expect(preview).toContainText('1 lesson');
	await expect(preview).toContainText('1 scenario');
	await expect(preview).toContainText('Lab notes — session durations');
	expect(await axeViolations(page)).toEqual([]);
	await page.getByTestId('install-pack').click();
	await expect(page.getByTestId('pack-status')).toContainText(`Added “${pack.title}”`);
	const installed = page.getByTestId('installed-pack');
	await expect(installed).toContainText('Version 1.0.0 by Example Instructor');
	// The app's one date format, as on the progress page ("28 Nov 2026, 11:53").
	await expect(installed).toContainText(/· loaded \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}(?!\d)/);
	await expect(installed).toContainText('Lessons: Lab notes — session durations');
	await expect(installed).toContainText('Scenarios: A script asks for more than the role allows');
	expect(await axeViolations(page)).toEqual([]);

	await page.getByRole('link', { name: `Practise its questions (${pack.title})` }).click();
	await expect(page).toHaveURL(/\/quiz\/practice\?pack=lab-session-durations$/);
	await expect(page.getByTestId('question-source')).toHaveValue('pack:lab-session-durations');
	await page.getByTestId('start-practice').click();
	await expect(page.locator('section.question h2')).toContainText(`Question 1 of 3`);
	await expect(page.locator('section.question h2')).toContainText(`from ${pack.title}`);
	const q = await packQuestion(page, pack);
	await pressOptions(page, q.right);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('feedback')).toContainText('Correct.');
	await expect(page.locator('.option .why')).toHaveCount(
		pack.questions.find((x) => x.id === q.id)!.options.length
	);

	// Not due yet: the due page says when it will be.
	await open(page, '/quiz/due');
	await expect(page.getByTestId('nothing-due')).toContainText(
		/^Nothing is due right now\. The next review is due in \d+ minutes?\./
	);
	// A new card answered right is due again within the hour: due on the dashboard and the due page.
	await page.clock.fastForward('01:00:00');
	await open(page, '/progress');
	await expect(page.getByTestId('stat-due').locator('.number')).toHaveText('1');
	await open(page, '/quiz/due');
	await expect(page.getByTestId('due-now')).toContainText('1 question is due for review now.');

	await removePack(page, pack.title);
	await open(page, '/quiz/practice?pack=lab-session-durations');
	await expect(page.getByTestId('pack-missing')).toBeVisible();
	// Its question is not in the app any more: its review is not due, here or on the dashboard.
	await open(page, '/quiz/due');
	await expect(page.getByTestId('nothing-due')).toContainText(
		'Nothing is scheduled for review yet'
	);
	await open(page, '/progress');
	await expect(page.getByTestId('stat-due').locator('.number')).toHaveText('0');
	await expect(page.getByTestId('stat-answers').locator('.number')).toHaveText('1');
	// Installed again, it is due again: the learner's schedule was kept.
	await open(page, '/author');
	await loadPack(page, LAB_V1);
	await page.getByTestId('install-pack').click();
	await expect(page.getByTestId('pack-status')).toContainText(`Added “${pack.title}”`);
	await open(page, '/progress');
	await expect(page.getByTestId('stat-due').locator('.number')).toHaveText('1');
	await open(page, '/quiz/due');
	await expect(page.getByTestId('start-due')).toHaveText('Review 1 due question');
	await removePack(page, pack.title);
});

test('loading a newer version of an installed pack updates it in place', async ({ page }) => {
	test.setTimeout(60_000);
	const pack = readPack(LAB_V1);
	await open(page, '/author');
	await loadPack(page, LAB_V1);
	await page.getByTestId('install-pack').click();
	await expect(page.getByTestId('pack-status')).toContainText(`Added “${pack.title}”`);

	await loadPack(page, LAB_V2);
	const update = page.getByTestId('pack-update');
	await expect(update).toContainText('Updates the installed version 1.0.0 to 1.1.0');
	await expect(update).toContainText(
		'2 questions stay (your answers to them are kept), 1 new, 1 removed'
	);
	await page.getByRole('button', { name: 'Update to 1.1.0' }).click();
	await expect(page.getByTestId('pack-status')).toContainText(
		`Updated “${pack.title}” (version 1.1.0)`
	);
	await expect(page.getByTestId('installed-pack')).toHaveCount(1);
	await expect(page.getByTestId('installed-pack')).toContainText('Version 1.1.0');
	await removePack(page, pack.title);
});

test('an invalid pack lists every error with its field path and cannot be added', async ({
	page
}) => {
	await open(page, '/author');
	await loadPack(page, 'invalid-pack.json');
	const errors = page.getByTestId('pack-errors');
	await expect(errors).toContainText('16 errors: this pack cannot be loaded');
	// Each with the line of the file it is on (the fixture's option 0 of question 0 opens on line 16).
	await expect(errors).toContainText(
		'questions[0] (bad-q).options[0].why, line 16: why is required'
	);
	await expect(errors).toContainText(
		/scenarios\[0\] \(bad-scenario\)\.steps\[0\]\.as, line \d+: no user alice in account 111111111111/
	);
	await expect(page.getByTestId('install-pack')).toBeDisabled();
	expect(await axeViolations(page)).toEqual([]);
});

test('a pack with a schema error and a reference error shows both at once, each naming its question', async ({
	page
}) => {
	// As the user test had it: option key "corect" in question 0, an unknown topic in question 1.
	const pack = JSON.parse(readFileSync(`${PACKS}/${LAB_V1}`, 'utf8')) as {
		questions: { topic: string; options: Record<string, unknown>[] }[];
	};
	const { correct, ...option } = pack.questions[0].options[0];
	pack.questions[0].options[0] = { ...option, corect: correct };
	pack.questions[1].topic = 'external-ids';
	await open(page, '/author');
	await loadPack(page, { name: 'typos.json', data: pack });
	const errors = page.getByTestId('pack-errors');
	await expect(errors).toContainText('3 errors: this pack cannot be loaded');
	await expect(errors).toContainText(
		/questions\[0\] \(lab-chaining-two-facts\)\.options\[0\]\.correct, line \d+: correct is required/
	);
	await expect(errors).toContainText(
		/questions\[0\] \(lab-chaining-two-facts\)\.options\[0\]\.corect, line \d+: unknown field "corect"/
	);
	await expect(errors).toContainText(
		/questions\[1\] \(lab-duration-above-max\)\.topic, line \d+: unknown topic "external-ids"/
	);
	await expect(page.getByTestId('install-pack')).toBeDisabled();
});

test('a pack question naming its own pack’s scenario links to it after answering (“See it happen”)', async ({
	page
}) => {
	await open(page, '/author');
	await loadPack(page, LAB_V1);
	await expect(page.getByTestId('pack-errors')).toHaveCount(0);
	await page.getByTestId('install-pack').click();
	await expect(page.getByTestId('pack-status')).toContainText('Added');
	await open(page, '/quiz/practice?pack=lab-session-durations');
	await page.getByTestId('start-practice').click();
	const pack = readPack(LAB_V1);
	const linked: string[] = [];
	for (let n = 0; n < 3; n++) {
		const q = await packQuestion(page, pack);
		await pressOptions(page, q.right);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toBeVisible();
		const link = page.getByRole('link', { name: 'A script asks for more than the role allows' });
		if (pack.questions.find((x) => x.id === q.id)?.scenario) {
			await expect(link).toHaveAttribute(
				'href',
				'/simulator/pack#pack=lab-session-durations&scenario=lab-duration-runner'
			);
			linked.push(q.id);
		} else await expect(link).toHaveCount(0);
		await page.keyboard.press('Enter');
	}
	expect(linked.sort()).toEqual(['lab-duration-above-max', 'lab-duration-default']);
});

test('a pack whose scenario does not hold its expectations lists each failed step, as content:pack does, and cannot be added', async ({
	page
}) => {
	await open(page, '/author');
	await loadPack(page, WRONG);
	const errors = page.getByTestId('pack-errors');
	await expect(errors).toContainText('2 errors: this pack cannot be loaded');
	await expect(errors).toContainText(
		'scenarios[0] (lab-wrong-expectations).steps[0], line 65: scenario "lab-wrong-expectations", step 1 (AssumeRole as user:111122223333/report-script): expected ok true; got ValidationError'
	);
	// The S3 action names are checked against the IAM data, as in npm run content:pack.
	await expect(errors).toContainText(
		'scenarios[0] (lab-wrong-expectations).steps[3], line 100: scenario "lab-wrong-expectations", step 4 (s3:GetObjekt as user:111122223333/report-script): expected allowed false; got the simulator could not run it: Amazon S3 has no action GetObjekt'
	);
	await expect(page.getByTestId('install-pack')).toBeDisabled();
	await expect(
		page.getByText('Fix the errors above in the pack, then load it again.')
	).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);

	// A valid pack whose scenario calls s3:GetObject, attaches a policy and names managed
	// policies by ARN plays in the browser and can be added.
	await loadPack(page, MANAGED);
	await expect(page.getByTestId('pack-errors')).toHaveCount(0);
	await expect(page.getByTestId('install-pack')).toBeEnabled();
	await page.getByTestId('install-pack').click();
	await expect(page.getByTestId('pack-status')).toContainText(
		'Added “Lab pack — managed policies by ARN”'
	);
	await removePack(page, 'Lab pack — managed policies by ARN');
});

test('checking a pack without scenarios does not load the simulator engine', async ({ page }) => {
	const scripts = scriptsOf(page);
	const data = readPack(LAB_V1) as unknown as Record<string, unknown> & {
		questions: Record<string, unknown>[];
	};
	// Questions only: no scenarios, and no lesson (its front matter names the scenario).
	delete data.scenarios;
	delete data.lessons;
	for (const q of data.questions) {
		delete q.lessons;
		delete q.scenario;
		delete q.verify;
	}
	await open(page, '/author');
	await loadPack(page, { name: 'no-scenarios.json', data });
	await expect(page.getByTestId('pack-errors')).toHaveCount(0);
	await expect(page.getByTestId('install-pack')).toBeEnabled();
	const before = scripts.length;
	for (const body of await Promise.all(scripts)) expect(body).not.toContain(SCENARIO_RUNNER_CODE);
	// Control: a pack with a scenario loads it.
	await loadPack(page, LAB_V1);
	await expect(page.getByTestId('install-pack')).toBeEnabled();
	const later = await Promise.all(scripts.slice(before));
	expect(later.some((body) => body.includes(SCENARIO_RUNNER_CODE))).toBe(true);
});

test('a pack full of XSS payloads loads, is practised and removed without running anything', async ({
	page
}) => {
	test.setTimeout(60_000);
	const dialogs = recordDialogs(page);
	const pack = readPack(XSS);
	const noInjection = () => expectNoInjection(page, dialogs);

	await open(page, '/author');
	await loadPack(page, XSS);
	await expect(page.getByTestId('pack-errors')).toHaveCount(0);
	await expect(page.getByTestId('pack-warnings')).toContainText('warnings');
	await page.getByTestId('pack-warnings').locator('summary').click();
	await noInjection();
	await page.getByTestId('install-pack').click();
	await expect(page.getByTestId('pack-status')).toContainText('Added');
	// The title, author and description are shown as text.
	await expect(page.getByTestId('installed-pack')).toContainText('XSS torture <img src=x onerror=');
	await noInjection();

	await page.getByRole('link', { name: /^Practise its questions/ }).click();
	await page.getByTestId('start-practice').click();
	await expect(page.locator('section.question h2')).toContainText(`from ${pack.title}`);
	// Both questions, in the order drawn: every stem, option, why and explanation is on screen.
	for (let i = 0; i < pack.questions.length; i++) {
		await expect(page.locator('section.question h2')).toContainText(`Question ${i + 1} of 2`);
		const q = await packQuestion(page, pack);
		if (q.id === 'xss-payload-stem')
			await expect(page.locator('section.question .stem')).toContainText('<script>window.__xss');
		await noInjection();
		await pressOptions(page, q.right);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Correct.');
		await noInjection();
		await page.getByTestId('next-question').click();
	}
	await expect(page.getByText('Session complete')).toBeVisible();
	await noInjection();

	await removePack(page, pack.title);
	await noInjection();
});

test('with the keyboard: after Add and Remove, focus lands on what happened', async ({ page }) => {
	const pack = readPack(LAB_V1);
	await open(page, '/author');
	await loadPack(page, LAB_V1);
	await page.getByTestId('install-pack').focus();
	await page.keyboard.press('Enter');
	const status = page.getByTestId('pack-status');
	await expect(status).toContainText(
		`Added “${pack.title}” (version 1.0.0): 3 questions now appear in quizzes, 1 lesson in Lessons, 1 scenario in the simulator.`
	);
	await expect(status).toBeFocused();
	// The installed pack links its scenario to the simulator.
	await expect(
		page.getByTestId('installed-pack').getByRole('link', { name: 'A script asks for more than' })
	).toHaveAttribute(
		'href',
		'/simulator/pack#pack=lab-session-durations&scenario=lab-duration-runner'
	);

	// Remove asks first; the safe choice has focus, and Escape keeps the pack.
	const removeButton = page.getByRole('button', { name: `Remove ${pack.title}` });
	await removeButton.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByTestId('remove-pack-dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('heading')).toHaveText(`Remove “${pack.title}”?`);
	await expect(dialog).toContainText(
		'Its questions leave the quizzes, its lessons leave the Lessons page and its scenarios leave the simulator.'
	);
	await expect(dialog.getByRole('button', { name: 'Keep the pack' })).toBeFocused();
	expect(await axeViolations(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(removeButton).toBeFocused();
	await expect(page.getByTestId('installed-pack')).toHaveCount(1);
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.getByTestId('confirm-remove-pack')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(status).toContainText(`Removed “${pack.title}”`);
	await expect(status).toBeFocused();
	await expect(page.getByTestId('no-packs')).toBeVisible();
});
