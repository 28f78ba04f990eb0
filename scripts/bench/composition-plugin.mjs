// A Vite plugin that records what each client chunk is made of (rendered bytes per module), so
// the bench can say why a page is heavy. Output: { [chunkFile]: { [moduleId]: renderedBytes } }
// with ids shortened to node_modules/<pkg>/… or a path relative to the project.
import { writeFileSync } from 'node:fs';

/** node_modules/<pkg> (scoped too) → <pkg>; src/lib/<folder>/… → src/lib/<folder>; else the id. */
export function moduleGroup(id) {
	const pkg = id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
	if (pkg) return pkg[1];
	const src = id.match(/^src\/(lib\/[^/]+|routes)\//);
	if (src) return `src/${src[1]}`;
	return id;
}

const shorten = (id, root) =>
	id
		.replace(/\?.*$/, '')
		.replace(/^\0/, '')
		.replace(/^.*node_modules\//, 'node_modules/')
		.replace(`${root}/`, '');

/** @param {string} outFile */
export function compositionPlugin(outFile) {
	let root = process.cwd();
	return {
		name: 'bench-composition',
		apply: 'build',
		configResolved(config) {
			root = config.root;
		},
		generateBundle(_options, bundle) {
			const chunks = {};
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk' || !chunk.fileName.startsWith('_app/immutable/')) continue;
				const modules = {};
				for (const [id, info] of Object.entries(chunk.modules))
					if (info.renderedLength) modules[shorten(id, root)] = info.renderedLength;
				chunks[chunk.fileName] = modules;
			}
			// The server build has no _app/immutable chunks; only the client build writes the file.
			if (Object.keys(chunks).length) writeFileSync(outFile, JSON.stringify(chunks, null, '\t'));
		}
	};
}
