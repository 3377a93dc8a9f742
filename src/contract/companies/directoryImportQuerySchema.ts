import { z } from 'zod';

/** Query of `POST /api/v1/companies/import`: `dryRun=true` checks and reports without writing. */
export const directoryImportQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun은 true 또는 false입니다' })
    .default('false')
    .transform((value) => value === 'true'),
});

/** Parsed query. */
export type DirectoryImportQuery = z.output<typeof directoryImportQuerySchema>;
