import { readdirSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures';

const lessonSlugs = readdirSync('content/lessons')
	.filter((f) => /^\d+-.+\.md$/.test(f))
	.map((f) => f.replace(/^\d+-/, '').replace(/\.md$/, ''));

/** The opacity of a table box's scroll cues (start: its ::before, end: its ::after). */
function cues(wrap: Locator) {
	return wrap.evaluate((w) => ({
		start: Number(getComputedStyle(w, '::before').opacity),
		end: Number(getComputedStyle(w, '::after').opacity),
		scrolls: w.scrollWidth > w.clientWidth
	}));
}

/** The strength (0 to 1) of a code block's scroll cues, its start and end shade. */
function codeCues(pre: Locator) {
	return pre.evaluate((p) => ({
		start: Number(getComputedStyle(p).getPropertyValue('--scroll-cue-start')),
		end: Number(getComputedStyle(p).getPropertyValue('--scroll-cue-end')),
		scrolls: p.scrollWidth > p.clientWidth
	}));
}

/**
 * Which edges of a scrolling box are shaded (drawn unlike its middle), as the screen shows it:
 * its content (`content`: the table, or a code block's code) is hidden, keeping its size and
 * scroll position, so only the background and the cues are left to see. Read from a screenshot,
 * so a cue that scrolled away with the content, or is drawn somewhere else, does not count.
 */
async function shadedEdges(wrap: Locator, content = 'table') {
	await wrap.evaluate(
		(w, c) => w.querySelector<HTMLElement>(c)!.style.setProperty('visibility', 'hidden'),
		content
	);
	const png = (await wrap.screenshot()).toString('base64');
	await wrap.evaluate(
		(w, c) => w.querySelector<HTMLElement>(c)!.style.removeProperty('visibility'),
		content
	);
	return wrap.page().evaluate(async (data) => {
		const img = new Image();
		img.src = `data:image/png;base64,${data}`;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = img.width;
		canvas.height = img.height;
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		const y = Math.floor(img.height / 2);
		const lightness = (x: number) => {
			const [r, g, b] = ctx.getImageData(x, y, 1, 1).data;
			return r! + g! + b!;
		};
		const middle = lightness(Math.floor(img.width / 2));
		const shaded = (x: number) => Math.abs(lightness(x) - middle) > 12;
		return { start: shaded(1), end: shaded(img.width - 2) };
	}, png);
}

test.describe('on a 375 px phone', () => {
	test.use({ viewport: { width: 375, height: 740 } });

	// Lesson 1's table read "Access/KeyId", "Sessio/nToken", "Expira/tion": inline code broke
	// anywhere to make the table narrower. A table too wide for the screen scrolls in its wrapper.
	test('lesson tables never break a word (inline code included); a wide table scrolls inside its wrapper', async ({
		page
	}) => {
		test.setTimeout(120_000);
		let tables = 0;
		let scrolling = 0;
		const problems: string[] = [];
		for (const slug of lessonSlugs) {
			await open(page, `/lessons/${slug}`);
			const found = await page.evaluate(() => {
				/** Where a cell's text goes onto a new line between two letters or digits. */
				const midWordBreaks = (cell: Element): string[] => {
					const breaks: string[] = [];
					const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
					let prev: { char: string; top: number } | undefined;
					const range = document.createRange();
					for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						const text = node.textContent ?? '';
						for (let i = 0; i < text.length; i++) {
							range.setStart(node, i);
							range.setEnd(node, i + 1);
							const rect = range.getClientRects()[0];
							// A space at the end of a line has no box: it still parts the words.
							if (!rect) {
								if (prev) prev = { char: text[i], top: prev.top };
								continue;
							}
							if (
								prev &&
								rect.top > prev.top + 2 &&
								/[\p{L}\p{N}]/u.test(prev.char) &&
								/[\p{L}\p{N}]/u.test(text[i])
							)
								breaks.push(`${node.textContent} (before "${text.slice(i)}")`);
							prev = { char: text[i], top: rect.top };
						}
					}
					return breaks;
				};
				return [...document.querySelectorAll('.prose .table-wrap')].map((wrap) => ({
					breaks: [...wrap.querySelectorAll('th, td')].flatMap(midWordBreaks),
					scrolls: wrap.scrollWidth > wrap.clientWidth,
					wrapRight: wrap.getBoundingClientRect().right,
					page: document.documentElement.scrollWidth,
					viewport: document.documentElement.clientWidth
				}));
			});
			for (const t of found) {
				tables++;
				if (t.scrolls) scrolling++;
				problems.push(...t.breaks.map((b) => `${slug}: ${b}`));
				if (t.page > t.viewport) problems.push(`${slug}: the page is ${t.page} px wide`);
				if (t.wrapRight > t.viewport + 0.5)
					problems.push(`${slug}: a table wrapper ends at ${t.wrapRight} px`);
			}
		}
		expect(problems).toEqual([]);
		expect(tables, 'lessons have tables').toBeGreaterThan(10);
		// Lesson 1's field-name table among them: too wide for 375 px once its names stay whole.
		expect(scrolling, 'some tables scroll sideways').toBeGreaterThan(0);
	});

	test('a lesson table wider than the screen scrolls with the keyboard, inside the page', async ({
		page
	}) => {
		await open(page, '/lessons/what-is-sts');
		// Lesson 1's field-name table fits with its names whole; its API table does not.
		const fields = page.locator('.prose .table-wrap').filter({ hasText: 'SessionToken' }).first();
		await expect(fields.locator('code', { hasText: /^SessionToken$/ })).toBeVisible();
		const wide = page
			.locator('.prose .table-wrap')
			.filter({ hasText: 'GetFederationToken' })
			.last();
		const size = await wide.evaluate((w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
		expect(size.scroll).toBeGreaterThan(size.client);
		await wide.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => wide.evaluate((w) => w.scrollLeft)).toBeGreaterThan(0);
		const widths = await page.evaluate(() => ({
			page: document.documentElement.scrollWidth,
			viewport: document.documentElement.clientWidth
		}));
		expect(widths.page).toBeLessThanOrEqual(widths.viewport);
	});

	// A table cut off at the screen's edge looked complete: nothing said that it scrolls.
	test('a table wider than the screen shades the edge it continues past; a table that fits has none', async ({
		page
	}) => {
		await open(page, '/lessons/what-is-sts');
		const wide = page
			.locator('.prose .table-wrap')
			.filter({ hasText: 'GetFederationToken' })
			.last();
		const fits = page.locator('.prose .table-wrap').filter({ hasText: 'SessionToken' }).first();
		await wide.scrollIntoViewIfNeeded();
		expect(await cues(fits)).toEqual({ start: 0, end: 0, scrolls: false });
		expect(await cues(wide)).toEqual({ start: 0, end: 1, scrolls: true });
		expect(await shadedEdges(wide)).toEqual({ start: false, end: true });

		// Scrolled along by keyboard: more of the table on both sides.
		await wide.focus();
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		await expect.poll(() => wide.evaluate((w) => w.scrollLeft)).toBeGreaterThan(16);
		await expect.poll(() => cues(wide)).toEqual({ start: 1, end: 1, scrolls: true });
		expect(await shadedEdges(wide)).toEqual({ start: true, end: true });

		// At the end: only the start is shaded.
		await wide.evaluate((w) => (w.scrollLeft = w.scrollWidth));
		await expect.poll(() => cues(wide)).toEqual({ start: 1, end: 0, scrolls: true });
		expect(await shadedEdges(wide)).toEqual({ start: true, end: false });

		// The shade is drawn over the cells (the header row's background included).
		expect(
			await wide.evaluate((w) => getComputedStyle(w, '::before').zIndex),
			'above the table'
		).toBe('1');
		expect(await axeViolations(page)).toEqual([]);
	});

	// A code block cut off at the screen's edge looked complete too.
	test('a code block wider than the screen shades the edge it continues past, and scrolls by keyboard; one that fits has none', async ({
		page
	}) => {
		await open(page, '/lessons/what-is-sts');
		const fits = page.locator('.prose pre').filter({ hasText: 'aws sts get-caller-identity' });
		const wide = page.locator('.prose pre').filter({ hasText: '"SessionToken"' });
		await expect(fits).toHaveCount(1);
		await wide.scrollIntoViewIfNeeded();
		expect(await codeCues(fits)).toEqual({ start: 0, end: 0, scrolls: false });
		expect(await shadedEdges(fits, 'code')).toEqual({ start: false, end: false });
		expect(await codeCues(wide)).toEqual({ start: 0, end: 1, scrolls: true });
		expect(await shadedEdges(wide, 'code')).toEqual({ start: false, end: true });

		// Focusable, so the keyboard scrolls it: more code on both sides.
		await wide.focus();
		await expect(wide).toBeFocused();
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		await expect.poll(() => wide.evaluate((w) => w.scrollLeft)).toBeGreaterThan(16);
		await expect.poll(() => codeCues(wide)).toEqual({ start: 1, end: 1, scrolls: true });
		expect(await shadedEdges(wide, 'code')).toEqual({ start: true, end: true });

		// At the end: only the start is shaded.
		await wide.evaluate((w) => (w.scrollLeft = w.scrollWidth));
		await expect.poll(() => codeCues(wide)).toEqual({ start: 1, end: 0, scrolls: true });
		expect(await shadedEdges(wide, 'code')).toEqual({ start: true, end: false });
		expect(await axeViolations(page)).toEqual([]);
	});

	// On a phone the contents list came last, after the sources, where it no longer helped.
	test('"On this page" comes right after the objectives, folded, and leads to the section', async ({
		page
	}) => {
		await open(page, '/lessons/what-is-sts');
		const nav = page.getByRole('navigation', { name: 'On this page' });
		await expect(nav).toHaveCount(1);
		await expect(nav).toBeVisible();
		const order = await page.evaluate(() => {
			const y = (el: Element | null) => el!.getBoundingClientRect().top;
			const nav = document.querySelector('[data-testid="toc-inline"]');
			return {
				objectives: y(document.querySelector('.objectives')),
				nav: y(nav),
				firstSection: y(document.querySelector('.prose h2')),
				sources: y(document.querySelector('#sources-title'))
			};
		});
		expect(order.nav).toBeGreaterThan(order.objectives);
		expect(order.nav).toBeLessThan(order.firstSection);
		expect(order.nav).toBeLessThan(order.sources);
		// Folded: one line until opened.
		const link = nav.getByRole('link', { name: 'ASIA and AKIA keys' });
		await expect(link).toBeHidden();
		await expect(nav.locator('summary')).toContainText(/On this page \(\d+ sections\)/);
		await nav.locator('summary').click();
		await expect(link).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
		await link.click();
		await expect(page).toHaveURL(/#asia-and-akia-keys$/);
		await expect(page.locator('.prose h2#asia-and-akia-keys')).toBeInViewport();
	});

	// Opened, its list had no inset: the list's rule lay on the panel's left border and the last
	// link touched the panel's bottom edge.
	test('"On this page", opened, keeps its list inside the panel: inset on the left and below', async ({
		page
	}) => {
		await open(page, '/lessons/session-durations');
		const nav = page.getByTestId('toc-inline');
		await nav.locator('summary').click();
		const links = nav.getByRole('link');
		await expect(links.last()).toBeVisible();
		const gaps = await nav.evaluate((n) => {
			const panel = n.getBoundingClientRect();
			const list = n.querySelector('ul')!.getBoundingClientRect();
			const summary = n.querySelector('summary')!.getBoundingClientRect();
			const last = [...n.querySelectorAll('a')].at(-1)!.getBoundingClientRect();
			const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
			return {
				// In rem, from the panel's edge (its 1 px border included) to the list's.
				left: (list.left - panel.left) / rem,
				right: (panel.right - list.right) / rem,
				bottom: (panel.bottom - last.bottom) / rem,
				// The list's rule lines up with the summary's text.
				alignedWithSummary: Math.abs(
					list.left -
						(summary.left + parseFloat(getComputedStyle(n.querySelector('summary')!).paddingLeft))
				)
			};
		});
		expect(gaps.left).toBeGreaterThanOrEqual(0.75);
		expect(gaps.right).toBeGreaterThanOrEqual(0.75);
		expect(gaps.bottom).toBeGreaterThanOrEqual(0.5);
		expect(gaps.alignedWithSummary).toBeLessThanOrEqual(1);
		expect(await axeViolations(page)).toEqual([]);
	});
});

test.describe('on a 1280 px screen', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('"On this page" stays the open column beside the lesson', async ({ page }) => {
		await open(page, '/lessons/what-is-sts');
		const nav = page.getByRole('navigation', { name: 'On this page' });
		await expect(nav).toHaveCount(1);
		await expect(page.getByTestId('toc-inline')).toBeHidden();
		const link = nav.getByRole('link', { name: 'ASIA and AKIA keys' });
		await expect(link).toBeVisible();
		const [navBox, prose] = await Promise.all([
			nav.boundingBox(),
			page.locator('.prose').boundingBox()
		]);
		expect(navBox!.x).toBeGreaterThan(prose!.x + prose!.width);
		expect(navBox!.y).toBeLessThan(400);
	});
});

// "AWS STS" linked lesson 1 and a section of it as two links, both titled with the lesson.
test('a glossary entry links each lesson once, with the sections it names beside it', async ({
	page
}) => {
	await open(page, '/glossary');
	const entries = await page.locator('.entry').evaluateAll((els) =>
		els.map((el) => {
			const refs = [...el.querySelectorAll('p.refs')].find((p) =>
				/^\s*Lessons?:/.test(p.textContent ?? '')
			);
			return {
				id: el.id,
				text: refs?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
				links: [...(refs?.querySelectorAll('a') ?? [])].map((a) => ({
					href: a.getAttribute('href')!,
					text: a.textContent!.trim()
				}))
			};
		})
	);
	expect(entries.length).toBeGreaterThan(50);
	const problems: string[] = [];
	for (const e of entries) {
		const lessonLinks = e.links.filter((l) => !l.href.includes('#'));
		const slugs = lessonLinks.map((l) => l.href);
		if (new Set(slugs).size !== slugs.length) problems.push(`${e.id}: a lesson linked twice`);
		for (const l of e.links.filter((x) => x.href.includes('#'))) {
			const lesson = lessonLinks.find((x) => x.href === l.href.split('#')[0]);
			if (!lesson) problems.push(`${e.id}: ${l.href} without its lesson`);
			else if (l.text.includes(lesson.text))
				problems.push(`${e.id}: "${l.text}" repeats the lesson`);
		}
	}
	expect(problems).toEqual([]);
	const sts = entries.find((e) => e.id === 'aws-sts')!;
	expect(sts.links.map((l) => l.href)).toEqual([
		'/lessons/what-is-sts',
		'/lessons/what-is-sts#the-sts-apis-at-a-glance'
	]);
	expect(sts.text).toBe(
		'Lesson: What AWS STS is and why temporary credentials matter (The STS APIs at a glance)'
	);
});
