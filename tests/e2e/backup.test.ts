import { expect, test } from './fixtures';
import { chooseBackup, openProgress } from './progress-helpers';

const FIXTURES = 'tests/fixtures/progress';

test('"Export progress" keeps keyboard focus on the button, with Enter and with Space', async ({
	page
}) => {
	await openProgress(page);
	const button = page.getByTestId('export-backup');
	for (const key of ['Enter', ' ']) {
		await button.focus();
		const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press(key)]);
		expect(download.suggestedFilename()).toMatch(/^sts-trainer-backup-\d{4}-\d{2}-\d{2}\.json$/);
		await expect(page.getByTestId('export-status')).toContainText('Saved');
		await expect(button).toHaveText('Export progress');
		await expect(button).toBeFocused();
	}
});

test('Escape cancels the inline "replace" and "delete" confirmations, back on the button that asked', async ({
	page
}) => {
	await openProgress(page);
	await chooseBackup(page, `${FIXTURES}/backup-v1.json`);
	await expect(page.getByTestId('import-preview')).toBeVisible();
	const replace = page.getByTestId('import-replace');
	await replace.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('cancel-replace')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('confirm-replace')).toHaveCount(0);
	await expect(replace).toBeFocused();
	// From the other button of the question too; Cancel does the same.
	await page.keyboard.press('Enter');
	await page.getByTestId('confirm-replace').focus();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('confirm-replace')).toHaveCount(0);
	await expect(replace).toBeFocused();
	await page.keyboard.press('Enter');
	await page.getByTestId('cancel-replace').click();
	await expect(replace).toBeFocused();

	const deleteAll = page.getByTestId('delete-all');
	await deleteAll.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('cancel-delete')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
	await expect(deleteAll).toBeFocused();
	// From "Delete everything" too.
	await page.keyboard.press('Enter');
	await page.getByTestId('confirm-delete').focus();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
	await expect(deleteAll).toBeFocused();
	// With both questions open, Escape cancels only the one it was pressed in.
	await replace.focus();
	await page.keyboard.press('Enter');
	await deleteAll.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('cancel-delete')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
	await expect(page.getByTestId('confirm-replace')).toBeVisible();
	await page.getByTestId('cancel-replace').focus();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('confirm-replace')).toHaveCount(0);
	await expect(replace).toBeFocused();
	// Escape elsewhere changes nothing.
	await deleteAll.focus();
	await page.keyboard.press('Escape');
	await expect(deleteAll).toBeFocused();
	await expect(deleteAll).toHaveText('Delete all progress…');
	// Nothing was imported or deleted.
	await expect(page.getByTestId('dashboard-empty')).toBeVisible();
});

test('a backup with answers dated after it was made (a phone clock a month ahead) imports whole, with a warning', async ({
	page
}) => {
	await openProgress(page);
	await chooseBackup(page, `${FIXTURES}/clock-skew/clock-ahead-for-a-month.json`);
	const preview = page.getByTestId('import-preview');
	await expect(preview).toBeVisible();
	await expect(page.getByTestId('import-error')).toHaveCount(0);
	// The dates are local (09:00 UTC on the 15th and the 14th): any time zone gives one of two days.
	await expect(page.getByTestId('import-warnings')).toContainText(
		new RegExp(
			'^12 records are dated after this backup was made \\(1[45] Mar 2025\\): 10 answers, ' +
				'2 review schedules, the latest 1[345] Apr 2025\\. The clock of the device that ' +
				'recorded them was probably wrong\\. They are imported dated 1[45] Mar 2025 instead\\.$'
		)
	);
	await page.getByTestId('import-merge').click();
	await expect(page.getByTestId('import-result')).toContainText('Merged: 48 answers');
	await expect(page.getByTestId('import-result')).toContainText('12 records are dated after');
	await expect(page.getByTestId('stat-answers').locator('.number')).toHaveText('48');
});

test('a refused backup lists its problems readably: one line for a record with many', async ({
	page
}) => {
	await openProgress(page);
	await chooseBackup(page, `${FIXTURES}/bad-backups/attempt-emptied.json`);
	const error = page.getByTestId('import-error');
	await expect(error).toContainText(
		'This backup cannot be imported: 11 problems in 1 record (data.attempts[3]).'
	);
	const lines = page.getByTestId('import-problems').getByRole('listitem');
	await expect(lines).toHaveCount(1);
	await expect(lines.first()).toHaveText(
		'data.attempts[3]: 11 problems: id: must not be empty; id: may contain only letters, ' +
			'digits and . : / # @ + - _; questionId, topic, chosen, correct, timeMs: is missing; and 4 more'
	);
	await expect(error).toContainText('Nothing was changed.');
	await expect(page.getByTestId('import-merge')).toHaveCount(0);
});
