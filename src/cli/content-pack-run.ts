import { relative, resolve } from 'node:path';
import { answerKeyIssues } from '../lib/content/answer-key-check';
import { playScenarios } from '../lib/content/check-content';
import { formatIssue, type ContentIssue } from '../lib/content/content-issue';
import { loadContent } from '../lib/content/load-content';
import { buildPack, locatePackIssue, type PackMeta } from '../lib/content/pack-build';
import { contentIndexOf, validatePack } from '../lib/content/pack-check';
import { parseScenario } from '../lib/content/scenario-loader';
import { readContentDir } from './read-content-dir';
import { parseYamlSource } from '../lib/content/yaml-source';

export const PACK_USAGE =
	'usage: npm run content:pack -- DIR [--id ID] [--title TITLE] [--version X.Y.Z] [--author NAME]\n' +
	'         [--description TEXT] [-o FILE] [--content DIR]\n' +
	'  DIR is laid out like content/ (questions/, lessons/, scenarios/, optional pack.yaml);\n' +
	'  the pack JSON goes to FILE, or to stdout; problems go to stderr';

export interface PackCliIo {
	readDir(dir: string): Record<string, string>;
	writeFile(path: string, text: string): void;
	out(text: string): void;
	err(line: string): void;
}

/** "1 lesson", "2 lessons". */
export const plural = (n: number, word: string, many = `${word}s`) =>
	`${n} ${n === 1 ? word : many}`;

const VALUE_OPTIONS = [
	'--id',
	'--title',
	'--version',
	'--author',
	'--description',
	'-o',
	'--out',
	'--content'
];

/**
 * `npm run content:pack -- DIR …`: builds one pack JSON file from DIR, validated with the same
 * checks as content/ and as the Author page (Markdown problems included: an author's pack must be
 * clean), its scenarios played and its answer keys verified. Refuses (exit 1) on any problem.
 * Exit code 2 on a usage error.
 */
export function runContentPack(argv: readonly string[], io: PackCliIo): number {
	const args = argv.filter((a) => a !== '--');
	const value = (name: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const positional = args.filter(
		(a, i) => !a.startsWith('-') && !VALUE_OPTIONS.includes(args[i - 1])
	);
	const unknown = args.filter((a) => a.startsWith('-') && !VALUE_OPTIONS.includes(a));
	if (positional.length !== 1 || unknown.length) {
		io.err(unknown.length ? `unknown option ${unknown.join(', ')}\n${PACK_USAGE}` : PACK_USAGE);
		return 2;
	}
	const dir = positional[0].replace(/\/$/, '');
	let files: Record<string, string>;
	try {
		files = io.readDir(dir);
	} catch (e) {
		io.err(
			`${dir}: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`
		);
		return 2;
	}
	const flags: PackMeta = {
		id: value('--id'),
		title: value('--title'),
		version: value('--version'),
		author: value('--author'),
		description: value('--description')
	};
	// readContentDir keys files by their path relative to the working directory.
	const built = buildPack(files, relative(process.cwd(), resolve(dir)), flags);
	for (const file of built.ignored)
		io.err(`${file}: not part of a pack (packs carry questions, lessons and scenarios); ignored`);

	const baseDir = value('--content') ?? 'content';
	const base = loadContent(readContentDir(baseDir), { parseScenario });
	const index = contentIndexOf(base.bundle);
	// Missing or invalid metadata does not stop the checks of the content: validatePack reports
	// every problem in one pass.
	const validation = validatePack(built.pack, index, [], parseYamlSource, built.leftOut);
	const issues: ContentIssue[] = [
		...built.issues,
		...validation.issues.map((i) => locatePackIssue(i, built.sources))
	];
	// Play the pack's scenarios, and the app's scenarios its answer keys rely on.
	const used = new Set(
		built.questionFiles.flatMap((f) => f.questions.flatMap((q) => (q.verify ? [q.scenario] : [])))
	);
	const played = playScenarios([
		...built.scenarios,
		...base.sources.scenarios.filter((s) => used.has(s.value.id))
	]);
	issues.push(...played.issues.filter((i) => built.scenarios.some((s) => s.file === i.file)));
	issues.push(...answerKeyIssues(built.questionFiles, played.reports));

	const counts = [
		plural((built.pack.questions as unknown[]).length, 'question'),
		plural(built.sources.lessons.length, 'lesson'),
		plural(built.sources.scenarios.length, 'scenario')
	].join(', ');
	if (issues.length) {
		issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
		const seen = new Set<string>();
		for (const issue of issues) {
			const line = formatIssue(issue);
			if (!seen.has(line)) io.err(line);
			seen.add(line);
		}
		io.err(`${plural(seen.size, 'problem')}: no pack written (${counts} read from ${dir})`);
		return 1;
	}
	const text = JSON.stringify(built.pack, null, '\t') + '\n';
	const target = value('-o') ?? value('--out');
	if (target) io.writeFile(target, text);
	else io.out(text);
	io.err(
		`pack ${String(built.pack.id)} ${String(built.pack.version)}: ${counts}${target ? ` written to ${target}` : ''}`
	);
	return 0;
}
