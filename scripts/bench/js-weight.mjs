// JavaScript a page loads before it is interactive: every script requested until the layout
// marks body.started (hydrated). The budget figure is each (decoded) body gzipped here at zlib
// level 9, independent of the server; what serve-static actually sent (gzip at zlib's default
// level) is kept beside it as the transfer size.
import { gzipSync } from 'node:zlib';

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin e.g. http://127.0.0.1:4180
 * @param {string} path
 */
export async function measureJs(browser, origin, path) {
	// No service worker: it would precache every chunk in the background and muddle the count.
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	/** @type {import('@playwright/test').Request[]} */
	const scripts = [];
	let hydrated = false;
	page.on('request', (r) => {
		if (!hydrated && r.resourceType() === 'script') scripts.push(r);
	});
	await page.goto(origin + path);
	await page.locator('body.started').waitFor({ timeout: 30_000 });
	hydrated = true;
	const files = [];
	for (const request of scripts) {
		const response = await request.response();
		const body = response ? await response.body() : Buffer.alloc(0);
		const sizes = await request.sizes();
		const url = new URL(request.url());
		files.push({
			path: url.pathname,
			raw: body.length,
			gzip: gzipSync(body, { level: 9 }).length,
			transfer: sizes.responseBodySize,
			iamData: url.pathname.startsWith('/iam-data/')
		});
	}
	await context.close();
	const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
	const app = files.filter((f) => !f.iamData);
	return {
		path,
		files: files.length,
		rawBytes: sum(files, 'raw'),
		gzipBytes: sum(files, 'gzip'),
		transferBytes: sum(files, 'transfer'),
		gzipBytesExclIamData: sum(app, 'gzip'),
		detail: files.sort((a, b) => b.gzip - a.gzip)
	};
}
