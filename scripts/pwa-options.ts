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
		navigateFallback: null,
		// The first worker takes control at once, so the very first visit is already offline-ready;
		// later versions still wait (no skipWaiting) until the learner chooses to reload.
		clientsClaim: true,
		cleanupOutdatedCaches: true
	},
	kit: { includeVersionFile: true }
};
