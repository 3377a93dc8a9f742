import fs from 'node:fs';
import path from 'node:path';
import { errorCodeOf } from './errorCodeOf.ts';

/**
 * Syncs a file, a directory's entries (a file just created or renamed into it), or a whole tree
 * (every file and directory under it, then itself) to the disk, so a power cut after this returns
 * cannot lose it. A file is opened for writing, which some systems (Windows) require to sync it,
 * and a failure to sync it is thrown. A directory cannot be opened for that on every system; there
 * its entries are as safe as the system makes them.
 */
export function syncToDisk(target: string, kind: 'file' | 'directory' | 'tree'): void {
  if (kind === 'tree') {
    for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
      const inner = path.join(target, entry.name);
      if (entry.isDirectory()) syncToDisk(inner, 'tree');
      else if (entry.isFile()) syncToDisk(inner, 'file');
    }
    syncToDisk(target, 'directory');
    return;
  }
  let fd: number;
  try {
    fd = fs.openSync(target, kind === 'file' ? 'r+' : 'r');
  } catch (error) {
    if (kind === 'directory') return;
    // A file the operator made read-only (an encryption.key at 0400 in a data directory synced
    // whole): Linux and macOS sync it through a read-only handle.
    const code = errorCodeOf(error);
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    fd = fs.openSync(target, 'r');
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    if (kind === 'file') throw error;
  } finally {
    fs.closeSync(fd);
  }
}
