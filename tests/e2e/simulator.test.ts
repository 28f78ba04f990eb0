import type { Page } from '@playwright/test';
import { axeBothSchemes, axeViolations, expect, open, test } from './fixtures';

const VENDOR = '/simulator/vendor-external-id';
const VENDOR_STEPS = 7;
const ROLE = 'arn:aws:iam::111122223333:role/CloudCostAuditRole';

/** Plays `count` steps with the Next button, each until its result shows (the player not busy). */
async function playSteps(page: Page, count: number) {
	for (let i = 0; i < count; i++) {
		const before = await page.getByTestId('step-progress').textContent();
		await page.getByTestId('next').click();
		await expect(page.getByTestId('step-progress')).not.toHaveText(before ?? '');
		await expect(page.getByTestId('step-player')).toHaveAttribute('aria-busy', 'false');
	}
}

async function openForm(page: Page) {
	const toggle = page.getByRole('button', { name: /Make your own call/ });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	await expect(page.getByTestId('call-form')).toBeVisible();
}

test('a scenario played to the end with the keyboard: each step shows its outcome and expectation', async ({
	page
}) => {
	await open(page, VENDOR);
	await expect(page.getByTestId('step-progress')).toHaveText(`Step 1 of ${VENDOR_STEPS}`);
	await expect(page.getByTestId('step-title')).toHaveText(
		"The vendor's new engineer forgets the external ID"
	);
	// The call is shown as the AWS CLI command it stands for.
	await expect(page.getByTestId('step-player').locator('pre.cli')).toContainText(
		`aws sts assume-role \\\n  --role-arn ${ROLE}`
	);

	// The narration sets the scene without giving the answer away; the debrief comes with the result.
	await expect(page.getByTestId('step-player')).not.toContainText('AccessDenied');
	await expect(page.getByTestId('debrief')).toHaveCount(0);

	// A guess first, with the keyboard: arrow keys move within the radio group.
	await page.getByLabel('It works').focus();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel('AWS refuses it')).toBeChecked();
	await page.getByTestId('next').focus();
	await page.keyboard.press('Enter');
	const heading = page.getByRole('heading', { name: /^Result of step 1 of 7/ });
	await expect(page.getByTestId('prediction')).toHaveText(
		/You predicted AWS would refuse it: right\./
	);
	await expect(heading).toBeFocused();
	await expect(page.getByTestId('expectation')).toContainText('As the scenario expected.');
	await expect(page.getByTestId('result')).toContainText('AccessDenied');
	await expect(page.getByTestId('result')).toContainText('HTTP 403');
	await expect(page.getByTestId('debrief')).toContainText(
		'What happened The condition tests a key that is missing from the request'
	);
	await expect(page.getByTestId('live')).toHaveText(
		/^Step 1 of 7: AccessDenied: User: .* As the scenario expected\. You predicted AWS would refuse it: right\.$/
	);

	// From the result, Tab reaches the button that plays the next step.
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		if (await page.getByTestId('continue').evaluate((el) => el === document.activeElement)) break;
	}
	await expect(page.getByTestId('continue')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: /^Result of step 2 of 7/ })).toBeFocused();

	for (let step = 3; step <= VENDOR_STEPS; step++) {
		await expect(page.getByTestId('step-progress')).toHaveText(`Step ${step} of ${VENDOR_STEPS}`);
		await page.getByTestId('next').focus();
		await page.keyboard.press('Enter');
		await expect(
			page.getByRole('heading', { name: new RegExp(`^Result of step ${step} of 7`) })
		).toBeFocused();
		await expect(page.getByTestId('expectation')).toContainText('As the scenario expected.');
		if (step === 3) {
			// AssumeRole issued credentials: ASIA key, masked secret, a countdown in simulated time.
			const result = page.getByTestId('result');
			await expect(result).toContainText(/ASIA[A-Z0-9]{16}/);
			await expect(result.getByTestId('countdown')).toHaveText('expires in 1 h');
			const secret = result.getByTestId('secret');
			await expect(secret).toContainText('••••');
			await result.getByRole('button', { name: 'Reveal secret access key' }).click();
			await expect(secret).not.toContainText('•');
		}
	}
	await expect(page.getByTestId('step-progress')).toHaveText(`All ${VENDOR_STEPS} steps played`);
	await expect(page.getByTestId('step-title')).toHaveText('Scenario complete');
	await expect(page.getByTestId('scenario-summary')).toContainText(
		'7 of 7 checked steps went as the scenario expected.'
	);
	// Only step 1 was predicted (rightly).
	await expect(page.getByTestId('prediction-tally')).toHaveText('You predicted 1 of 1 call right.');
	await expect(page.getByTestId('next')).toBeDisabled();
	// Free play opens once the story is over.
	await expect(page.getByTestId('call-form')).toBeVisible();

	// The learner's own call, identical to step 4's at the same simulated time, is theirs: not step 4.
	await page.getByLabel('Caller').selectOption('creds:audit');
	await page.getByLabel('API or action').selectOption('GetCallerIdentity');
	await page.getByTestId('send').click();
	await expect(page.getByRole('heading', { name: 'Result of your call' })).toBeFocused();
	await expect(page.getByTestId('prediction')).toHaveCount(0);
	await expect(page.getByTestId('debrief')).toHaveCount(0);
});

