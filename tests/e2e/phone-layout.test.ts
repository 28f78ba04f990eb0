import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, emulateColourScheme, expect, open, test } from './fixtures';
import { answerPractice, chooseBackup, importFixture, openProgress } from './progress-helpers';
import { currentQuestion, pressOptions, wrongAnswer } from './quiz-helpers';
import { builtRoutes } from './routes';

test.use({ viewport: { width: 390, height: 844 } });

// A page wider than the screen makes a phone scroll sideways: the progress page did, once a
// learner had a study plan (its table and the backup file input widened the whole column).
test('on a phone no page is wider than the screen, for a learner with progress stored', async ({
	page
}) => {
	test.setTimeout(180_000);
	await answerPractice(page, [true, false]);

	const tooWide: string[] = [];
	for (const route of builtRoutes()) {
		await open(page, route);
		await page.waitForLoadState('networkidle');
		const { scroll, client } = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth
		}));
		if (scroll > client) tooWide.push(`${route}: ${scroll} px on a ${client} px screen`);
	}
	expect(tooWide).toEqual([]);
});

test('on a phone the progress page shows whole axis labels and the whole exam table', async ({
	page
}) => {
	await importFixture(page);
	await page.reload();
	await page.locator('body.started').waitFor();
	await expect(page.getByTestId('exam-history')).toBeVisible();

	// Every tick label of every chart lies inside its chart ("0%" was cut to "%").
	const ticks = await page.locator('svg[role="img"]').evaluateAll((svgs) =>
		svgs.flatMap((svg) => {
			const width = svg.getBoundingClientRect().width;
			return [...svg.querySelectorAll('text.tick')].map((t) => {
				const box = (t as SVGGraphicsElement).getBBox();
				return { text: t.textContent, left: box.x, right: box.x + box.width, width };
			});
		})
	);
	expect(ticks.filter((t) => t.text === '0%').length).toBeGreaterThan(0);
	const cut = ticks.filter((t) => t.left < 0 || t.right > t.width + 0.5);
	expect(cut).toEqual([]);

	// The mock exams table fits the screen: no column, Time included, behind the right edge.
	const table = await page.getByTestId('exam-history').evaluate((t) => {
		const wrap = t.parentElement!;
		return {
			overflow: wrap.scrollWidth - wrap.clientWidth,
			right: wrap.getBoundingClientRect().right,
			headers: [...t.querySelectorAll('thead th')].map((th) => ({
				text: th.textContent,
				right: th.getBoundingClientRect().right
			}))
		};
	});
	expect(table.overflow).toBeLessThanOrEqual(0);
	expect(table.headers.map((h) => h.text)).toContain('Time');
	expect(table.headers.filter((h) => h.right > table.right + 0.5)).toEqual([]);
});

test('on a phone an exam question with a code block stays within the screen (the block scrolls)', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 375, height: 740 });
	await open(page, '/quiz/exam');
	const total = Number(await page.getByLabel('Questions').getAttribute('max'));
	await page.getByLabel('Questions').fill(String(total));
	await page.getByTestId('start-exam').click();
	let withCode = 0;
	let wideBlocks = 0;
	for (let i = 1; i <= total && (withCode < 3 || wideBlocks === 0); i++) {
		await expect(page.locator('section.question h2')).toContainText(`Question ${i} of ${total}`);
		if ((await page.locator('section.question pre').count()) > 0) {
			withCode++;
			const widths = await page.evaluate(() => ({
				page: document.documentElement.scrollWidth,
				viewport: document.documentElement.clientWidth
			}));
			expect(
				widths.page,
				`question ${i}: the page is no wider than the screen`
			).toBeLessThanOrEqual(widths.viewport);
			// A block wider than the screen says so (a shade on its end edge) and takes the focus,
			// so the keyboard scrolls it; one that fits has no shade.
			const blocks = await page.locator('section.question pre').evaluateAll((pres) =>
				pres.map((p) => ({
					scrolls: p.scrollWidth > p.clientWidth,
					end: getComputedStyle(p).getPropertyValue('--scroll-cue-end'),
					focusable: (p as HTMLElement).tabIndex === 0
				}))
			);
			for (const b of blocks) {
				expect(b.end, `question ${i}: end shade`).toBe(b.scrolls ? '1' : '0');
				expect(b.focusable, `question ${i}: focusable`).toBe(true);
			}
			wideBlocks += blocks.filter((b) => b.scrolls).length;
		}
		if (i < total) await page.getByTestId('exam-next').click();
	}
	expect(withCode, 'questions with a code block were met').toBeGreaterThan(0);
	expect(wideBlocks, 'code blocks wider than the screen were met').toBeGreaterThan(0);
});

