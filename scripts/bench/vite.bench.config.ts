// The project's Vite config plus the composition recorder; `npm run build -- --config` this file
// builds exactly the same site and also writes bench/work/composition.json.
import { mkdirSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vite';
import base from '../../vite.config';
import { compositionPlugin } from './composition-plugin.mjs';

mkdirSync('bench/work', { recursive: true });

export default mergeConfig(
	base,
	defineConfig({ plugins: [compositionPlugin('bench/work/composition.json')] })
);
