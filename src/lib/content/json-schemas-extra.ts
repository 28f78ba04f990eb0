import type { z } from 'zod';
import { packSchema } from './pack-schema';
import { scenarioSchema } from './scenario-schema';

/** Schemas owned by other domains (scenarios, packs) that editors should also get. */
export const extraSchemas: Record<string, z.ZodType> = {
	/** content/scenarios/*.yaml (the simulator's scenario contract plus the project's fields). */
	'scenario.schema.json': scenarioSchema,
	/** Content packs (`npm run content:pack` output, loaded on the Author page). */
	'pack.schema.json': packSchema
};
