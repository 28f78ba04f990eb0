import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ContentError, formatPath, type ContentIssue } from './content-issue';

/** A parsed YAML file that can still say where each value came from. */
export interface YamlSource {
	file: string;
	data: unknown;
	locate(path: ReadonlyArray<PropertyKey>): { line: number; column: number };
}

/**
 * Parses YAML keeping positions, so schema errors can name file, line and field.
 * Syntax errors throw a ContentError with every error the parser found.
 */
export function parseYamlSource(text: string, file: string): YamlSource {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	if (doc.errors.length > 0) {
		throw new ContentError(
			doc.errors.map((e) => {
				const pos = lineCounter.linePos(e.pos[0]);
				return {
					file,
					line: pos.line,
					column: pos.col,
					path: '',
					message: `YAML syntax error: ${e.message.split('\n')[0]}`
				};
			})
		);
	}
	return {
		file,
		data: doc.toJS({ maxAliasCount: 100 }),
		locate: (path) => locateInDocument(doc, lineCounter, path)
	};
}

function locateInDocument(
	doc: Document,
	lineCounter: LineCounter,
	path: ReadonlyArray<PropertyKey>
): { line: number; column: number } {
	// Walk as deep as the path exists; a missing field is reported at its parent.
	let node: unknown = doc.contents;
	let offset = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
	for (const key of path) {
		if (isMap(node)) {
			const pair = node.items.find((p) => {
				const k = p.key as { value?: unknown } | null;
				return k != null && String(k.value ?? k) === String(key);
			});
			if (!pair) break;
			const k = pair.key as { range?: [number, number, number] } | null;
			offset = k?.range?.[0] ?? offset;
			node = pair.value;
		} else if (isSeq(node) && typeof key === 'number') {
			const item = node.items[key] as { range?: [number, number, number] } | undefined;
			if (!item) break;
			offset = item.range?.[0] ?? offset;
			node = item;
		} else break;
	}
	const pos = lineCounter.linePos(offset);
	return { line: pos.line, column: pos.col };
}

/** Converts schema issues into located content issues. */
export function issuesFromZod(error: z.ZodError, source: YamlSource, prefix: PropertyKey[] = []): ContentIssue[] {
	return error.issues.map((issue) => {
		const path = [...prefix, ...issue.path];
		// For unknown keys, point at the key itself.
		const full = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path;
		const { line, column } = source.locate(full);
		return { file: source.file, line, column, path: formatPath(path), message: issue.message };
	});
}

/** Parses YAML and validates it with a schema; throws ContentError naming file, line and field. */
export function loadYaml<T extends z.ZodType>(schema: T, text: string, file: string): z.output<T> {
	const source = parseYamlSource(text, file);
	const result = schema.safeParse(source.data);
	if (!result.success) throw new ContentError(issuesFromZod(result.error, source));
	return result.data;
}
