// Measures the progress store in real Chromium (its IndexedDB, not fake-indexeddb in Node):
// 100,000 attempts across 2,000 questions, then dashboard load, recordAnswer and export.
//
//   npm run build && npm run bench:progress [-- --attempts N --questions N --samples N]
//   npm run bench:progress -- --port 4174     # against a build you serve yourself instead
//
// It needs a built app (build/, from `npm run build`) and refuses to start without one. By
// default it serves build/ itself, in this process, on a free port chosen by the OS, so it
// never depends on (or collides with) a server someone else left on a fixed port: an earlier
// version went to port 4174 by default, and inside `npm run bench` (which serves on its own
// ports) it timed out navigating to whatever was, or was not, listening there. With --port it
// uses that server instead, and says plainly when nothing usable answers there.
//
// It builds nothing of the app: it bundles only src/lib/progress/bench.ts (with Vite, in
// memory) into a script and serves it at the app's origin through Playwright's request
// routing, opens a page of the served app and loads the script there, so the benchmark runs
// under the app's own Content-Security-Policy (which, for one, keeps zod from compiling its
// validators with `new Function`: export validation is measured as learners get it).
// `runProgressBench` then uses `window.indexedDB`. Prints one JSON object (on one line with
// --json, as `npm run bench` asks); the budgets are reported next to the numbers, never
// asserted.
//
// Timings depend on the machine and on what else runs on it, so the same run also measures
// the platform floor on the same database: a bare IndexedDB read-write transaction with
// recordAnswer's I/O (seven reads, then the attempt added and four rows put), run right after
// each recordAnswer sample so both see the same load (runProgressBench does it), and a bare
// getAll() of the stored answers (pages and tail); they bound what the store can reach here. The load average is
// printed too.
import { existsSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, type Rollup } from 'vite';
import type { BenchResult } from '../src/lib/progress/bench';
import { serveStatic } from './serve-static.mjs';

const BUDGETS = { dashboardReadyMs: 150, recordAnswerP95Ms: 5, exportMs: 2000 } as const;

function option(name: string, fallback: number): number;
function option(name: string, fallback: undefined): number | undefined;
function option(name: string, fallback: number | undefined): number | undefined {
	const args = process.argv.slice(2);
	const i = args.indexOf(`--${name}`);
	const value = i >= 0 ? Number(args[i + 1]) : fallback;
	if (value === undefined) return undefined;
	if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
	return value;
}

/** The app's origin: build/ served here on a free port, or the server given with --port. */
async function appOrigin(port: number | undefined): Promise<{ origin: string; close(): void }> {
	if (port !== undefined) return { origin: `http://127.0.0.1:${port}`, close: () => {} };
	const buildDir = fileURLToPath(new URL('../build', import.meta.url));
	if (!existsSync(`${buildDir}/index.html`))
		throw new Error(`no built app in ${buildDir}: run \`npm run build\` first`);
	const server: Server = await serveStatic(buildDir, { port: 0 });
	const { port: chosen } = server.address() as AddressInfo;
	return { origin: `http://127.0.0.1:${chosen}`, close: () => server.close() };
}

/** bench.ts and what it imports (Dexie, zod, ts-fsrs) as one classic script. */
async function bundleBench(): Promise<string> {
	const entry = fileURLToPath(new URL('../src/lib/progress/bench.ts', import.meta.url));
	const out = (await build({
		configFile: false,
		logLevel: 'error',
		define: { 'process.env.NODE_ENV': JSON.stringify('production') },
		build: {
			write: false,
			minify: true,
			target: 'es2022',
			lib: { entry, formats: ['iife'], name: 'progressBench', fileName: 'bench' }
		}
	})) as Rollup.RollupOutput[] | Rollup.RollupOutput;
	const chunk = (Array.isArray(out) ? out[0]! : out).output[0];
	return chunk.code;
}

/**
 * Runs in the page on the database the benchmark kept, then deletes it: a bare getAll() of
 * the attempts (no Dexie, no validation), what the browser itself needs to read them.
 */
