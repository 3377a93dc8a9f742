import { z } from 'zod';

/** Answer of `POST /api/v1/retention/purge`: what the purge erased (or would erase, on a dry run). */
export const retentionPurgeReportSchema = z.object({
  dryRun: z.boolean(),
  at: z.string(),
  records: z.array(z.object({ kind: z.string(), id: z.string(), retentionEndedAt: z.string() })),
  accessLogRows: z.number().int(),
});

/** The purge report as clients read it. */
export type RetentionPurgeReport = z.output<typeof retentionPurgeReportSchema>;
