import { z } from 'zod';

/**
 * What `ieum db copy-to-postgres` did (or, with --dry-run, checked and rolled back): the rows of
 * every table of the app's schema, the sequences carried on, and what the operator must keep for
 * the PostgreSQL instances to read what was copied (the key sealed values are under, the access
 * log's checkpoint file).
 */
export const copyToPostgresReportSchema = z
  .object({
    dryRun: z.boolean(),
    /** Whether the rows are now in the target (false for a dry run: everything was rolled back). */
    copied: z.boolean(),
    /** The embedded data directory copied from (IEUM_DATA_DIR). */
    dataDir: z.string(),
    /** Every table of the app's schema in the order copied (foreign keys first), with its rows. */
    tables: z.array(z.object({ table: z.string(), rows: z.number().int() })),
    totalRows: z.number().int(),
    /** Sequences set on the target to continue after the copied values. */
    sequences: z.array(z.object({ sequence: z.string(), lastValue: z.string().nullable() })),
    /** Where the master key the sealed columns are encrypted under comes from on the embedded side. */
    encryptionKey: z.object({
      source: z.enum(['environment', 'file']),
      /** The key file, when the key is `encryption.key` in the data directory. */
      file: z.string().optional(),
    }),
    /** The access log's signed checkpoint file the PostgreSQL instance must keep using. */
    accessLogCheckpointFile: z.string(),
  })
  .meta({ id: 'CopyToPostgresReport' });

/** A copy report. */
export type CopyToPostgresReport = z.output<typeof copyToPostgresReportSchema>;