/**
 * Whether the root carried `data-returning` when the document had been parsed, before any of the
 * app's scripts ran (module scripts run after 'interactive'): set by the inline script of
 * app.html alone. Read with `firstPaintHint(page)` after the next navigation.
 */
async function recordFirstPaintHint(page: Page) {
	await page.addInitScript(() => {
		document.addEventListener('readystatechange', () => {
			if (document.readyState === 'interactive')
				(window as unknown as { hintAtParse: boolean }).hintAtParse =
					document.documentElement.hasAttribute('data-returning');
		});
	});
}
const firstPaintHint = (page: Page) =>
	page.evaluate(() => (window as unknown as { hintAtParse?: boolean }).hintAtParse);

/** Where the home page's parts are, on the first screen or not, with the page scrolled to the top. */
async function homeLayout(page: Page) {
	return page.evaluate(() => {
		const screen = innerHeight;
		const box = (selector: string) => {
			const el = document.querySelector(selector);
			if (!el || getComputedStyle(el).display === 'none') return undefined;
			const r = el.getBoundingClientRect();
			return { top: Math.round(r.top + scrollY), bottom: Math.round(r.bottom + scrollY) };
		};
		const onFirstScreen = (selector: string) => {
			const b = box(selector);
			return b ? b.bottom <= screen : undefined;
		};
		return {
			hint: document.documentElement.hasAttribute('data-returning'),
			stored: localStorage.getItem('sts-trainer:returning'),
			firstHeading: document.querySelector('main :is(h1, h2)')?.tagName,
			h1: onFirstScreen('main h1'),
			introduction: onFirstScreen('.hero .lead'),
			heroLesson: onFirstScreen('[data-testid="hero-lesson"]'),
			welcome: onFirstScreen('#welcome-back'),
			continueLink: onFirstScreen('[data-testid="continue-link"]'),
			due: onFirstScreen('[data-testid="stat-due"]'),
			dashboard: box('[data-testid="home-dashboard"]'),
			descriptionAfter: box('.lead.after-dashboard')
		};
	});
}

// A returning learner on a phone saw only the introduction on the first screen; "Welcome back"
// (Continue, reviews due) began below it.
test('the home page: a newcomer gets the introduction, a returning learner the dashboard on the first screen', async ({
	page
}) => {
	await page.clock.install();
	await recordFirstPaintHint(page);
	await open(page, '/');
	await page.waitForLoadState('networkidle');
	expect(await homeLayout(page)).toMatchObject({
		hint: false,
		stored: null,
		firstHeading: 'H1',
		h1: true,
		introduction: true,
		heroLesson: true,
		dashboard: undefined,
		descriptionAfter: undefined
	});
	await expect(page.getByTestId('hero-lesson')).toHaveText(/^Start with lesson 1: /);

	// One wrong answer: a learner who has started, with a review due a minute later.
	await answerPractice(page, [false]);
	await page.clock.fastForward('02:30');
	await open(page, '/');
	await expect(page.getByTestId('home-dashboard')).toBeVisible();
	await expect(page.getByTestId('stat-due')).toContainText('Review them');
	const returning = await homeLayout(page);
	expect(returning).toMatchObject({
		hint: true,
		stored: '1',
		firstHeading: 'H1',
		h1: true,
		introduction: undefined,
		heroLesson: true,
		welcome: true,
		continueLink: true,
		due: true
	});
	// The description is still there, after the dashboard.
	expect(returning.descriptionAfter!.top).toBeGreaterThan(returning.dashboard!.bottom);
	expect(await axeViolations(page)).toEqual([]);

	// The next load paints this layout from the start: the hint is there before any app script.
	await page.reload();
	await page.locator('body.started').waitFor();
	expect(await firstPaintHint(page)).toBe(true);
	await expect(page.getByTestId('home-dashboard')).toBeVisible();
});

