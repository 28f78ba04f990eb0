import { test as base, type Page, type Route } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures';
import { answerPractice, importFixture } from './progress-helpers';

// The home page as a phone loads it, with requests seen by the routes below (no service worker
// answering them from its cache).
test.use({ viewport: { width: 390, height: 800 }, serviceWorkers: 'block' });

type Shift = { value: number; sources: string[] };
type Watched = {
	shifts: Shift[];
	reminders: string[];
	secondTimers: () => number;
};

/**
 * From the next navigation on: every layout shift not caused by input (PerformanceObserver
 * 'layout-shift', with the elements that moved), every appearance and disappearance of the exam
 * reminder (where: the hero or the dashboard), and a count of the 1-second timers running.
 */
async function watchHome(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as Watched;
		w.shifts = [];
		w.reminders = [];
		const name = (n: Node | null) =>
			n instanceof Element
				? `${n.tagName.toLowerCase()}${n.className ? `.${String(n.className).split(' ').join('.')}` : ''}`
				: String(n?.nodeName);
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as PerformanceEntry[] &
				{ value: number; hadRecentInput: boolean; sources: { node: Node | null }[] }[])
				if (!e.hadRecentInput)
					w.shifts.push({ value: e.value, sources: e.sources.map((s) => name(s.node)) });
		}).observe({ type: 'layout-shift', buffered: true });

		const where = (el: Element) =>
			el.closest('.hero')
				? 'hero'
				: el.closest('[data-testid="home-dashboard"]')
					? 'dashboard'
					: 'elsewhere';
		const reminders = (nodes: NodeList) =>
			[...nodes].flatMap((n) =>
				n instanceof Element
					? [
							...(n.matches('[data-testid="exam-reminder"]') ? [n] : []),
							...n.querySelectorAll('[data-testid="exam-reminder"]')
						]
					: []
			);
		// Each reminder element once (an added subtree is seen again in a later record of the same
		// batch for each node added inside it).
		const shown = new Set<Element>();
		new MutationObserver((records) => {
			for (const r of records) {
				for (const el of reminders(r.removedNodes))
					if (shown.delete(el))
						w.reminders.push(`gone from ${r.target instanceof Element ? where(r.target) : '?'}`);
				for (const el of reminders(r.addedNodes))
					if (el.isConnected && !shown.has(el)) {
						shown.add(el);
						w.reminders.push(`shown in ${where(el)}`);
					}
			}
		}).observe(document, { childList: true, subtree: true });

		const active = new Map<unknown, number>();
		const set = window.setInterval.bind(window);
		const clear = window.clearInterval.bind(window);
		window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
			const id = set(handler, delay, ...args);
			active.set(id, delay ?? 0);
			return id;
		}) as typeof window.setInterval;
		window.clearInterval = ((id?: number) => {
			active.delete(id);
			clear(id);
		}) as typeof window.clearInterval;
		w.secondTimers = () => [...active.values()].filter((d) => d === 1000).length;
	});
}

const watched = (page: Page) =>
	page.evaluate(() => {
		const w = window as unknown as Watched;
		return {
			cls: w.shifts.reduce((sum, s) => sum + s.value, 0),
			shifts: w.shifts,
			reminders: w.reminders,
			secondTimers: w.secondTimers()
		};
	});

/** Waits until the page has settled: no request in flight, then two frames drawn. */
async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
}

/**
 * The dashboard's code (the chunk that holds "Welcome back") delayed as on a slow phone, or
 * failing; other scripts pass. Chunk names are hashed, so the chunk is told by its content.
 */
async function dashboardCode(page: Page, how: { delayMs: number } | 'fail') {
	let requests = 0;
	await page.route('**/_app/immutable/chunks/*.js', async (route: Route) => {
		let response: Awaited<ReturnType<Route['fetch']>>;
		let body: string;
		try {
			response = await route.fetch();
			body = await response.text();
		} catch {
			// The test has ended (its page closed) while this chunk was in flight: nothing to answer.
			return;
		}
		if (!body.includes('welcome-back')) return route.fulfill({ response, body }).catch(() => {});
		requests++;
		if (how === 'fail') return route.abort('internetdisconnected');
		await new Promise((done) => setTimeout(done, how.delayMs));
		return route.fulfill({ response, body }).catch(() => {});
	});
	return { requests: () => requests };
}

