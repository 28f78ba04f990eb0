import type { Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures';
import { installPack, scriptsOf, YAML_PACKAGE_CODE } from './pack-helpers';

const PACK_TITLE = 'Lab pack — session durations';
const SCENARIO = 'A script asks for more than the role allows';

const installLabPack = (page: Page) =>
	installPack(page, 'lab-session-durations-1.0.0.json', PACK_TITLE);

test('a pack scenario is listed in the simulator with its pack and plays like the built-in ones', async ({
	page
}) => {
	test.setTimeout(60_000);
	const scripts = scriptsOf(page);
	await installLabPack(page);
	// Control: checking a pack with a lesson loads the YAML parser for its front matter.
	const atAuthor = scripts.length;
	expect((await Promise.all(scripts)).some((body) => body.includes(YAML_PACKAGE_CODE))).toBe(true);

	await open(page, '/simulator');
	const section = page.getByTestId('pack-scenarios');
	await expect(section.getByRole('heading', { name: 'From your content packs' })).toBeVisible();
	const card = section.getByTestId('pack-scenario');
	await expect(card).toHaveCount(1);
	await expect(card).toContainText(`From the pack “${PACK_TITLE}”`);
	await expect(card).toContainText('2 steps');
	await expect(card.getByRole('listitem').filter({ hasText: 'AssumeRole' })).toHaveCount(1);
	expect(await axeViolations(page)).toEqual([]);

	await card.getByRole('link', { name: SCENARIO, exact: true }).click();
	await expect(page).toHaveURL(
		/\/simulator\/pack#pack=lab-session-durations&scenario=lab-duration-runner$/
	);
	await expect(page.getByRole('heading', { level: 1, name: SCENARIO })).toBeVisible();
	await expect(page.getByTestId('pack-scenario-from')).toHaveText(`From the pack “${PACK_TITLE}”`);
	await expect(page.getByTestId('step-progress')).toHaveText('Step 1 of 2');
	await expect(page.getByTestId('step-title')).toHaveText('Two hours on a one-hour role');

	// Play the first step: AWS refuses a session longer than the role's maximum.
	await page.getByTestId('next').click();
	await expect(page.getByRole('heading', { name: /^Result of step 1 of 2/ })).toBeVisible();
	await expect(page.getByTestId('result')).toContainText('ValidationError');
	await expect(page.getByTestId('expectation')).toContainText('As the scenario expected.');
	await expect(page.getByTestId('step-progress')).toHaveText('Step 2 of 2');
	expect(await axeViolations(page)).toEqual([]);

	// The session is saved like a built-in scenario's, and the list says so.
	await open(page, '/simulator');
	await expect(page.getByTestId('resume-lab-duration-runner')).toContainText('step 2 of 2');

	// Its Free play link opens the same world with the form ready.
	await page
		.getByTestId('pack-scenario')
		.getByRole('link', { name: `Free play in the world of “${SCENARIO}”` })
		.click();
	await expect(page).toHaveURL(
		/#pack=lab-session-durations&scenario=lab-duration-runner&free-play$/
	);
	await expect(page.getByRole('heading', { level: 1, name: SCENARIO })).toBeVisible();
	await expect(page.getByRole('button', { name: /Make your own call/ })).toHaveAttribute(
		'aria-expanded',
		'true'
	);
	await expect(page.getByTestId('call-form')).toBeVisible();

	// Packs are JSON: neither the simulator nor the pack scenario page loads the YAML parser.
	const later = await Promise.all(scripts.slice(atAuthor));
	expect(later.length).toBeGreaterThan(0);
	for (const body of later) expect(body).not.toContain(YAML_PACKAGE_CODE);
});

test('the practice page with a pack installed loads no YAML parser', async ({ page }) => {
	await installLabPack(page);
	const scripts = scriptsOf(page);
	await open(page, '/quiz/practice?pack=lab-session-durations');
	await expect(page.getByTestId('question-source')).toHaveValue('pack:lab-session-durations');
	const bodies = await Promise.all(scripts);
	expect(bodies.length).toBeGreaterThan(0);
	for (const body of bodies) expect(body).not.toContain(YAML_PACKAGE_CODE);
});

test('a pack scenario address that names no installed scenario says so', async ({ page }) => {
	await open(page, '/simulator/pack#pack=gone&scenario=nothing');
	await expect(page.getByTestId('pack-scenario-missing')).toContainText(
		'No installed pack has the scenario “nothing”'
	);
	await expect(page.getByRole('link', { name: 'Manage your packs' })).toHaveAttribute(
		'href',
		'/author'
	);
	expect(await axeViolations(page)).toEqual([]);
});

test('a pack scenario that names AWS managed policies by ARN plays in the browser', async ({
	page
}) => {
	test.setTimeout(60_000);
	await installPack(page, 'lab-managed-policies-1.0.0.json', 'Lab pack — managed policies by ARN');
	await open(page, '/simulator/pack#pack=lab-managed-policies&scenario=lab-managed-policy-arns');
	await expect(
		page.getByRole('heading', { level: 1, name: 'An auditor with ReadOnlyAccess' })
	).toBeVisible();
	// The stand-ins of the managed policies load with the policy parser; every expectation holds.
	for (const step of [1, 2, 3, 4]) {
		await page.getByTestId('next').click();
		await expect(
			page.getByRole('heading', { name: new RegExp(`^Result of step ${step} of 4`) })
		).toBeVisible();
		if (step !== 3)
			await expect(page.getByTestId('expectation')).toContainText('As the scenario expected.');
	}
	await expect(page.getByTestId('result')).toContainText('arn:aws:iam::aws:policy/AWSDenyAll');
});
