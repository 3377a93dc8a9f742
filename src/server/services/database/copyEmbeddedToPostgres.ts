import fs from 'node:fs';
import path from 'node:path';
import type { CopyToPostgresReport } from '../../../contract/database/copyToPostgresReportSchema.ts';
import { KEY_FILE_NAME } from '../../crypto/loadFieldKeys.ts';
import { DataDirLockedError } from '../../db/acquireDataDirLock.ts';
import { copyDatabaseRows } from '../../db/copyDatabaseRows.ts';
import { CopyRefusedError } from '../../db/copyRefusedError.ts';
import { type OpenDatabase, openDatabase } from '../../db/openDatabase.ts';
import type { Env } from '../../env.ts';
import { accessLogCheckpoint } from '../privacy/accessLogCheckpoint.ts';

/** Opens the embedded database to copy from: one that exists, and that no server holds. */
async function openEmbedded(dataDir: string): Promise<OpenDatabase> {
  // Opening a directory without a database would make an empty one, and copy nothing.
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION')))
    throw new CopyRefusedError(
      `no embedded database in ${dataDir}: set IEUM_DATA_DIR to the directory the server ran on`,
    );
  try {
    return await openDatabase({ kind: 'pglite', dataDir });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new CopyRefusedError(
      `the embedded database in ${dataDir} is in use by a running ieum process (pid ${error.pid}): stop the server first — the copy must read the data at rest, and what a running server wrote during it would not be copied`,
    );
  }
}

/**
 * Copies the embedded database (IEUM_DATA_DIR) into the PostgreSQL at `databaseUrl`, migrated
 * here with the app's own migrations and required to hold no rows yet: every table, sealed
 * columns as stored (still under the embedded key), sequences continued. The report says what was
 * copied and where the key and the access-log checkpoint the PostgreSQL instances need are.
 */
export async function copyEmbeddedToPostgres(
  env: Env,
  input: { databaseUrl: string; dryRun: boolean },
): Promise<CopyToPostgresReport> {
  const source = await openEmbedded(env.IEUM_DATA_DIR);
  try {
    const target = await openDatabase({ kind: 'postgres', url: input.databaseUrl });
    try {
      const copied = await copyDatabaseRows(source.db, target.db, { dryRun: input.dryRun });
      return {
        dryRun: input.dryRun,
        copied: !input.dryRun,
        dataDir: env.IEUM_DATA_DIR,
        tables: copied.tables,
        totalRows: copied.tables.reduce((sum, table) => sum + table.rows, 0),
        sequences: copied.sequences,
        encryptionKey: env.IEUM_ENCRYPTION_KEY
          ? { source: 'environment' }
          : { source: 'file', file: path.join(env.IEUM_DATA_DIR, KEY_FILE_NAME) },
        accessLogCheckpointFile: accessLogCheckpoint.fileOf(env),
      };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
