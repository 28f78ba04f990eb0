// Entry point of `npm run content:check [-- DIR]`; the logic lives in content-check-run.ts.
import { runContentCheck } from './content-check-run';

const args = process.argv.slice(2).filter((a) => a !== '--');
process.exitCode = runContentCheck(args[0] ?? 'content', (line) => console.log(line));