test('a step played after the learner moved the clock says it ran off script', async ({ page }) => {
	await open(page, VENDOR);
	await playSteps(page, 1);
	await expect(page.getByTestId('off-script')).toHaveCount(0);
	await expect(page.getByTestId('off-script-ahead')).toHaveCount(0);
	await page.getByRole('button', { name: '+1 h' }).click();
	await expect(page.getByTestId('sim-clock')).toHaveText('2026-03-02 09:00:00 UTC');
	// Warned before the step plays, not only after.
	await expect(page.getByTestId('off-script-ahead')).toContainText(
		'so step 2 will run in a world its text does not describe'
	);
	await playSteps(page, 1);
	await expect(page.getByRole('heading', { name: /^Result of step 2 of 7/ })).toBeVisible();
	await expect(page.getByTestId('off-script')).toContainText('You moved the clock');
	// "Back to step 1" (confirmed) plays the story as written again: no warning.
	await page.getByTestId('restart').click();
	await page.getByTestId('confirm-restart').click();
	await expect(page.getByTestId('off-script-ahead')).toHaveCount(0);
});

test('"Free play" on the scenario list opens a world with the form ready, the story still there', async ({
	page
}) => {
	await open(page, '/simulator');
	await page
		.getByRole('link', {
			name: 'Free play in the world of “A vendor assumes an audit role with an ExternalId”'
		})
		.click();
	await expect(page).toHaveURL(/\/simulator\/vendor-external-id#free-play$/);
	const toggle = page.getByRole('button', { name: /Make your own call/ });
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await expect(toggle).toBeFocused();
	await expect(page.getByTestId('call-form')).toBeVisible();
	await expect(page.locator('.sim[data-ready="true"]')).toBeVisible();

	await page.getByLabel('API or action').selectOption('GetCallerIdentity');
	await page.getByTestId('send').click();
	await expect(page.getByRole('heading', { name: 'Result of your call' })).toBeFocused();
	await expect(page.getByTestId('result')).toContainText(
		'GetCallerIdentity: succeeded as IAM user cost-scanner in account 999988887777, with its long-term access key'
	);
	// The learner's own call is not a step: the story waits at its first one.
	await expect(page.getByTestId('step-progress')).toContainText(`1 of ${VENDOR_STEPS}`);
	expect(await axeViolations(page)).toEqual([]);
});

test('free play: time runs out on the credentials and the next call fails with ExpiredToken', async ({
	page
}) => {
	await open(page, VENDOR);
	await playSteps(page, 3);
	const row = page.getByTestId('timeline').locator('li.row');
	await expect(row).toHaveAttribute('data-status', 'active');

	// +5 min moves the clock; the countdown follows, the live region is not spammed with it.
	await page.getByRole('button', { name: '+5 min' }).click();
	await expect(page.getByTestId('sim-clock')).toHaveText('2026-03-02 08:05:00 UTC');
	await expect(page.getByTestId('countdown')).toHaveText('expires in 55 min');
	await expect(page.getByTestId('live')).toHaveText('Clock advanced 5 min to 08:05:00.');

	await page.getByTestId('to-next-expiry').click();
	await expect(page.getByTestId('sim-clock')).toHaveText('2026-03-02 09:00:00 UTC');
	await expect(row).toHaveAttribute('data-status', 'expired');
	await expect(page.getByTestId('live')).toHaveText(
		'Clock advanced 55 min to 09:00:00. 1 credential set expired.'
	);
	await expect(page.getByTestId('to-next-expiry')).toBeDisabled();

	await openForm(page);
	await page.getByLabel('Caller').selectOption('creds:audit');
	await page.getByLabel('API or action').selectOption('action');
	await page.getByLabel('Action', { exact: true }).fill('s3:GetObject');
	await page
		.getByLabel('Resource ARN')
		.fill('arn:aws:s3:::examplecorp-cur-reports/cur/2026/02/examplecorp-cur-00001.csv.gz');
	await page.getByLabel('Resource ARN').press('Enter');

	const heading = page.getByRole('heading', { name: 'Result of your call' });
	await expect(heading).toBeFocused();
	const result = page.getByTestId('result');
	await expect(result).toContainText('ExpiredToken');
	await expect(result).toContainText('The security token included in the request is expired');
	await expect(result).toContainText(
		'An error occurred (ExpiredToken) when calling the GetObject operation'
	);
	await expect(page.getByTestId('live')).toHaveText(
		'ExpiredToken: The security token included in the request is expired'
	);
	await expect(page.getByTestId('call-log')).toContainText('s3:GetObject: ExpiredToken');
});

test('playing the clock moves the countdown without filling the live region', async ({ page }) => {
	await open(page, VENDOR);
	await playSteps(page, 3);
	const countdown = page.getByTestId('countdown');
	await expect(countdown).toHaveText('expires in 1 h');
	await page.getByTestId('play-clock').click();
	await expect(page.getByTestId('live')).toHaveText('The clock is running.');
	await expect(countdown).toHaveText(/^expires in 5\d min$/, { timeout: 10_000 });
	await expect(page.getByTestId('live')).toHaveText('The clock is running.');
	await page.getByTestId('play-clock').click();
	await expect(page.getByTestId('live')).toHaveText('The clock is paused.');
	const stopped = await page.getByTestId('sim-clock').textContent();
	await page.waitForTimeout(1500);
	await expect(page.getByTestId('sim-clock')).toHaveText(stopped ?? '');
});

test('the speed chosen applies to the running clock and is kept when it is played again', async ({
	page
}) => {
	await open(page, VENDOR);
	await playSteps(page, 3);
	const speed = page.getByLabel('Speed');
	await expect(speed).toHaveValue('60');
	await page.getByTestId('play-clock').click();
	await speed.selectOption({ label: '15 min per second' });
	// 15 simulated minutes per tick: the hour-long credentials are gone within a few seconds.
	await expect(page.getByTestId('countdown')).toHaveText(/expired/, { timeout: 10_000 });
	await page.getByTestId('play-clock').click();
	await expect(page.getByTestId('live')).toHaveText('The clock is paused.');
	await expect(speed).toHaveValue('900');
	await page.getByTestId('play-clock').click();
	await expect(speed).toHaveValue('900');
	await page.getByTestId('play-clock').click();
});

test('a malformed trust policy is rejected and changes nothing; a valid edit changes the next AssumeRole', async ({
	page
}) => {
	await open(page, VENDOR);
	await openForm(page);
	// The form starts with the first step's call: AssumeRole without an external ID.
	await page.getByTestId('send').click();
	await expect(page.getByTestId('result-headline')).toHaveText('AssumeRole: AccessDenied');

	const role = page.locator('article', {
		has: page.getByRole('heading', { name: 'Role CloudCostAuditRole' })
	});
	const trust = role.locator('pre.json').first();
	const before = await trust.textContent();
	await role.getByRole('button', { name: 'Edit trust policy of CloudCostAuditRole' }).click();
	const editor = role.getByTestId('policy-editor');
	const textarea = editor.getByLabel('Trust policy of CloudCostAuditRole');
	await expect(textarea).toBeFocused();
	await textarea.fill('{ "Version": "2012-10-17", "Statement": [ ');
	await editor.getByRole('button', { name: 'Apply' }).click();
	const alert = editor.getByRole('alert');
	await expect(alert).toContainText('MalformedPolicyDocument');
	// IAM's words (text that opens like an object is a syntax error, as STS words it), then what exactly is wrong.
	await expect(alert).toContainText('Syntax errors in policy.');
	await expect(alert).toContainText(
		'Why: IAM refuses the trust policy: the policy is not valid JSON'
	);
	await expect(alert).toContainText('when calling the UpdateAssumeRolePolicy operation');
	await expect(page.getByTestId('live')).toHaveText(/^MalformedPolicyDocument: /);
	// A policy that parses but is no trust policy is rejected too.
	await textarea.fill(
		'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}'
	);
	await editor.getByRole('button', { name: 'Apply' }).click();
	await expect(alert).toContainText('needs a Principal');
	await editor.getByRole('button', { name: 'Cancel' }).click();
	await expect(trust).toHaveText(before ?? '');

	// Drop the ExternalId condition: the same call now succeeds.
	await role.getByRole('button', { name: 'Edit trust policy of CloudCostAuditRole' }).click();
	await textarea.fill(
		JSON.stringify({
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Principal: { AWS: 'arn:aws:iam::999988887777:root' },
					Action: 'sts:AssumeRole'
				}
			]
		})
	);
	await textarea.press('Control+Enter');
	await expect(editor).toHaveCount(0);
	await expect(
		role.getByRole('button', { name: 'Edit trust policy of CloudCostAuditRole' })
	).toBeFocused();
	await expect(trust).not.toContainText('ExternalId');
	await page.getByTestId('send').click();
	await expect(page.getByTestId('result-headline')).toHaveText('AssumeRole: succeeded');
	await expect(page.getByTestId('live')).toHaveText(
		/^AssumeRole succeeded: credentials expire at 09:00:00\.$/
	);
});

