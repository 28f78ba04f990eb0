// Plain-text tables for the terminal.
const fmt = (v, digits = 0) =>
	v === undefined || v === null ? '—' : typeof v === 'number' ? v.toFixed(digits) : String(v);

/** Left-aligned first column, right-aligned others. */
export function table(header, rows) {
	const cells = [header, ...rows].map((r) => r.map((c) => String(c)));
	const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
	const line = (r) =>
		r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	return [
		line(cells[0]),
		widths.map((w) => '─'.repeat(w)).join('  '),
		...cells.slice(1).map(line)
	].join('\n');
}

export function pagesTable(rows) {
	return table(
		[
			'page',
			'JS gzip-9 KB',
			'transfer KB',
			'files',
			'perf',
			'a11y',
			'best pr.',
			'LCP ms',
			'TBT ms',
			'CLS'
		],
		rows.map(({ label, js, lighthouse: lh }) => [
			label,
			fmt(js && js.gzipBytes / 1024, 1),
			fmt(js && js.transferBytes / 1024, 1),
			fmt(js?.files),
			fmt(lh?.performance),
			fmt(lh?.accessibility),
			fmt(lh?.bestPractices),
			fmt(lh?.lcpMs),
			fmt(lh?.tbtMs),
			fmt(lh?.cls, 3)
		])
	);
}

export function budgetsTable(verdicts) {
	return table(
		['budget', 'measured', 'limit', 'verdict'],
		verdicts.map((v) => [
			v.name,
			`${fmt(v.value, v.unit ? 1 : 0)} ${v.unit}`.trim(),
			`${fmt(v.limit, v.unit ? 1 : 0)} ${v.unit}`.trim(),
			v.pass ? 'pass' : 'FAIL'
		])
	);
}

export { fmt };
