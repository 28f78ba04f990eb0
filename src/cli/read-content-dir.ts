import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Reads every text file under dir into a record keyed by path relative to cwd (e.g. content/lessons/01-x.md). */
export function readContentDir(dir: string, cwd = process.cwd()): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (/\.(md|ya?ml|json)$/.test(name) && name !== 'README.md')
				out[relative(cwd, full)] = readFileSync(full, 'utf8');
		}
	};
	walk(dir);
	return out;
}
