import { isMap, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { ContentError, formatPath, type ContentIssue } from './content-issue';
import { readableIssues } from './scenario-issues';
import { readYamlData } from './yaml-data';

/** A parsed YAML file that can still say where each value came from. */
export interface YamlSource {
	file: string;
	data: unknown;
	locate(path: ReadonlyArray<PropertyKey>): { line: number; column: number };
}

/**
 * Parses YAML; syntax errors throw a ContentError with every error the parser found. The data comes
 * from the fast reader (yaml-data.ts) when it applies, else from the `yaml` package. Positions are
 * needed only when something is wrong, so the document with its line table is built only for files
 * whose `locate` is called: at 5,000 questions, keeping every document alive doubled the check's
 * time in garbage collection.
 */
export function parseYamlSource(text: string, file: string): YamlSource {
	const ready = readYamlData(text);
	if (ready) return { file, data: ready.data, locate: lazyLocate(text) };
	// Merge keys (`<<: *defaults`) as most YAML tools read them, though YAML 1.2 dropped them.
	const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, merge: true });
	if (doc.errors.length > 0) {
		// Parsed again with a line table: errors are rare, positions are not needed otherwise.
		const lineCounter = new LineCounter();
		parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
		throw new ContentError(
			layoutErrors(doc.errors, text, lineCounter).map(({ line, column, message }) => ({
				file,
				line,
				column,
				path: '',
				message: `YAML syntax error: ${message}`
			}))
		);
	}
	// The alias limit guards against exponential expansion ("billion laughs"); a long scenario may
	// repeat one anchored policy or step a few hundred times.
	return { file, data: doc.toJS({ maxAliasCount: 1000 }), locate: lazyLocate(text) };
}

/**
 * The parser's errors for a line indented too far, too little, or with a tab. MISSING_CHAR also
 * names an unclosed quote, a missing comma in `[a b]` or a comment without a space before it:
 * only its two layout messages count.
 */
function isLayoutError(e: YAMLError): boolean {
	if (e.code === 'MISSING_CHAR')
		return (
			e.message.startsWith('Implicit map keys need to be followed by map values') ||
			e.message.startsWith('Sequence item without - indicator')
		);
	return (
		['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'TAB_AS_INDENT'].includes(e.code) ||
		e.message.startsWith('All mapping items must start at the same column')
	);
}

/** The number of leading spaces of a line, or undefined for a blank or comment-only line. */
function indentOf(line: string | undefined): number | undefined {
	if (line === undefined) return undefined;
	const content = line.replace(/\r$/, '');
	const indent = content.length - content.trimStart().length;
	const rest = content.slice(indent);
	return rest === '' || rest.startsWith('#') ? undefined : indent;
}

/**
 * Where a layout error's slip is, on 1-based lines, and whether that is sure. The parser reports
 * some slips a line early: a field indented one space too many (`     difficulty: 2` under
 * `    type: single`) reads as the previous field's value going on, reported at the end of that
 * field ("Nested mappings are not allowed in compact mappings"); and an error may be reported at a
 * comment or blank line above the slipped one. Both are moved to the line that slipped.
 */
function slipLine(
	e: YAMLError,
	lines: readonly string[],
	reported: { line: number; col: number }
): { line: number; column: number; sure: boolean } {
	const next = (from: number) => {
		for (let i = from; i < lines.length; i++) if (indentOf(lines[i]) !== undefined) return i;
		return -1;
	};
	const here = reported.line - 1;
	const moveTo = (i: number) => ({
		line: i + 1,
		column: (indentOf(lines[i]) ?? 0) + 1,
		sure: true
	});
	const hereIndent = indentOf(lines[here]);
	if (hereIndent === undefined) {
		const i = next(here + 1);
		return i >= 0 ? moveTo(i) : { line: reported.line, column: reported.col, sure: true };
	}
	if (e.code !== 'BLOCK_AS_IMPLICIT_KEY' && e.code !== 'MULTILINE_IMPLICIT_KEY')
		return { line: reported.line, column: reported.col, sure: true };
	const i = next(here + 1);
	if (i >= 0 && (indentOf(lines[i]) ?? 0) > hereIndent) return moveTo(i);
	return { line: reported.line, column: reported.col, sure: false };
}

/**
 * One indentation slip makes the parser report a string of errors, most of them on lines that
 * are right ("All mapping items must start at the same column" for every field after it). The
 * first such error is kept, at the line that slipped (slipLine), with what to do about it; the
 * layout errors after it are left out, counted. Other errors (a duplicate key, an unclosed quote
 * or bracket) are all kept, where the parser found them.
 */
function layoutErrors(
	errors: readonly YAMLError[],
	text: string,
	lineCounter: LineCounter
): { line: number; column: number; message: string }[] {
	const first = errors.findIndex(isLayoutError);
	const kept = errors.filter((e, i) => i <= first || !isLayoutError(e));
	const dropped = errors.length - kept.length;
	const lines = text.split('\n');
	return kept.map((error, i) => {
		const reported = lineCounter.linePos(error.pos[0]);
		const message = error.message.split('\n')[0];
		if (i !== first) return { line: reported.line, column: reported.col, message };
		const { line, column, sure } = slipLine(error, lines, reported);
		const left =
			dropped > 0
				? `; ${dropped} further YAML ${dropped === 1 ? 'error' : 'errors'} it causes ${dropped === 1 ? 'is' : 'are'} left out`
				: '';
		// Not sure: the same error comes of a value holding ": " (`stem: Which is true: A`).
		const hint = sure
			? 'an indentation slip? Line this line up with the fields around it, with spaces, not tabs'
			: 'an indentation slip? Line this line or the next up with the fields around it, with spaces, not tabs; or a value with ": " in it, which needs quotes';
		return { line, column, message: `${message} (${hint}${left})` };
	});
}

/**
 * `locate` for a text: parses it with a line table on first use only. Also locates fields of a
 * JSON file (JSON is YAML); a text with syntax errors is located as far as it parsed.
 */
export function lazyLocate(text: string): YamlSource['locate'] {
	let located: { doc: Document; lineCounter: LineCounter } | undefined;
	return (path) => {
		if (!located) {
			const lineCounter = new LineCounter();
			located = {
				doc: parseDocument(text, {
					lineCounter,
					prettyErrors: false,
					uniqueKeys: true,
					merge: true
				}),
				lineCounter
			};
		}
		return locateInDocument(located.doc, located.lineCounter, path);
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

/** Converts schema issues into located content issues, worded for authors (see readableIssues). */
export function issuesFromZod(
	error: z.ZodError,
	source: YamlSource,
	prefix: PropertyKey[] = [],
	schema?: z.ZodType
): ContentIssue[] {
	let data = source.data;
	for (const key of prefix)
		data = (data as Record<PropertyKey, unknown> | null | undefined)?.[key as string];
	return readableIssues(error.issues, data, [], schema).map((issue) => {
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
	if (!result.success) throw new ContentError(issuesFromZod(result.error, source, [], schema));
	return result.data;
}
