// Dev aid: one Lighthouse run per page (same config as the bench) and the audits that attribute
// TBT and LCP: long tasks, bootup time by script, main-thread breakdown, LCP element and phases.
// Usage: node scripts/bench/lh-attrib.mjs [--port 4413] [--dir build] [--runs 1] [--skeleton] [paths...]
// Writes bench/work/lh-attrib.json. Timings are as noisy as the machine: compare within a run.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rmSync, writeFileSync } from 'node:fs';
import { chromeArgs, chromePath } from './browser.mjs';
import { serveStatic } from '../serve-static.mjs';
import { buildSkeleton } from './skeleton.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (n, f) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : f);
const port = Number(opt('port', 4413));
const runs = Number(opt('runs', 1));
const paths = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const targets = (
	paths.length
		? paths
		: ['/', '/lessons/assume-role', '/quiz/practice', '/quiz/exam', '/simulator/vendor-external-id']
).map((p) => ({ key: p, url: `http://127.0.0.1:${port}${p}` }));
const servers = [await serveStatic(join(root, opt('dir', 'build')), { port })];
let skel;
if (args.includes('--skeleton')) {
	skel = buildSkeleton(root);
	servers.push(await serveStatic(skel.build, { port: port + 1 }));
	targets.push({ key: 'skeleton', url: `http://127.0.0.1:${port + 1}/` });
}
const chrome = await chromeLauncher.launch({
	chromePath,
	chromeFlags: ['--headless=new', ...chromeArgs]
});
const out = {};
try {
	for (let r = 0; r < runs; r++)
		for (const { key, url } of targets) {
			const { lhr } = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance']
			});
			const a = lhr.audits;
			const short = (u) => String(u).replace(/^https?:\/\/[^/]+/, '');
			const perfRefs = lhr.categories.performance.auditRefs.filter((x) => x.weight > 0);
			const res = {
				perf: Math.round(lhr.categories.performance.score * 100),
				metrics: Object.fromEntries(
					perfRefs.map((x) => [x.id, [Math.round(a[x.id].numericValue), a[x.id].score]])
				),
				lcpElement: a['largest-contentful-paint-element']?.details?.items?.map((it) =>
					it.items?.map((i) => i.node?.snippet ?? i.phase + ':' + Math.round(i.timing ?? 0))
				),
				longTasks: a['long-tasks']?.details?.items?.map(
					(i) => `${short(i.url)} start=${Math.round(i.startTime)} dur=${Math.round(i.duration)}`
				),
				bootup: a['bootup-time']?.details?.items?.map(
					(i) =>
						`${short(i.url)} total=${Math.round(i.total)} script=${Math.round(i.scripting)} parse=${Math.round(i.scriptParseCompile)}`
				),
				mainthread: a['mainthread-work-breakdown']?.details?.items?.map(
					(i) => `${i.group}=${Math.round(i.duration)}`
				),
				renderBlocking: a['render-blocking-resources']?.details?.items?.map(
					(i) => `${short(i.url)} ${Math.round(i.wastedMs)}`
				),
				requests: a['network-requests']?.details?.items?.map(
					(i) =>
						`${short(i.url)} ${i.resourceType} ${Math.round(i.networkRequestTime)}-${Math.round(i.networkEndTime)} ${i.transferSize}`
				)
			};
			(out[key] ??= []).push(res);
			console.log(`\n=== ${key} run ${r + 1}`);
			console.log(JSON.stringify(res, null, 1));
		}
} finally {
	chrome.kill();
	for (const s of servers) s.close();
	if (skel) rmSync(skel.dir, { recursive: true, force: true });
	writeFileSync(join(root, 'bench/work/lh-attrib.json'), JSON.stringify(out, null, 1));
}
