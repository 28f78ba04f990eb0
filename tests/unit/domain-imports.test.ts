// The domain modules (simulator, quiz, content, progress) are plain TypeScript that the CLI, the
// benches and Node tools bundle without SvelteKit: they import each other by relative path, never
// through the `$lib` alias (which only SvelteKit's Vite config resolves), and never Svelte.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAINS = ['src/lib/sts', 'src/lib/quiz', 'src/lib/content', 'src/lib/progress'];

describe('domain modules', () => {
	for (const dir of DOMAINS) {
		it(`${dir} imports neither $lib nor svelte`, () => {
			const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
			expect(files.length).toBeGreaterThan(0);
			const bad = files.flatMap((f) =>
				readFileSync(join(dir, f), 'utf8')
					.split('\n')
					.filter((line) => /^\s*(import|export)\b.*from\s+['"](\$lib|svelte)/.test(line))
					.map((line) => `${f}: ${line.trim()}`)
			);
			expect(bad).toEqual([]);
		});
	}
});
