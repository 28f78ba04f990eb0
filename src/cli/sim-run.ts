/**
 * `npm run sim -- FILE... [--json] [--explain]`: plays each scenario file headless and checks its
 * expectations.
 *
 * Output: per file a header line, then one line per step (`ok`, or what was expected and what
 * happened), then the summary line `N passed, N failed`. The counts are of checked steps: steps
 * with an `expect`, plus call steps the simulator could not run; steps without expectations
 * (advance, revoke, attach, setup calls) are listed but not counted.
 * `--json` prints one JSON report instead. `--explain` adds the simulator's explanation under each call.
 * Exit code: 0 when every expectation holds, 1 when one does not, 2 when a file is invalid
 * (its located issues are printed with formatIssue). A bad file never produces a stack trace.
 */
import { ContentError, formatIssue, type ContentIssue } from '../lib/content/content-issue';
import { parseScenario } from '../lib/content/scenario-loader';
import '../lib/sts/all-apis';
import { loadActionCatalog, loadEveryService, servicesCalledIn } from '../lib/sts/action-catalog';
import { runScenario, type ScenarioReport, type StepReport } from '../lib/sts/scenario-runner';

export interface SimCliIo {
	readFile(path: string): string;
	out(line: string): void;
}

interface FileResult {
	file: string;
	issues?: ContentIssue[];
	report?: ScenarioReport;
}

export const USAGE = 'usage: npm run sim -- FILE... [--json] [--explain]';

/** A problem with the whole file, located at its start. */
function fileIssue(file: string, message: string): FileResult {
	return { file, issues: [{ file, line: 1, column: 1, path: '', message }] };
}

type Read = { file: string; text: string } | FileResult;

function read(file: string, io: SimCliIo): Read {
	try {
		return { file, text: io.readFile(file) };
	} catch (e) {
		const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
		return fileIssue(file, `cannot read the file (${reason})`);
	}
}

function play(r: Read): FileResult {
	if (!('text' in r)) return r;
	try {
		return { file: r.file, report: runScenario(parseScenario(r.text, r.file)) };
	} catch (e) {
		if (e instanceof ContentError) return { file: r.file, issues: e.issues };
		return fileIssue(r.file, `the simulator failed on this file: ${(e as Error).message}`);
	}
}

function stepLine(step: StepReport): string {
	const name = `${step.index + 1} ${step.title ? `${step.title} (${step.label})` : step.label}`;
	return step.pass ? `  ${name}: ok` : `  ${name}: FAILED ${step.problem ?? ''}`;
}

function jsonStep(step: StepReport) {
	const o = step.outcome;
	return {
		index: step.index,
		kind: step.kind,
		label: step.label,
		checked: step.checked,
		pass: step.pass,
		checks: step.checks,
		...(step.problem ? { problem: step.problem } : {}),
		outcome:
			o.kind === 'call'
				? {
						ok: o.ok,
						error: o.error,
						simulatorError: o.simulatorError,
						allowed: o.allowed,
						facts: o.facts,
						explanation: o.explanation.summary
					}
				: { explanation: o.explanation.summary }
	};
}

export async function runSimCli(argv: readonly string[], io: SimCliIo): Promise<number> {
	const args = argv.filter((a) => a !== '--');
	const json = args.includes('--json');
	const explain = args.includes('--explain');
	const unknown = args.filter((a) => a.startsWith('-') && a !== '--json' && a !== '--explain');
	const files = args.filter((a) => !a.startsWith('-'));
	if (files.length === 0 || unknown.length) {
		io.out(unknown.length ? `unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
		return 2;
	}
	// The catalogue lets the runner reject misspelt actions; without it only services are checked.
	await loadActionCatalog().catch(() => undefined);
	const reads = files.map((f) => read(f, io));
	// Node has the whole IAM data: files may call any service's actions (supported-services.ts).
	const texts = reads.flatMap((r) => ('text' in r ? [r.text] : []));
	await loadEveryService(servicesCalledIn(texts)).catch(() => undefined);
	const results = reads.map(play);
	const passed = results.reduce((n, r) => n + (r.report?.passed ?? 0), 0);
	const failed = results.reduce((n, r) => n + (r.report?.failed ?? 0), 0);
	const invalid = results.some((r) => r.issues);
	const exitCode = invalid ? 2 : failed > 0 ? 1 : 0;

	if (json) {
		const files = results.map((r) =>
			r.issues
				? { file: r.file, valid: false, issues: r.issues }
				: {
						file: r.file,
						valid: true,
						id: r.report!.id,
						title: r.report!.title,
						passed: r.report!.passed,
						failed: r.report!.failed,
						steps: r.report!.steps.map(jsonStep)
					}
		);
		io.out(JSON.stringify({ files, passed, failed, exitCode }, null, 2));
		return exitCode;
	}
	for (const r of results) {
		if (r.issues) {
			io.out(`${r.file}: invalid scenario file`);
			for (const issue of r.issues) io.out(`  ${formatIssue(issue)}`);
			continue;
		}
		const report = r.report!;
		io.out(`${r.file} (${report.id}: ${report.title})`);
		for (const step of report.steps) {
			io.out(stepLine(step));
			if (explain && step.outcome.kind === 'call') {
				io.out(`      ${step.outcome.explanation.summary}`);
				for (const d of step.outcome.explanation.details) io.out(`      ${d}`);
			}
		}
	}
	io.out(`${passed} passed, ${failed} failed`);
	return exitCode;
}
