import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin } from './ensureSystemPackages.ts';

/** A throwaway PostgreSQL cluster for the integration suite. */
export type TestPostgres = {
  url: string;
  stop: () => void;
  /** Stops the server (fast shutdown: every connection is dropped), keeping the cluster. */
  shutDown: () => void;
  /** Starts the stopped server again, on the same port. */
  startUp: () => void;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts a private PostgreSQL cluster on loopback in a temporary directory (trust auth). As root
 * it runs as the `postgres` user, since initdb refuses root. Returns null when no PostgreSQL
 * server is installed.
 */
export async function startTestPostgres(
  options: {
    /**
     * With PostgreSQL's durable defaults (fsync, synchronous commit, full-page writes), as a
     * production server runs: what a benchmark of writes must pay. Without (the test suite), a
     * commit is not waited for on the disk: the cluster is thrown away, and the tests run faster.
     */
    durable?: boolean;
  } = {},
): Promise<TestPostgres | null> {
  const initdb = findPostgresBin('initdb');
  const pgCtl = findPostgresBin('pg_ctl');
  if (!initdb || !pgCtl) return null;
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-pg-'));
  const port = await freePort();
  const asOwner = (cmd: string, args: string[]) =>
    isRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
      : spawnSync(cmd, args, { encoding: 'utf8' });
  if (isRoot) spawnSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const init = asOwner(initdb, ['-D', data, '-U', 'ieum', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const startArgs = [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`,
    'start',
  ];
  const startUp = () => {
    const start = asOwner(pgCtl, startArgs);
    if (start.status !== 0)
      throw new Error(
        `pg_ctl start failed: ${start.stderr}\n${fs.readFileSync(path.join(dir, 'server.log'), 'utf8')}`,
      );
  };
  const shutDown = () => {
    const stop = asOwner(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
    if (stop.status !== 0) throw new Error(`pg_ctl stop failed: ${stop.stderr}`);
  };
  startUp();
  return {
    url: `postgres://ieum@127.0.0.1:${port}/postgres`,
    stop: () => {
      asOwner(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    shutDown,
    startUp,
  };
}
