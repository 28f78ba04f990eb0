// Runs npm scripts at the same time and fails if any fails: `node scripts/run-parallel.mjs check lint`.
// For single-threaded steps (svelte-check, prettier, eslint), which on a two-core machine leave a
// core idle when run one after the other. Each script's output is printed whole when it ends, so
// the logs do not interleave; each line of the summary gives its exit code and time.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
	console.error('usage: node scripts/run-parallel.mjs <npm script>...');
	process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn(npm, ['run', '--silent', script], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' }
		});
		const output = [];
		child.stdout.on('data', (chunk) => output.push(chunk));
		child.stderr.on('data', (chunk) => output.push(chunk));
		child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
		child.on('close', (code, signal) => {
			const seconds = ((performance.now() - started) / 1000).toFixed(1);
			process.stdout.write(`\n> npm run ${script}\n${Buffer.concat(output).toString()}`);
			resolve({ script, code: code ?? (signal ? 1 : 0), seconds });
		});
	});
}

const results = await Promise.all(scripts.map(run));
for (const { script, code, seconds } of results)
	console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${script} (exit ${code}, ${seconds} s)`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
