import type { AppContext } from '../server/appContext.ts';
import { rotateEncryptionKey } from '../server/services/keys/rotateEncryptionKey.ts';

/** Usage lines of the key commands, appended to the CLI's usage. */
export const KEY_USAGE = `  ieum key rotate                            re-encrypt every sealed value and access-log reason under
                                             IEUM_ENCRYPTION_KEY (previous keys in IEUM_ENCRYPTION_OLD_KEYS),
                                             recompute the blind indexes, retire the previous keys`;

/** Runs `key rotate`; returns false for any other command. */
export async function runKeyCommand(
  resource: string | undefined,
  verb: string | undefined,
  withContext: <T>(run: (ctx: AppContext) => Promise<T>) => Promise<T>,
  print: (line: string) => void,
): Promise<boolean> {
  if (resource !== 'key' || verb !== 'rotate') return false;
  const report = await withContext((ctx) => rotateEncryptionKey(ctx));
  for (const table of report.tables) print(`${table.table}: ${table.rows} row(s) re-encrypted`);
  print(`audit_events: ${report.accessLogReasons} reason(s) re-encrypted`);
  if (report.unreadable > 0) {
    print(
      `${report.unreadable} value(s) no configured key can open were left as they are (see the log); no key was retired. Add the key they were written with to IEUM_ENCRYPTION_OLD_KEYS and run again.`,
    );
    process.exitCode = 1;
    return true;
  }
  print(
    report.retiredKeyIds.length > 0
      ? `everything is under key ${report.currentKeyId}; retired ${report.retiredKeyIds.join(', ')}: they may leave IEUM_ENCRYPTION_OLD_KEYS (keep them while \`ieum access-log verify\` should check the access-log rows they chained)`
      : `everything is under key ${report.currentKeyId}; no previous key to retire`,
  );
  return true;
}
