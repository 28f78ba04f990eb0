import { z } from 'zod';
import { httpUrl, kebabId, lessonRef, text } from './common-schema';

export const glossaryEntrySchema = z.strictObject({
	id: kebabId,
	term: text,
	/** Other spellings that link to this entry from lesson text. */
	aliases: z.array(text).optional(),
	/** Markdown. */
	definition: text,
	sources: z.array(httpUrl).optional(),
	lessons: z.array(lessonRef).optional()
});

export const glossaryFileSchema = z.strictObject({ terms: z.array(glossaryEntrySchema).min(1) });

export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;
