// Why a page weighs what it does: the modules in each chunk it loaded (recorded at build time
// by composition-plugin.mjs), grouped by package or src folder. Rollup reports rendered bytes
// before minification, so each chunk's gzip bytes are shared out in proportion: an estimate.
import { existsSync, readFileSync } from 'node:fs';
import { moduleGroup } from './composition-plugin.mjs';

export function loadComposition(file) {
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Top groups of a page's pre-hydration JS, in estimated gzip KB. */
export function pageComposition(composition, jsResult, top = 8) {
	if (!composition || !jsResult) return undefined;
	const groups = {};
	for (const file of jsResult.detail) {
		const modules = composition[file.path.replace(/^\//, '')];
		if (!modules) {
			groups['(not in build map)'] = (groups['(not in build map)'] ?? 0) + file.gzip;
			continue;
		}
		const total = Object.values(modules).reduce((a, b) => a + b, 0) || 1;
		for (const [id, bytes] of Object.entries(modules)) {
			const group = moduleGroup(id);
			groups[group] = (groups[group] ?? 0) + (file.gzip * bytes) / total;
		}
	}
	return Object.entries(groups)
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([group, bytes]) => ({ group, gzipKb: Math.round((bytes / 1024) * 10) / 10 }));
}
