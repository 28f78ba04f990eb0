import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs an npm CLI the way package.json does: through scripts/run-cli.mjs. */
function runCli(entry: string, ...args: string[]) {
	const run = spawnSync(process.execPath, ['scripts/run-cli.mjs', entry, '--', ...args], {
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: run.status, out: run.stdout, err: run.stderr };
}

// The logic of each CLI has its own tests; these check that the entry points really run (an
// entry that only runs under vite-node once printed nothing and exited 0).
describe('the npm CLI entry points run through scripts/run-cli.mjs', () => {
	it('npm run sim plays a scenario and reports its checks', () => {
		const { code, out } = runCli('src/cli/sim.ts', 'content/scenarios/vendor-external-id.yaml');
		expect(out).toMatch(/^content\/scenarios\/vendor-external-id\.yaml \(vendor-external-id: /m);
		expect(out).toMatch(/^\d+ passed, 0 failed$/m);
		expect(code).toBe(0);
	});

	it('npm run sim exits 2 on a file that is not a scenario', () => {
		const { code, out } = runCli('src/cli/sim.ts', 'package.json');
		expect(out).toContain('package.json');
		expect(code).toBe(2);
	});

	it('npm run content:import converts an Aiken file', () => {
		const { code, out } = runCli(
			'src/cli/content-import.ts',
			'tests/fixtures/import/questions.aiken.txt'
		);
		expect(code).toBe(0);
		expect(out).toContain('options:');
	});

	it('runs quietly in a fresh checkout, before svelte-kit sync has written .svelte-kit/tsconfig.json', () => {
		// tsconfig.json extends that file; esbuild warned about it above every content:check.
		const work = mkdtempSync(join(tmpdir(), 'run-cli-fresh-'));
		try {
			copyFileSync('tsconfig.json', join(work, 'tsconfig.json'));
			writeFileSync(join(work, 'hello.ts'), 'const n: number = 2;\nconsole.log(`hello ${n}`);\n');
			const run = spawnSync(process.execPath, [resolve('scripts/run-cli.mjs'), 'hello.ts'], {
				cwd: work,
				encoding: 'utf8',
				timeout: 60_000
			});
			expect(run.stdout).toBe('hello 2\n');
			expect(run.stderr).toBe('');
			expect(run.status).toBe(0);
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	});

	it('runs in a fresh checkout whose tsconfig.json has comments (JSONC)', () => {
		const work = mkdtempSync(join(tmpdir(), 'run-cli-jsonc-'));
		try {
			const config = readFileSync('tsconfig.json', 'utf8').replace(
				'"compilerOptions": {',
				'// compiler options, as editors write them\n\t"compilerOptions": {'
			);
			expect(() => JSON.parse(config)).toThrow();
			writeFileSync(join(work, 'tsconfig.json'), config);
			writeFileSync(join(work, 'hello.ts'), 'const n: number = 2;\nconsole.log(`hello ${n}`);\n');
			const run = spawnSync(process.execPath, [resolve('scripts/run-cli.mjs'), 'hello.ts'], {
				cwd: work,
				encoding: 'utf8',
				timeout: 60_000
			});
			expect(run.stderr).not.toMatch(/SyntaxError/);
			expect(run.stdout).toBe('hello 2\n');
			expect(run.status).toBe(0);
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	});
});
