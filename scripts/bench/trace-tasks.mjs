// Dev aid: Chromium performance trace of each page load (CPU throttled --rate times, default 4),
// listing the main thread's long tasks (> --min ms) and what runs inside them, and a summary per
// load: FCP, LCP, a Lighthouse-like TBT estimate from unthrottled tasks (4 × duration − 50 ms
// after FCP; meaningful with --rate 1) and time per category. Traces go to bench/work/.
// Usage: node scripts/bench/trace-tasks.mjs [--port 4413] [--dir build] [--rate 4] [--min 50]
//   [--wait 4000] [--repeat 1] [--skeleton] [paths...]
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { launchBrowser } from './browser.mjs';
import { serveStatic } from '../serve-static.mjs';
import { buildSkeleton } from './skeleton.mjs';
import { rmSync } from 'node:fs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (n, f) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : f);
const port = Number(opt('port', 4413));
const min = Number(opt('min', 50));
const wait = Number(opt('wait', 4000));
const dir = opt('dir', 'build');
const paths = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const targets = paths.length
	? paths
	: ['/', '/lessons/assume-role', '/quiz/practice', '/quiz/exam', '/simulator/vendor-external-id'];
const server = await serveStatic(join(root, dir), { port });
const rate = Number(opt('rate', 4));
const repeat = Number(opt('repeat', 1));
let skel, skelServer;
if (args.includes('--skeleton')) {
	skel = buildSkeleton(root);
	skelServer = await serveStatic(skel.build, { port: port + 1 });
	targets.push('SKELETON');
}
const summary = {};
const browser = await launchBrowser();
const short = (u) =>
	String(u ?? '')
		.replace(/^https?:\/\/[^/]+/, '')
		.replace('/_app/immutable/', '');
