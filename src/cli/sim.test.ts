import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSimCli, USAGE } from './sim-run';

async function run(args: string[]) {
	const lines: string[] = [];
	const code = await runSimCli(args, {
		readFile: (p) => readFileSync(p, 'utf8'),
		out: (l) => lines.push(...l.split('\n'))
	});
	return { code, lines };
}

const GOOD = 'tests/fixtures/reference-scenarios/ar-chain-001.yaml';
const GOOD2 = 'tests/fixtures/reference-scenarios/gst-006.yaml';

describe('npm run sim', () => {
	it('prints one line per step and the summary; exit 0 when every expectation holds', async () => {
		const { code, lines } = await run(['--', GOOD, GOOD2]);
		expect(code).toBe(0);
		expect(lines).toContain('  1 AssumeRole as user:111111111111/alice: ok');
		expect(lines).toContain('  2 iam:ListUsers as creds:gstNoMfa: ok');
		expect(lines[lines.length - 1]).toBe('4 passed, 0 failed');
	});

	it('exit 1 and "expected … got …" when an expectation fails', async () => {
		const text = readFileSync(GOOD, 'utf8').replace('expiresIn: 3600', 'expiresIn: 7200');
		const lines: string[] = [];
		const code = await runSimCli(['broken.yaml'], {
			readFile: () => text,
			out: (l) => lines.push(l)
		});
		expect(code).toBe(1);
		expect(lines).toContain(
			'  1 AssumeRole as user:111111111111/alice: FAILED expected expiresIn 7200; got ok, arn arn:aws:sts::111111111111:assumed-role/Hub/hub, expiresIn 3600'
		);
		expect(lines[lines.length - 1]).toBe('1 passed, 1 failed');
	});

	it('exit 2 with located issues for an invalid file, and no stack trace', async () => {
		const { code, lines } = await run(['tests/fixtures/scenarios/bad/unknown-field.yaml', GOOD]);
		expect(code).toBe(2);
		expect(lines).toContain(
			'  tests/fixtures/scenarios/bad/unknown-field.yaml:13:5  steps[0]: unknown field "colour"'
		);
		expect(lines.join('\n')).not.toMatch(/\n\s+at /);
		expect(lines[lines.length - 1]).toBe('2 passed, 0 failed');
	});

	it('exit 2 for a missing file or a file that is not a scenario', async () => {
		expect((await run(['does/not/exist.yaml'])).lines[1]).toContain(
			'does/not/exist.yaml:1:1  cannot read the file (ENOENT)'
		);
		const lines: string[] = [];
		expect(
			await runSimCli(['x.yaml'], {
				readFile: () => '- just\n- a list\n',
				out: (l) => lines.push(l)
			})
		).toBe(2);
		expect(lines[1]).toContain('x.yaml:1:1');
	});

	it("plays actions of any service in the IAM data, beyond the browser's supported ones", async () => {
		const text = `id: any-service
title: t
topic: credentials
world:
  start: 2026-01-01T09:00:00Z
  accounts:
    - id: "111111111111"
      users:
        - name: dev
          policies:
            - { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "rds:Describe*", Resource: "*" } ] }
steps:
  - { as: user:111111111111/dev, call: rds:DescribeDBInstances, expect: { allowed: true } }
  - { as: user:111111111111/dev, call: "kinesis:PutRecord", expect: { allowed: false } }
  - { as: user:111111111111/dev, call: rds:DescribeNothing, expect: { allowed: false } }
`;
		const lines: string[] = [];
		const code = await runSimCli(['any.yaml'], { readFile: () => text, out: (l) => lines.push(l) });
		expect(code).toBe(1);
		expect(lines).toContain('  1 rds:DescribeDBInstances as user:111111111111/dev: ok');
		expect(lines).toContain('  2 kinesis:PutRecord as user:111111111111/dev: ok');
		// Action names are still checked against the service's IAM data.
		expect(lines.join('\n')).toContain('Amazon RDS has no action DescribeNothing');
	});

	it('--json prints only a machine-readable report', async () => {
		const { code, lines } = await run([
			GOOD,
			'tests/fixtures/scenarios/bad/bad-yaml.yaml',
			'--json'
		]);
		expect(code).toBe(2);
		const report = JSON.parse(lines.join('\n'));
		expect(report).toMatchObject({ passed: 2, failed: 0, exitCode: 2 });
		expect(report.files[0]).toMatchObject({
			valid: true,
			id: 'ar-chain-001',
			steps: [
				{ pass: true, outcome: { ok: true } },
				{ pass: true, outcome: { error: { code: 'ValidationError' } } }
			]
		});
		expect(report.files[1]).toMatchObject({
			valid: false,
			issues: [{ file: 'tests/fixtures/scenarios/bad/bad-yaml.yaml' }]
		});
	});

	it('--explain adds the explanation under each call', async () => {
		const { lines } = await run([GOOD, '--explain']);
		expect(lines.some((l) => l.includes('role chaining') && l.includes('§2.2'))).toBe(true);
	});

	it('usage errors exit 2', async () => {
		expect(await run([])).toEqual({ code: 2, lines: [USAGE] });
		expect((await run(['--frobnicate', GOOD])).code).toBe(2);
	});
});