test('Back undoes a step, a reload restores the session, Reset starts over', async ({ page }) => {
	await open(page, VENDOR);
	await playSteps(page, 3);
	await expect(page.getByTestId('timeline').locator('li.row')).toHaveCount(1);
	await page.getByTestId('back').click();
	await expect(page.getByTestId('step-progress')).toHaveText('Step 3 of 7');
	await expect(page.getByTestId('step-title')).toBeFocused();
	await expect(page.getByTestId('timeline').locator('li.row')).toHaveCount(0);
	await expect(page.getByTestId('live')).toContainText('Undid the last action.');

	await playSteps(page, 2);
	await page.getByRole('button', { name: '+1 h' }).click();
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(page.getByTestId('restored')).toBeVisible();
	await expect(page.getByTestId('step-progress')).toHaveText('Step 5 of 7');
	await expect(page.getByTestId('sim-clock')).toHaveText('2026-03-02 09:00:00 UTC');
	await expect(page.getByTestId('timeline').locator('li.row')).toHaveAttribute(
		'data-status',
		'expired'
	);
	await expect(page.getByTestId('result')).toContainText('Result of step 4 of 7');

	// The scenario list marks the saved session.
	await open(page, '/simulator');
	await expect(page.getByTestId('resume-vendor-external-id')).toHaveText(
		/In progress: step 5 of 7/
	);

	await open(page, VENDOR);
	// "Back to step 1" rewinds the story (after a confirmation); "Start over" also forgets the saved session.
	await page.getByTestId('restart').click();
	await expect(page.getByTestId('confirm-restart')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('step-progress')).toHaveText('Step 1 of 7');
	await expect(page.getByTestId('step-title')).toBeFocused();
	await expect(page.getByTestId('live')).toContainText(
		'Back at step 1: every step and change was undone'
	);
	await playSteps(page, 1);
	await page.getByTestId('reset').click();
	await page.getByTestId('confirm-reset').click();
	await expect(page.getByTestId('step-progress')).toHaveText('Step 1 of 7');
	await expect(page.getByTestId('sim-clock')).toHaveText('2026-03-02 08:00:00 UTC');
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(page.getByTestId('restored')).toHaveCount(0);
	await expect(page.getByTestId('step-progress')).toHaveText('Step 1 of 7');
});

