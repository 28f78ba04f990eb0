import { z } from 'zod';
import { glossaryFileSchema } from './glossary-schema';
import { lessonFrontMatterSchema } from './lesson-schema';
import { misconceptionsFileSchema, questionFileSchema } from './question-schema';
import { topicsFileSchema } from './topic-schema';

/** The content schemas editors validate against, by output file name (static/schemas/NAME). */
export const contentSchemas: Record<string, z.ZodType> = {
	'topics.schema.json': topicsFileSchema,
	'glossary.schema.json': glossaryFileSchema,
	'questions.schema.json': questionFileSchema,
	'misconceptions.schema.json': misconceptionsFileSchema,
	'lesson-front-matter.schema.json': lessonFrontMatterSchema
};

/** JSON Schema (draft 2020-12) text for one zod schema, as editors read it. */
export function toJsonSchemaText(name: string, schema: z.ZodType): string {
	const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'ref' });
	return JSON.stringify({ ...json, $id: `/schemas/${name}` }, null, '\t') + '\n';
}