/** Learners who have started, as the tests make them. */
const LEARNERS = {
	'who has answered one question': (page: Page) => answerPractice(page, [false]).then(() => {}),
	// Lessons read (the hero's link then leads on to the next one), exams taken, reviews due.
	'with the progress of a backup': importFixture
} satisfies Record<string, (page: Page) => Promise<void>>;

/** A learner who has started and seen the home page once (so that the hint is noted). */
async function returningLearner(
	page: Page,
	seed: (page: Page) => Promise<void> = LEARNERS['who has answered one question']
) {
	await seed(page);
	await open(page, '/');
	await expect(page.getByTestId('home-dashboard')).toBeVisible();
	expect(await page.evaluate(() => localStorage.getItem('sts-trainer:returning'))).toBe('1');
}

// CLS 0.369 on a 390x800 phone: the description and the four cards were painted at once, then
// the dashboard (read from IndexedDB, its code fetched after that) landed above them.
for (const [who, seed] of Object.entries(LEARNERS))
	for (const viewport of [
		{ width: 390, height: 800 },
		{ width: 1280, height: 800 }
	])
		test(`the home page of a learner ${who} does not move when the dashboard arrives (${viewport.width} px)`, async ({
			page
		}) => {
			await page.setViewportSize(viewport);
			await returningLearner(page, seed);
			await dashboardCode(page, { delayMs: 600 });
			await watchHome(page);
			await page.goto('/');
			await expect(page.getByTestId('home-dashboard')).toBeVisible();
			await settle(page);
			const { cls, shifts } = await watched(page);
			expect(cls, JSON.stringify(shifts)).toBeLessThan(0.1);
			// Everything is there once it has: the dashboard, then the description and the cards.
			const order = await page.evaluate(() => {
				const top = (s: string) => document.querySelector(s)!.getBoundingClientRect().top;
				const shown = (s: string) =>
					getComputedStyle(document.querySelector(s)!).display !== 'none';
				return {
					link: shown('[data-testid="hero-lesson"]'),
					description: shown('.lead.after-dashboard'),
					cards: shown('.paths'),
					inOrder:
						top('[data-testid="home-dashboard"]') < top('.lead.after-dashboard') &&
						top('.lead.after-dashboard') < top('.paths')
				};
			});
			expect(order).toEqual({ link: true, description: true, cards: true, inOrder: true });
			expect(await axeViolations(page)).toEqual([]);
		});

test("a newcomer's home page is unchanged: the introduction and the cards at once, nothing moving", async ({
	page
}) => {
	await watchHome(page);
	await open(page, '/');
	await settle(page);
	const { cls, shifts } = await watched(page);
	expect(cls, JSON.stringify(shifts)).toBeLessThan(0.01);
	const layout = await page.evaluate(() => {
		const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
		const shown = (s: string) => getComputedStyle(document.querySelector(s)!).display !== 'none';
		return {
			returning: document.documentElement.hasAttribute('data-returning'),
			introduction: shown('.hero .intro'),
			description: shown('.lead.after-dashboard'),
			cards: shown('.paths'),
			// No space kept for a dashboard: the cards follow the introduction.
			gap: Math.round(box('.paths').top - box('.hero').bottom)
		};
	});
	expect(layout).toMatchObject({
		returning: false,
		introduction: true,
		description: false,
		cards: true
	});
	expect(layout.gap).toBeLessThan(40);
	expect(await page.getByTestId('home-dashboard').count()).toBe(0);
});