test("the home page drops a returning learner's layout when the device turns out to hold no progress", async ({
	page
}) => {
	await recordFirstPaintHint(page);
	await open(page, '/');
	// A hint left behind (say, the site's databases were cleared but not its Web Storage).
	await page.evaluate(() => localStorage.setItem('sts-trainer:returning', '1'));
	await page.reload();
	await page.locator('body.started').waitFor();
	expect(await firstPaintHint(page)).toBe(true);
	await expect.poll(async () => (await homeLayout(page)).hint).toBe(false);
	expect(await homeLayout(page)).toMatchObject({
		stored: null,
		introduction: true,
		dashboard: undefined,
		descriptionAfter: undefined
	});
});

// A snippet with a long URL or JSON condition made every result card 810 px wide on a 390 px
// phone (the list's grid column took the longest unbroken word), and the page scrolled sideways;
// a 1280 px laptop at 200% zoom (640 px) the same.
test('search results wrap within the screen, long URLs and JSON in snippets included', async ({
	page
}) => {
	for (const width of [390, 640]) {
		await page.setViewportSize({ width, height: 844 });
		for (const q of ['external id', 'saml']) {
			await open(page, `/search?q=${encodeURIComponent(q)}`);
			const results = page.getByTestId('search-results');
			await expect(results.getByRole('listitem').first()).toBeVisible();
			const layout = await page.evaluate(() => ({
				page: document.documentElement.scrollWidth,
				viewport: document.documentElement.clientWidth,
				// The words that used to widen the list are in these results.
				longest: Math.max(
					...[...document.querySelectorAll('[data-testid="search-results"] li')].flatMap((li) =>
						li.textContent!.split(/\s+/).map((w) => w.length)
					)
				),
				outside: [...document.querySelectorAll('[data-testid="search-results"] li')]
					.filter((li) => {
						const box = li.getBoundingClientRect();
						return box.left < 0 || box.right > document.documentElement.clientWidth;
					})
					.map((li) => li.querySelector('a')!.textContent)
			}));
			expect(layout.longest, `${q}: a word longer than a ${width} px line`).toBeGreaterThan(40);
			expect(layout.page, `${q} at ${width} px`).toBe(layout.viewport);
			expect(layout.outside, `${q} at ${width} px`).toEqual([]);
		}
	}
	expect(await axeViolations(page)).toEqual([]);
});

/**
 * The frozen v1 backup moved to the last two weeks (its 48 answers on 12 days up to yesterday), so
 * that the accuracy chart of the last 30 days has points across it.
 */
function recentBackup(): string {
	type Row = Record<string, number | unknown>;
	const env = JSON.parse(readFileSync('tests/fixtures/progress/backup-v1.json', 'utf8'));
	const delta = Date.now() - 86_400_000 - env.exportedAt;
	const shift = (row: Row, keys: string[]) => {
		for (const k of keys) if (typeof row[k] === 'number') row[k] = (row[k] as number) + delta;
	};
	shift(env, ['exportedAt']);
	const fields: Record<string, string[]> = {
		attempts: ['at'],
		cards: ['due', 'lastReview', 'lastAnsweredAt'],
		lessons: ['firstReadAt', 'lastReadAt', 'completedAt'],
		exams: ['startedAt', 'finishedAt'],
		settings: ['updatedAt'],
		packs: ['importedAt']
	};
	for (const [table, keys] of Object.entries(fields))
		for (const row of env.data[table] as Row[]) shift(row, keys);
	delete env.data.aggregates;
	return JSON.stringify(env);
}

