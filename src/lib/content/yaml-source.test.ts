import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContentError, formatIssue } from './content-issue';
import { loadYaml } from './yaml-source';

const schema = z.strictObject({
	title: z.string(),
	items: z.array(z.strictObject({ id: z.string(), n: z.number() }))
});

function issuesOf(fn: () => unknown) {
	try {
		fn();
	} catch (e) {
		if (e instanceof ContentError) return e.issues;
		throw e;
	}
	throw new Error('expected a ContentError');
}

describe('loadYaml', () => {
	it('returns validated data', () => {
		expect(loadYaml(schema, 'title: x\nitems:\n  - { id: a, n: 1 }\n', 'f.yaml')).toEqual({
			title: 'x',
			items: [{ id: 'a', n: 1 }]
		});
	});

	it('names file, line and field for a wrong type', () => {
		const issues = issuesOf(() =>
			loadYaml(schema, 'title: x\nitems:\n  - id: a\n    n: one\n', 'f.yaml')
		);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ file: 'f.yaml', line: 4, path: 'items[0].n' });
		expect(formatIssue(issues[0])).toMatch(/^f\.yaml:4:\d+ {2}items\[0\]\.n: /);
	});

	it('points at an unknown key', () => {
		const issues = issuesOf(() => loadYaml(schema, 'title: x\nitems: []\nextra: 1\n', 'f.yaml'));
		expect(issues[0]).toMatchObject({ line: 3, path: '' });
		expect(issues[0].message).toMatch(/extra/);
	});

	it('reports YAML syntax errors with a line', () => {
		const issues = issuesOf(() => loadYaml(schema, 'title: x\nitems: [\n  - a\n', 'bad.yaml'));
		expect(issues[0].file).toBe('bad.yaml');
		expect(issues[0].message).toMatch(/YAML syntax error/);
	});

	it('reports an indentation slip once, at its line, saying what to do, without the errors it causes further down', () => {
		const text = [
			'questions:',
			'  - id: a',
			'    type: single',
			'   difficulty: 2', // one space short
			'    stem: S',
			'    options: []',
			'    sources: []'
		].join('\n');
		const issues = issuesOf(() => loadYaml(schema, text, 'q.yaml'));
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ file: 'q.yaml', line: 4 });
		expect(issues[0].message).toMatch(
			/^YAML syntax error: .* \(an indentation slip\? Line this line up with the fields around it, with spaces, not tabs; \d+ further YAML errors it causes are left out\)$/
		);
		const tab = issuesOf(() => loadYaml(schema, 'title: x\nitems:\n\t- a\n', 't.yaml'));
		expect(tab[0]).toMatchObject({ line: 3 });
		expect(tab[0].message).toMatch(/Tabs are not allowed as indentation \(an indentation slip\?/);
	});

	it('reports a field indented one space too many at its own line, not at the field above it', () => {
		// The parser reads the deeper line as the field above going on, and reports that field.
		const nested = [
			'questions:',
			'  - id: a',
			'    type: single',
			'     difficulty: 2', // one space too many
			'    stem: S'
		].join('\n');
		const issues = issuesOf(() => loadYaml(schema, nested, 'q.yaml'));
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ line: 4, column: 6 });
		expect(issues[0].message).toMatch(
			/^YAML syntax error: .* \(an indentation slip\? Line this line up with the fields around it, with spaces, not tabs; 1 further YAML error it causes is left out\)$/
		);
		const top = issuesOf(() => loadYaml(schema, 'title: T\n  topic: x\nitems: []\n', 't.yaml'));
		expect(top).toHaveLength(1);
		expect(top[0]).toMatchObject({ line: 2, column: 3 });
		expect(top[0].message).toMatch(/\(an indentation slip\? Line this line up /);
		// Reported by the parser at a comment above the slipped line: moved down to it.
		const comment = issuesOf(() =>
			loadYaml(schema, 'title: T\n# a note\n  topic: x\nitems: []\n', 'c.yaml')
		);
		expect(comment).toHaveLength(1);
		expect(comment[0]).toMatchObject({ line: 3, column: 3 });
	});

	it('says "this line or the next" where the line reported may be the one at fault', () => {
		const issues = issuesOf(() =>
			loadYaml(schema, 'title: Which is true: A\nitems: []\n', 'q.yaml')
		);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ line: 1 });
		expect(issues[0].message).toBe(
			'YAML syntax error: Nested mappings are not allowed in compact mappings (an indentation slip? Line this line or the next up with the fields around it, with spaces, not tabs; or a value with ": " in it, which needs quotes)'
		);
	});

	it('gives an unclosed quote no indentation hint', () => {
		const issues = issuesOf(() => loadYaml(schema, 'title: "unclosed\nitems: []\n', 'q.yaml'));
		expect(issues).toHaveLength(1);
		expect(issues[0].message).toBe('YAML syntax error: Missing closing "quote');
	});

	it('reports an error after an indentation slip that the slip did not cause', () => {
		const text = [
			'questions:',
			'  - id: a',
			'    type: single',
			'   difficulty: 2', // one space short
			'    stem: S',
			'    options: []',
			'    sources: []',
			'other: "unclosed'
		].join('\n');
		const issues = issuesOf(() => loadYaml(schema, text, 'q.yaml'));
		expect(issues.map((i) => [i.line, i.message])).toEqual([
			[
				4,
				'YAML syntax error: Sequence item without - indicator (an indentation slip? Line this line up with the fields around it, with spaces, not tabs; 5 further YAML errors it causes are left out)'
			],
			[8, 'YAML syntax error: Missing closing "quote']
		]);
	});

	it('reports every problem, not only the first', () => {
		const issues = issuesOf(() =>
			loadYaml(schema, 'title: 1\nitems:\n  - { id: 2, n: 1 }\n', 'f.yaml')
		);
		expect(issues.map((i) => i.path)).toEqual(['title', 'items[0].id']);
	});
});
