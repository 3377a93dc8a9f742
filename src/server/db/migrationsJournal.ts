import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../projectRoot.ts';

const folder = fileURLToPath(new URL('src/server/db/migrations', projectRoot));

/** The migrations this code applies, and fingerprints naming them. */
export const migrationsJournal = {
  folder,
  /**
   * Which migrations are applied: drizzle decides by the journal alone (an applied migration is
   * never run again), so its content names the schema version of an existing database.
   */
  fingerprint(from: string = folder): string {
    return createHash('sha256')
      .update(fs.readFileSync(path.join(from, 'meta/_journal.json')))
      .digest('hex');
  },
  /** The migrations' names (their tags: `0036_account_locale_chosen`), in the order they apply. */
  tags(from: string = folder): string[] {
    const journal: unknown = JSON.parse(fs.readFileSync(path.join(from, 'meta/_journal.json'), 'utf8'));
    const entries =
      typeof journal === 'object' && journal !== null ? Reflect.get(journal, 'entries') : undefined;
    return Array.isArray(entries)
      ? entries.map((entry: unknown) =>
          String(typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'tag') : entry),
        )
      : [];
  },
  /**
   * What a database migrated from nothing holds: the journal and every migration's SQL (an edited
   * migration changes a fresh database, though not one that already applied it).
   */
  contentFingerprint(from: string = folder): string {
    const hash = createHash('sha256').update(fs.readFileSync(path.join(from, 'meta/_journal.json')));
    for (const file of fs
      .readdirSync(from)
      .filter((name) => name.endsWith('.sql'))
      .sort())
      hash
        .update('\0')
        .update(file)
        .update('\0')
        .update(fs.readFileSync(path.join(from, file)));
    return hash.digest('hex');
  },
};
