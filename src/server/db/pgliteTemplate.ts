import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../projectRoot.ts';
import { syncToDisk } from '../syncToDisk.ts';
import { migrationsJournal } from './migrationsJournal.ts';
import { restrictDataDirPermissions } from './restrictDataDirPermissions.ts';

/** Where templates are kept and which migrations they hold; each defaults to this installation's. */
export type PgliteTemplateOptions = { cacheDir?: string; migrationsFolder?: string };

const defaultCacheDir = fileURLToPath(new URL('node_modules/.cache/ieum', projectRoot));
const PREFIX = 'pglite-template-';
// Written last when a template is copied: PostgreSQL (and PGlite) take a directory without it for
// one holding no database, so a copy cut short is never opened, and is redone.
const VERSION_FILE = 'PG_VERSION';
// Bumped when the way a template is made changes (initdb options, what it holds).
const FORMAT = '3';

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest: unknown = JSON.parse(
    fs.readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8'),
  );
  if (
    typeof manifest === 'object' &&
    manifest &&
    'version' in manifest &&
    typeof manifest.version === 'string'
  )
    return manifest.version;
  throw new Error('the PGlite package names no version');
}

function templatePath(options: PgliteTemplateOptions = {}): string {
  const migrationsFolder = options.migrationsFolder ?? migrationsJournal.folder;
  const fingerprint = createHash('sha256')
    .update(`${FORMAT}\0${pgliteVersion()}\0${migrationsJournal.contentFingerprint(migrationsFolder)}`)
    .digest('hex');
  return path.join(options.cacheDir ?? defaultCacheDir, `${PREFIX}${fingerprint}`);
}

const BLOCK = 64 * 1024;
const zeroBlock = Buffer.alloc(BLOCK);

