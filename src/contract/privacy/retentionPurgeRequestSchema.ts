import { z } from 'zod';

/** Body of `POST /api/v1/retention/purge`. */
export const retentionPurgeRequestSchema = z.strictObject({ dryRun: z.boolean().default(true) });
