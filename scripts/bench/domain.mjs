// Domain benchmarks, each in its own process so they neither share a JIT nor a heap with the
// browser steps. The simulator's bench lives in this repository; the progress and content-check
// benches are written elsewhere and plugged in here when their scripts exist (see HOOKS).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs a script (vite-node for .ts, node otherwise) and returns its last stdout line that parses
 * as JSON, or its raw output when none does.
 */
function runScript(root, file, args = [], timeoutMs = 5 * 60_000) {
	const viteNode = join(root, 'node_modules/vite-node/dist/cli.mjs');
	const argv = file.endsWith('.ts') ? [viteNode, file, ...args] : [file, ...args];
	const started = Date.now();
	const run = spawnSync(process.execPath, argv, {
		cwd: root,
		encoding: 'utf8',
		timeout: timeoutMs,
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }
	});
	const seconds = (Date.now() - started) / 1000;
	// The report is the last JSON object on stdout: one line, or pretty-printed from a line that
	// starts with "{" to the end (only an object counts: a stray number is not a report).
	const lines = (run.stdout ?? '').trim().split('\n');
	for (let i = lines.length - 1; i >= 0; i--) {
		if (!lines[i].startsWith('{')) continue;
		try {
			const result = JSON.parse(lines.slice(i).join('\n'));
			if (result && typeof result === 'object') return { ok: run.status === 0, seconds, result };
		} catch {
			// not JSON from here: keep looking
		}
	}
	return {
		ok: run.status === 0,
		seconds,
		output: `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n'),
		error: run.error?.message
	};
}

/** The simulator bench: AssumeRole median ≤ 3 ms, clock advance with 1,000 credentials ≤ 16 ms. */
export function simulatorBench(root) {
	const run = runScript(root, 'scripts/bench/sim-bench.ts');
	if (!run.result) return { available: true, ok: false, ...run };
	const r = run.result;
	return {
		available: true,
		ok: run.ok,
		seconds: run.seconds,
		assumeRoleMedianMs: r.assumeRole.medianMs,
		assumeRoleNoExplainMedianMs: r.assumeRoleNoExplain.medianMs,
		engineAdvance1000MedianMs: r.engineAdvance1000.medianMs,
		machineAdvance1000MedianMs: r.machineAdvance1000.medianMs,
		machineExpire1000MedianMs: r.machineExpire1000.medianMs,
		raw: r
	};
}

/**
 * HOOKS for benches other engineers are writing. Each entry: the candidate script paths (the
 * first that exists runs), the arguments, and the fields the table prints from its JSON output.
 * Until a script lands in this tree the row reads "not available".
 */
export const HOOKS = {
	progress: {
		label: 'progress at 100,000 attempts (Chromium)',
		scripts: [
			'scripts/bench-progress.mjs',
			'scripts/bench-progress.js',
			'scripts/bench-progress.ts'
		],
		args: ['--json']
	},
	contentCheck: {
		label: 'content check at 5,000 questions',
		scripts: ['scripts/bench-content-check.ts', 'scripts/bench-content-check.mjs'],
		args: ['--json']
	}
};

export function hookBench(root, name) {
	const hook = HOOKS[name];
	const script = hook.scripts.find((s) => existsSync(join(root, s)));
	if (!script) return { available: false, label: hook.label, note: 'not available' };
	return { available: true, label: hook.label, script, ...runScript(root, script, hook.args) };
}
