// Writes the JSON Schemas of every content kind to static/schemas/ (run before each build), so
// editors validate and complete content files through their `# yaml-language-server: $schema=` line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { contentSchemas, toJsonSchemaText } from '../src/lib/content/json-schemas';
import { extraSchemas } from '../src/lib/content/json-schemas-extra';

mkdirSync('static/schemas', { recursive: true });
for (const [name, schema] of Object.entries({ ...contentSchemas, ...extraSchemas })) {
	writeFileSync(`static/schemas/${name}`, toJsonSchemaText(name, schema));
}
console.log(
	`wrote ${Object.keys({ ...contentSchemas, ...extraSchemas }).length} JSON Schemas to static/schemas/`
);
