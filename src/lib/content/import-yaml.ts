/**
 * Writes imported questions as a question file in this app's format (content/README.md), with a
 * `# TODO:` comment wherever the source lacked something the format needs: a `why` for every
 * option, a topic, sources. Those places are also left invalid on purpose (empty `why`, empty
 * `sources`), so `npm run content:check` refuses the file until the author has filled them.
 */
import { stringify } from 'yaml';
import type { ImportedQuestion, ImportResult } from './import-question';
import { kebabFrom } from './import-question';

export interface YamlWriteOptions {
	/** Where the questions came from, for the header comment. */
	source: string;
	/** `GIFT` or `Aiken`. */
	format: string;
	/** Topic of every question (`--topic`); written once at the top of the file. */
	topic?: string;
	/** Maps a topic id or alias to its id; a category naming a topic then sets the question's topic. */
	topicOf?: (name: string) => string | undefined;
	/** Ids already used by the content, so imported ids never clash with them. */
	existingIds?: ReadonlySet<string>;
}

/** A YAML scalar for `key: value`: plain or quoted on one line, a block literal when multi-line. */
function scalar(value: string, indent: string): string {
	if (value.includes('\n') && !/^\s/.test(value) && !/[ \t]$/m.test(value)) {
		const body = value
			.split('\n')
			.map((l) => (l ? `${indent}  ${l}` : ''))
			.join('\n');
		return `|${value.endsWith('\n') ? '' : '-'}\n${body.replace(/\n+$/, '')}`;
	}
	const plain = stringify(value, { lineWidth: 0 }).trimEnd();
	// A double-quoted JSON string is valid YAML and keeps every character, trailing spaces included.
	return plain.includes('\n') ? JSON.stringify(value) : plain;
}

/** Unique kebab-case ids, from titles or stems, never one already in the content. */
function assignIds(questions: ImportedQuestion[], existing: ReadonlySet<string>): string[] {
	const used = new Set(existing);
	return questions.map((q) => {
		const base = kebabFrom(q.title ?? q.stem);
		let id = base;
		for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
		used.add(id);
		return id;
	});
}

function question(q: ImportedQuestion, id: string, options: YamlWriteOptions): string[] {
	const out: string[] = [];
	const todo = (indent: string, text: string) => out.push(`${indent}# TODO: ${text}`);
	out.push(`  - id: ${id}`);
	out.push(`    # imported from line ${q.line}${q.title ? ` (${JSON.stringify(q.title)})` : ''}`);
	for (const note of q.notes) todo('    ', `check the conversion: ${note}`);
	if (!options.topic) {
		const fromCategory = q.category
			? options.topicOf?.(kebabFrom(q.category.split('/').pop() ?? '', 20))
			: undefined;
		if (fromCategory) out.push(`    topic: ${fromCategory}`);
		else
			todo(
				'    ',
				`topic: add "topic: <id>" from content/topics.yaml${q.category ? ` (the source's category is ${JSON.stringify(q.category)})` : ''}`
			);
	}
	const correct = q.options.filter((o) => o.correct).length;
	const multiple = q.multiple && correct >= 2;
	out.push(`    type: ${multiple ? 'multiple' : 'single'}`);
	if (multiple) out.push(`    choose: ${correct}`);
	if (q.multiple && !multiple)
		todo('    ', 'the source allowed several answers but only one is right: imported as single');
	if (multiple && correct === q.options.length)
		todo('    ', 'every option is right: add at least one wrong option');
	out.push('    difficulty: 2 # 1 recall, 2 applied, 3 multi-step scenario: 2 assumed, adjust');
	out.push(`    stem: ${scalar(q.stem, '    ')}`);
	out.push('    options:');
	for (const o of q.options) {
		out.push(`      - text: ${scalar(o.text, '        ')}`);
		out.push(`        correct: ${o.correct}`);
		if (o.note) todo('        ', o.note);
		if (o.feedback) out.push(`        why: ${scalar(o.feedback, '        ')}`);
		else {
			todo(
				'        ',
				`why: explain why this option is ${o.correct ? 'right' : 'wrong'} (the source has no feedback for it)`
			);
			out.push('        why: ""');
		}
	}
	if (q.explanation) out.push(`    explanation: ${scalar(q.explanation, '    ')}`);
	todo(
		'    ',
		'sources: cite at least one AWS documentation page (https://docs.aws.amazon.com/...)'
	);
	out.push('    sources: []');
	out.push('    tags: [imported]');
	return out;
}

/** The question file's text; see the module comment. */
export function importedToYaml(result: ImportResult, options: YamlWriteOptions): string {
	const ids = assignIds(result.questions, options.existingIds ?? new Set());
	const lines = [
		'# yaml-language-server: $schema=../../static/schemas/questions.schema.json',
		`# Imported from ${options.source} (${options.format}) by npm run content:import.`,
		'# Resolve every TODO below, then run npm run content:check.'
	];
	if (options.topic) lines.push(`topic: ${options.topic}`);
	lines.push('questions:');
	result.questions.forEach((q, i) => {
		if (i > 0) lines.push('');
		lines.push(...question(q, ids[i], options));
	});
	return lines.join('\n') + '\n';
}
