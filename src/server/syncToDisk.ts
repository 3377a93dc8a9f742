import fs from 'node:fs';

/**
 * Syncs a file, or a directory's entries (a file just created or renamed into it), to the disk, so
 * a power cut after this returns cannot lose it. A file is opened for writing, which some systems
 * (Windows) require to sync it, and a failure to sync it is thrown. A directory cannot be opened
 * for that on every system; there its entries are as safe as the system makes them.
 */
export function syncToDisk(target: string, kind: 'file' | 'directory'): void {
  let fd: number;
  try {
    fd = fs.openSync(target, kind === 'file' ? 'r+' : 'r');
  } catch (error) {
    if (kind === 'directory') return;
    throw error;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    if (kind === 'file') throw error;
  } finally {
    fs.closeSync(fd);
  }
}
