import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  currentLockOwner,
  DataDirLockedError,
  type LockOwner,
  processStartTime,
} from './acquireDataDirLock.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];

function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-lock-'));
  dirs.push(dir);
  return dir;
}

function writeLock(dir: string, owner: LockOwner | string): string {
  const lockPath = path.join(dir, 'ieum.lock');
  fs.writeFileSync(lockPath, typeof owner === 'string' ? owner : JSON.stringify(owner));
  return lockPath;
}

/** A live process other than this one (a sleeping child). */
async function liveChild(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  if (child.pid === undefined) throw new Error('child has no pid');
  return child.pid;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('acquireDataDirLock', () => {
  it('writes pid, start time, boot id and host name, and removes the file on release', () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir);
    const stored = JSON.parse(fs.readFileSync(lock.path, 'utf8'));
    expect(stored).toEqual(currentLockOwner());
    expect(stored.pid).toBe(process.pid);
    expect(fs.statSync(lock.path).mode & 0o777).toBe(0o600);
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('refuses a second open in the same process', () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('takes over a leftover lock naming its own pid from an earlier process (PID 1 after a container restart)', () => {
    const dir = freshDir();
    const here = currentLockOwner();
    // The same pid, booted the same, but started at another time: the earlier PID 1 of this container.
    writeLock(dir, { ...here, startTime: (here.startTime ?? 1000) - 500 });
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).startTime).toBe(here.startTime);
    lock.release();
  });

  it('takes over an old-format lock that holds only its own pid', () => {
    const dir = freshDir();
    writeLock(dir, String(process.pid));
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock from before the last reboot, even if a process with that pid runs now', async () => {
    const dir = freshDir();
    const pid = await liveChild();
    writeLock(dir, { ...currentLockOwner(), pid, startTime: processStartTime(pid), bootId: 'another-boot' });
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock whose pid now belongs to a process that started at another time', async () => {
    const dir = freshDir();
    const pid = await liveChild();
    const startTime = processStartTime(pid);
    expect(startTime).not.toBeNull();
    writeLock(dir, { ...currentLockOwner(), pid, startTime: (startTime ?? 0) + 12345 });
    acquireDataDirLock(dir).release();
  });

  it('refuses while the owning process runs, naming its pid and the lock file', async () => {
    const dir = freshDir();
    const pid = await liveChild();
    const lockPath = writeLock(dir, { ...currentLockOwner(), pid, startTime: processStartTime(pid) });
    const error = (() => {
      try {
        acquireDataDirLock(dir);
      } catch (thrown) {
        return thrown;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect(String(error)).toContain(`pid ${pid}`);
    expect(String(error)).toContain(lockPath);
    expect(String(error)).toContain('IEUM_DATA_DIR');
  });

  it('refuses a lock from another host that is kept fresh, and takes it over once it goes stale', () => {
    const dir = freshDir();
    const lockPath = writeLock(dir, { ...currentLockOwner(), hostname: 'other-container' });
    expect(() => acquireDataDirLock(dir)).toThrow(/on host other-container/);
    const longAgo = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(lockPath, longAgo, longAgo);
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock whose process has exited', async () => {
    const dir = freshDir();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    const pid = await new Promise<number>((resolve) => child.once('exit', () => resolve(child.pid ?? 0)));
    writeLock(dir, { ...currentLockOwner(), pid, startTime: 1 });
    acquireDataDirLock(dir).release();
  });
});
