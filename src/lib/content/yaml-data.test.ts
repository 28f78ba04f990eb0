import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { splitFrontMatter } from './front-matter';
import { readYamlData } from './yaml-data';

/** What parseYamlSource used to return: `yaml`'s data, or undefined when it reports errors. */
function viaYamlPackage(text: string): { data: unknown } | undefined {
	const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
	return doc.errors.length ? undefined : { data: doc.toJS({ maxAliasCount: 100 }) };
}

function yamlTexts(dir: string): [string, string][] {
	return readdirSync(dir).flatMap((name): [string, string][] => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return yamlTexts(full);
		const text = readFileSync(full, 'utf8');
		if (/\.ya?ml$/.test(name)) return [[full, text]];
		const front = /\.md$/.test(name) ? splitFrontMatter(text) : undefined;
		return front ? [[full, front.yaml]] : [];
	});
}

describe('readYamlData', () => {
	const files = [...yamlTexts('content'), ...yamlTexts('tests/fixtures')];

	it('reads every content and fixture file exactly as the yaml package does', () => {
		expect(files.length).toBeGreaterThan(100);
		let fast = 0;
		for (const [file, text] of files) {
			const got = readYamlData(text);
			if (!got) continue; // left to `yaml`, which then decides
			fast++;
			expect(got, file).toEqual(viaYamlPackage(text));
		}
		// Most files take the fast path (otherwise this test compares nothing).
		expect(fast).toBeGreaterThan(files.length * 0.9);
	});

	const same = [
		// Plain scalars of the YAML 1.2 core schema, and look-alikes that stay strings.
		'a: [~, null, Null, NULL, nULL, "", \'\']',
		'a: [true, True, TRUE, tRUE, false, False, FALSE, yes, no, on, off, y, n]',
		'a: [0, -0, +12, 007, 0o17, 0o8, -0o7, 0x1F, 0X1F, -0x1F, 0b101, 1_000, 12345678901234567890]',
		'a: [1.5, -.5, +.5, 1., .5e3, 1e3, -1E-3, 1.5e+3, 1_0.5, .inf, -.Inf, +.INF, .nan, .NaN, .NAN, inf]',
		'a: 2024-01-01\nb: 2024-01-01T10:00:00Z\nc: 1:30\nd: 0.1.2',
		// Merge keys are plain keys in YAML 1.2.
		'<<: {a: 1}\nb: 2',
		// Tags.
		'a: !!str 12\nb: !!int "12"\nc: !!float "1.5"\nd: !!null ""\ne: !!bool "true"',
		// Strings: quoting, escapes, folding, block scalars with chomping and indentation.
		"a: \"x\\ty\\u00e9\\n\"\nb: 'it''s'\nc: plain # comment\nd: a#b",
		'a: |\n  line 1\n\n  line 2\n\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n\nd: |2\n    indented\n',
		'a: >\n  one\n    more\n  two\n',
		'a: "multi\n  line\n\n  quoted"\nb: plain\n  continued\n',
		// Flow and block collections, nested; empty values; documents.
		'a: {b: [1, {c: d}], e: []}\nf:\n  - - x\n    - y\n  - k: v\n    l:\n',
		'',
		'# only a comment\n',
		'---\na: 1\n...\n',
		'- 1\n- two\n',
		'"quoted key": 1\n1: one\n0x1F: hex\n1.50: float\ntrue: bool\n',
		'a: x & y\nb: AT&T\nc: "*"\nd: s3:*\ne: arn:aws:s3:::b/*'
	];

	it.each(same)('gives the same data as yaml: %j', (text) => {
		const got = readYamlData(text);
		expect(got).toBeDefined();
		expect(got).toEqual(viaYamlPackage(text));
	});

	it.each([
		['anchors and aliases (the alias limit lives in yaml)', 'a: &x 1\nb: *x\n'],
		['duplicate keys', 'a: 1\na: 2\n'],
		['syntax errors', 'a: [\n'],
		['an unknown alias', 'a: *nope\n'],
		['several documents', 'a: 1\n---\nb: 2\n'],
		['tabs as indentation', 'a:\n\t- 1\n'],
		['a null key (yaml makes it "")', '~: nothing\n'],
		['a null key in a flow map', 'a: {: x}\n'],
		['a "null" key', '"null": x\n'],
		['a complex key', '? complex\n: value\n'],
		['a flow sequence as key', '[a, b]: x\n'],
		['a flow map as key', 'a:\n  {b: 1}: x\n'],
		['an explicit tag js-yaml refuses', 'c: !!float "1"\n']
	])('leaves %s to the yaml package', (_, text) => {
		expect(readYamlData(text)).toBeUndefined();
	});
});
