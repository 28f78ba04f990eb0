// The budgets, judged against one run's figures. Each verdict keeps its numbers so the
// table (and results.json) show how far off a miss is.
const KB = 1024;

/**
 * @param {Record<string, any>} pages  key → { path, js, lighthouse }
 * @param {any} skeleton              { js, lighthouse }
 * @param {any} simulator             simulatorBench() result
 * @param {any} [simulatorOwnJs]      measureSimulatorOwnJs() result
 */
export function judge(pages, skeleton, simulator, simulatorOwnJs) {
	const verdicts = [];
	const add = (name, value, limit, pass, unit = '') =>
		verdicts.push({ name, value, limit, unit, pass });
	const js = (key) => pages[key]?.js;

	const home = js('home');
	if (home) add('home JS ≤ 60 KB gzip', home.gzipBytes / KB, 60, home.gzipBytes <= 60 * KB, 'KB');
	for (const page of Object.values(pages)) {
		if (!page.js) continue;
		const kb = page.js.gzipBytesExclIamData / KB;
		add(`${page.path} JS ≤ 120 KB gzip (excl. /iam-data/)`, kb, 120, kb <= 120, 'KB');
	}
	if (simulatorOwnJs) {
		const kb = simulatorOwnJs.gzipBytesExclIamData / KB;
		add(
			`${simulatorOwnJs.path} own JS (engine ready, minus home fully loaded) ≤ 60 KB gzip`,
			kb,
			60,
			kb <= 60,
			'KB'
		);
	}
	const floor = skeleton?.lighthouse?.performance;
	for (const page of Object.values(pages)) {
		const lh = page.lighthouse;
		if (!lh) continue;
		add(`${page.path} accessibility = 100`, lh.accessibility, 100, lh.accessibility === 100);
		add(`${page.path} best practices = 100`, lh.bestPractices, 100, lh.bestPractices === 100);
		if (floor !== undefined)
			add(
				`${page.path} performance ≥ skeleton − 3`,
				lh.performance,
				floor - 3,
				lh.performance >= floor - 3
			);
	}
	if (simulator?.assumeRoleMedianMs !== undefined) {
		const s = simulator;
		add(
			'simulator AssumeRole median ≤ 3 ms',
			s.assumeRoleMedianMs,
			3,
			s.assumeRoleMedianMs <= 3,
			'ms'
		);
		const worst = Math.max(s.engineAdvance1000MedianMs, s.machineAdvance1000MedianMs);
		add('simulator clock advance, 1,000 credentials ≤ 16 ms', worst, 16, worst <= 16, 'ms');
	}
	return verdicts;
}