/** Pairs of neighbouring x-axis labels of the accuracy chart that overlap (or touch). */
async function collidingAxisLabels(page: Page) {
	return page.getByRole('img', { name: /Accuracy per day/ }).evaluate((svg) => {
		const ticks = [...svg.querySelectorAll('text.tick')] as SVGTextElement[];
		// The x axis is the row of labels at the bottom.
		const bottom = Math.max(...ticks.map((t) => Number(t.getAttribute('y'))));
		const boxes = ticks
			.filter((t) => Number(t.getAttribute('y')) === bottom)
			.map((t) => ({ text: t.textContent, box: t.getBBox() }))
			.sort((a, b) => a.box.x - b.box.x);
		return boxes
			.flatMap((b, i) =>
				i > 0 && b.box.x < boxes[i - 1]!.box.x + boxes[i - 1]!.box.width + 2
					? [`${boxes[i - 1]!.text} / ${b.text}`]
					: []
			)
			.concat(boxes.length < 2 ? ['fewer than two x labels'] : []);
	});
}

/**
 * What the accuracy chart's pass-mark label touches: any other text, a dot, the data line, a grid
 * line, the dashed line itself, or the chart's edges. Judged in the browser from the drawn
 * shapes: boxes for text and dots, the line's own stroke (isPointInStroke) for the rest.
 */
async function passMarkLabelTouches(page: Page) {
	return page.getByRole('img', { name: /Accuracy per day/ }).evaluate((svg) => {
		const label = [...svg.querySelectorAll('text')].find((t) =>
			t.textContent!.startsWith('pass mark')
		);
		if (!label) return ['no pass mark label'];
		const box = label.getBBox();
		const svgBox = (svg as SVGSVGElement).viewBox.baseVal;
		const meets = (b: DOMRect, gap: number) =>
			b.x < box.x + box.width + gap &&
			box.x < b.x + b.width + gap &&
			b.y < box.y + box.height + gap &&
			box.y < b.y + b.height + gap;
		const out: string[] = [];
		for (const t of svg.querySelectorAll('text'))
			if (t !== label && meets((t as SVGTextElement).getBBox(), 1))
				out.push(`text ${t.textContent}`);
		for (const c of svg.querySelectorAll('circle'))
			if (meets((c as SVGCircleElement).getBBox(), 1)) out.push('a dot');
		// The line, grid lines and the dashed line: no point of the label's box (and 1 px around)
		// lies on their strokes.
		const strokes = [...svg.querySelectorAll('path, line')] as SVGGeometryElement[];
		for (const shape of strokes) {
			let hit = false;
			for (let x = box.x - 1; x <= box.x + box.width + 1 && !hit; x += 0.5)
				for (let y = box.y - 1; y <= box.y + box.height + 1 && !hit; y += 0.5)
					hit = shape.isPointInStroke(new DOMPoint(x, y));
			if (hit) out.push(`${shape.tagName}.${shape.getAttribute('class')}`);
		}
		if (
			box.x < 0 ||
			box.y < 0 ||
			box.x + box.width > svgBox.width ||
			box.y + box.height > svgBox.height
		)
			out.push('outside the chart');
		return out;
	});
}

/**
 * The v1 backup moved to the last four weeks with two answers a day on 24 days, one day both
 * right and the next one of two: a line that zigzags across the pass mark all month.
 */
