// npm run bench: builds the app and a bare SvelteKit skeleton, then measures both side by side —
// JS before hydration, the simulator page's own JS, Lighthouse (mobile), answer→feedback latency, the domain benches — judges
// the budgets, prints tables and writes bench/results.json.
// Options: --skip-build (reuse build/ and bench/work/composition.json), --runs N (Lighthouse
// runs per page, default 3), --answers N (default 50), --only js,lighthouse,interaction,domain,
// --strict (exit 1 when a budget fails; off by default because timings are noisy),
// --lh-protocol h2|http1|both (how Lighthouse's pages are served, default h2: HTTPS + HTTP/2 as
// static hosts serve them; http1 is the plain local server; both judges h2 and reports http1 too).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic, serveStaticOverTls } from '../serve-static.mjs';
import { launchBrowser } from './browser.mjs';
import { judge } from './budgets.mjs';
import { loadComposition, pageComposition } from './composition.mjs';
import { hookBench, simulatorBench } from './domain.mjs';
import { measureInteraction } from './interaction.mjs';
import { measureJs, measureSimulatorOwnJs } from './js-weight.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { buildSkeleton } from './skeleton.mjs';
import { report } from './report.mjs';
import { selfSignedCert } from './tls-cert.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : fallback;
};
const only = new Set(
	option('only', 'js,lighthouse,interaction,domain')
		.split(',')
		.map((s) => s.trim())
);
const runs = Number(option('runs', 3));
const answers = Number(option('answers', 50));
const port = Number(process.env.BENCH_PORT ?? 4190);
const lhProtocol = option('lh-protocol', 'h2');
if (!['h2', 'http1', 'both'].includes(lhProtocol))
	throw new Error(`--lh-protocol must be h2, http1 or both, not ${lhProtocol}`);

export const PAGES = [
	{ key: 'home', path: '/' },
	{ key: 'lesson', path: '/lessons/assume-role' },
	{ key: 'practice', path: '/quiz/practice' },
	{ key: 'exam', path: '/quiz/exam' },
	{ key: 'simulator', path: '/simulator/vendor-external-id' }
];

const t0 = Date.now();
const log = (line) => console.error(`[bench ${((Date.now() - t0) / 1000).toFixed(0)}s] ${line}`);

