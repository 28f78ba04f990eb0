import type { Page } from '@playwright/test';

interface BankQuestion {
	id: string;
	options: { correct: boolean }[];
}

let bank: Map<string, BankQuestion> | undefined;

/** The question bank as the app serves it, to know which option is right. */
export async function questionBank(page: Page): Promise<Map<string, BankQuestion>> {
	if (bank) return bank;
	const res = await page.request.get('/quiz/questions.json');
	const data = (await res.json()) as { questions: BankQuestion[] };
	bank = new Map(data.questions.map((q) => [q.id, q]));
	return bank;
}

/** The question on screen and the display positions (0-based) of its right and wrong options. */
export async function currentQuestion(page: Page) {
	// One read of the DOM for the id and the option order, so they cannot come from two
	// different questions when the app moves on between two reads.
	const { id, authoredByPosition } = await page
		.locator('section.question')
		.first()
		.evaluate((section) => ({
			id: section.getAttribute('data-question-id')!,
			authoredByPosition: [...section.querySelectorAll<HTMLElement>('.option')].map((e) =>
				Number(e.dataset.option)
			)
		}));
	const q = (await questionBank(page)).get(id)!;
	const right = authoredByPosition.flatMap((a, p) => (q.options[a].correct ? [p] : []));
	const wrong = authoredByPosition.flatMap((a, p) => (q.options[a].correct ? [] : [p]));
	return { id, right, wrong, count: authoredByPosition.length };
}

/** Presses the number keys that select the given display positions. */
export async function pressOptions(page: Page, positions: number[]) {
	for (const p of positions) await page.keyboard.press(String(p + 1));
}

/** Positions for a wrong but complete answer: as many options as asked for, at least one wrong. */
export function wrongAnswer(q: { right: number[]; wrong: number[] }): number[] {
	return [q.wrong[0], ...q.right.slice(0, q.right.length - 1)];
}