test('predictions made before a reload still count in the final tally', async ({ page }) => {
	await open(page, VENDOR);
	await page.getByLabel('AWS refuses it').check();
	await page.getByTestId('next').click();
	await expect(page.getByTestId('prediction')).toHaveText(
		/You predicted AWS would refuse it: right\./
	);
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(page.getByTestId('restored')).toBeVisible();
	await expect(page.getByTestId('prediction')).toHaveText(
		/You predicted AWS would refuse it: right\./
	);
	await playSteps(page, VENDOR_STEPS - 1);
	await expect(page.getByTestId('prediction-tally')).toHaveText('You predicted 1 of 1 call right.');
});

test('MFA: the form fills in the virtual device and its code; a wrong code is refused', async ({
	page
}) => {
	await open(page, '/simulator/mfa-protected-api-calls');
	await openForm(page);
	const form = page.getByTestId('call-form');
	await page.getByLabel('API or action').selectOption('GetSessionToken');
	const device = form.getByTestId('mfa-device');
	await expect(device).toContainText(/shows \d{6} now/);
	await form.getByRole('button', { name: "Fill in the device's current code" }).click();
	await expect(form.getByLabel('SerialNumber')).toHaveValue(/^arn:aws:iam::\d{12}:mfa\//);
	await expect(form.getByLabel('TokenCode')).toHaveValue(/^\d{6}$/);
	// Inline validation words the problem as AWS's ValidationError does.
	await form.getByLabel('DurationSeconds').fill('600');
	await expect(form).toContainText(
		"Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
	);
	await form.getByLabel('DurationSeconds').fill('3600');
	await page.getByTestId('send').click();
	await expect(page.getByTestId('result-headline')).toHaveText('GetSessionToken: succeeded');
	await form.getByLabel('TokenCode').fill('12345');
	await page.getByTestId('send').click();
	await expect(page.getByTestId('result')).toContainText('ValidationError');
	await expect(page.getByTestId('result')).toContainText(
		"at 'tokenCode' failed to satisfy constraint"
	);
});

// The scenario list page is checked by a11y-routes.test.ts.
test('axe finds no violations on a scenario with a result, the form and an editor open (colours in both schemes)', async ({
	page
}) => {
	test.setTimeout(120_000);
	await open(page, VENDOR);
	expect(await axeBothSchemes(page)).toEqual([]);
	await playSteps(page, 3);
	await page.getByRole('button', { name: '+1 h' }).click();
	await openForm(page);
	await page.getByLabel('API or action').selectOption('AssumeRoleWithWebIdentity');
	await page.getByRole('button', { name: 'Edit trust policy of CloudCostAuditRole' }).click();
	await page.getByLabel('Trust policy of CloudCostAuditRole').fill('{');
	await page.getByTestId('policy-editor').getByRole('button', { name: 'Apply' }).click();
	await expect(page.getByTestId('policy-editor').getByRole('alert')).toBeVisible();
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	// The step list and the parameter table render when first opened: wait for them, so that axe
	// checks them too.
	await expect(page.locator('details.steps ol')).toBeVisible();
	await expect(page.locator('details:not(:has(> :not(summary)))')).toHaveCount(0);
	expect(await axeBothSchemes(page)).toEqual([]);
	// A form problem, then an error result.
	await page.getByTestId('send').click();
	await expect(page.getByLabel('Issuer (iss)')).toBeFocused();
	await expect(page.getByTestId('call-form')).toContainText('The token needs an issuer (iss).');
	expect(await axeBothSchemes(page)).toEqual([]);
	await page.getByLabel('Issuer (iss)').fill('accounts.google.com');
	await page.getByTestId('send').click();
	await expect(page.getByTestId('result-headline')).toHaveText(
		/^AssumeRoleWithWebIdentity: [A-Za-z]+$/
	);
	expect(await axeBothSchemes(page)).toEqual([]);
});

test('on a large screen the world renders after hydration and moves nothing on the page', async ({
	page
}) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.addInitScript(() => {
		const w = window as unknown as { shifts: number };
		w.shifts = 0;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as (PerformanceEntry & { value: number })[])
				w.shifts += e.value;
		}).observe({ type: 'layout-shift', buffered: true });
	});
	await open(page, VENDOR);
	await expect(page.getByRole('heading', { name: 'Role CloudCostAuditRole' })).toBeVisible();
	await expect(page.locator('.sim[data-ready="true"]')).toBeAttached();
	expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
});

