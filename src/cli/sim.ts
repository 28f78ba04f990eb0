// `npm run sim -- FILE... [--json] [--explain]`: plays simulator scenario files headless and checks
// their expectations (exit 0 all hold, 1 some do not, 2 a file is invalid). The logic is in
// sim-run.ts, so tests import it without running the CLI.
import { readFileSync } from 'node:fs';
import { runSimCli } from './sim-run';

runSimCli(process.argv.slice(2), {
	readFile: (path) => readFileSync(path, 'utf8'),
	out: (line) => console.log(line)
})
	.then((code) => {
		process.exitCode = code;
	})
	.catch((e: unknown) => {
		console.log(`sim: ${(e as Error).message}`);
		process.exitCode = 2;
	});
