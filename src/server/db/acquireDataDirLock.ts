import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { errorCodeOf } from '../errorCodeOf.ts';

/** A held lock on an embedded data directory; `release` is idempotent. */
export type DataDirLock = { path: string; release: () => void };

/** Who holds a data directory: enough to tell a live holder from a leftover of a dead one. */
export type LockOwner = {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat), null where unknown. */
  startTime: number | null;
  /** The kernel's boot id (/proc/sys/kernel/random/boot_id), null where unknown. */
  bootId: string | null;
  hostname: string;
};

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dataDir: string, owner: LockOwner, lockPath: string) {
    const where = owner.hostname === os.hostname() ? '' : ` on host ${owner.hostname}`;
    super(
      `The embedded database in ${dataDir} is in use by another ieum process (pid ${owner.pid}${where}). ` +
        'PGlite cannot be shared between processes: stop that process first (for example the running server), ' +
        'or point IEUM_DATA_DIR at another directory, or use PostgreSQL through DATABASE_URL. ' +
        `If that process is certainly gone, delete ${lockPath}.`,
    );
    this.name = 'DataDirLockedError';
    this.pid = owner.pid;
  }
}

// The holder touches the lock file this often, so a holder in another container (another pid
// namespace, where its pid means nothing here) can still be told apart from a leftover.
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_STALE_MS = 6 * HEARTBEAT_MS;

const lockFileSchema = z.object({
  pid: z.number().int().positive(),
  startTime: z.number().int().nonnegative().nullable(),
  bootId: z.string().nullable(),
  hostname: z.string(),
});

/** Directories this process holds: a second open of the same directory here is refused too. */
const heldHere = new Set<string>();

function readBootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
export function processStartTime(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const value = Number(fields[19]);
    return Number.isSafeInteger(value) ? value : null;
  } catch {
    return null;
  }
}

/** This process as a lock owner. */
export function currentLockOwner(): LockOwner {
  return {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    bootId: readBootId(),
    hostname: os.hostname(),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return errorCodeOf(error) === 'EPERM';
  }
}

/** Reads a lock file: the current JSON form, or the older bare pid. Null when unreadable. */
function readLockOwner(lockPath: string): LockOwner | null {
  const text = fs.readFileSync(lockPath, 'utf8').trim();
  if (/^\d+$/.test(text)) {
    const pid = Number.parseInt(text, 10);
    return pid > 0 ? { pid, startTime: null, bootId: null, hostname: os.hostname() } : null;
  }
  try {
    const parsed = lockFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Whether the lock's owner may still be running. A lock is a leftover when its owner is provably
 * gone: the machine has rebooted since (another boot id); or, on this host, no process has its pid,
 * or the process with its pid started at another time (a restarted container's PID 1 finds a lock
 * naming pid 1 — its own pid, but not itself); or, from another host or container, it stopped
 * refreshing the lock file.
 */
function ownerMayBeAlive(owner: LockOwner, lockPath: string, here: LockOwner): boolean {
  if (owner.bootId && here.bootId && owner.bootId !== here.bootId) return false;
  if (owner.hostname !== here.hostname) {
    const touchedAt = fs.statSync(lockPath).mtimeMs;
    return Date.now() - touchedAt < HEARTBEAT_STALE_MS;
  }
  // Held by this very process through another open: never a leftover.
  if (owner.pid === here.pid && owner.startTime === here.startTime && owner.startTime !== null) return true;
  if (owner.pid === here.pid) return false;
  if (!isAlive(owner.pid)) return false;
  if (owner.startTime === null) return true;
  const running = processStartTime(owner.pid);
  return running === null || running === owner.startTime;
}

/**
 * Takes an exclusive lock file in the data directory. PGlite has no lock of its own and two
 * processes on one directory silently lose writes, so a second process must fail loudly. The file
 * names the holder by pid, process start time, boot id and host name, so a lock left by a process
 * that died is taken over — also when a new process got the same pid (PID 1 in a container).
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dataDir, 'ieum.lock');
  const key = path.resolve(dataDir);
  const here = currentLockOwner();
  if (heldHere.has(key)) throw new DataDirLockedError(dataDir, here, lockPath);
  const ownText = JSON.stringify(here);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, ownText);
      fs.closeSync(fd);
      heldHere.add(key);
      const heartbeat = setInterval(() => {
        try {
          const now = new Date();
          fs.utimesSync(lockPath, now, now);
        } catch {
          // The directory went away: nothing left to guard.
        }
      }, HEARTBEAT_MS);
      heartbeat.unref();
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        clearInterval(heartbeat);
        heldHere.delete(key);
        process.removeListener('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === ownText) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { path: lockPath, release };
    } catch (error) {
      if (errorCodeOf(error) !== 'EEXIST') throw error;
      let owner: LockOwner | null;
      try {
        owner = readLockOwner(lockPath);
      } catch {
        // Removed between our open and our read: try again.
        continue;
      }
      if (owner && ownerMayBeAlive(owner, lockPath, here))
        throw new DataDirLockedError(dataDir, owner, lockPath);
      // A leftover of a process that is gone (or an unreadable file): remove and retry.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
