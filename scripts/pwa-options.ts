import type { SvelteKitPWAOptions } from '@vite-pwa/sveltekit';

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
		// In-app navigations fetch page data as `…/__data.json?x-sveltekit-invalidated=01` (and
		// `x-sveltekit-trailing-slash=1` for /): the precached file answers whatever these say, as
		// a static host does, so they are ignored when matching the precache (else every in-app
		// link to a page with data failed offline).
		ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^x-sveltekit-/],
		navigateFallback: null,
		// Every page is precached, so a navigation that reaches this route is to an address the
		// app does not have (or, after a deploy, one this version does not know yet): it goes to
		// the network as without a worker, and offline gets the precached 404 page
		// (src/routes/404) instead of the browser's error page.
		runtimeCaching: [
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