test('the simulator works on a phone: panels collapse, nothing overflows', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await open(page, VENDOR);
	const world = page.getByRole('button', { name: /^▸? ?World/ });
	await expect(world).toHaveAttribute('aria-expanded', 'false');
	// The closed world is not rendered (nor its code loaded) until it is first opened.
	const role = page.getByRole('heading', { name: 'Role CloudCostAuditRole' });
	await expect(role).toHaveCount(0);
	await playSteps(page, 3);
	await expect(role).toHaveCount(0);
	await world.click();
	await expect(role).toBeVisible();
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	expect(await axeViolations(page)).toEqual([]);
	// Revoking inserts the AWSRevokeOlderSessions policy above the button: the focused button stays in view.
	const revoke = page.getByRole('button', { name: 'Revoke active sessions of CloudCostAuditRole' });
	await revoke.focus();
	await page.keyboard.press('Enter');
	await expect(role.locator('xpath=..').getByText('AWSRevokeOlderSessions').first()).toBeAttached();
	await expect(revoke).toBeFocused();
	await expect(revoke).toBeInViewport();
});

test('the IAM action catalogue loads on the simulator page only, and checks action names', async ({
	page
}) => {
	const iamData: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).pathname.startsWith('/iam-data/')) iamData.push(r.url());
	});
	await open(page, '/');
	await open(page, '/simulator');
	expect(iamData).toEqual([]);
	await open(page, VENDOR);
	await openForm(page);
	await page.getByLabel('API or action').selectOption('action');
	await page.getByLabel('Action', { exact: true }).fill('s3:GetObjetc');
	await expect(page.getByTestId('call-form')).toContainText('Not a known action');
	expect(iamData.length).toBeGreaterThan(0);
});

test('after one visit the simulator works offline: the engine and the IAM action data come from the cache', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await open(page, '/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
	});
	await context.setOffline(true);
	await open(page, '/simulator/mfa-protected-api-calls');
	await page.getByTestId('next').click();
	await expect(page.getByTestId('expectation')).toContainText('As the scenario expected.');
	await openForm(page);
	await page.getByLabel('API or action').selectOption('action');
	await page.getByLabel('Action', { exact: true }).fill('ec2:TerminateInstancez');
	await expect(page.getByTestId('call-form')).toContainText('Not a known action');
	await context.setOffline(false);
});

