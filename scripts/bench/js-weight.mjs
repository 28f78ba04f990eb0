// JavaScript a page loads, measured in Chromium with the service worker blocked (it would
// precache every chunk in the background and muddle the count). Each (decoded) body is gzipped
// here at zlib level 9, independent of the server; what serve-static actually sent (gzip at
// zlib's default level) is kept beside it as the transfer size.
//
// - measureJs: JS before interactive. The root layout sets the performance mark `app:hydrated`
//   when it has mounted (src/lib/state/app-marks.ts); a script counts when its request started
//   before that mark, by the browser's own Resource Timing clock. Modulepreloads count (they are
//   fetched whether or not they run), so the figure errs on the heavy side.
// - measureSimulatorOwnJs: what the simulator page needs to be usable: every script loaded
//   until the engine is ready and the network is idle, minus the files the home page also loads
//   for a returning learner (their dashboard shown, network idle). What playing a step needs (its
//   STS operation and the policy evaluation library) loads when the learner starts to use the
//   page (import on interaction, Simulator.svelte), so it is measured apart: the same page after
//   its first step has been played (`afterFirstStep`, no budget).
import { gzipSync } from 'node:zlib';

export const HYDRATED_MARK = 'app:hydrated';

const isIamData = (path) => path.startsWith('/iam-data/');
const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);

/**
 * Opens `path` in a fresh context, records every script request, runs `until`, returns files.
 * `prepare` runs first in the same context (e.g. to leave progress behind), unrecorded.
 */
async function scriptsOf(browser, origin, path, until, prepare = undefined) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		if (prepare) {
			const first = await context.newPage();
			await prepare(first, origin);
			await first.close();
		}
		const page = await context.newPage();
		/** @type {import('@playwright/test').Request[]} */
		const requests = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') requests.push(r);
		});
		await page.goto(origin + path);
		const keep = await until(page);
		const files = [];
		for (const request of requests) {
			const url = new URL(request.url());
			if (!keep(request.url())) continue;
			const response = await request.response();
			const body = response ? await response.body() : Buffer.alloc(0);
			const sizes = await request.sizes();
			files.push({
				path: url.pathname,
				raw: body.length,
				gzip: gzipSync(body, { level: 9 }).length,
				transfer: sizes.responseBodySize,
				iamData: isIamData(url.pathname)
			});
		}
		return files.sort((a, b) => b.gzip - a.gzip);
	} finally {
		await context.close();
	}
}

function summary(path, files, extra = {}) {
	const app = files.filter((f) => !f.iamData);
	return {
		path,
		files: files.length,
		rawBytes: sum(files, 'raw'),
		gzipBytes: sum(files, 'gzip'),
		transferBytes: sum(files, 'transfer'),
		gzipBytesExclIamData: sum(app, 'gzip'),
		...extra,
		detail: files
	};
}

/** When each resource's request started and when `mark` was set, on the page's clock. */
function timings(page, mark) {
	return page.evaluate((name) => {
		const entry = performance.getEntriesByName(name, 'mark')[0];
		return {
			mark: entry ? entry.startTime : undefined,
			resources: performance
				.getEntriesByType('resource')
				.map((e) => ({ url: e.name, start: e.startTime }))
		};
	}, mark);
}

/**
 * JS before interactive: scripts whose request started before the `app:hydrated` mark. A script
 * Resource Timing does not list (it never finished) is counted too.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin e.g. http://127.0.0.1:4180
 * @param {string} path
 */
export async function measureJs(browser, origin, path) {
	let unmatched = 0;
	let markMs;
	const files = await scriptsOf(browser, origin, path, async (page) => {
		await page.locator('body.started').waitFor({ timeout: 30_000 });
		// Let every request finish, so Resource Timing has an entry for each.
		await page.waitForLoadState('networkidle');
		const t = await timings(page, HYDRATED_MARK);
		if (t.mark === undefined) throw new Error(`${path}: no "${HYDRATED_MARK}" performance mark`);
		markMs = t.mark;
		const started = new Map(t.resources.map((r) => [r.url, r.start]));
		return (url) => {
			const start = started.get(url);
			if (start === undefined) unmatched++;
			return start === undefined || start <= t.mark;
		};
	});
	return summary(path, files, { hydratedAtMs: markMs, unmatched });
}