// The fixture's guard fails a test on any console error; here the browser reports the failed
// requests, which this test causes. Every other console error still fails it.
base(
	"if the dashboard's code cannot be loaded, a returning learner gets the newcomer's page, not a hole",
	async ({ page }) => {
		const errors: string[] = [];
		page.on('console', (m) => {
			if (
				m.type() === 'error' &&
				!/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(m.text())
			)
				errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(e.message));
		await returningLearner(page);
		const code = await dashboardCode(page, 'fail');
		await watchHome(page);
		await page.goto('/');
		await page.locator('body.started').waitFor();
		// Tried twice, then the introduction and the cards.
		await expect
			.poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-returning')))
			.toBe(false);
		await expect(page.locator('.hero .intro')).toBeVisible();
		await expect(page.locator('.paths')).toBeVisible();
		await expect(page.getByTestId('home-dashboard')).toHaveCount(0);
		expect(code.requests()).toBeGreaterThanOrEqual(1);
		// The hint stays for the next visit, when the code may load.
		expect(await page.evaluate(() => localStorage.getItem('sts-trainer:returning'))).toBe('1');
		expect(errors).toEqual([]);
	}
);

/** Starts a 5-question exam of a minute a question. */
async function startExam(page: Page) {
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('5');
	await page.getByLabel('Seconds per question').fill('60');
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam-timer')).toBeVisible();
}

// The reminder showed in the hero while it was not yet known whether the learner had started,
// went, and came back inside the dashboard (hero at 91 ms, gone at 186 ms, dashboard at 202 ms).
// Then it sat in the dashboard, under "Welcome back" and below the hero's "Go on to lesson N", the
// biggest button on a phone's first screen: a running exam comes first of all, above that link,
// in a place kept before first paint (src/app.html marks the root data-exam).
for (const viewport of [
	{ width: 390, height: 800 },
	{ width: 1280, height: 800 }
])
	test(`a running exam comes first for a returning learner: its reminder above the lesson link, nothing moving (${viewport.width} px)`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await returningLearner(page);
		await startExam(page);
		await dashboardCode(page, { delayMs: 600 });
		await watchHome(page);
		await page.goto('/');
		const reminder = page.locator('.hero').getByTestId('exam-reminder');
		await expect(reminder).toBeVisible();
		await expect(page.getByTestId('home-dashboard')).toBeVisible();
		await settle(page);
		const { cls, shifts, reminders } = await watched(page);
		expect(cls, JSON.stringify(shifts)).toBeLessThan(0.01);
		expect(reminders).toEqual(['shown in hero']);
		await expect(page.getByTestId('exam-reminder')).toHaveCount(1);
		const box = async (s: string) => (await page.locator(s).boundingBox())!;
		const resume = await box('[data-testid="exam-reminder"] a');
		const lesson = await box('[data-testid="hero-lesson"]');
		expect(resume.y + resume.height).toBeLessThanOrEqual(lesson.y);
		// On the first screen, and the one primary action (the lesson link looks like the others).
		expect(resume.y + resume.height).toBeLessThanOrEqual(viewport.height);
		const look = (s: string) =>
			page.locator(s).evaluate((el) => getComputedStyle(el).backgroundColor);
		expect(await look('[data-testid="hero-lesson"]')).toBe(
			await look('.cta a:not([data-testid="hero-lesson"])')
		);
		expect(await look('[data-testid="exam-reminder"] a')).not.toBe(
			await look('[data-testid="hero-lesson"]')
		);
		expect(await axeViolations(page)).toEqual([]);
	});

test('a running exam is shown in one place, once: under the introduction for a newcomer', async ({
	page
}) => {
	// The exam is the first thing this learner started: there is no dashboard.
	await startExam(page);
	await watchHome(page);
	await open(page, '/');
	await expect(page.locator('.hero').getByTestId('exam-reminder')).toBeVisible();
	await settle(page);
	expect((await watched(page)).reminders).toEqual(['shown in hero']);
	await expect(page.getByTestId('home-dashboard')).toHaveCount(0);
});