test.describe('what playing a step needs loads when the learner starts', () => {
	// Without the service worker every chunk comes through page.route (it would answer from its
	// precache once it controls the page).
	test.use({ serviceWorkers: 'block' });

	/**
	 * Records the chunks holding the policy evaluation library (its engine's string
	 * 'SessionRoleMatch') before answering them, `delayMs` late (a request stays pending until
	 * then); the chunk of the result view (its 'data-testid="expectation"') `resultDelayMs` late.
	 */
	async function watchEvaluator(page: Page, delayMs = 0, resultDelayMs = 0): Promise<string[]> {
		const requested: string[] = [];
		const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));
		await page.route('**/_app/immutable/chunks/*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes('SessionRoleMatch')) {
				requested.push(new URL(route.request().url()).pathname);
				await wait(delayMs);
			}
			if (body.includes('data-testid="expectation"')) await wait(resultDelayMs);
			await route.fulfill({ response, body });
		});
		return requested;
	}

	test('the prerendered Next is disabled until the page has hydrated (a press would do nothing)', async ({
		page
	}) => {
		const html = await (await page.request.get(VENDOR)).text();
		expect(html).toMatch(/<button[^>]*\sdisabled(="")?[^>]*data-testid="next"/);
		await open(page, VENDOR);
		await expect(page.getByTestId('next')).toBeEnabled();
	});

	test('the policy evaluation library loads when the learner reaches the step, not with the page', async ({
		page
	}) => {
		const evaluator = await watchEvaluator(page);
		await open(page, VENDOR);
		await page.locator('.sim[data-ready="true"]').waitFor();
		await page.waitForLoadState('networkidle');
		expect(evaluator).toEqual([]);
		// A keyboard learner reaches the step's button: that is when it loads.
		await page.getByTestId('next').focus();
		await expect.poll(() => evaluator.length).toBeGreaterThan(0);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('expectation')).toContainText('As the scenario expected.');
	});

	test('a slow first step says it is loading until its result shows, and presses meanwhile play nothing more', async ({
		page
	}) => {
		await watchEvaluator(page, 1000, 2000);
		await open(page, VENDOR);
		await page.locator('.sim[data-ready="true"]').waitFor();
		await page.getByTestId('next').focus();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('step-loading')).toHaveText('Loading what this step needs…');
		// The step has run (its STS operation loaded) while its result view still loads.
		await expect(page.getByTestId('call-log').locator('li')).toHaveCount(1);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('step-loading')).toHaveText('');
		expect(await page.getByTestId('expectation').isVisible()).toBe(true);
		await expect(page.getByTestId('expectation')).toContainText('As the scenario expected.');
		await expect(page.getByTestId('step-progress')).toHaveText(`Step 2 of ${VENDOR_STEPS}`);
		await expect(page.getByTestId('call-log').locator('li')).toHaveCount(1);
	});

	test('a second Send while the call still loads sends it once, and the form says it is loading', async ({
		page
	}) => {
		// Service-action authorisation (its chunk holds this message) answers only after both Sends.
		let release = () => {};
		const released = new Promise<void>((done) => (release = done));
		await page.route('**/_app/immutable/chunks/*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes('is not an action of the form service:Action')) await released;
			await route.fulfill({ response, body });
		});
		await open(page, VENDOR);
		await page.locator('.sim[data-ready="true"]').waitFor();
		await openForm(page);
		await page.getByLabel('API or action').selectOption('action');
		await page.getByLabel('Action', { exact: true }).fill('s3:GetObject');
		await page.getByTestId('send').click();
		await page.getByTestId('send').click();
		await expect(page.getByTestId('send-loading')).toHaveText('Loading what this call needs…');
		release();
		await expect(page.getByRole('heading', { name: 'Result of your call' })).toBeFocused();
		await expect(page.getByTestId('send-loading')).toHaveText('');
		await expect(page.getByTestId('call-log').locator('li')).toHaveCount(1);
	});

	test('Back on a restored session waits for what replaying needs, saying so, and undoes one action', async ({
		page
	}) => {
		await open(page, VENDOR);
		await page.locator('.sim[data-ready="true"]').waitFor();
		await playSteps(page, 2);
		await watchEvaluator(page, 1000);
		await page.reload();
		await page.locator('.sim[data-ready="true"]').waitFor();
		await expect(page.getByTestId('step-progress')).toHaveText(`Step 3 of ${VENDOR_STEPS}`);
		await page.getByTestId('back').focus();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('step-loading')).toHaveText('Loading what this step needs…');
		await expect(page.getByTestId('step-loading')).toHaveText('');
		await expect(page.getByTestId('step-progress')).toHaveText(`Step 2 of ${VENDOR_STEPS}`);
	});
});

test('going back a step shows the prediction made there, and forward the one made next', async ({
	page
}) => {
	await open(page, VENDOR);
	await page.getByLabel('AWS refuses it').check();
	await page.getByTestId('next').click();
	await expect(page.getByTestId('step-progress')).toHaveText(`Step 2 of ${VENDOR_STEPS}`);
	await expect(page.getByLabel('It works')).not.toBeChecked();
	await expect(page.getByLabel('AWS refuses it')).not.toBeChecked();
	await page.getByLabel('It works').check();
	for (let round = 0; round < 2; round++) {
		await page.getByTestId('back').click();
		await expect(page.getByTestId('step-progress')).toHaveText(`Step 1 of ${VENDOR_STEPS}`);
		await expect(page.getByLabel('AWS refuses it')).toBeChecked();
		await expect(page.getByLabel('It works')).not.toBeChecked();
		await page.getByTestId('next').click();
		await expect(page.getByTestId('step-progress')).toHaveText(`Step 2 of ${VENDOR_STEPS}`);
		await expect(page.getByLabel('It works')).toBeChecked();
		await expect(page.getByLabel('AWS refuses it')).not.toBeChecked();
	}
});

