// Benchmark of `content:check` at scale: copies content/ into a temporary directory, adds N valid
// generated questions (default 5,000), and times the check in-process the way the CLI runs it
// (read, parse YAML on every core, check everything) and, unless --no-cli, the whole CLI process
// (`vite-node src/cli/content-check.ts`, whose start-up alone takes about 2 s). Prints one JSON object.
//
// Usage: npx vite-node scripts/bench-content-check.ts -- [--questions 5000] [--runs 5] [--no-cli]
// Budget: 5,000 questions checked in under 3 s. No test asserts timings; this script reports them.
// Wall time on a busy machine mostly measures the other processes: read minWallMs and cpuMs too.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ContentCheck } from '../src/lib/content/check-content';
import { loadActionCatalog } from '../src/lib/sts/action-catalog';
import { checkContentDir } from '../src/cli/content-check-run';
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

const work = mkdtempSync(join(tmpdir(), 'sts-bench-content-'));
try {
	cpSync('content', join(work, 'content'), { recursive: true });
	generate(work);
	await loadActionCatalog().catch(() => undefined);

	let result: ContentCheck | undefined;
	// CPU time is reported next to wall time: on a busy machine wall time mostly measures the others.
	// The CLI's own path: read the directory, parse YAML (every core, or the cache), check everything.
	const measure = async (cacheFile: string | null) => {
		const samples: { wallMs: number; cpuMs: number }[] = [];
		for (let r = 0; r < runs; r++) {
			const t0 = performance.now();
			const cpu0 = process.cpuUsage();
			result = await checkContentDir(join(work, 'content'), {
				cwd: work,
				cache: cacheFile !== null,
				...(cacheFile ? { cacheFile } : {})
			});
			const cpu = process.cpuUsage(cpu0);
			samples.push({ wallMs: ms(t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
		}
		return {
			runs: samples,
			minWallMs: Math.min(...samples.map((x) => x.wallMs)),
			medianWallMs: median(samples.map((x) => x.wallMs)),
			medianCpuMs: median(samples.map((x) => x.cpuMs))
		};
	};
	// Cold: every file parsed (as on a first run, or with --no-cache).
	const cold = await measure(null);
	// Warm: unchanged files come from the YAML cache (the usual authoring loop).
	const cacheFile = join(work, 'yaml-cache.v8');
	await checkContentDir(join(work, 'content'), { cwd: work, cacheFile });
	const warm = await measure(cacheFile);
	const generatedIssues = result!.issues.filter((i) => /questions\/bench-/.test(i.file));

	let cli: { wallMs: number; exitCode: number | null } | undefined;
	if (!args.includes('--no-cli')) {
		const t0 = performance.now();
		const run = spawnSync(
			process.execPath,
			[
				'node_modules/vite-node/dist/cli.mjs',
				'src/cli/content-check.ts',
				'--',
				join(work, 'content')
			],
			{ encoding: 'utf8' }
		);
		cli = { wallMs: ms(t0), exitCode: run.status };
	}

	console.log(
		JSON.stringify(
			{
				benchmark: 'content-check',
				generatedQuestions: total,
				totalQuestions: result!.bundle.questions.length,
				files: Object.keys(readContentDir(join(work, 'content'), work)).length,
				bytes: Object.entries(readContentDir(join(work, 'content'), work)).reduce(
					(n, [, text]) => n + text.length,
					0
				),
				cold,
				warm,
				budgetMs: 3000,
				coldWithinBudget: cold.medianWallMs < 3000,
				warmWithinBudget: warm.medianWallMs < 3000,
				issuesInGeneratedFiles: generatedIssues.length,
				issuesInBundledContent: result!.issues.length - generatedIssues.length,
				...(cli ? { cli } : {}),
				node: process.version,
				cpus: availableParallelism(),
				loadAverage1m: Math.round(loadavg()[0] * 10) / 10
			},
			null,
			2
		)
	);
} finally {
	rmSync(work, { recursive: true, force: true });
}
