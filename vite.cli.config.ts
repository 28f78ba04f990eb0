// Vite config for the command-line tools run with vite-node (content:check, content:pack,
// content:import, sim, bench:content). It has none of vite.config.ts's plugins: loading SvelteKit
// (svelte-kit sync, TypeScript) and the PWA plugin took about half of a `content:check` run. The CLI
// code needs none of them: it imports no `$lib`, `$app` or virtual modules.
import { defineConfig } from 'vite';

export default defineConfig({ logLevel: 'warn' });
