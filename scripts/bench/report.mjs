// The bench's terminal report, built from the results object that is also written to JSON.
import { budgetsTable, fmt, pagesTable, table } from './table.mjs';

function domainRows(results) {
	const rows = [];
	const s = results.simulator;
	if (s?.assumeRoleMedianMs !== undefined) {
		rows.push(['simulator: AssumeRole median (budget ≤ 3 ms)', fmt(s.assumeRoleMedianMs, 3)]);
		rows.push([
			'simulator: AssumeRole without explanations, median',
			fmt(s.assumeRoleNoExplainMedianMs, 3)
		]);
		rows.push([
			'simulator: engine clock advance, 1,000 credentials (≤ 16 ms)',
			fmt(s.engineAdvance1000MedianMs, 3)
		]);
		rows.push([
			'simulator: machine clock.advance, 1,000 credentials (≤ 16 ms)',
			fmt(s.machineAdvance1000MedianMs, 3)
		]);
		rows.push([
			'simulator: machine advance expiring all 1,000 at once (no budget)',
			fmt(s.machineExpire1000MedianMs, 1)
		]);
	} else if (s) rows.push(['simulator bench', `failed: ${s.output ?? s.error}`]);
	for (const hook of [results.progress, results.contentCheck].filter(Boolean)) {
		if (!hook.available) rows.push([hook.label, 'not available']);
		else if (hook.result)
			rows.push([`${hook.label} (${hook.script})`, JSON.stringify(hook.result).slice(0, 200)]);
		else
			rows.push([`${hook.label} (${hook.script})`, `no JSON output: ${hook.output ?? hook.error}`]);
	}
	return rows;
}

function explanations(results) {
	const out = [];
	const failing = results.budgets.filter((b) => !b.pass);
	for (const page of Object.values(results.pages)) {
		const misses = failing.filter((b) => b.name.startsWith(`${page.path} `));
		if (!misses.length) continue;
		out.push(
			`${page.path}: misses ${misses.map((m) => m.name.slice(page.path.length + 1)).join('; ')}`
		);
		const lh = page.lighthouse;
		if (lh?.failing.length) out.push(`  failing Lighthouse audits: ${lh.failing.join(', ')}`);
		if (lh)
			out.push(
				`  performance runs ${lh.performanceRuns.join('/')}; LCP ${fmt(lh.lcpMs)} ms vs skeleton ` +
					`${fmt(results.skeleton.lighthouse?.lcpMs)} ms; TBT ${fmt(lh.tbtMs)} ms; CLS ${fmt(lh.cls, 3)}`
			);
		if (page.composition)
			out.push(
				`  JS by package (gzip KB, estimated): ${page.composition.map((c) => `${c.group} ${c.gzipKb}`).join(', ')}`
			);
	}
	return out;
}

export function report(results) {
	const { pages, skeleton, interaction, meta } = results;
	const rows = [...Object.values(pages).map((p) => ({ ...p, label: p.path })), skeleton];
	const parts = [
		`STS Trainer bench — ${meta.date}, ${meta.node}, Chromium ${results.chromium ?? '?'}, ${meta.seconds} s`,
		`JS: ${meta.jsMethod}.`,
		`Lighthouse: ${meta.lighthouseMethod}.`,
		'',
		pagesTable(rows)
	];
	if (skeleton.lighthouseHttp1)
		parts.push(
			'',
			'Lighthouse with the pages served over plain HTTP/1.1 (reported, not judged):',
			table(
				['page', 'perf', 'LCP ms', 'TBT ms', 'runs'],
				rows.map(({ label, lighthouseHttp1: lh }) => [
					label,
					fmt(lh?.performance),
					fmt(lh?.lcpMs),
					fmt(lh?.tbtMs),
					lh?.performanceRuns.join('/') ?? '—'
				])
			)
		);
	if (interaction) {
		const e = interaction.eventTiming;
		parts.push(
			'',
			`Answer → feedback on /quiz/practice, ${interaction.answers} keyboard answers (ms):`,
			table(
				['measure', 'p50', 'p95', 'max', 'first answer'],
				[
					[
						`Event Timing keydown duration (${e.reported} reported, ${e.belowThreshold} under 16 ms)`,
						fmt(e.p50),
						fmt(e.p95),
						fmt(e.max),
						fmt(e.first)
					],
					[
						'after-paint fallback (rAF + message channel)',
						fmt(interaction.afterPaint.p50, 1),
						fmt(interaction.afterPaint.p95, 1),
						fmt(interaction.afterPaint.max, 1),
						''
					]
				]
			)
		);
	}
	const own = results.simulatorOwnJs;
	if (own)
		parts.push(
			'',
			`The simulator page's own JS (${meta.simulatorOwnJsMethod}): ` +
				`${fmt(own.gzipBytesExclIamData / 1024, 1)} KB gzip in ${own.files} files ` +
				`(the simulator page loads ${own.simulatorFullyLoaded.files} script files in all, the home page ` +
				`${own.homeFullyLoaded.files}).` +
				(own.afterFirstStep
					? ` After the learner's first step (its STS operation and the policy evaluation library ` +
						`load when the learner starts to use the page): ${fmt(own.afterFirstStep.gzipBytesExclIamData / 1024, 1)} KB ` +
						`in ${own.afterFirstStep.files} files (no budget).`
					: ''),
			table(
				['file', 'gzip-9 KB'],
				own.detail.map((f) => [
					`${f.path}${f.iamData ? ' (IAM data, not counted)' : ''}`,
					fmt(f.gzip / 1024, 1)
				])
			),
			...(own.composition
				? [
						`  by package (gzip KB, estimated): ${own.composition.map((c) => `${c.group} ${c.gzipKb}`).join(', ')}`
					]
				: []),
			...(own.afterFirstStep?.composition
				? [
						`  after the first step, by package: ${own.afterFirstStep.composition.map((c) => `${c.group} ${c.gzipKb}`).join(', ')}`
					]
				: [])
		);
	const domain = domainRows(results);
	if (domain.length) parts.push('', table(['domain bench', 'ms / result'], domain));
	parts.push('', budgetsTable(results.budgets));
	const why = explanations(results);
	if (why.length) parts.push('', 'Why the misses:', ...why);
	const passed = results.budgets.filter((b) => b.pass).length;
	parts.push('', `${passed}/${results.budgets.length} budgets pass.`);
	return parts.join('\n');
}