function zigzagBackup(): string {
	const env = JSON.parse(recentBackup());
	const day = 86_400_000;
	const today = new Date();
	today.setHours(12, 0, 0, 0);
	type Attempt = { at: number; correct: boolean };
	(env.data.attempts as Attempt[]).forEach((a, i) => {
		const d = Math.floor(i / 2);
		a.at = today.getTime() - (24 - d) * day + (i % 2) * 60_000;
		a.correct = d % 2 === 0 || i % 2 === 0;
	});
	return JSON.stringify(env);
}

test.describe('at 375 px', () => {
	test.use({ viewport: { width: 375, height: 812 } });

	test('/progress: axis labels apart, the study plan readable without scrolling sideways (light and dark)', async ({
		page
	}) => {
		await openProgress(page);
		await chooseBackup(page, { name: 'recent.json', text: recentBackup() });
		await page.getByTestId('import-merge').click();
		await expect(page.getByTestId('import-status')).toContainText('Merged');
		// An exam a week away: every topic gets a practice day, two or three a day.
		await page
			.getByTestId('exam-date')
			.fill(new Date(Date.now() + 8 * 86_400_000).toLocaleDateString('sv-SE'));
		await page.getByRole('button', { name: 'Save exam date' }).click();
		const plan = page.getByTestId('study-plan');
		await expect(plan).toContainText('Plan up to your exam');

		for (const scheme of ['light', 'dark'] as const) {
			await emulateColourScheme(page, scheme);
			expect(await collidingAxisLabels(page), scheme).toEqual([]);
			// The plan is a list of day cards here, each as wide as the screen allows, nothing cut.
			const cards = page.getByTestId('plan-cards').getByRole('listitem');
			await expect(cards).toHaveCount(7);
			await expect(plan.getByRole('region', { name: 'Study plan, table' })).toBeHidden();
			const cut = await cards.evaluateAll((items) =>
				items.flatMap((li) =>
					li.scrollWidth > li.clientWidth || li.getBoundingClientRect().right > innerWidth
						? [li.textContent]
						: []
				)
			);
			expect(cut, scheme).toEqual([]);
			await expect(cards.first()).toContainText(/Today\s+\d+ reviews? due/);
			await expect(plan).toContainText(/Practise: [A-Z]/);
			const page_ = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(page_, scheme).toBeLessThanOrEqual(375);
		}
	});

	test('exam results: the "Score by topic" table fits its box, right border included', async ({
		page
	}) => {
		await open(page, '/quiz/exam');
		await page.getByLabel('Questions').fill('30');
		await page.getByTestId('start-exam').click();
		await page.getByTestId('review-exam').click();
		await page.getByTestId('submit-exam').click();
		const wrap = page.getByTestId('exam-results').locator('.table-wrap');
		await expect(wrap).toContainText('Score by topic');
		for (const scheme of ['light', 'dark'] as const) {
			await emulateColourScheme(page, scheme);
			const { scroll, client } = await wrap.evaluate((w) => ({
				scroll: w.scrollWidth,
				client: w.clientWidth
			}));
			expect(scroll, `${scheme}: table ${scroll} px in a ${client} px box`).toBeLessThanOrEqual(
				client
			);
		}
	});
	test('/progress: the pass-mark label touches no other label or line, in the plot or as a legend', async ({
		page
	}) => {
		await openProgress(page);
		await chooseBackup(page, { name: 'recent.json', text: recentBackup() });
		await page.getByTestId('import-merge').click();
		await expect(page.getByTestId('import-status')).toContainText('Merged');
		const chart = page.getByRole('img', { name: /Accuracy per day/ });
		await expect(chart.getByText(/^pass mark/)).toHaveText('pass mark 72%');
		// Three-quarters right on most recent days: the label used to sit on their dots.
		expect(await passMarkLabelTouches(page)).toEqual([]);
		// On a 320 px screen too, once the chart is drawn at that width.
		await page.setViewportSize({ width: 320, height: 812 });
		await expect.poll(() => chart.evaluate((svg) => svg.clientWidth)).toBeLessThan(300);
		expect(await passMarkLabelTouches(page)).toEqual([]);
		await page.setViewportSize({ width: 375, height: 812 });
		await expect.poll(() => chart.evaluate((svg) => svg.clientWidth)).toBeGreaterThan(300);

		// A line across the pass mark every day leaves no room in the plot: a legend above it.
		await chooseBackup(page, { name: 'zigzag.json', text: zigzagBackup() });
		await page.getByTestId('import-replace').click();
		await page.getByTestId('confirm-replace').click();
		await expect(page.getByTestId('import-status')).toContainText('Replaced');
		await expect(chart).toHaveAccessibleDescription(
			/^Answers on 24 days of the last 30: 48 answers/
		);
		expect(await passMarkLabelTouches(page)).toEqual([]);
		const legend = await chart.evaluate((svg) => {
			const label = [...svg.querySelectorAll('text')].find((t) =>
				t.textContent!.startsWith('pass mark')
			)!;
			const top = Math.min(
				...[...svg.querySelectorAll('line.grid')].map((l) => Number(l.getAttribute('y1')))
			);
			return { bottom: label.getBBox().y + label.getBBox().height, plotTop: top };
		});
		expect(legend.bottom).toBeLessThan(legend.plotTop);
		expect(await collidingAxisLabels(page)).toEqual([]);
	});

	test('/progress: the mastery data shows as cards, every figure of the table in them', async ({
		page
	}) => {
		await importFixture(page);
		await page.reload();
		await page.locator('body.started').waitFor();
		const mastery = page.locator('section[aria-labelledby="mastery-title"]');
		await mastery.getByText('Show the data').click();
		const cards = mastery.getByTestId('data-cards');
		await expect(cards).toBeVisible();
		await expect(mastery.getByRole('region', { name: 'Mastery by topic, table' })).toBeHidden();
		// The same rows and figures as the table, each figure beside its column's full name.
		const { table, shown } = await mastery.evaluate((section) => {
			const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
			const table = section.querySelector('table')!;
			const names = [...table.querySelectorAll('thead th')].map(text);
			return {
				table: [...table.querySelectorAll('tbody tr')].map((tr) =>
					[...tr.children].map((cell, i) => (i === 0 ? text(cell) : `${names[i]}: ${text(cell)}`))
				),
				shown: [...section.querySelectorAll('[data-testid="data-cards"] > li')].map((li) => [
					text(li.querySelector('.card-title')!),
					...[...li.querySelectorAll('dl > div')].map(
						(pair) => `${text(pair.querySelector('dt')!)}: ${text(pair.querySelector('dd')!)}`
					)
				])
			};
		});
		expect(table.length).toBeGreaterThan(10);
		expect(shown).toEqual(table);
		expect(shown[0]).toContain('Questions in long-term memory (of seen): 0 of 0');
		for (const scheme of ['light', 'dark'] as const) {
			await emulateColourScheme(page, scheme);
			const cut = await cards
				.getByRole('listitem')
				.evaluateAll((items) =>
					items.flatMap((li) =>
						li.scrollWidth > li.clientWidth || li.getBoundingClientRect().right > innerWidth
							? [li.textContent]
							: []
					)
				);
			expect(cut, scheme).toEqual([]);
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth),
				scheme
			).toBeLessThanOrEqual(375);
			expect(await axeViolations(page), scheme).toEqual([]);
		}
	});
});