/** Every script the page loads until `ready` resolves and the network is idle. */
async function allScripts(browser, origin, path, ready, prepare = undefined) {
	const files = await scriptsOf(
		browser,
		origin,
		path,
		async (page) => {
			await ready(page);
			await page.waitForLoadState('networkidle');
			return () => true;
		},
		prepare
	);
	return summary(path, files);
}

/**
 * Leaves a returning learner's progress in the context: opening a lesson notes it as read (in
 * the activity journal), the progress page records it in IndexedDB, so the home page then shows
 * the dashboard.
 */
async function leaveProgress(page, origin) {
	await page.goto(origin + '/lessons/what-is-sts');
	await page.locator('body.started').waitFor({ timeout: 30_000 });
	// The activity journal keeps one key per entry under this prefix (src/lib/state/activity-journal.ts).
	await page.waitForFunction(() =>
		Object.keys(localStorage).some((k) => k.startsWith('sts-trainer:pending-activity:'))
	);
	await page.goto(origin + '/progress');
	await page.locator('body.started').waitFor({ timeout: 30_000 });
	const lessonSaved = () =>
		page.evaluate(async () => {
			// Only open a database that exists: opening creates one, which the app would then find.
			const dbs = await indexedDB.databases();
			if (!dbs.some((d) => d.name === 'sts-trainer-progress')) return false;
			return new Promise((resolve) => {
				const open = indexedDB.open('sts-trainer-progress');
				open.onsuccess = () => {
					const db = open.result;
					if (![...db.objectStoreNames].includes('lessons')) return (db.close(), resolve(false));
					const count = db.transaction('lessons').objectStore('lessons').count();
					count.onsuccess = () => (db.close(), resolve(count.result > 0));
					count.onerror = () => (db.close(), resolve(false));
				};
				open.onerror = () => resolve(false);
			});
		});
	for (const started = Date.now(); !(await lessonSaved());) {
		if (Date.now() - started > 30_000) throw new Error('the lesson read was not saved in 30 s');
		await page.waitForTimeout(250);
	}
}

/**
 * The simulator page's own JavaScript: everything it loads until its engine is ready
 * (`.sim[data-ready="true"]`) and the network is idle, minus the files the home page loads
 * for a returning learner (dashboard shown, network idle). /iam-data/ files are left out of
 * the figure and listed apart.
 */
export async function measureSimulatorOwnJs(browser, origin, simulatorPath) {
	// The home page as a returning learner sees it (their dashboard, so the progress layer the
	// whole app shares is loaded), not a first visit that has no progress code at all.
	const home = await allScripts(
		browser,
		origin,
		'/',
		async (page) => {
			await page.locator('body.started').waitFor({ timeout: 30_000 });
			await page.getByTestId('home-dashboard').waitFor({ timeout: 30_000 });
		},
		leaveProgress
	);
	const simulator = await allScripts(browser, origin, simulatorPath, (page) =>
		page.locator('.sim[data-ready="true"]').waitFor({ timeout: 30_000 })
	);
	const played = await allScripts(browser, origin, simulatorPath, async (page) => {
		await page.locator('.sim[data-ready="true"]').waitFor({ timeout: 30_000 });
		await page.getByTestId('next').click();
		await page.getByTestId('back').and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
	});
	const shared = new Set(home.detail.map((f) => f.path));
	const own = simulator.detail.filter((f) => !shared.has(f.path));
	const ownAfterFirstStep = played.detail.filter((f) => !shared.has(f.path));
	return {
		...summary(simulatorPath, own),
		afterFirstStep: summary(simulatorPath, ownAfterFirstStep),
		homeFullyLoaded: { files: home.files, gzipBytes: home.gzipBytes },
		simulatorFullyLoaded: {
			files: simulator.files,
			gzipBytesExclIamData: simulator.gzipBytesExclIamData
		}
	};
}
