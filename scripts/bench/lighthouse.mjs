// Lighthouse 12 (default config = the mobile preset: Moto G Power viewport, simulated slow 4G and
// 4x CPU slowdown) for each URL, several runs each, each run in a fresh Chromium launched by
// chrome-launcher, as the Lighthouse CLI does. (One browser for every run scored later runs
// lower — home 96, 93, 92 against 99, 99, 98 fresh, the same build minutes apart — since what a
// long-lived browser carries from earlier runs costs main-thread time in the next one.)
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromeArgs, chromePath } from './browser.mjs';
import { median } from './stats.mjs';

const categories = ['performance', 'accessibility', 'best-practices'];

/**
 * The figures the bench reports from one Lighthouse result, plus the audits that failed; or
 * undefined when the run produced no scores (a runtime error such as NO_FCP).
 */
function summarise(lhr) {
	if (lhr.runtimeError || categories.some((id) => lhr.categories[id]?.score == null))
		return undefined;
	const failing = [];
	for (const id of ['accessibility', 'best-practices']) {
		for (const ref of lhr.categories[id].auditRefs) {
			const audit = lhr.audits[ref.id];
			if (ref.weight > 0 && audit.score !== null && audit.score < 1)
				failing.push(`${id}: ${ref.id}`);
		}
	}
	return {
		performance: Math.round(lhr.categories.performance.score * 100),
		accessibility: Math.round(lhr.categories.accessibility.score * 100),
		bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
		lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
		tbtMs: lhr.audits['total-blocking-time'].numericValue,
		cls: lhr.audits['cumulative-layout-shift'].numericValue,
		failing
	};
}

/** Median of each figure across runs (each figure on its own), and every failing audit seen. */
function combine(runs, errors) {
	const pick = (key) => median(runs.map((r) => r[key]));
	return {
		runs: runs.length,
		performance: pick('performance'),
		accessibility: pick('accessibility'),
		bestPractices: pick('bestPractices'),
		lcpMs: pick('lcpMs'),
		tbtMs: pick('tbtMs'),
		cls: pick('cls'),
		performanceRuns: runs.map((r) => r.performance),
		failing: [...new Set(runs.flatMap((r) => r.failing))],
		errors
	};
}

/**
 * @param {{ key: string, url: string }[]} targets
 * @param {{ runs?: number, log?: (line: string) => void }} options
 * Runs are interleaved (every target once, then again) so drift in machine load spreads evenly.
 */
export async function runLighthouse(targets, { runs = 3, log = () => {}, chromeFlags = [] } = {}) {
	const results = Object.fromEntries(targets.map((t) => [t.key, []]));
	const errors = Object.fromEntries(targets.map((t) => [t.key, []]));
	/** One Lighthouse run in its own browser. */
	const audit = async (url) => {
		const chrome = await chromeLauncher.launch({
			chromePath,
			chromeFlags: ['--headless=new', ...chromeArgs, ...chromeFlags]
		});
		try {
			return await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: categories
			});
		} finally {
			chrome.kill();
		}
	};
	for (let round = 0; round < runs; round++) {
		for (const { key, url } of targets) {
			// A run without scores (it happens now and then on a busy machine) is retried once.
			for (let attempt = 0; attempt < 2; attempt++) {
				const started = Date.now();
				const { lhr } = await audit(url);
				const summary = summarise(lhr);
				const seconds = ((Date.now() - started) / 1000).toFixed(1);
				if (!summary) {
					const message = lhr.runtimeError?.message ?? 'no scores';
					errors[key].push(message);
					log(`lighthouse ${round + 1}/${runs} ${key}: no result (${message})`);
					continue;
				}
				results[key].push(summary);
				log(
					`lighthouse ${round + 1}/${runs} ${key}: perf ${summary.performance}, ` +
						`a11y ${summary.accessibility}, bp ${summary.bestPractices} (${seconds} s)`
				);
				break;
			}
		}
	}
	return Object.fromEntries(Object.entries(results).map(([k, r]) => [k, combine(r, errors[k])]));
}