test("an EC2 denial's encoded authorization message goes to DecodeAuthorizationMessage in the form", async ({
	page
}) => {
	await open(page, '/simulator/mfa-protected-api-calls');
	await playSteps(page, 1);
	const result = page.getByTestId('result');
	await expect(result).toContainText('Encoded authorization failure message: ');
	await result
		.getByRole('button', { name: 'Decode the message with DecodeAuthorizationMessage' })
		.click();
	const form = page.getByTestId('call-form');
	await expect(page.getByLabel('API or action')).toHaveValue('DecodeAuthorizationMessage');
	await expect(form.getByLabel('EncodedMessage')).toHaveValue(/^sim1\.\S+$/);
	await expect(page.getByLabel('Caller')).toBeFocused();
	await page.getByTestId('send').click();
	// ops-ana may not decode it: that takes sts:DecodeAuthorizationMessage.
	await expect(page.getByTestId('result-headline')).toContainText('DecodeAuthorizationMessage');
	await expect(result).toContainText(
		'is not authorized to perform: sts:DecodeAuthorizationMessage'
	);
});

test("a step's call edited in the form keeps its token's other claims: same answer, and an edited claim changes it", async ({
	page
}) => {
	await open(page, '/simulator/mobile-cognito-web-identity');
	await page.getByRole('button', { name: 'Edit this call in the form' }).click();
	const form = page.getByTestId('call-form');
	await expect(page.getByLabel('API or action')).toHaveValue('AssumeRoleWithWebIdentity');
	// amr has no input of its own: it is among the other claims, and in the request preview.
	const claims = form.getByLabel('Other claims (JSON)');
	expect(JSON.parse(await claims.inputValue())).toEqual({
		amr: ['authenticated', 'accounts.google.com']
	});
	await expect(form.locator('pre.cli')).toContainText(
		'amr ["authenticated","accounts.google.com"]'
	);
	// Sent as loaded, it gets the step's answer: the trust policy's amr condition holds.
	await page.getByTestId('send').click();
	const result = page.getByTestId('result');
	await expect(page.getByTestId('result-headline')).toHaveText(
		'AssumeRoleWithWebIdentity: succeeded'
	);
	await expect(result).toContainText(
		'arn:aws:sts::210987654321:assumed-role/Cognito_FitPulseAuth_Role/CognitoIdentityCredentials'
	);

	// Malformed claims are not sent: the box is marked, focused and described by the problem.
	await claims.fill('{ "amr": [unauthenticated] }');
	await page.getByTestId('send').click();
	await expect(claims).toBeFocused();
	await expect(claims).toHaveAttribute('aria-invalid', 'true');
	const problem = form.locator('#f-idToken-claims-problem');
	await expect(problem).toContainText(/^Not valid JSON \(.+\)\. Write an object such as/);
	await expect(claims).toHaveAttribute('aria-describedby', /f-idToken-claims-problem/);
	expect(await axeViolations(page)).toEqual([]);

	// A guest's amr: the authenticated role refuses it.
	await claims.fill('{ "amr": ["unauthenticated"] }');
	await expect(form.locator('pre.cli')).toContainText('amr ["unauthenticated"]');
	await page.keyboard.press('Control+Enter');
	await expect(page.getByTestId('result-headline')).toHaveText(
		'AssumeRoleWithWebIdentity: AccessDenied'
	);
	await expect(result).toContainText('Not authorized to perform sts:AssumeRoleWithWebIdentity');
	await expect(problem).toHaveCount(0);

	// A problem in a section the learner closed again: sending opens it and focuses the box.
	const more = form.locator('details.more', { hasText: 'Other request parameters' });
	await more.locator('summary').click();
	const moreParams = form.getByLabel('Other parameters (JSON)');
	await moreParams.fill('{ oops');
	await more.locator('summary').click();
	await expect(moreParams).toBeHidden();
	await page.getByTestId('send').click();
	await expect(moreParams).toBeVisible();
	await expect(moreParams).toBeFocused();
	await expect(moreParams).toHaveAttribute('aria-invalid', 'true');
});

test('the session policy section stays open, with focus in the Policy box, when its text is deleted', async ({
	page
}) => {
	await open(page, VENDOR);
	await openForm(page);
	await expect(page.locator('.sim[data-ready="true"]')).toBeVisible();
	await page.getByLabel('API or action').selectOption('AssumeRole');
	const section = page.locator('details', { has: page.locator('#f-policy') });
	await section.locator('summary').click();
	const policy = page.getByLabel('Policy (session policy JSON)');
	await policy.click();
	await page.keyboard.type('{"Version"');
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await expect(policy).toHaveValue('');
	await expect(section).toHaveAttribute('open', '');
	await expect(policy).toBeFocused();
	await expect(page.getByLabel('Tags (Key=Value, one per line)')).toBeVisible();
	await expect(page.getByLabel('TransitiveTagKeys (comma-separated)')).toBeVisible();
});

