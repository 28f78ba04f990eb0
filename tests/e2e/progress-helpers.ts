import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { open } from './fixtures';
import { currentQuestion, pressOptions, wrongAnswer } from './quiz-helpers';

/** A backup file as the browser downloaded it. */
export interface SavedBackup {
	fileName: string;
	path: string;
	text: string;
	json: {
		format: string;
		exportedAt: number;
		app: { version: string };
		data: Record<string, unknown[]>;
	};
}

/**
 * Answers `results.length` practice questions with the keyboard (true = right answer), from a
 * new or resumed session; returns the ids answered.
 */
export async function answerPractice(page: Page, results: boolean[]): Promise<string[]> {
	await open(page, '/quiz/practice');
	const start = page.getByTestId('start-practice');
	const session = page.getByTestId('practice-session');
	// The prerendered form (with its Start button) shows until the question bank has loaded; only
	// then does a saved session replace it. So whether the Start button is visible says nothing
	// yet: what is saved does (a finished session is not resumed).
	const resumes = await page.evaluate(() => {
		const saved = localStorage.getItem('sts-trainer:quiz:practice');
		const status =
			saved && (JSON.parse(saved) as { snapshot?: { status?: string } }).snapshot?.status;
		return !!saved && status !== 'done';
	});
	if (!resumes) await start.click();
	await expect(session).toBeVisible();
	const ids: string[] = [];
	for (const right of results) {
		const q = await currentQuestion(page);
		ids.push(q.id);
		await pressOptions(page, right ? q.right : wrongAnswer(q));
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText(right ? 'Correct.' : 'Not quite');
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toBeEmpty();
	}
	return ids;
}

/** Opens /progress and waits until the dashboard has read IndexedDB. */
export async function openProgress(page: Page): Promise<void> {
	await open(page, '/progress');
	await expect(page.getByTestId('dashboard')).toBeVisible();
}

/** Clicks "Export progress" on /progress and reads the file the browser saved. */
export async function exportBackup(page: Page): Promise<SavedBackup> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-backup').click()
	]);
	const path = await download.path();
	const text = await readFile(path, 'utf8');
	await expect(page.getByTestId('export-status')).toContainText('Saved');
	return { fileName: download.suggestedFilename(), path, text, json: JSON.parse(text) };
}

/** Chooses a backup file (a path, or a name and its text) in the import control. */
export async function chooseBackup(page: Page, file: string | { name: string; text: string }) {
	const input = page.getByTestId('import-file');
	if (typeof file === 'string') await input.setInputFiles(file);
	else
		await input.setInputFiles({
			name: file.name,
			mimeType: 'application/json',
			buffer: Buffer.from(file.text)
		});
}

/** Imports the frozen v1 fixture (48 answers in March 2025, two lessons, an exam) by merging. */
export async function importFixture(page: Page): Promise<void> {
	await openProgress(page);
	await chooseBackup(page, 'tests/fixtures/progress/backup-v1.json');
	await expect(page.getByTestId('import-preview')).toBeVisible();
	await page.getByTestId('import-merge').click();
	await expect(page.getByTestId('import-status')).toContainText('Merged');
}

/**
 * Reads the open lesson to its end as a learner does: its end scrolls into view and the lesson's
 * minimum reading time (at most 3 minutes on screen) passes, on the test's fake clock: call
 * `page.clock.install()` before opening the lesson.
 */
export async function finishLesson(page: Page): Promise<void> {
	await page.getByTestId('lesson-end').scrollIntoViewIfNeeded();
	await page.clock.fastForward('03:00');
	await expect(page.getByTestId('lesson-end')).toContainText(
		'Lesson finished: you read it to the end'
	);
}
