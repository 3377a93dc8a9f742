import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './openDatabase.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-modes-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Every path under dir whose permission bits are not the expected ones. */
function looseModes(dir: string): string[] {
  const loose: string[] = [];
  const walk = (current: string): void => {
    const mode = fs.statSync(current).mode & 0o777;
    if (mode !== 0o700) loose.push(`${current} ${mode.toString(8)}`);
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if ((fs.statSync(full).mode & 0o777) !== 0o600)
        loose.push(`${full} ${(fs.statSync(full).mode & 0o777).toString(8)}`);
    }
  };
  walk(dir);
  return loose;
}

describe('the embedded data directory', () => {
  it('is private to its user: directories 0700, files (WAL, postgresql.conf, tables) 0600', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(looseModes(dataDir)).toEqual([]);
    await database.db.execute(sql`create table mode_probe (x int)`);
    await database.db.execute(sql`insert into mode_probe values (1)`);
    await database.close();
    expect(fs.existsSync(path.join(dataDir, 'postgresql.conf'))).toBe(true);
    expect(looseModes(dataDir)).toEqual([]);
  });
});
