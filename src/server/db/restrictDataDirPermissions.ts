import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes the embedded data directory private to this user: directories 0700, files 0600. PGlite
 * writes its files (WAL, postgresql.conf, tables) with mode 0666 whatever the umask, so every row
 * of personal data would otherwise be readable by any local account. Called when the database is
 * opened and closed; files PGlite creates in between are still behind the 0700 directory.
 */
export function restrictDataDirPermissions(dataDir: string): void {
  const walk = (dir: string): void => {
    fs.chmodSync(dir, 0o700);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) fs.chmodSync(full, 0o600);
    }
  };
  if (fs.existsSync(dataDir)) walk(dataDir);
}
