import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../cli/read-content-dir';
import { contentSchemas, toJsonSchemaText } from './json-schemas';
import { extraSchemas } from './json-schemas-extra';

/** What scripts/write-schemas.ts writes: static/schemas/NAME for every name here. */
const written = { ...contentSchemas, ...extraSchemas };

/** The schema each kind of content file must name. */
function expectedSchema(file: string): string {
	if (/\/questions\/[^/]+\.ya?ml$/.test(file)) return 'questions.schema.json';
	if (/\/scenarios\/[^/]+\.ya?ml$/.test(file)) return 'scenario.schema.json';
	const name = /\/(topics|glossary|misconceptions)\.yaml$/.exec(file)?.[1];
	if (name) return `${name}.schema.json`;
	throw new Error(`no schema rule for ${file}`);
}

describe('JSON Schemas for editors', () => {
	const yamlFiles = Object.keys(readContentDir('content')).filter((f) => /\.ya?ml$/.test(f));

	it('covers every kind of content file, scenarios and packs included', () => {
		expect(Object.keys(written).sort()).toEqual([
			'glossary.schema.json',
			'lesson-front-matter.schema.json',
			'misconceptions.schema.json',
			'pack.schema.json',
			'questions.schema.json',
			'scenario.schema.json',
			'topics.schema.json'
		]);
		expect(yamlFiles.length).toBeGreaterThan(30);
	});

	it.each(yamlFiles)(
		'%s starts with a $schema line naming a schema write-schemas produces',
		(file) => {
			const first = readFileSync(file, 'utf8').split('\n')[0];
			const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
			expect(match, `first line of ${file}: ${first}`).not.toBeNull();
			const target = relative(resolve('static/schemas'), resolve(dirname(file), match![1]));
			expect(target).toBe(expectedSchema(file));
			expect(Object.keys(written)).toContain(target);
		}
	);

	it.each(Object.entries(written))(
		'%s is draft 2020-12 and every $ref resolves',
		(name, schema) => {
			const json = JSON.parse(toJsonSchemaText(name, schema));
			expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
			expect(json.$id).toBe(`/schemas/${name}`);
			const refs = [...JSON.stringify(json).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
			for (const ref of refs) {
				expect(ref).toMatch(/^#(\/\$defs\/[^/]+)?$/);
				if (ref !== '#') expect(json.$defs?.[ref.split('/')[2]], `${name}: ${ref}`).toBeDefined();
			}
		}
	);

	it('the question schema documents answer-key verification', () => {
		const json = JSON.parse(toJsonSchemaText('q', contentSchemas['questions.schema.json']));
		const verify = json.properties.questions.items.properties?.verify ?? json.$defs;
		expect(JSON.stringify(verify)).toContain('"option"');
		expect(JSON.stringify(json)).toContain('"verify"');
	});
});
