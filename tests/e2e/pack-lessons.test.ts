import type { Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures';
import {
	expectNoInjection,
	installPack,
	recordDialogs,
	scriptsOf,
	YAML_PACKAGE_CODE
} from './pack-helpers';
import { pressOptions } from './quiz-helpers';
import { waitForServiceWorker } from './sw-helpers';

const LAB_TITLE = 'Lab pack — session durations';
const LESSON = 'Lab notes — session durations';
const LESSON_URL = /\/lessons\/pack#pack=lab-session-durations&lesson=lab-duration-notes$/;

/** The lesson page shows everything the built-in lesson pages show. */
async function expectLabLesson(page: Page) {
	await expect(page.getByRole('heading', { level: 1, name: LESSON })).toBeVisible();
	await expect(page.getByTestId('pack-lesson-from')).toHaveText(
		`From the pack “${LAB_TITLE}”, version 1.0.0`
	);
	await expect(page.locator('.summary')).toHaveText(
		'The three rules that decide how long a role session lasts.'
	);
	const objectives = page.getByRole('region', { name: 'You will learn to' });
	await expect(objectives.getByRole('listitem')).toHaveText([
		'Predict the length of a role session'
	]);
	await expect(page.getByRole('region', { name: 'Key points' }).getByRole('listitem')).toHaveText([
		'AssumeRole sessions last one hour unless DurationSeconds asks for more.'
	]);
	const prose = page.locator('.prose');
	await expect(prose.getByRole('heading', { level: 2, name: 'The rules' })).toBeVisible();
	await expect(prose.locator('code').first()).toHaveText('DurationSeconds');
	// A link to a built-in lesson goes to its page.
	await expect(prose.getByRole('link', { name: 'details' })).toHaveAttribute(
		'href',
		'/lessons/role-chaining#the-one-hour-cap'
	);
	await expect(
		page.getByRole('region', { name: 'Sources' }).getByRole('link', { name: /^AssumeRole/ })
	).toHaveAttribute(
		'href',
		'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html'
	);
	// Its scenario is the pack's own: played on the pack scenario page.
	await expect(
		page
			.getByRole('region', { name: 'Try it in the simulator' })
			.getByRole('link', { name: 'A script asks for more than the role allows' })
	).toHaveAttribute(
		'href',
		'/simulator/pack#pack=lab-session-durations&scenario=lab-duration-runner'
	);
}

test('a pack lesson is listed on /lessons with its pack, read with the keyboard, and survives a reload', async ({
	page
}) => {
	// Four pages, two reloads and two axe runs: ~50 s when the two cores are busy.
	test.setTimeout(120_000);
	// No packs: no section.
	await open(page, '/lessons');
	await page.waitForLoadState('networkidle');
	await expect(page.getByTestId('pack-lessons')).toHaveCount(0);

	await installPack(page, 'lab-session-durations-1.0.0.json');
	const scripts = scriptsOf(page);
	await open(page, '/lessons');
	const section = page.getByTestId('pack-lessons');
	await expect(section.getByRole('heading', { name: 'From your content packs' })).toBeVisible();
	const card = section.getByTestId('pack-lesson');
	await expect(card).toHaveCount(1);
	await expect(card).toContainText(`From the pack “${LAB_TITLE}” (version 1.0.0)`);
	await expect(card).toContainText('The three rules that decide how long a role session lasts.');
	expect(await axeViolations(page)).toEqual([]);

	// Keyboard: focus the lesson's link and follow it.
	await card.getByRole('link', { name: LESSON }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(LESSON_URL);
	await expectLabLesson(page);
	expect(await axeViolations(page)).toEqual([]);

	// "On this page" keeps the lesson named and moves to the section.
	await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').first().click();
	await expect(page).toHaveURL(/lesson=lab-duration-notes&section=the-rules$/);
	await expect(page.locator('.prose h2#the-rules')).toBeFocused();

	await page.reload();
	await page.locator('body.started').waitFor();
	await expectLabLesson(page);
	await expect(page.locator('.prose h2#the-rules')).toBeFocused();

	// A link in the lesson's text to one of its own headings scrolls there too, on a short screen.
	await page.setViewportSize({ width: 640, height: 400 });
	await open(page, '/lessons/pack#pack=lab-session-durations&lesson=lab-duration-notes');
	await expectLabLesson(page);
	await page.evaluate(() => {
		const link = document.createElement('a');
		link.href = '#the-rules';
		link.textContent = 'the rules';
		link.dataset.testid = 'prose-anchor';
		document.querySelector('.prose')!.prepend(link);
		window.scrollTo(0, 0);
	});
	await page.getByTestId('prose-anchor').click();
	await expect(page).toHaveURL(/lesson=lab-duration-notes&section=the-rules$/);
	await expect(page.locator('.prose h2#the-rules')).toBeFocused();
	await expect(page.locator('.prose h2#the-rules')).toBeInViewport();
	await page.setViewportSize({ width: 1280, height: 720 });

	// The pack scenario's "Background" leads back to the pack lesson.
	await page
		.getByRole('region', { name: 'Try it in the simulator' })
		.getByRole('link', { name: 'A script asks for more than the role allows' })
		.click();
	await expect(page.getByTestId('pack-scenario-from')).toContainText(LAB_TITLE);
	await page.locator('.lessons').getByRole('link', { name: LESSON }).click();
	await expect(page).toHaveURL(/lesson=lab-duration-notes&section=the-rules$/);
	await expect(page.getByRole('heading', { level: 1, name: LESSON })).toBeVisible();

	// Packs are JSON, their front matter read at install: reading loads no YAML parser.
	const bodies = await Promise.all(scripts);
	expect(bodies.length).toBeGreaterThan(0);
	for (const body of bodies) expect(body).not.toContain(YAML_PACKAGE_CODE);
});

test('a pack lesson opens offline, and is axe clean in the dark theme', async ({
	page,
	context
}) => {
	test.setTimeout(90_000);
	await installPack(page, 'lab-session-durations-1.0.0.json');
	await open(page, '/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.emulateMedia({ colorScheme: 'dark' });
	// A page never opened before, from the precache; the lesson from this device's storage.
	await open(page, '/lessons');
	await page.getByTestId('pack-lesson').getByRole('link', { name: LESSON }).click();
	await expect(page).toHaveURL(LESSON_URL);
	await expectLabLesson(page);
	expect(await axeViolations(page)).toEqual([]);
	await context.setOffline(false);
});

test('a pack question’s “Learn more” link opens its pack’s lesson', async ({ page }) => {
	test.setTimeout(60_000);
	await installPack(page, 'lab-session-durations-1.0.0.json');
	await open(page, '/quiz/practice?pack=lab-session-durations');
	await page.getByTestId('start-practice').click();
	// Answer until the question that links the pack lesson comes up (three questions).
	for (let i = 0; i < 3; i++) {
		await expect(page.locator('section.question h2')).toContainText(`Question ${i + 1} of 3`);
		// Two options: a complete answer to a single (the second) or a choose-two question.
		await pressOptions(page, [0, 1]);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toBeVisible();
		const id = await page.locator('section.question').first().getAttribute('data-question-id');
		if (id === 'lab-duration-default') break;
		await page.getByTestId('next-question').click();
	}
	const link = page.getByRole('link', { name: LESSON });
	await expect(link).toHaveAttribute(
		'href',
		'/lessons/pack#pack=lab-session-durations&lesson=lab-duration-notes'
	);
	await link.click();
	await expect(page).toHaveURL(LESSON_URL);
	await expectLabLesson(page);
});

test('a pack lesson full of XSS payloads renders as inert text, before and after a reload', async ({
	page
}) => {
	test.setTimeout(60_000);
	const dialogs = recordDialogs(page);
	const noInjection = async () => {
		await expectNoInjection(page, dialogs, 'form');
		expect(await page.locator('.prose script, .prose style').count()).toBe(0);
	};

	await installPack(page, 'xss-pack.json');
	await open(page, '/lessons');
	const card = page.getByTestId('pack-lesson');
	await expect(card).toContainText('From the pack “XSS torture <img src=x onerror=');
	await noInjection();
	await card.getByRole('link', { name: /^XSS <img src=x onerror=/ }).click();
	await expect(page).toHaveURL(/\/lessons\/pack#pack=xss-torture-pack&lesson=xss-payload-lesson$/);
	await expect(
		page.getByRole('heading', { level: 1, name: "XSS <img src=x onerror=alert('lesson-title')>" })
	).toBeVisible();
	// The payloads are on screen as text.
	await expect(page.locator('.prose')).toContainText("<script>window.__xss = 'script'");
	await expect(page.locator('.prose')).toContainText('<iframe id="xss-iframe"');
	await noInjection();
	expect(await axeViolations(page)).toEqual([]);

	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(page.locator('.prose')).toContainText("<script>window.__xss = 'script'");
	await noInjection();
});

test('a pack lesson address that names no installed lesson says so and links back', async ({
	page
}) => {
	await open(page, '/lessons/pack#pack=gone&lesson=nothing');
	await expect(page.getByTestId('pack-lesson-missing')).toContainText(
		'No installed pack has the id “gone”'
	);
	await expect(page.getByRole('link', { name: 'Back to the lessons' })).toHaveAttribute(
		'href',
		'/lessons'
	);
	expect(await axeViolations(page)).toEqual([]);

	await installPack(page, 'lab-session-durations-1.0.0.json');
	await open(page, '/lessons/pack#pack=lab-session-durations&lesson=nothing');
	await expect(page.getByTestId('pack-lesson-missing')).toContainText(
		`The pack “${LAB_TITLE}” has no lesson “nothing”`
	);
	await open(page, '/lessons/pack');
	await expect(page.getByTestId('pack-lesson-missing')).toHaveText(
		'This address names no pack lesson.'
	);
	await page.getByRole('link', { name: 'Back to the lessons' }).click();
	await expect(page).toHaveURL(/\/lessons$/);
});
