import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// BUILD_DIR: where the static site is written (default build/); the update test builds a second
// version into build-next/. BUILD_ID: the version name, which the service worker and
// `_app/version.json` carry, backups record and the footer shows. By default it is the package
// version with the build time as SemVer build metadata, e.g. 0.1.0+20261128T124012Z: readable,
// and different for every build, which is what update detection needs.
const outDir = process.env.BUILD_DIR || 'build';
const packageVersion = JSON.parse(
	readFileSync(new URL('./package.json', import.meta.url), 'utf8')
).version;
const builtAt = new Date()
	.toISOString()
	.replace(/[-:]/g, '')
	.replace(/\.\d+Z$/, 'Z');
// A build evaluates this file more than once (Vite's plugin, the prerender worker): the name is
// fixed in the environment on the first evaluation, which the later ones inherit, so that the
// prerendered pages and the client bundle carry the same one (else no page hydrates).
process.env.BUILD_ID ||= `${packageVersion}+${builtAt}`;
const buildId = process.env.BUILD_ID;

// The one inline script of src/app.html (the theme, applied before first paint): its hash goes
// into script-src, computed from the file itself so that the two cannot drift apart.
const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
const inlineScripts = [...appHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const inlineScriptHashes = inlineScripts.map(
	(body) =>
		/** @type {`sha256-${string}`} */ (
			`sha256-${createHash('sha256').update(body).digest('base64')}`
		)
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: outDir, assets: outDir, fallback: undefined, strict: true }),
		version: { name: buildId },
		// Absolute asset paths: build/404.html (src/routes/404) is served for any unknown address,
		// e.g. /lessons/nope, where the default page-relative paths (./_app/…) would not resolve.
		paths: { relative: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Strict CSP: SvelteKit hashes its own inline bootstrap script into the prerendered pages.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', ...inlineScriptHashes],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
