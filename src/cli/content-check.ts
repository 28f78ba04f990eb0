// Entry point of `npm run content:check [-- DIR]`; the logic lives in content-check-run.ts.
import { loadActionCatalog } from '../lib/sts/action-catalog';
import { runContentCheck } from './content-check-run';

const args = process.argv.slice(2).filter((a) => a !== '--');
// Like `npm run sim`: with the IAM action catalogue loaded, misspelt actions are refused too.
await loadActionCatalog().catch(() => undefined);
process.exitCode = await runContentCheck(args[0] ?? 'content', (line) => console.log(line));
