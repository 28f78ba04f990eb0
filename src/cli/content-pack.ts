// Entry point of `npm run content:pack -- DIR [-o FILE] …`; the logic is in content-pack-run.ts.
import { writeFileSync } from 'node:fs';
import { loadActionCatalog } from '../lib/sts/action-catalog';
import { runContentPack } from './content-pack-run';
import { readContentDir } from './read-content-dir';

await loadActionCatalog().catch(() => undefined);
process.exitCode = runContentPack(process.argv.slice(2), {
	readDir: (dir) => readContentDir(dir),
	writeFile: (path, text) => writeFileSync(path, text),
	out: (text) => process.stdout.write(text),
	err: (line) => console.error(line)
});
