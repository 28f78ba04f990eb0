import type { z } from 'zod';

/** Schemas owned by other domains (scenarios, packs) that editors should also get. */
export const extraSchemas: Record<string, z.ZodType> = {};