async function platformFloor({ dbName }: { dbName: string }) {
	const done = <T>(r: IDBRequest<T>) =>
		new Promise<T>((resolve, reject) => {
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
	const db = await done(indexedDB.open(dbName));
	const start = performance.now();
	// Every answer as stored (schema v2): the pages and the unsealed tail, in one transaction.
	const tx = db.transaction(['attemptPages', 'attempts']);
	await Promise.all([
		done(tx.objectStore('attemptPages').getAll()),
		done(tx.objectStore('attempts').getAll())
	]);
	const getAllMs = performance.now() - start;
	db.close();
	await done(indexedDB.deleteDatabase(dbName));
	return { getAllMs };
}

const port = option('port', undefined);
const attempts = option('attempts', 100_000);
const questions = option('questions', 2_000);
const recordSamples = option('samples', 300);

const script = await bundleBench();
const app = await appOrigin(port);
const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
});
try {
	// No service worker: precaching the app would compete with the benchmark for the CPU.
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.route('**/__bench/progress-bench.js', (route) =>
		route.fulfill({ contentType: 'text/javascript', body: script })
	);
	const page = await context.newPage();
	page.on('pageerror', (e) => console.error('page error:', e.message));
	const where = `${app.origin}/glossary`;
	const res = await page.goto(where, { timeout: 20_000 }).catch((e: Error) => {
		throw new Error(
			`could not open ${where} (${e.message.split('\n')[0]}): is build/ served there?`
		);
	});
	if (!res?.ok()) throw new Error(`${where} answered ${res?.status()}: is build/ served there?`);
	await page.locator('body.started').waitFor({ timeout: 20_000 });
	await page.addScriptTag({ url: '/__bench/progress-bench.js' });
	const dbName = `sts-trainer-bench-${attempts}`;
	const loadBefore = loadavg()[0]!;
	const result = await page.evaluate(
		(opts) => {
			const bench = (
				globalThis as unknown as {
					progressBench: typeof import('../src/lib/progress/bench');
				}
			).progressBench;
			return bench.runProgressBench({ idb: { indexedDB, IDBKeyRange }, keep: true, ...opts });
		},
		{ attempts, questions, recordSamples, dashboardRuns: 9, dbName }
	);
	const floor = await page.evaluate(platformFloor, { dbName });
	const r: BenchResult = result;
	const measured = {
		dashboardReadyMs: r.dashboardColdMs,
		recordAnswerP95Ms: r.recordAnswerP95Ms,
		exportMs: r.exportMs
	};
	const round = (x: number) => Math.round(x * 10) / 10;
	console.log(
		JSON.stringify(
			{
				browser: `Chromium ${browser.version()}`,
				attempts: r.attempts,
				questions: r.questions,
				dashboardReadyMs: round(measured.dashboardReadyMs),
				dashboardWarmMedianMs: round(r.dashboardWarmMedianMs),
				dueCardsMs: round(r.dueCardsMs),
				recordAnswerP50Ms: round(r.recordAnswerP50Ms),
				recordAnswerP95Ms: round(measured.recordAnswerP95Ms),
				exportMs: round(measured.exportMs),
				exportBytes: r.exportBytes,
				exportReadAttemptsMs: round(r.exportReadAttemptsMs),
				exportSerializeMs: round(r.exportSerializeMs),
				generateMs: round(r.generateMs),
				seedMs: round(r.seedMs),
				platformFloor: {
					idbReadWriteTxP50Ms: round(r.bareTxP50Ms),
					idbReadWriteTxP95Ms: round(r.bareTxP95Ms),
					idbGetAllAttemptsMs: round(floor.getAllMs)
				},
				loadAverage1m: { before: loadBefore, after: loadavg()[0]! },
				budgets: BUDGETS,
				withinBudget: Object.fromEntries(
					Object.entries(BUDGETS).map(([k, limit]) => [
						k,
						measured[k as keyof typeof BUDGETS] <= limit
					])
				)
			},
			null,
			// --json (what `npm run bench` passes): one line, since scripts/bench/domain.mjs reports
			// the last stdout line that parses as JSON; pretty-printed for a person otherwise.
			process.argv.includes('--json') ? undefined : 2
		)
	);
} finally {
	await browser.close();
	app.close();
}
