// Benchmark of `content:check` at scale: copies content/ into a temporary directory, adds N valid
// generated questions (default 5,000), then times
//  - cold: the CLI as an instructor runs it (`npm run content:check` runs
//    `node scripts/run-cli.mjs src/cli/content-check.ts`), each run a fresh process (start-up, module loading, reading, parsing, checking: nothing cached);
//  - inProcess: the check alone (read the directory, check everything) repeated in this process; the
//    first run is JIT-cold, the later ones show the steady state.
// Prints one JSON object. Budget: 5,000 questions checked cold in under 3 s.
//
// Usage: npx vite-node scripts/bench-content-check.ts -- [--questions 5000] [--runs 5]
// No test asserts timings; this script reports them. Wall time on a busy machine mostly measures the
// other processes: read cpuMs and loadAverage1m beside it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ContentCheck } from '../src/lib/content/check-content';
import { loadActionCatalog } from '../src/lib/sts/action-catalog';
import { checkContent } from '../src/lib/content/check-content';
import { readContentDir } from '../src/cli/read-content-dir';

const args = process.argv.slice(2).filter((a) => a !== '--');
const option = (name: string, fallback: number) => {
	const i = args.indexOf(name);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};
const total = option('--questions', 5000);
const runs = option('--runs', 5);
const perFile = 100;

/**
 * Realistic questions: the bundled ones, cycled with new ids (so every generated question is a real
 * exam-style item of real size, references included, and valid whenever the bundled content is).
 */
function generate(dir: string): void {
	const bundled = Object.entries(readContentDir('content')).filter(([p]) =>
		/\/questions\/[^/]+\.yaml$/.test(p)
	);
	const items = bundled.flatMap(([, text]) => {
		const topic = /^topic: (.+)$/m.exec(text)?.[1];
		const body = text.slice(text.indexOf('\nquestions:\n') + '\nquestions:\n'.length);
		return body
			.split(/\n(?= {2}- id: )/)
			.map((item) => (topic ? item.replace(/^( {2}- id: .*)$/m, `$1\n    topic: ${topic}`) : item));
	});
	for (let start = 0, file = 0; start < total; start += perFile, file++) {
		const count = Math.min(perFile, total - start);
		const body = Array.from({ length: count }, (_, i) => {
			const n = start + i;
			return items[n % items.length].replace(/^( {2}- id: )(.*)$/m, `$1$2-bench-${n}`).trimEnd();
		}).join('\n\n');
		const name = `bench-${String(file).padStart(3, '0')}.yaml`;
		writeFileSync(join(dir, 'content', 'questions', name), `questions:\n${body}\n`);
	}
}

const ms = (t0: number) => Math.round(performance.now() - t0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load1m = () => Math.round(loadavg()[0] * 10) / 10;

/** CPU time (ms) of this process's finished children, from /proc (Linux); undefined elsewhere. */
function childrenCpuMs(): number | undefined {
	try {
		const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
		// Fields 16 and 17 of stat(5) (cutime, cstime), in clock ticks of 10 ms.
		return (Number(fields[13]) + Number(fields[14])) * 10;
	} catch {
		return undefined;
	}
}

function summary(samples: { wallMs: number; cpuMs?: number }[]) {
	const cpu = samples.flatMap((x) => (x.cpuMs === undefined ? [] : [x.cpuMs]));
	return {
		runs: samples,
		minWallMs: Math.min(...samples.map((x) => x.wallMs)),
		medianWallMs: median(samples.map((x) => x.wallMs)),
		...(cpu.length ? { medianCpuMs: median(cpu) } : {})
	};
}

const work = mkdtempSync(join(tmpdir(), 'sts-bench-content-'));
try {
	cpSync('content', join(work, 'content'), { recursive: true });
	generate(work);
	const loadBefore = load1m();

	// Cold: the CLI in a fresh process each time, exactly as `npm run content:check -- DIR` runs it.
	const cliRuns: { wallMs: number; cpuMs?: number; exitCode: number | null }[] = [];
	for (let r = 0; r < runs; r++) {
		const cpu0 = childrenCpuMs();
		const t0 = performance.now();
		const run = spawnSync(
			process.execPath,
			['scripts/run-cli.mjs', 'src/cli/content-check.ts', '--', join(work, 'content')],
			{ encoding: 'utf8' }
		);
		const wallMs = ms(t0);
		const cpu1 = childrenCpuMs();
		cliRuns.push({
			wallMs,
			...(cpu0 !== undefined && cpu1 !== undefined ? { cpuMs: cpu1 - cpu0 } : {}),
			exitCode: run.status
		});
	}

	// In process: the check alone, as the CLI calls it after start-up.
	await loadActionCatalog().catch(() => undefined);
	let result: ContentCheck | undefined;
	const inProcess: { wallMs: number; cpuMs: number }[] = [];
	for (let r = 0; r < runs; r++) {
		const t0 = performance.now();
		const cpu0 = process.cpuUsage();
		result = checkContent(readContentDir(join(work, 'content'), work));
		const cpu = process.cpuUsage(cpu0);
		inProcess.push({ wallMs: ms(t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
	}
	const generatedIssues = result!.issues.filter((i) => /questions\/bench-/.test(i.file));
	const cold = summary(cliRuns);
	const files = readContentDir(join(work, 'content'), work);

	console.log(
		JSON.stringify(
			{
				benchmark: 'content-check',
				budgetMs: 3000,
				coldWithinBudget: cold.medianWallMs < 3000,
				cold,
				inProcess: summary(inProcess),
				generatedQuestions: total,
				totalQuestions: result!.bundle.questions.length,
				files: Object.keys(files).length,
				bytes: Object.values(files).reduce((n, text) => n + text.length, 0),
				cliExitCodes: [...new Set(cliRuns.map((r) => r.exitCode))],
				issuesInGeneratedFiles: generatedIssues.length,
				issuesInBundledContent: result!.issues.length - generatedIssues.length,
				node: process.version,
				cpus: availableParallelism(),
				loadAverage1m: { before: loadBefore, after: load1m() }
			},
			null,
			2
		)
	);
} finally {
	rmSync(work, { recursive: true, force: true });
}
