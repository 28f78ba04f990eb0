import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every prerendered page of the built app, as the URL a learner opens. */
export function builtRoutes(root = 'build'): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) {
				if (name !== '_app' && name !== 'iam-data' && name !== 'schemas') walk(full);
			} else if (name.endsWith('.html') && name !== '404.html') {
				const path = '/' + relative(root, full).replace(/\.html$/, '');
				out.push(path === '/index' ? '/' : path.replace(/\/index$/, ''));
			}
		}
	};
	walk(root);
	return out.sort();
}
