import { extname } from 'node:path';
import { parseAiken } from '../lib/content/import-aiken';
import { parseGift } from '../lib/content/import-gift';
import type { ImportResult } from '../lib/content/import-question';
import { importedToYaml } from '../lib/content/import-yaml';
import { topicResolver, topicsFileSchema } from '../lib/content/topic-schema';
import { parseYamlSource } from '../lib/content/yaml-source';
import { readContentDir } from './read-content-dir';

export const IMPORT_USAGE =
	'usage: npm run content:import -- FILE [--topic TOPIC] [--format gift|aiken] [--content DIR]\n' +
	'  prints question YAML on stdout; skipped questions and problems go to stderr';

export interface ImportCliIo {
	readFile(path: string): string;
	out(text: string): void;
	err(line: string): void;
}

/** GIFT unless the file says Aiken: a .aiken file, or ANSWER: lines and no {…} answer blocks. */
export function detectFormat(file: string, text: string): 'gift' | 'aiken' {
	if (/\.aiken$/i.test(file)) return 'aiken';
	if (/\.gift$/i.test(file) || extname(file) === '')
		return /^ANSWER\s*:/im.test(text) ? 'aiken' : 'gift';
	return /^ANSWER\s*:/im.test(text) && !/\{[^}]*[=~][^}]*\}/.test(text) ? 'aiken' : 'gift';
}

function option(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
}

/**
 * `npm run content:import -- FILE [--topic TOPIC]`: converts a GIFT or Aiken file to question YAML.
 * Exit code: 0 when at least one question was converted, 1 when none was, 2 on a usage error.
 */
export function runContentImport(argv: readonly string[], io: ImportCliIo): number {
	const args = argv.filter((a) => a !== '--');
	const known = ['--topic', '--format', '--content'];
	const file = args.find((a, i) => !a.startsWith('-') && !known.includes(args[i - 1]));
	const unknown = args.filter((a) => a.startsWith('-') && !known.includes(a));
	if (!file || unknown.length) {
		io.err(unknown.length ? `unknown option ${unknown.join(', ')}\n${IMPORT_USAGE}` : IMPORT_USAGE);
		return 2;
	}
	let text: string;
	try {
		text = io.readFile(file);
	} catch (e) {
		io.err(
			`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`
		);
		return 2;
	}

	const contentDir = option(args, '--content') ?? 'content';
	const content = readContentDir(contentDir);
	const topicsText = Object.entries(content).find(([p]) => /(^|\/)topics\.yaml$/.test(p))?.[1];
	const topics = topicsText
		? topicsFileSchema.parse(parseYamlSource(topicsText, 'topics.yaml').data).topics
		: [];
	const topicOf = topicResolver(topics);
	const requested = option(args, '--topic');
	const topic = requested ? topicOf(requested) : undefined;
	if (requested && !topic) {
		io.err(`unknown topic "${requested}"; topics: ${topics.map((t) => t.id).join(', ')}`);
		return 2;
	}
	const existingIds = new Set<string>();
	for (const [path, source] of Object.entries(content)) {
		if (!/(^|\/)questions\/[^/]+\.ya?ml$/.test(path)) continue;
		try {
			const data = parseYamlSource(source, path).data as { questions?: { id?: unknown }[] } | null;
			for (const q of data?.questions ?? []) if (typeof q?.id === 'string') existingIds.add(q.id);
		} catch {
			// content:check reports broken files; imported ids just avoid the readable ones.
		}
	}

	const requestedFormat = option(args, '--format');
	if (requestedFormat && !['gift', 'aiken'].includes(requestedFormat)) {
		io.err(`unknown format "${requestedFormat}" (gift or aiken)`);
		return 2;
	}
	const format = (requestedFormat as 'gift' | 'aiken' | undefined) ?? detectFormat(file, text);
	const result: ImportResult = format === 'aiken' ? parseAiken(text) : parseGift(text);
	for (const p of result.problems)
		io.err(`${file}:${p.line}  ${p.title ? `${JSON.stringify(p.title)}: ` : ''}${p.message}`);
	if (result.questions.length === 0) {
		io.err(`${file}: no question could be imported`);
		return 1;
	}
	const yaml = importedToYaml(result, {
		source: file,
		format: format === 'aiken' ? 'Aiken' : 'GIFT',
		topic,
		topicOf,
		existingIds
	});
	io.out(yaml);
	const todos = (yaml.match(/# TODO:/g) ?? []).length;
	io.err(
		`imported ${result.questions.length} question(s) from ${file}` +
			(result.problems.length
				? `; ${result.problems.length} skipped or unreadable (listed above)`
				: '') +
			`; ${todos} TODO(s) to resolve before npm run content:check passes`
	);
	return 0;
}