for (const { name, button } of [
	{ name: 'Back to step 1', button: 'restart' },
	{ name: 'Start over', button: 'reset' }
])
	test(`the ${name} confirmation takes focus; Escape or Cancel closes it and focus returns to ${name}`, async ({
		page
	}) => {
		await open(page, VENDOR);
		await expect(page.locator('.sim[data-ready="true"]')).toBeVisible();
		await playSteps(page, 1);
		const opener = page.getByTestId(button);
		const confirm = page.getByTestId(`confirm-${button}`);
		await opener.focus();
		await page.keyboard.press('Enter');
		await expect(confirm).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(confirm).toHaveCount(0);
		await expect(opener).toBeFocused();

		await opener.click();
		await expect(confirm).toBeFocused();
		await page.getByTestId(`cancel-${button}`).click();
		await expect(confirm).toHaveCount(0);
		await expect(opener).toBeFocused();
		// Nothing was undone or discarded.
		await expect(page.getByTestId('step-progress')).toHaveText(`Step 2 of ${VENDOR_STEPS}`);
	});

test('"Back to step 1" and "Start over" say how they differ: one keeps the predictions, the other forgets them', async ({
	page
}) => {
	await open(page, VENDOR);
	await expect(page.locator('.sim[data-ready="true"]')).toBeVisible();
	await page.getByLabel('It works').check();
	await playSteps(page, 1);
	await expect(page.getByTestId('restart')).toHaveText('Back to step 1');
	await expect(page.getByTestId('reset')).toHaveText('Start over, forgetting predictions');

	await page.getByTestId('restart').click();
	await expect(page.getByTestId('confirm-restart')).toHaveText(
		'Undo every step, keep my predictions'
	);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('step-progress')).toHaveText(`Step 1 of ${VENDOR_STEPS}`);
	await expect(page.getByTestId('live')).toContainText('your predictions are kept');
	await expect(page.getByLabel('It works')).toBeChecked();

	await playSteps(page, 1);
	await page.getByTestId('reset').click();
	await expect(page.getByRole('group', { name: 'Confirm starting over' })).toContainText(
		'every step, change and prediction'
	);
	await page.getByRole('button', { name: 'Discard and start over' }).click();
	await expect(page.getByTestId('step-progress')).toHaveText(`Step 1 of ${VENDOR_STEPS}`);
	await expect(page.getByTestId('live')).toContainText('Started over');
	await expect(page.getByLabel('It works')).not.toBeChecked();
});

test('a free clock move is said above the result it leaves in place, as a guided one is announced', async ({
	page
}) => {
	await open(page, VENDOR);
	await expect(page.locator('.sim[data-ready="true"]')).toBeVisible();
	await playSteps(page, 3);
	await expect(page.getByTestId('clock-moved')).toHaveCount(0);
	await page.getByTestId('to-next-expiry').click();
	await expect(page.getByTestId('clock-moved')).toHaveText(
		/^⏱ Clock advanced 1 h to 09:00:00\. 1 credential set expired\. The result below is from before it\.$/
	);
	await expect(page.getByTestId('live')).toContainText('Clock advanced 1 h to 09:00:00.');
	await expect(page.getByRole('heading', { name: /^Result of step 3 of 7/ })).toBeVisible();
	await playSteps(page, 1);
	await expect(page.getByTestId('clock-moved')).toHaveCount(0);
});

test('a beginner reads who signs a step, a wrong guess is not met by a tick, and the debrief links the fact base', async ({
	page
}) => {
	await open(page, VENDOR);
	// "signed as user:…/cost-scanner" and, later, "creds:audit" are the simulator's notation: said in words.
	await expect(page.getByTestId('caller-note')).toHaveText(
		'That is IAM user cost-scanner in account 999988887777, with its long-term access key.'
	);
	await page.getByLabel('It works').check();
	await page.getByTestId('next').click();
	const result = page.getByTestId('result');
	await expect(page.getByTestId('prediction')).toContainText('You predicted it would work');
	// The AWS answer comes straight after the verdict on the guess; the scenario's own check after it.
	const order = await result.evaluate((r) => {
		const at = (sel: string) =>
			[...r.querySelectorAll('*')].indexOf(r.querySelector(sel) as Element);
		return [at('[data-testid=prediction]'), at('.aws-error'), at('[data-testid=expectation]')];
	});
	expect(order[0]).toBeLessThan(order[1]);
	expect(order[1]).toBeLessThan(order[2]);
	await expect(page.getByTestId('expectation')).toContainText(
		"As the scenario expected. This checks the simulator's answer against the scenario's script, not your prediction."
	);
	// "(sts-facts §5, §8)" reads as the explanations' citations do, each section a link.
	const debrief = page.getByTestId('debrief');
	await expect(debrief).not.toContainText('sts-facts');
	await expect(debrief.getByRole('link', { name: '§5' })).toHaveAttribute('href', '/facts#fact-5');

	await playSteps(page, 2);
	await expect(page.getByTestId('caller-note')).toHaveText(
		'That is the temporary credentials saved as “audit” when AssumeRole issued them ' +
			'(arn:aws:sts::111122223333:assumed-role/CloudCostAuditRole/cloudcost-examplecorp).'
	);
});
