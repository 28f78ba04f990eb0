// Entry point of `npm run content:check [-- DIR]`; the logic is in content-check-run.ts.
import { loadActionCatalog } from '../lib/sts/action-catalog';
import { runContentCheck } from './content-check-run';

const args = process.argv.slice(2).filter((a) => a !== '--');
const dir = args.find((a) => !a.startsWith('-')) ?? 'content';
// Like `npm run sim`: with the IAM action catalogue loaded, misspelt actions are refused too.
await loadActionCatalog().catch(() => undefined);
process.exitCode = runContentCheck(dir, (line) => console.log(line));
