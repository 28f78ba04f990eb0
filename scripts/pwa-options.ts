import type { SvelteKitPWAOptions } from '@vite-pwa/sveltekit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isTrailingSlashNavigation, redirectWithoutTrailingSlash } from './sw-trailing-slash';

/** A precache revision for a file: its content hash, so a changed file is fetched again. */
function fileRevision(path: string): string {
	return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
}

/**
 * Service worker and manifest settings. `base`/`scope` are '/' so that nested routes register
 * /sw.js rather than ./sw.js relative to the page (which 404s).
 */
export const pwaOptions: Partial<SvelteKitPWAOptions> = {
	base: '/',
	scope: '/',
	registerType: 'prompt',
	injectRegister: false,
	strategies: 'generateSW',
	manifest: false,
	workbox: {
		globPatterns: [
			'client/**/*.{js,css,ico,png,svg,webp,woff,woff2,json,webmanifest}',
			'prerendered/**/*.{html,json}'
		],
		maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
		// A static host answers every address with its file whatever the query says, and so does
		// the precache: all parameters are ignored when matching it. Pages read theirs in the
		// browser (/search?q=…, /quiz/practice?topic=…), and in-app navigations fetch page data as
		// `…/__data.json?x-sveltekit-invalidated=01`; matching only some parameters sent those
		// addresses to the network, which offline meant the 404 page.
		ignoreURLParametersMatching: [/./],
		// The plugin leaves the web app manifest out of the precache when it does not write the
		// manifest itself (`manifest: false`); without it every offline page load logs a failed fetch.
		additionalManifestEntries: [
			{ url: 'manifest.webmanifest', revision: fileRevision('static/manifest.webmanifest') }
		],
		navigateFallback: null,
		// Every page is precached, so a navigation that reaches this route is to an address the
		// app does not have (or, after a deploy, one this version does not know yet): it goes to
		// the network as without a worker, and offline gets the precached 404 page
		// (src/routes/404) instead of the browser's error page.
		runtimeCaching: [
			// "/lessons/" → 308 "/lessons", as the host redirects (before the route below, which would
			// send it to the network, and offline to the 404 page).
			{ urlPattern: isTrailingSlashNavigation, handler: redirectWithoutTrailingSlash },
			{
				urlPattern: ({ request }) => request.mode === 'navigate',
				handler: 'NetworkOnly',
				options: { precacheFallback: { fallbackURL: '/404' } }
			}
		],
		// The first worker takes control at once, so the very first visit is already offline-ready;
		// later versions still wait (no skipWaiting) until the learner chooses to reload.
		clientsClaim: true,
		cleanupOutdatedCaches: true
	},
	kit: { includeVersionFile: true }
};
