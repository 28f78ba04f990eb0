// The floor: a bare SvelteKit app (one prerendered page, adapter-static) built with the same
// installed versions, so the app's figures can be read against what SvelteKit itself costs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const files = {
	'package.json': JSON.stringify({ name: 'bench-skeleton', private: true, type: 'module' }),
	'svelte.config.js': `import adapter from '@sveltejs/adapter-static';
export default { kit: { adapter: adapter() } };
`,
	'vite.config.js': `import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
export default defineConfig({ plugins: [sveltekit()] });
`,
	'src/app.html': `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<link rel="icon" href="data:," />
		<meta name="description" content="A bare SvelteKit page, the floor for the STS Trainer bench." />
		%sveltekit.head%
	</head>
	<body>
		<div style="display: contents">%sveltekit.body%</div>
	</body>
</html>
`,
	'src/routes/+layout.ts': 'export const prerender = true;\n',
	// The same hydration signal as the app's layout, so both are measured the same way.
	'src/routes/+page.svelte': `<script>
	import { onMount } from 'svelte';
	onMount(() => {
		performance.mark('app:hydrated');
		document.body.classList.add('started');
	});
</script>

<svelte:head><title>SvelteKit skeleton</title></svelte:head>

<main>
	<h1>SvelteKit skeleton</h1>
	<p>One prerendered page with adapter-static and nothing else: the floor for the bench.</p>
</main>
`
};

/**
 * Writes the skeleton into a temp dir whose node_modules links to the project's, builds it with
 * `vite build` and returns the directory adapter-static wrote.
 */
export function buildSkeleton(projectRoot, { log = () => {} } = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'sts-bench-skeleton-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), text);
	}
	const modules = realpathSync(join(projectRoot, 'node_modules'));
	symlinkSync(modules, join(dir, 'node_modules'), 'dir');
	log(`building the skeleton in ${dir}`);
	execFileSync(process.execPath, [join(modules, 'vite/bin/vite.js'), 'build'], {
		cwd: dir,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	return { dir, build: join(dir, 'build') };
}
