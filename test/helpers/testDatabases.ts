import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrationsJournal } from '../../src/server/db/migrationsJournal.ts';
import { type OpenDatabase, openDatabase } from '../../src/server/db/openDatabase.ts';

/** A database backend the integration suite runs on. */
export type TestBackend = { name: 'pglite' | 'postgres'; open: () => Promise<OpenDatabase> };

const cacheDir = path.resolve(import.meta.dirname, '../../node_modules/.cache/ieum');
const CACHE_PREFIX = 'test-pglite-';
// Bumped when the way the cached data directory is made changes.
const CACHE_FORMAT = '1';

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve(name));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest ? Reflect.get(manifest, 'version') : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

// Named by everything that makes it: PGlite, drizzle's migrator and every migration's content.
function cachePath(): string {
  const fingerprint = createHash('sha256')
    .update(
      [
        CACHE_FORMAT,
        packageVersion('@electric-sql/pglite'),
        packageVersion('drizzle-orm'),
        migrationsJournal.contentFingerprint(),
      ].join('\0'),
    )
    .digest('hex');
  return path.join(cacheDir, `${CACHE_PREFIX}${fingerprint}.tar`);
}

async function migrateAndDump(): Promise<Blob> {
  const client = await PGlite.create();
  await openDatabase({ kind: 'pglite-instance', client });
  const dump = await client.dumpDataDir('none');
  await client.close();
  return dump;
}

let migrated: Promise<Blob> | null = null;

// A fresh in-memory PGlite costs ~3 s (initdb, then the migrations) and ~400 MB; one loaded from a
// migrated data directory costs a fraction. That directory is made once and kept on the disk, so
// the suite's ~75 files (each its own worker) do not each run initdb and the migrations again.
// What each file gets is what PGlite.clone() of a freshly migrated instance gives: the same tar.
async function migratedDataDir(): Promise<Blob> {
  migrated ??= (async () => {
    const file = cachePath();
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const dump = await migrateAndDump();
    fs.mkdirSync(cacheDir, { recursive: true });
    // Written beside, then renamed into place: a file running meanwhile reads the whole dump or none.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
    for (const entry of fs.readdirSync(cacheDir))
      if (entry.startsWith(CACHE_PREFIX) && entry.endsWith('.tar') && path.join(cacheDir, entry) !== file)
        fs.rmSync(path.join(cacheDir, entry), { force: true });
    return dump;
  })();
  return migrated;
}

async function openPglite(): Promise<OpenDatabase> {
  const copy = await PGlite.create({ loadDataDir: await migratedDataDir() });
  return openDatabase({ kind: 'pglite-instance', client: copy, closeClient: true });
}

async function openPostgres(adminUrl: string): Promise<OpenDatabase> {
  const name = `ieum_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * The backends to run the integration suite on: the embedded PGlite always, and a real
 * PostgreSQL when IEUM_TEST_DATABASE_URL names one (CI starts one from Debian's package).
 */
export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'pglite', open: openPglite }];
  const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
  if (adminUrl) backends.push({ name: 'postgres', open: () => openPostgres(adminUrl) });
  return backends;
}
