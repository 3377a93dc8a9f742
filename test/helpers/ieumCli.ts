import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `ieum <args>` (src/cli/main.ts) with `env`; returns stdout, throws with stderr on failure. */
export function ieumCli(env: NodeJS.ProcessEnv, args: string[], input = ''): string {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    cwd: root,
    env,
    input,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`ieum ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/**
 * Creates an account with the CLI (as an operator would, the server stopped on the embedded
 * database) and an API token for it; returns the Authorization header value.
 */
export function createAccountWithToken(env: NodeJS.ProcessEnv, email: string, role: string): string {
  ieumCli(
    env,
    ['user', 'create', '--email', email, '--name', '김이음', '--role', role, '--password-stdin'],
    `${randomBytes(12).toString('base64url')}-이음\n`,
  );
  const token = ieumCli(env, ['token', 'create', '--email', email]).trim().split('\n').at(-1) ?? '';
  return `Bearer ${token}`;
}