try {
	for (let rep = 0; rep < repeat; rep++)
		for (const path of targets) {
			const context = await browser.newContext({
				serviceWorkers: 'block',
				viewport: { width: 412, height: 823 }
			});
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate });
			const events = [];
			cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
			const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
			await cdp.send('Tracing.start', {
				transferMode: 'ReportEvents',
				traceConfig: {
					includedCategories: [
						'devtools.timeline',
						'disabled-by-default-devtools.timeline',
						'v8.execute',
						'v8',
						'blink.user_timing',
						'loading',
						'toplevel',
						'disabled-by-default-v8.compile'
					]
				}
			});
			await page.goto(
				path === 'SKELETON' ? `http://127.0.0.1:${port + 1}/` : `http://127.0.0.1:${port}${path}`,
				{ waitUntil: 'load' }
			);
			await page.waitForTimeout(wait);
			await cdp.send('Tracing.end');
			await done;
			await context.close();
			// main thread of the renderer: the CrRendererMain thread with most events
			const names = events.filter(
				(e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain'
			);
			const counts = new Map();
			for (const e of events)
				if (names.some((n) => n.pid === e.pid && n.tid === e.tid))
					counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
			// The page's renderer: the main thread that parsed the page's HTML (else the busiest).
			const parsed = events.find(
				(e) =>
					e.name === 'ParseHTML' &&
					counts.has(`${e.pid}:${e.tid}`) &&
					String(e.args?.beginData?.url ?? '').startsWith('http://127.0.0.1')
			);
			const main = parsed
				? `${parsed.pid}:${parsed.tid}`
				: [...counts].sort((a, b) => b[1] - a[1])[0][0];
			const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X');
			const nav =
				events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main) ?? mine[0];
			const t0 = nav.ts;
			const marks = events
				.filter(
					(e) =>
						e.cat?.includes('blink.user_timing') ||
						[
							'firstContentfulPaint',
							'largestContentfulPaint::Candidate',
							'domContentLoadedEventEnd'
						].includes(e.name)
				)
				.map((e) => `${e.name}@${Math.round((e.ts - t0) / 1000)}`);
			const tasks = mine.filter(
				(e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'
			);
			const long = tasks.filter((t) => t.dur / 1000 > min);
			const total = long.reduce((s, t) => s + t.dur / 1000 - 50, 0);
			const cat = {};
			for (const e of mine) {
				const k = {
					EvaluateScript: 'script',
					'v8.evaluateModule': 'script',
					FunctionCall: 'fn',
					RunMicrotasks: 'microtasks',
					ParseHTML: 'parseHTML',
					UpdateLayoutTree: 'style',
					Layout: 'layout',
					Paint: 'paint',
					PrePaint: 'paint',
					'v8.compileModule': 'compile',
					'v8.compile': 'compile',
					ParseAuthorStyleSheet: 'css',
					MinorGC: 'gc',
					MajorGC: 'gc'
				}[e.name];
				if (k) cat[k] = (cat[k] ?? 0) + e.dur / 1000;
			}
			const row = (summary[path] ??= []);
			const fcpEv = events.find(
				(e) => e.name === 'firstContentfulPaint' && `${e.pid}:${e.tid}` === main
			);
			const fcp = fcpEv ? fcpEv.ts : t0;
			const lcpEv = events
				.filter(
					(e) => e.name === 'largestContentfulPaint::Candidate' && `${e.pid}:${e.tid}` === main
				)
				.pop();
			const tops = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= fcp);
			const est = tops.reduce((s2, t) => s2 + Math.max(0, (4 * t.dur) / 1000 - 50), 0);
			const big = tops
				.filter((t) => (4 * t.dur) / 1000 > 50)
				.map((t) => {
					const inside = mine.filter(
						(e) =>
							e.ts >= t.ts &&
							e.ts + e.dur <= t.ts + t.dur &&
							[
								'v8.evaluateModule',
								'EvaluateScript',
								'FunctionCall',
								'RunMicrotasks',
								'Layout',
								'UpdateLayoutTree',
								'ParseHTML',
								'TimerFire',
								'FireIdleCallback',
								'v8.compileModule'
							].includes(e.name)
					);
					const top3 = inside
						.sort((a, b) => b.dur - a.dur)
						.slice(0, 2)
						.map(
							(e) =>
								`${e.name}${e.args?.data?.url ? ' ' + short(e.args.data.url) : ''}:${Math.round(e.dur / 1000)}`
						);
					return `${Math.round((t.ts - fcp) / 1000)}+${Math.round(t.dur / 1000)}[${top3.join(',')}]`;
				});
			row.push({
				fcp: Math.round((fcp - t0) / 1000),
				lcp: lcpEv ? Math.round((lcpEv.ts - t0) / 1000) : null,
				tbt4x: Math.round(est),
				tasks: big.join(' '),
				long: Math.round(total),
				...Object.fromEntries(Object.entries(cat).map(([k, v]) => [k, Math.round(v)]))
			});
			console.log(
				`\n=== ${path}: ${long.length} long tasks, TBT-like sum ${Math.round(total)} ms (all tasks ${tasks.length})`
			);
			console.log('   marks:', [...new Set(marks)].join(' '));
			for (const t of long) {
				const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
				const interesting = inside.filter(
					(e) =>
						[
							'EvaluateScript',
							'v8.evaluateModule',
							'FunctionCall',
							'ParseHTML',
							'UpdateLayoutTree',
							'Layout',
							'TimerFire',
							'FireIdleCallback',
							'EventDispatch',
							'v8.compileModule',
							'v8.compile',
							'ParseAuthorStyleSheet',
							'MajorGC',
							'MinorGC',
							'V8.GC_SCAVENGER',
							'FireAnimationFrame',
							'RunMicrotasks',
							'Paint',
							'PrePaint',
							'v8.run',
							'V8.GCFinalizeMC',
							'HitTest',
							'ResourceReceivedData',
							'ScheduleStyleRecalculation',
							'CommitLoad'
						].includes(e.name) && e.dur > 2000
				);
				console.log(
					`-- task @${Math.round((t.ts - t0) / 1000)} ms dur ${Math.round(t.dur / 1000)} ms`
				);
				for (const e of interesting.slice(0, 14)) {
					const d = e.args?.data ?? e.args?.beginData ?? {};
					const what =
						d.url || d.fileName || d.functionName || d.type || d.stackTrace?.[0]?.url || '';
					const fn = d.functionName ? ` fn=${d.functionName}:${d.lineNumber ?? ''}` : '';
					console.log(
						`     ${Math.round((e.ts - t.ts) / 1000)}+${Math.round(e.dur / 1000)} ${e.name} ${short(what)}${fn}`
					);
				}
			}
			writeFileSync(
				join(root, `bench/work/trace${path.replace(/\//g, '_')}.json`),
				JSON.stringify({ traceEvents: events })
			);
		}
} finally {
	console.log('\nSUMMARY (ms, nested categories overlap):');
	for (const [k, v] of Object.entries(summary))
		for (const r of v) console.log(k.padEnd(32), JSON.stringify(r));
	await browser.close();
	server.close();
	skelServer?.close();
	if (skel) rmSync(skel.dir, { recursive: true, force: true });
}