/** Grid lines that run through a label or value, and texts that overlap or leave the chart. */
async function barChartClashes(page: Page, name: RegExp) {
	return page.getByRole('img', { name }).evaluate((svg) => {
		// In the chart's own units (its box may be a fraction of a pixel narrower).
		const width = (svg as SVGSVGElement).viewBox.baseVal.width;
		const texts = [...svg.querySelectorAll('text.label, text.value')].map((t) => {
			const b = (t as SVGGraphicsElement).getBBox();
			return { text: t.textContent!, x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height };
		});
		const lines = [...svg.querySelectorAll('line.grid')].map((l) => ({
			x: Number(l.getAttribute('x1')),
			y0: Number(l.getAttribute('y1')),
			y1: Number(l.getAttribute('y2'))
		}));
		const clashes: string[] = [];
		for (const t of texts) {
			// (A glyph such as T or k may reach a pixel past where its text starts or ends.)
			if (t.x0 < -1.5 || t.x1 > width + 1.5) clashes.push(`"${t.text}" leaves the chart`);
			for (const l of lines)
				if (l.x > t.x0 && l.x < t.x1 && l.y0 < t.y1 && l.y1 > t.y0)
					clashes.push(`grid line at x=${l.x} crosses "${t.text}"`);
			for (const u of texts)
				if (u !== t && t.x0 < u.x1 && u.x0 < t.x1 && t.y0 < u.y1 && u.y0 < t.y1)
					clashes.push(`"${t.text}" overlaps "${u.text}"`);
		}
		const right = Math.max(...lines.map((l) => l.x));
		return { clashes, plotShare: right / width };
	});
}

