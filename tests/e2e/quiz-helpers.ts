import type { Page } from '@playwright/test';

interface BankQuestion {
	id: string;
	options: { html: string; correct: boolean }[];
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

/**
 * The authored index of each option on screen, in display order. The page does not say which
 * option is which (its source must give no answer away), so each option's rendered text is
 * matched with the authored options: bank options by their HTML, parsed by the same browser;
 * pack options by their Markdown source, by the longest common run of letters and digits from
 * the start (Markdown punctuation and escaped HTML aside, the rendered text begins the same way);
 * of two options that match equally far (one is the start of the other), the one equal to it.
 */
export async function authoredOrder(
	page: Page,
	options: { html?: string; text?: string }[]
): Promise<{ id: string; authored: number[] }> {
	// One read of the DOM for the id and the option order, so they cannot come from two
	// different questions when the app moves on between two reads.
	return page
		.locator('section.question')
		.first()
		.evaluate(
			(section, authoredOptions) => {
				const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
				const candidates = authoredOptions.map((o) => {
					if (o.html === undefined) return plain(o.text ?? '');
					const div = document.createElement('div');
					div.innerHTML = o.html;
					return plain(div.textContent ?? '');
				});
				const common = (a: string, b: string) => {
					let n = 0;
					while (n < a.length && n < b.length && a[n] === b[n]) n++;
					return n;
				};
				const authored = [...section.querySelectorAll('.option .text')].map((el) => {
					const copy = el.cloneNode(true) as Element;
					copy.querySelector('.visually-hidden')?.remove();
					const shown = plain(copy.textContent ?? '');
					const scores = candidates.map((c) => common(c, shown));
					const best = Math.max(...scores);
					// An option that is the start of another ("AssumeRole", "AssumeRoleWithSAML")
					// matches both as far as it goes: the one it equals is the one.
					const tied = scores.flatMap((score, i) => (score === best ? [i] : []));
					const exact = tied.filter((i) => candidates[i] === shown);
					const at = tied.length === 1 ? tied[0] : exact.length === 1 ? exact[0] : -1;
					if (best === 0 || at < 0)
						throw new Error(`option "${copy.textContent}" matches no single authored option`);
					return at;
				});
				if (new Set(authored).size !== authored.length)
					throw new Error(`two options on screen matched one authored option: ${authored}`);
				return { id: section.getAttribute('data-question-id')!, authored };
			},
			options.map((o) => ({ html: o.html, text: o.text }))
		);
}

/** The question on screen and the display positions (0-based) of its right and wrong options. */
export async function currentQuestion(page: Page) {
	const id = (await page.locator('section.question').first().getAttribute('data-question-id'))!;
	const q = (await questionBank(page)).get(id)!;
	const read = await authoredOrder(page, q.options);
	// The app moved on between the two reads: read again for the question now shown.
	if (read.id !== id) return currentQuestion(page);
	const authoredByPosition = read.authored;
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

/** "End session" with questions still unanswered: it asks first, and this confirms. */
export async function endSession(page: Page) {
	await page.getByTestId('end-session').click();
	await page.getByTestId('confirm-end-session').click();
}
