import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncToDisk } from './syncToDisk.ts';

const made: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-sync-'));
  made.push(dir);
  return dir;
}

describe('syncToDisk', () => {
  it('syncs a file it may not open for writing (read-only to this user) through a read-only handle', () => {
    const dir = tempDir();
    const file = path.join(dir, 'encryption.key');
    fs.writeFileSync(file, 'key', { mode: 0o400 });
    // The system's refusal to open the file for writing, as a user who does not own it (or as its
    // owner, at 0400) gets it. Root is never refused, so the refusal is what this process is told.
    const open = fs.openSync;
    const opened: string[] = [];
    vi.spyOn(fs, 'openSync').mockImplementation((target, flags, mode) => {
      opened.push(`${String(target)} ${String(flags)}`);
      if (flags === 'r+')
        throw Object.assign(new Error(`EACCES: permission denied, open '${target}'`), { code: 'EACCES' });
      return open(target, flags, mode);
    });
    const synced: number[] = [];
    const fsync = fs.fsyncSync;
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      synced.push(fd);
      fsync(fd);
    });

    syncToDisk(dir, 'tree');

    expect(opened).toEqual([`${file} r+`, `${file} r`, `${dir} r`]);
    expect(synced).toHaveLength(2);
  });

  it('still fails on a file it cannot open at all', () => {
    expect(() => syncToDisk(path.join(tempDir(), 'missing'), 'file')).toThrow(/ENOENT/);
  });
});
