import { parseArgs } from 'node:util';
import type { CopyToPostgresReport } from '../contract/database/copyToPostgresReportSchema.ts';
import { readEnv } from '../server/env.ts';
import { copyEmbeddedToPostgres } from '../server/services/database/copyEmbeddedToPostgres.ts';

/** Usage lines of the database commands, appended to the CLI's usage. */
export const DB_USAGE = `  ieum db copy-to-postgres --database-url URL [--dry-run] [--json]
                                             copy the embedded database (IEUM_DATA_DIR, server stopped) into an
                                             empty PostgreSQL database, in one transaction; prints rows per table`;

/** A wrong use of the database commands (printed with the usage). */
export class DbUsageError extends Error {}

/** The report as lines for a terminal: rows per table, then what the PostgreSQL instances need. */
export function formatCopyReport(report: CopyToPostgresReport): string[] {
  const width = Math.max(...report.tables.map((entry) => entry.table.length));
  const lines = [
    report.dryRun
      ? `dry run: ${report.totalRows} row(s) in ${report.tables.length} tables of ${report.dataDir} copy cleanly; rolled back, nothing written (the target's schema is migrated)`
      : `copied ${report.totalRows} row(s) in ${report.tables.length} tables from ${report.dataDir}; row counts checked on both sides`,
    ...report.tables.map((entry) => `  ${entry.table.padEnd(width)}  ${entry.rows}`),
  ];
  const key =
    report.encryptionKey.source === 'file'
      ? `the contents of ${report.encryptionKey.file}`
      : 'the IEUM_ENCRYPTION_KEY the embedded server runs with';
  lines.push(
    `Sealed personal data was copied as stored, still encrypted: start every PostgreSQL instance with IEUM_ENCRYPTION_KEY set to ${key} (and IEUM_ENCRYPTION_OLD_KEYS as before, if any).`,
    `Keep the access-log checkpoint ${report.accessLogCheckpointFile}: start the first instance with this IEUM_DATA_DIR (or IEUM_ACCESS_LOG_CHECKPOINT_FILE pointing at it), so \`ieum access-log verify\` still proves the newest rows were not removed.`,
  );
  if (report.dryRun) lines.push('Run again without --dry-run to copy.');
  return lines;
}

/** Runs `db copy-to-postgres`; returns false for any other command. */
export async function runDbCommand(
  resource: string | undefined,
  args: readonly string[],
  print: (line: string) => void,
): Promise<boolean> {
  if (resource !== 'db') return false;
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      'database-url': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const [verb, ...extra] = positionals;
  if (verb !== 'copy-to-postgres' || extra.length > 0)
    throw new DbUsageError(`unknown command: ${['db', ...positionals].join(' ')}`);
  const databaseUrl = values['database-url'];
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new DbUsageError(
      'db copy-to-postgres needs --database-url postgres://… (the empty target database)',
    );
  // The source is always the embedded directory: DATABASE_URL in the environment is not read here.
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const report = await copyEmbeddedToPostgres(readEnv(environment), {
    databaseUrl,
    dryRun: values['dry-run'],
  });
  if (values.json) print(JSON.stringify(report, null, 2));
  else for (const line of formatCopyReport(report)) print(line);
  return true;
}