// Copies a file or directory, each synced to the disk (the database then commits on top of them
// with its own syncs: a power cut must not find a directory that has the marker but lost a file);
// in a file, blocks of zeros are left as holes (the WAL segment is 16 MB of which the template
// uses a few KB): a first start writes a third less.
function copySparse(source: string, target: string): void {
  const stat = fs.statSync(source);
  if (stat.isDirectory()) {
    fs.mkdirSync(target, { mode: 0o700 });
    for (const entry of fs.readdirSync(source))
      copySparse(path.join(source, entry), path.join(target, entry));
    syncToDisk(target, 'directory');
    return;
  }
  if (stat.size < BLOCK) {
    fs.copyFileSync(source, target);
    syncToDisk(target, 'file');
    return;
  }
  const input = fs.openSync(source, 'r');
  const output = fs.openSync(target, 'w', 0o600);
  try {
    const block = Buffer.alloc(BLOCK);
    for (let offset = 0; offset < stat.size; offset += BLOCK) {
      const read = fs.readSync(input, block, 0, BLOCK, offset);
      const data = block.subarray(0, read);
      if (!data.equals(zeroBlock.subarray(0, read))) fs.writeSync(output, data, 0, read, offset);
    }
    fs.ftruncateSync(output, stat.size);
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}

/**
 * A PGlite data directory with every migration applied and nothing else — no key, no user, no
 * setup link, nothing of a start — kept once per installation (prestart builds it, like the server
 * bundle) and copied into a fresh data directory instead of running initdb and the migrations
 * there: those are most of a first start. A template is named by what made it (the PGlite version
 * and every migration's content), so other migrations or another PGlite never find it and the
 * database is created and migrated in place as before.
 */
export const pgliteTemplate = {
  /** The template these migrations and this PGlite would use (whether it exists or not). */
  path: templatePath,

  /** Whether the template for these migrations and this PGlite is in place. */
  exists(options: PgliteTemplateOptions = {}): boolean {
    return fs.existsSync(path.join(templatePath(options), VERSION_FILE));
  },

  /** Builds the template unless it exists; removes templates of other migrations or versions. */
  async build(options: PgliteTemplateOptions = {}): Promise<{ path: string; built: boolean }> {
    const target = templatePath(options);
    const cacheDir = path.dirname(target);
    let built = false;
    if (!fs.existsSync(path.join(target, VERSION_FILE))) {
      fs.mkdirSync(cacheDir, { recursive: true });
      // Built beside, then renamed into place: a start meanwhile finds the whole template or none.
      const building = fs.mkdtempSync(path.join(cacheDir, '.building-'));
      try {
        // Loaded here: checking for the template (every `npm start`) needs none of them.
        const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
          import('@electric-sql/pglite'),
          import('drizzle-orm/pglite'),
          import('drizzle-orm/pglite/migrator'),
        ]);
        // Old WAL segments removed rather than kept for reuse, so after the switch below the
        // template's WAL is one segment holding only the last checkpoint: zeros, which
        // copyInto skips.
        const client = await PGlite.create(building, {
          startParams: [...PGlite.defaultStartParams, '-c', 'wal_recycle=off'],
        });
        try {
          await migrate(drizzle(client), {
            migrationsFolder: options.migrationsFolder ?? migrationsJournal.folder,
          });
          // ieum uses the one database PGlite opens: the two template databases initdb makes
          // for CREATE DATABASE are half the cluster's files, and a first start creates every
          // file it copies (~0.4 ms each on this machine's disk).
          for (const name of ['template0', 'template1']) {
            await client.query(`alter database ${name} is_template false`);
            await client.query(`drop database ${name}`);
          }
          await client.query('checkpoint');
          await client.query('select pg_switch_wal()');
          await client.query('checkpoint');
        } finally {
          await client.close();
        }
        restrictDataDirPermissions(building);
        // PGlite wrote it without syncing (the template needs no commit to be durable, only the
        // whole of it to be on the disk before it is put in place for every first start).
        syncToDisk(building, 'tree');
        try {
          fs.renameSync(building, target);
          syncToDisk(cacheDir, 'directory');
          built = true;
        } catch (error) {
          // Another build (a second start's prestart) put the same template in place first.
          if (!fs.existsSync(path.join(target, VERSION_FILE))) throw error;
        }
      } finally {
        fs.rmSync(building, { recursive: true, force: true });
      }
    }
    for (const entry of fs.readdirSync(cacheDir))
      if (entry.startsWith(PREFIX) && path.join(cacheDir, entry) !== target)
        fs.rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
    return { path: target, built };
  },

  /**
   * Fills a data directory that holds no database from the template, when there is one for these
   * migrations; false (nothing done) otherwise. What else the directory holds (the key file, the
   * lock) is left alone.
   */
  copyInto(dataDir: string, options: PgliteTemplateOptions = {}): boolean {
    if (fs.existsSync(path.join(dataDir, VERSION_FILE))) return false;
    const source = templatePath(options);
    if (!fs.existsSync(path.join(source, VERSION_FILE))) return false;
    const entries = fs.readdirSync(source).filter((entry) => entry !== VERSION_FILE);
    // Whatever a copy cut short left is PostgreSQL's own (the template's names), with no database.
    for (const entry of entries) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    try {
      for (const entry of entries) copySparse(path.join(source, entry), path.join(dataDir, entry));
    } catch (error) {
      // The copy writes through descriptors, so Node's message names no file: say where, and that a
      // later start finishes the copy (whatever this one left is the template's own, redone then).
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `could not create the embedded database in ${dataDir} (${reason}); free space or fix the directory there, then start again`,
        { cause: error },
      );
    }
    // The marker last, once everything it vouches for is on the disk.
    syncToDisk(dataDir, 'directory');
    fs.copyFileSync(path.join(source, VERSION_FILE), path.join(dataDir, VERSION_FILE));
    syncToDisk(path.join(dataDir, VERSION_FILE), 'file');
    syncToDisk(dataDir, 'directory');
    return true;
  },
};