test('on a phone the mastery bars use the whole width, and no grid line runs through a topic name', async ({
	page
}) => {
	await importFixture(page);
	await page.reload();
	await page.locator('body.started').waitFor();
	const mastery = page.getByRole('img', { name: 'Mastery by topic' });
	await expect(mastery).toBeVisible();
	const onProgress = await barChartClashes(page, /^Mastery by topic$/);
	expect(onProgress.clashes).toEqual([]);
	// The 100% line at the right edge: the bars had about 60% of the width.
	expect(onProgress.plotShare).toBeGreaterThan(0.95);
	// The longest topic name is written whole.
	await expect(
		mastery.locator('text.label', { hasText: 'ExternalId and the confused deputy' })
	).toHaveText('ExternalId and the confused deputy');

	await open(page, '/');
	const weakest = page.getByRole('img', { name: /^Mastery of your weakest topics?$/ });
	await expect(weakest).toBeVisible();
	const onHome = await barChartClashes(page, /^Mastery of your weakest topics?$/);
	expect(onHome.clashes).toEqual([]);
	expect(onHome.plotShare).toBeGreaterThan(0.95);
	// The data under the chart is a card per topic here too, not a table with a tall header row.
	await page.getByTestId('home-dashboard').getByText('Show the data').click();
	await expect(page.getByTestId('home-dashboard').getByTestId('data-cards')).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test('on a phone the topic picker writes every count after its title, and its legend inside its border', async ({
	page
}) => {
	for (const route of ['/quiz/exam', '/quiz/practice']) {
		await open(page, route);
		const picker = page.locator('fieldset.topics');
		const layout = await picker.evaluate((fieldset) => {
			const box = fieldset.getBoundingClientRect();
			const border = parseFloat(getComputedStyle(fieldset).borderTopWidth);
			const legend = fieldset.querySelector('legend')!.getBoundingClientRect();
			const counts = [...fieldset.querySelectorAll('label')].map((label) => {
				const count = label.querySelector('.muted')!;
				// The title's lines, and the last piece of text before the count.
				const range = document.createRange();
				range.selectNodeContents(label);
				const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
				const before = count.previousSibling!;
				range.selectNodeContents(before);
				const last = [...range.getClientRects()].at(-1)!;
				const c = count.getBoundingClientRect();
				return {
					title: label.textContent!.replace(/\s+/g, ' ').trim(),
					wrapped: lines.size > 1,
					gap: Math.round(c.left - last.right),
					sameLine: Math.abs(c.top - last.top) < 4
				};
			});
			return { legendInside: legend.top >= box.top + border, counts };
		});
		expect(layout.legendInside, route).toBe(true);
		// Some titles wrap at 390 px ("Web identity and Amazon Cognito"): their counts too follow
		// the last word, as the one-line titles' counts do.
		expect(
			layout.counts.some((c) => c.wrapped),
			route
		).toBe(true);
		const apart = layout.counts.filter((c) => !c.sameLine || c.gap < 0 || c.gap > 12);
		expect(apart, route).toEqual([]);
	}
});

test.describe('on a touch phone', () => {
	test.use({ hasTouch: true, isMobile: true });

	test('the keyboard hints are left out (there is no keyboard to press them with)', async ({
		page
	}) => {
		expect(
			await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)
		).toBe(true);
		await open(page, '/quiz/exam');
		await page.getByLabel('Questions').fill('5');
		await page.getByTestId('start-exam').click();
		await expect(page.locator('section.question h2')).toContainText('Question 1 of 5');
		await expect(page.getByTestId('exam-keys')).toBeHidden();
		await open(page, '/quiz/practice');
		await page.getByTestId('start-practice').click();
		await expect(page.getByTestId('practice-session')).toBeVisible();
		await expect(page.getByTestId('practice-keys')).toBeHidden();
	});
});

test('with a mouse or keyboard the hints are there, on a narrow window too', async ({ page }) => {
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam-keys')).toBeVisible();
	await open(page, '/quiz/practice');
	await page.getByTestId('start-practice').click();
	await expect(page.getByTestId('practice-keys')).toBeVisible();
});

// A question with a wide code block (chain-one-hour-cap, in Role chaining) widened the whole list
// of questions after an exam, and so the page: on a phone it scrolled sideways (862 px on a
// 390 px screen) and a tap on "Take another exam" landed on another element. The practice
// summary's list of missed questions did the same once that question was opened.
test.describe('on a phone, lists of reviewed questions stay within the screen', () => {
	const pageWidth = (page: Page) =>
		page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth
		}));

	test('exam results, with a question holding a wide code block', async ({ page }) => {
		await open(page, '/quiz/exam');
		await page.getByRole('checkbox', { name: /^Role chaining/ }).check();
		await page.getByLabel('Questions').fill('8');
		await page.getByTestId('start-exam').click();
		await page.getByTestId('review-exam').click();
		await page.getByTestId('submit-exam').click();
		const withCode = page.locator(
			'ol.review li:has(section[data-question-id="chain-one-hour-cap"])'
		);
		await expect(withCode.locator('pre')).toHaveCount(1);
		const { scroll, client } = await pageWidth(page);
		expect(scroll, `${scroll} px on a ${client} px screen`).toBeLessThanOrEqual(client);
	});

	test('the practice summary, every missed question opened', async ({ page }) => {
		test.setTimeout(90_000);
		await open(page, '/quiz/practice');
		await page.getByRole('checkbox', { name: /^Role chaining/ }).check();
		await page.getByRole('combobox', { name: 'Questions' }).selectOption('all');
		await page.getByTestId('start-practice').click();
		const session = page.getByTestId('practice-session');
		const heading = session.locator('section.question h2');
		await expect(heading).toContainText('Question 1 of 8');
		for (let i = 1; i <= 8; i++) {
			const q = await currentQuestion(page);
			await pressOptions(page, wrongAnswer(q));
			await page.keyboard.press('Enter');
			await expect(page.getByTestId('feedback')).toContainText('Not quite');
			await page.keyboard.press('Enter');
			if (i < 8) await expect(heading).toContainText(`Question ${i + 1} of 8`);
		}
		const missed = page.getByTestId('session-mistakes');
		await expect(missed.locator('li[data-question-id="chain-one-hour-cap"]')).toHaveCount(1);
		for (const summary of await missed.locator('summary').all()) await summary.click();
		await expect(missed.locator('li[data-question-id="chain-one-hour-cap"] pre')).toBeVisible();
		const { scroll, client } = await pageWidth(page);
		expect(scroll, `${scroll} px on a ${client} px screen`).toBeLessThanOrEqual(client);
	});
});
