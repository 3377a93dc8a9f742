import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DurableNodeFS } from './durableNodeFs.ts';
import { openDatabase } from './openDatabase.ts';
import { queryRows } from './queryRows.ts';

const made: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-durable-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('DurableNodeFS', () => {
  it('syncs the WAL to the disk at every commit, before the commit is answered', async () => {
    // Each sync the engine asks for, as the file it reached (this process's descriptor table).
    const synced: string[] = [];
    const sync = (fd: number) => {
      synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
      fs.fsyncSync(fd);
    };
    const dataDir = tempDataDir();
    const client = await PGlite.create({
      fs: new DurableNodeFS(dataDir, sync),
      startParams: [...PGlite.defaultStartParams, ...DurableNodeFS.startParams],
    });
    try {
      expect((await client.query<{ fsync: string }>('show fsync')).rows[0]?.fsync).toBe('on');
      await client.exec('create table probe (n integer)');
      for (let n = 1; n <= 3; n++) {
        synced.length = 0;
        await client.query('insert into probe values ($1)', [n]);
        const wal = synced.filter((file) => file.startsWith(path.join(dataDir, 'pg_wal')));
        expect(wal, `commit ${n} synced ${JSON.stringify(synced)}`).not.toHaveLength(0);
      }
      // A read commits nothing: nothing to sync.
      synced.length = 0;
      await client.query('select count(*) from probe');
      expect(synced).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('puts a database that PGlite creates in place (no template) on the disk whole before anything commits on it', async () => {
    // Each file synced, as this process's descriptor table names it. fs.fsyncSync is Node's: both
    // the engine's syncs (DurableNodeFS) and the directory-wide one go through it.
    const synced = new Set<string>();
    const fsyncSync = fs.fsyncSync;
    const spy = vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
      synced.add(fs.readlinkSync(`/proc/self/fd/${fd}`));
      fsyncSync(fd);
    });
    // What initdb writes, seen in a directory of its own.
    const bare = tempDataDir();
    await (await PGlite.create(bare)).close();
    const filesOf = (dir: string) =>
      fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
    const initdbFiles = filesOf(bare);
    const dataDir = tempDataDir();
    // A template cache with no template in it: initdb and every migration run in the data directory.
    const database = await openDatabase({ kind: 'pglite', dataDir, template: { cacheDir: tempDataDir() } });
    try {
      expect(database.createdFromTemplate).toBe(false);
      expect(initdbFiles.length).toBeGreaterThan(500);
      // Files the migrations create later are the engine's own to make durable (WAL, checkpoints).
      const unsynced = initdbFiles.filter(
        (file) => fs.existsSync(path.join(dataDir, file)) && !synced.has(path.join(dataDir, file)),
      );
      expect(unsynced).toEqual([]);
      expect(synced).toContain(path.join(dataDir, 'global'));
    } finally {
      spy.mockRestore();
      await database.close();
    }
  });

  it('is what the embedded database opens with: fsync on, through the one method PGlite makes reach the disk', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: tempDataDir() });
    try {
      const settings = await queryRows(
        database.db,
        sql`select name, setting from pg_settings where name in ('fsync', 'wal_sync_method', 'synchronous_commit') order by name`,
        z.object({ name: z.string(), setting: z.string() }),
      );
      expect(settings).toEqual([
        { name: 'fsync', setting: 'on' },
        { name: 'synchronous_commit', setting: 'on' },
        { name: 'wal_sync_method', setting: 'fsync' },
      ]);
    } finally {
      await database.close();
    }
  });

  it('ends the process with a message when the disk refuses a write, instead of leaving the engine spinning', async () => {
    // In a process of its own, as the server: the engine there is told its WAL cannot be written
    // (what Node reports on a full disk), which left it spinning at full CPU for good.
    const dataDir = tempDataDir();
    const script = path.join(dataDir, '..', `${path.basename(dataDir)}-child.ts`);
    made.push(script);
    fs.writeFileSync(
      script,
      `
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from ${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))};
import { DurableNodeFS } from ${JSON.stringify(new URL('./durableNodeFs.ts', import.meta.url).pathname)};
const dataDir = ${JSON.stringify(dataDir)};
const client = await PGlite.create({
  fs: new DurableNodeFS(dataDir),
  startParams: [...PGlite.defaultStartParams, ...DurableNodeFS.startParams],
});
await client.exec('create table probe (n integer)');
console.log('armed');
const writeSync = fs.writeSync;
fs.writeSync = (fd, ...rest) => {
  if (fs.readlinkSync('/proc/self/fd/' + fd).startsWith(path.join(dataDir, 'pg_wal'))) {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
  }
  return writeSync(fd, ...rest);
};
// The engine answers this commit with an error; the next request then finds it spinning.
await client.query('insert into probe values (1)').catch(() => {});
await client.query('insert into probe values (2)');
console.log('answered');
`,
    );
    const child = spawn(process.execPath, [script], {
      cwd: path.dirname(new URL(import.meta.url).pathname),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    // The 15 s allowed for the refused write start once the engine is up and the fault armed: on a
    // loaded machine PGlite's own start (initdb) can take most of that, which is not what is tested.
    const ended = await new Promise<number | null | 'spinning' | 'never armed'>((resolve) => {
      const giveUp = (outcome: 'spinning' | 'never armed') => {
        child.kill('SIGKILL');
        resolve(outcome);
      };
      const startTimer = setTimeout(() => giveUp('never armed'), 75_000);
      let timer: NodeJS.Timeout | undefined;
      child.stdout.on('data', (chunk) => {
        if (timer === undefined && String(chunk).includes('armed')) {
          clearTimeout(startTimer);
          timer = setTimeout(() => giveUp('spinning'), 15_000);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(startTimer);
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(ended).toBe(1);
    expect(stderr).toContain(`ieum stopped: the embedded database could not write in ${dataDir}`);
    expect(stderr).toContain('replayed at the next start');
  }, 90_000);
});
