// Entry point of `npm run content:import -- FILE [--topic TOPIC]`; the logic is in content-import-run.ts.
import { readFileSync } from 'node:fs';
import { runContentImport } from './content-import-run';

process.exitCode = runContentImport(process.argv.slice(2), {
	readFile: (path) => readFileSync(path, 'utf8'),
	out: (text) => process.stdout.write(text),
	err: (line) => console.error(line)
});