function buildApp() {
	log('npm run build (with the composition recorder)');
	const run = spawnSync(
		'npm',
		['run', 'build', '--', '--config', 'scripts/bench/vite.bench.config.ts'],
		{ cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
	);
	if (run.status !== 0) {
		console.error(`${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-40).join('\n'));
		throw new Error('npm run build failed');
	}
}

mkdirSync(join(root, 'bench/work'), { recursive: true });
if (!args.includes('--skip-build')) buildApp();
const skeleton = buildSkeleton(root, { log });
const appServer = await serveStatic(join(root, 'build'), { port });
const skeletonServer = await serveStatic(skeleton.build, { port: port + 1 });
const app = `http://127.0.0.1:${port}`;
let appTlsServer, skeletonTlsServer;
const floor = `http://127.0.0.1:${port + 1}`;

const pages = Object.fromEntries(PAGES.map((p) => [p.key, { ...p }]));
const base = { path: '/', label: 'skeleton (floor)' };
const results = { pages, skeleton: base };
try {
	const browser = await launchBrowser();
	results.chromium = browser.version();
	try {
		if (only.has('js')) {
			for (const page of PAGES) {
				pages[page.key].js = await measureJs(browser, app, page.path);
				log(`JS ${page.path}: ${(pages[page.key].js.gzipBytes / 1024).toFixed(1)} KB gzip`);
			}
			base.js = await measureJs(browser, floor, '/');
			log(`JS skeleton: ${(base.js.gzipBytes / 1024).toFixed(1)} KB gzip`);
			results.simulatorOwnJs = await measureSimulatorOwnJs(browser, app, pages.simulator.path);
			log(
				`simulator's own JS: ${(results.simulatorOwnJs.gzipBytesExclIamData / 1024).toFixed(1)} KB gzip`
			);
		}
		if (only.has('interaction')) {
			log(`answering ${answers} practice questions`);
			results.interaction = await measureInteraction(browser, app, answers);
		}
	} finally {
		await browser.close();
	}
	if (only.has('lighthouse')) {
		/** Lighthouse on every page and the skeleton, served from these two origins. */
		const lighthouseAt = (appOrigin, floorOrigin, chromeFlags = []) =>
			runLighthouse(
				[
					...PAGES.map((p) => ({ key: p.key, url: appOrigin + p.path })),
					{ key: 'skeleton', url: `${floorOrigin}/` }
				],
				{ runs, log, chromeFlags }
			);
		if (lhProtocol !== 'http1') {
			// Static hosts serve HTTPS with HTTP/2, and Lighthouse's simulation models the two
			// protocols differently (HTTP/1.1: six connections per origin, a round trip per file;
			// HTTP/2: one multiplexed connection), so the pages are measured as they are deployed.
			// The same servers, certificate and flags serve the skeleton.
			const tls = selfSignedCert();
			appTlsServer = await serveStaticOverTls(join(root, 'build'), { port: port + 2, tls });
			skeletonTlsServer = await serveStaticOverTls(skeleton.build, { port: port + 3, tls });
			log('Lighthouse over HTTPS + HTTP/2');
			const lh = await lighthouseAt(
				`https://127.0.0.1:${port + 2}`,
				`https://127.0.0.1:${port + 3}`,
				['--ignore-certificate-errors']
			);
			for (const page of PAGES) pages[page.key].lighthouse = lh[page.key];
			base.lighthouse = lh.skeleton;
		}
		if (lhProtocol !== 'h2') {
			log('Lighthouse over plain HTTP/1.1');
			const lh = await lighthouseAt(app, floor);
			const key = lhProtocol === 'http1' ? 'lighthouse' : 'lighthouseHttp1';
			for (const page of PAGES) pages[page.key][key] = lh[page.key];
			base[key] = lh.skeleton;
		}
	}
} finally {
	appServer.close();
	skeletonServer.close();
	appTlsServer?.close();
	skeletonTlsServer?.close();
	rmSync(skeleton.dir, { recursive: true, force: true });
}
if (only.has('domain')) {
	log('simulator domain bench');
	results.simulator = simulatorBench(root);
	for (const name of ['progress', 'contentCheck']) {
		log(`${name} bench hook`);
		results[name] = hookBench(root, name);
	}
}

const composition = loadComposition(join(root, 'bench/work/composition.json'));
for (const page of Object.values(pages)) page.composition = pageComposition(composition, page.js);
if (results.simulatorOwnJs) {
	results.simulatorOwnJs.composition = pageComposition(composition, results.simulatorOwnJs, 12);
	const after = results.simulatorOwnJs.afterFirstStep;
	if (after) after.composition = pageComposition(composition, after, 12);
}
results.budgets = judge(pages, base, results.simulator, results.simulatorOwnJs);
results.meta = {
	date: new Date().toISOString(),
	node: process.version,
	seconds: Math.round((Date.now() - t0) / 1000),
	lighthouseRuns: runs,
	jsMethod:
		'every script whose request started before the layout\'s "app:hydrated" performance mark (Resource Timing; modulepreloads count), service worker blocked; each decoded body gzipped here with zlib level 9 (the server also gzips, at the default level: "transfer")',
	simulatorOwnJsMethod:
		'scripts the simulator page loads until its engine is ready (.sim[data-ready=true]) and the network is idle, minus the files the home page loads when fully loaded (storage checked, network idle); /iam-data/ excluded',
	lighthouseMethod: `Lighthouse 12 default (mobile) config, simulated throttling, a fresh Chromium per run; median of ${runs} runs per figure; pages served over ${lhProtocol === 'http1' ? 'plain HTTP/1.1' : 'HTTPS + HTTP/2 (self-signed certificate, as static hosts serve them)'}${lhProtocol === 'both' ? '; the HTTP/1.1 figures are reported apart' : ''}`,
	interactionMethod:
		'Event Timing duration of the submitting keydown (durationThreshold 16; unreported = <16 ms), and rAF + message-channel after-paint time as a fallback'
};
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, '\t'));
console.log(report(results));
log('wrote bench/results.json');
if (args.includes('--strict') && results.budgets.some((b) => !b.pass)) process.exit(1);
