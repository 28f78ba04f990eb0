// Runs one of the TypeScript command-line tools (src/cli/*.ts, scripts/bench-content-check.ts):
// esbuild bundles the entry point and the project modules it imports into one ES module (packages
// stay external, loaded from node_modules as usual), which Node then runs. Start-up takes about
// 0.1 s, where vite-node spent over a second transforming module after module through Vite: most of
// a `content:check` run on a small content folder.
//
// Usage: node scripts/run-cli.mjs FILE.ts [ARGS...]
// Stack traces point into the bundle; for debugging, run the file with `npx vite-node FILE.ts`.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error('usage: node scripts/run-cli.mjs FILE.ts [ARGS...]');
	process.exit(2);
}
// Inside the project (git-ignored), so that the bundle's imports of packages resolve to node_modules.
const dir = resolve('.svelte-kit', 'cli');
const outfile = join(dir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
mkdirSync(dir, { recursive: true });
// tsconfig.json extends .svelte-kit/tsconfig.json, which only `svelte-kit sync` (run by `npm run
// dev`, `build` and `check`) writes. Until then, in a fresh checkout, esbuild would print a
// "Cannot find base config file" warning above every `content:check`; the project's own compiler
// options are all the bundle needs. tsconfig.json may hold comments or trailing commas (JSONC),
// which JSON.parse refuses: then esbuild reads the file itself, as it reads JSONC, and the
// warning is the only cost.
const ownConfig = resolve('tsconfig.json');
let tsconfigRaw;
if (existsSync(ownConfig) && !existsSync(resolve('.svelte-kit', 'tsconfig.json'))) {
	try {
		const { compilerOptions = {} } = JSON.parse(readFileSync(ownConfig, 'utf8'));
		tsconfigRaw = { compilerOptions };
	} catch {
		tsconfigRaw = undefined;
	}
}
await build({
	entryPoints: [entry],
	...(tsconfigRaw ? { tsconfigRaw } : {}),
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	logLevel: 'warning'
});
process.argv = [process.argv[0], resolve(entry), ...args];
try {
	await import(pathToFileURL(outfile).href);
} finally {
	rmSync(outfile, { force: true });
}
