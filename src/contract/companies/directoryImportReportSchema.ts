import { z } from 'zod';

/**
 * What a directory import did (or, in a dry run, would do): rows accepted, every refused row by
 * line with why (in the caller's language, Korean by default), and what was written. An import
 * with any refused row writes nothing (`imported: false`).
 */
export const directoryImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    imported: z.boolean(),
    /** 'utf-8', 'cp949', 'utf-16' or 'xlsx'. */
    encoding: z.string(),
    /** Rows holding a value (blank rows are skipped). */
    rows: z.number().int(),
    accepted: z.number().int(),
    refused: z.array(z.object({ line: z.number().int(), reason: z.string() })),
    companies: z.object({ created: z.number().int(), updated: z.number().int() }),
    contacts: z.object({
      /** Rows written (new or replaced contacts). */
      written: z.number().int(),
      /** Contacts of the imported companies that the file no longer lists. */
      removed: z.number().int(),
    }),
  })
  .meta({ id: 'DirectoryImportReport' });

/** An import report. */
export type DirectoryImportReport = z.output<typeof directoryImportReportSchema>;
