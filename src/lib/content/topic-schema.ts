import { z } from 'zod';
import { kebabId, text } from './common-schema';

export const topicSchema = z.strictObject({
	id: kebabId,
	title: text,
	summary: text,
	/** Other names accepted for this topic (e.g. scenario files say `web-identity` for `mobile`). */
	aliases: z.array(kebabId).optional()
});

export const topicsFileSchema = z.strictObject({ topics: z.array(topicSchema).min(1) });

export type Topic = z.output<typeof topicSchema>;

/** Maps every id and alias to its topic id. */
export function topicResolver(topics: Topic[]): (name: string) => string | undefined {
	const byName = new Map<string, string>();
	for (const t of topics) {
		byName.set(t.id, t.id);
		for (const a of t.aliases ?? []) byName.set(a, t.id);
	}
	return (name) => byName.get(name);
}
