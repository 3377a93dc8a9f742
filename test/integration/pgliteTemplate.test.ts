import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { migrationsJournal } from '../../src/server/db/migrationsJournal.ts';
import { openDatabase } from '../../src/server/db/openDatabase.ts';
import { pgliteTemplate } from '../../src/server/db/pgliteTemplate.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { readEnv } from '../../src/server/env.ts';
import { startServer } from '../../src/server/startServer.ts';

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string() })) });
const identifierRow = z.object({ id: z.string() });
const countRow = z.object({ n: z.number() });

/** Opens a data directory as the server does; its cluster's identifier (one per initdb) and migrations. */
async function openAndDescribe(dataDir: string, cacheDir: string) {
  const database = await openDatabase({ kind: 'pglite', dataDir, template: { cacheDir } });
  try {
    const [identifier] = await queryRows(
      database.db,
      sql`select system_identifier::text as id from pg_control_system()`,
      identifierRow,
    );
    const [migrations] = await queryRows(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      countRow,
    );
    return {
      identifier: identifier?.id,
      migrations: migrations?.n,
      createdFromTemplate: database.createdFromTemplate,
    };
  } finally {
    await database.close();
  }
}

// The embedded database's template (prestart builds it): a fresh data directory starts as a copy
// of it instead of running initdb and the migrations, and only when the template was made from
// exactly these migrations.
describe('the embedded database template', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-template-'));
  const cacheDir = path.join(scratch, 'cache');
  const olderMigrations = path.join(scratch, 'older-migrations');
  const journal = journalSchema.parse(
    JSON.parse(fs.readFileSync(path.join(migrationsJournal.folder, 'meta/_journal.json'), 'utf8')),
  );
  const migrationCount = journal.entries.length;
  const dataDir = (name: string) => path.join(scratch, name);

  beforeAll(async () => {
    // The migrations as they were one migration ago: its template is what an install that has not
    // rebuilt its template since the last migration landed has.
    fs.cpSync(migrationsJournal.folder, olderMigrations, { recursive: true });
    const raw: unknown = JSON.parse(
      fs.readFileSync(path.join(olderMigrations, 'meta/_journal.json'), 'utf8'),
    );
    const last = journal.entries.at(-1);
    if (
      !last ||
      typeof raw !== 'object' ||
      raw === null ||
      !('entries' in raw) ||
      !Array.isArray(raw.entries)
    )
      throw new Error('the journal has no entries');
    fs.writeFileSync(
      path.join(olderMigrations, 'meta/_journal.json'),
      JSON.stringify({ ...raw, entries: raw.entries.slice(0, -1) }),
    );
    fs.rmSync(path.join(olderMigrations, `${last.tag}.sql`));
    await pgliteTemplate.build({ cacheDir, migrationsFolder: olderMigrations });
  }, 120_000);
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('is never used for other migrations: a changed migration or one more names another template', () => {
    const fresh = dataDir('other-migrations');
    fs.mkdirSync(fresh);
    expect(pgliteTemplate.exists({ cacheDir, migrationsFolder: olderMigrations })).toBe(true);
    expect(pgliteTemplate.exists({ cacheDir })).toBe(false);
    expect(pgliteTemplate.copyInto(fresh, { cacheDir })).toBe(false);
    expect(fs.readdirSync(fresh)).toEqual([]);

    // The same journal with one migration's SQL edited is another template too.
    const edited = path.join(scratch, 'edited-migrations');
    fs.cpSync(olderMigrations, edited, { recursive: true });
    const first = journal.entries[0];
    if (!first) throw new Error('the journal has no entries');
    fs.appendFileSync(path.join(edited, `${first.tag}.sql`), '\n-- edited\n');
    expect(pgliteTemplate.path({ cacheDir, migrationsFolder: edited })).not.toBe(
      pgliteTemplate.path({ cacheDir, migrationsFolder: olderMigrations }),
    );
  });

  it('fills a fresh data directory with every migration and nothing of a start, and is replaced when migrations change', async () => {
    const older = pgliteTemplate.path({ cacheDir, migrationsFolder: olderMigrations });
    const built = await pgliteTemplate.build({ cacheDir });
    expect(built.built).toBe(true);
    // The template of the older migrations is gone; what is kept holds PostgreSQL's files only.
    expect(fs.existsSync(older)).toBe(false);
    expect(fs.readdirSync(cacheDir)).toEqual([path.basename(built.path)]);
    const templateFiles = fs.readdirSync(built.path);
    expect(templateFiles).toContain('PG_VERSION');
    expect(templateFiles.filter((name) => name.startsWith('ieum') || name.endsWith('.key'))).toEqual([]);
    expect(fs.statSync(built.path).mode & 0o077).toBe(0);
    expect((await pgliteTemplate.build({ cacheDir })).built).toBe(false);

    // What the directory already held (the key file a start writes first) is left alone.
    const a = dataDir('a');
    fs.mkdirSync(a);
    fs.writeFileSync(path.join(a, 'encryption.key'), 'kept');
    const first = await openAndDescribe(a, cacheDir);
    const second = await openAndDescribe(dataDir('b'), cacheDir);
    expect(first).toMatchObject({ migrations: migrationCount, createdFromTemplate: true });
    expect(second).toMatchObject({ migrations: migrationCount, createdFromTemplate: true });
    // One cluster copied twice (two initdb runs never share an identifier).
    expect(first.identifier).toBe(second.identifier);
    expect(fs.readFileSync(path.join(a, 'encryption.key'), 'utf8')).toBe('kept');
    // The next open is the same database, not a new copy.
    expect(await openAndDescribe(a, cacheDir)).toEqual({ ...first, createdFromTemplate: false });
  }, 120_000);

  it('redoes a copy cut short (no PG_VERSION yet) rather than opening it', async () => {
    const cut = dataDir('cut-short');
    const template = pgliteTemplate.path({ cacheDir });
    fs.mkdirSync(cut);
    fs.cpSync(path.join(template, 'base'), path.join(cut, 'base'), { recursive: true });
    fs.writeFileSync(path.join(cut, 'base', 'left-over'), 'partial');
    const opened = await openAndDescribe(cut, cacheDir);
    expect(opened.migrations).toBe(migrationCount);
    expect(opened.identifier).toBe((await openAndDescribe(dataDir('a'), cacheDir)).identifier);
    expect(fs.existsSync(path.join(cut, 'base', 'left-over'))).toBe(false);
  }, 60_000);

  it('names the data directory when the disk refuses the copy (a full disk), and a later start finishes it', async () => {
    await pgliteTemplate.build({ cacheDir });
    const full = dataDir('full-disk');
    fs.mkdirSync(full);
    // The disk fills during the copy: the large files are written through descriptors, whose
    // errors name no file (ENOSPC … write).
    const writeSync = fs.writeSync;
    const spy = vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    try {
      expect(() => pgliteTemplate.copyInto(full, { cacheDir })).toThrow(
        `could not create the embedded database in ${full} (ENOSPC: no space left on device, write)`,
      );
    } finally {
      spy.mockRestore();
    }
    expect(fs.writeSync).toBe(writeSync);
    const opened = await openAndDescribe(full, cacheDir);
    expect(opened).toMatchObject({ migrations: migrationCount, createdFromTemplate: true });
  }, 60_000);

  it('gives a first start of the server its own key: recorded in the copy, and another key is refused next time', async () => {
    // The installation's own template, as prestart builds it.
    await pgliteTemplate.build();
    const dataDir = path.join(scratch, 'server');
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      IEUM_DATA_DIR: dataDir,
      IEUM_WEB_DIR: '/nonexistent',
      IEUM_PURGE_INTERVAL_MINUTES: '0',
      IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    const server = await startServer(readEnv(env), pino({ level: 'silent' }));
    try {
      expect(server.ctx.database.createdFromTemplate).toBe(true);
      const keys = await queryRows(
        server.ctx.database.db,
        sql`select count(*)::int as n from encryption_keys`,
        countRow,
      );
      expect(keys).toEqual([{ n: 1 }]);
      expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await server.stop();
    }
    await expect(
      startServer(
        readEnv({ ...env, IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64') }),
        pino({ level: 'silent' }),
      ),
    ).rejects.toThrow(/IEUM_ENCRYPTION_KEY does not match this database/);
  }, 120_000);
});
