import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's nginx binary (package `nginx`). */
export const NGINX_BIN = '/usr/sbin/nginx';

/** The production configuration shipped in the repository, run as it is by the tests. */
export const NGINX_CONFIG_FILE = path.resolve(import.meta.dirname, '../../deploy/nginx/ieum.conf');

/** An nginx in front of ieum instances on loopback, and how to stop it. */
export type TestNginx = {
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
  /** What nginx wrote to its error log so far. */
  errorLog: () => string;
  stop: () => Promise<void>;
};

/** Whether nginx is installed (the test skips with this reason otherwise). */
export function nginxMissingReason(): string | null {
  return fs.existsSync(NGINX_BIN)
    ? null
    : `nginx is not installed (${NGINX_BIN}); install the Debian package: apt-get install nginx`;
}

/**
 * deploy/nginx/ieum.conf with only its upstream `server` lines and its `listen` port replaced, so
 * the file the tests run is the file operators install.
 */
export function renderNginxSite(upstreams: readonly string[], listenPort: number): string {
  const shipped = fs.readFileSync(NGINX_CONFIG_FILE, 'utf8');
  const serverLine = /^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm;
  const first = serverLine.exec(shipped);
  if (!first) throw new Error(`${NGINX_CONFIG_FILE}: no upstream server line`);
  const indent = first[1] ?? '    ';
  const options = first[2] ?? '';
  let replaced = false;
  const site = shipped
    .replace(serverLine, () => {
      if (replaced) return '';
      replaced = true;
      return upstreams.map((upstream) => `${indent}server ${upstream}${options};\n`).join('');
    })
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${listenPort};`);
  if (!site.includes(`listen 127.0.0.1:${listenPort};`))
    throw new Error(`${NGINX_CONFIG_FILE}: no listen 80`);
  return site;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** uid/gid of `nobody`: nginx here never runs as root, even when the tests do (CI). */
function nobody(): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('nobody:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return { uid: Number(uid ?? 65534), gid: Number(gid ?? 65534) };
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}:\n${log()}`);
}

/**
 * Starts nginx in the foreground as an unprivileged process with its own prefix, pid file, logs
 * and temp directories in a fresh temporary directory (nothing under /etc/nginx or /var is read
 * or written), proxying to `upstreams` ("127.0.0.1:port") with deploy/nginx/ieum.conf. The
 * configuration is checked with `nginx -t` first, so a broken file fails with nginx's message.
 */
export async function startNginx(options: {
  upstreams: readonly string[];
  port?: number;
}): Promise<TestNginx> {
  const missing = nginxMissingReason();
  if (missing) throw new Error(missing);
  const port = options.port ?? (await freePort());
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-nginx-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? nobody() : null;
  for (const dir of ['logs', 'temp/client', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi'])
    fs.mkdirSync(path.join(prefix, dir), { recursive: true });
  fs.writeFileSync(path.join(prefix, 'ieum.conf'), renderNginxSite(options.upstreams, port));
  const temp = (name: string) => path.join(prefix, 'temp', name);
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      // The parts of Debian's /etc/nginx/nginx.conf the site needs, pointed into the prefix.
      'daemon off;',
      'worker_processes 1;',
      `pid ${path.join(prefix, 'nginx.pid')};`,
      `error_log ${path.join(prefix, 'logs/error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      `  access_log ${path.join(prefix, 'logs/access.log')};`,
      `  client_body_temp_path ${temp('client')};`,
      `  proxy_temp_path ${temp('proxy')};`,
      `  fastcgi_temp_path ${temp('fastcgi')};`,
      `  uwsgi_temp_path ${temp('uwsgi')};`,
      `  scgi_temp_path ${temp('scgi')};`,
      '  default_type application/octet-stream;',
      // As Debian's nginx.conf has it: the site must not rely on compression being off.
      '  gzip on;',
      `  include ${path.join(prefix, 'ieum.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  if (owner) {
    for (const entry of fs.readdirSync(prefix, { recursive: true, encoding: 'utf8' }))
      fs.chownSync(path.join(prefix, entry), owner.uid, owner.gid);
    fs.chownSync(prefix, owner.uid, owner.gid);
  }
  const errorLogFile = path.join(prefix, 'logs/error.log');
  let output = '';
  const errorLog = () =>
    `${output}${fs.existsSync(errorLogFile) ? fs.readFileSync(errorLogFile, 'utf8') : ''}`;
  const args = ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', errorLogFile];
  const spawnOptions: SpawnOptions = { stdio: ['ignore', 'pipe', 'pipe'], ...(owner ?? {}) };
  const check = spawn(NGINX_BIN, [...args, '-t', '-q'], spawnOptions);
  check.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const checked = await new Promise<number | null>((resolve) => check.once('exit', resolve));
  if (checked !== 0) {
    fs.rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx -t refused deploy/nginx/ieum.conf:\n${output}`);
  }
  const child = spawn(NGINX_BIN, args, spawnOptions);
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    // QUIT would wait for the open event streams to end; TERM closes them (a fast shutdown).
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    fs.rmSync(prefix, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, errorLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base: `http://127.0.0.1:${port}`, port, errorLog, stop };
}
