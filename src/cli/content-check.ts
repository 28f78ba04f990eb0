import { formatIssue } from '../lib/content/content-issue';
import { loadContent } from '../lib/content/load-content';
import { readContentDir } from './read-content-dir';

/**
 * `npm run content:check [-- DIR]`: validates every content file and cross-reference, prints
 * every problem as `file:line:column  path: message`, exits 1 on any error.
 */
export function runContentCheck(dir: string, print: (line: string) => void): number {
	const { bundle, issues } = loadContent(readContentDir(dir));
	for (const issue of issues) print(formatIssue(issue));
	const counts = `${bundle.lessons.length} lessons, ${bundle.questions.length} questions, ${bundle.glossary.length} glossary terms, ${bundle.scenarios.length} scenarios`;
	print(
		issues.length === 0
			? `content ok: ${counts}`
			: `${issues.length} problem(s) found (${counts} valid)`
	);
	return issues.length === 0 ? 0 : 1;
}

const args = process.argv.slice(2).filter((a) => a !== '--');
process.exitCode = runContentCheck(args[0] ?? 'content', (line) => console.log(line));
