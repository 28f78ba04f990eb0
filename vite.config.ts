import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { compileHints } from './scripts/compile-hints';
import { pwaOptions } from './scripts/pwa-options';

export default defineConfig({
	plugins: [
		sveltekit(),
		...(process.env.VITEST ? [] : SvelteKitPWA(pwaOptions)),
		...(process.env.NO_COMPILE_HINTS ? [] : [compileHints()])
	],
	define: {
		// iam-simulate fetches its IAM data files on demand from this root (served from static/).
		'import.meta.env.IAM_DATA_ROOT': JSON.stringify('/iam-data/')
	},
	build: {
		// Terser, two passes, instead of esbuild's minifier: 1.3 KB gzip less on the home page
		// (whose budget is 60 KB) and 2.9 KB less on the simulator page, for ~18 s more CPU per
		// build (two builds run in `npm test`; CI stays far under its 15 minutes).
		minify: 'terser',
		terserOptions: { compress: { passes: 2 }, format: { comments: false } },
		rollupOptions: {
			treeshake: {
				// The @cloud-copilot packages are ESM without a `sideEffects` field, so Rollup keeps
				// module-level code it cannot prove pure (e.g. iam-data's global condition key tables,
				// built with .reduce at import time) even when nothing imports from the module.
				moduleSideEffects: (id) => !/[\\/]node_modules[\\/]@cloud-copilot[\\/]/.test(id)
			}
		}
	},
	server: { fs: { allow: ['content'] } },
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		restoreMocks: true,
		// CI machines have 2 cores shared with a browser; slow is not wrong (budgets live in npm run bench).
		testTimeout: 30_000
	}
});
