import { z } from 'zod';
import { searchHitSchema } from './searchHitSchema.ts';

/** `GET /api/v1/search`: the query as understood and the hits, best first. */
export const searchResultsSchema = z.object({ query: z.string(), results: z.array(searchHitSchema) });