// The reminder ran a 1-second timer on every home page, an exam saved or not; and its link's name
// ("Resume your exam: 12:34 left") changed every second, which a screen reader may announce again
// and again while the link has the focus.
test('the exam reminder ticks only while an exam runs, under a name that stays the same', async ({
	page
}) => {
	await page.clock.install();
	await watchHome(page);
	// No exam saved: no timer, for a newcomer and for a learner who has started.
	await open(page, '/');
	await settle(page);
	expect((await watched(page)).secondTimers).toBe(0);
	await returningLearner(page);
	await settle(page);
	expect((await watched(page)).secondTimers).toBe(0);

	await startExam(page);
	await open(page, '/');
	const reminder = page.locator('.hero').getByTestId('exam-reminder');
	const link = reminder.getByRole('link');
	await expect(link).toHaveText(/^Resume your exam: 4:\d\d left →$/);
	await expect(link).toHaveAccessibleName('Resume your exam');
	await expect(reminder).toContainText('About 5 minutes left.');
	expect((await watched(page)).secondTimers).toBe(1);
	await link.focus();
	await page.clock.fastForward('01:10');
	await expect(link).toHaveText(/^Resume your exam: 3:\d\d left →$/);
	await expect(link).toHaveAccessibleName('Resume your exam');
	await expect(reminder).toContainText('About 4 minutes left.');
	expect(await axeViolations(page)).toEqual([]);
	// Time up: the link says so, and the timer stops.
	await page.clock.fastForward('05:00');
	await expect(link).toHaveText("Your exam's time ran out: see your score →");
	await expect(link).toHaveAccessibleName("Your exam's time ran out: see your score");
	expect((await watched(page)).secondTimers).toBe(0);
});

// Continue was hidden whenever it led to the exam (which the reminder offers), so a practice
// session left in progress before the exam was offered nowhere on the home page.
test('with an exam running, Continue offers the practice session left in progress before it', async ({
	page
}) => {
	await returningLearner(page);
	// A practice session in progress (the question answered, the session not ended), then the exam.
	await answerPractice(page, [true]);
	await startExam(page);
	await open(page, '/');
	const home = page.getByTestId('home-dashboard');
	await expect(page.getByTestId('exam-reminder').getByRole('link')).toHaveAccessibleName(
		'Resume your exam'
	);
	await expect(home.getByTestId('continue-link')).toHaveText('Continue: Practice session →');
	await home.getByTestId('continue-link').click();
	await expect(page.getByTestId('practice-session')).toBeVisible();
});

// The placeholder kept the reminder's place with "00:00 left", but the countdown reads h:mm:ss
// for an exam over an hour long (31 questions at the default 120 s): the link was wider when it
// came, and narrower again as it ticked from 1:00:00 to 59:59 (and from 10:00 to 9:59), so the
// arrow after it, or the line it wrapped onto on a phone, moved.
test('the exam reminder of an exam over an hour long keeps its size as it comes and ticks (390 px)', async ({
	page
}) => {
	test.setTimeout(60_000);
	await page.clock.install();
	await open(page, '/quiz/exam');
	await page.getByLabel('Questions').fill('31');
	await page.getByLabel('Seconds per question').fill('120');
	await page.getByTestId('start-exam').click();
	await expect(page.getByTestId('exam-timer')).toHaveText(/^1:0[12]:\d\d$/);
	await watchHome(page);
	await open(page, '/');
	const link = page.locator('.hero').getByTestId('exam-reminder').getByRole('link');
	await expect(link).toHaveText(/^Resume your exam: 1:0[12]:\d\d left →$/);
	await settle(page);
	const boxes = () =>
		page.evaluate(() => {
			const box = (s: string) => {
				const r = document.querySelector(s)!.getBoundingClientRect();
				return [r.x, r.y, r.width, r.height].map(Math.round);
			};
			return {
				link: box('[data-testid="exam-reminder"] a'),
				arrow: box('[data-testid="exam-reminder"] a > span:last-child'),
				note: box('[data-testid="exam-reminder"] span.muted'),
				lesson: box('[data-testid="hero-lesson"]')
			};
		});
	const before = await boxes();
	// From the placeholder to the reminder: nothing moved.
	expect((await watched(page)).shifts).toEqual([]);
	// Over the hour: 1:00:00 to 59:59.
	await page.clock.fastForward('02:10');
	await expect(link).toHaveText(/^Resume your exam: 59:\d\d left →$/);
	expect(await boxes()).toEqual(before);
	// And from 10:00 to 9:59.
	await page.clock.fastForward('50:10');
	await expect(link).toHaveText(/^Resume your exam: 9:\d\d left →$/);
	expect(await boxes()).toEqual(before);
	expect((await watched(page)).shifts).toEqual([]);
});
