import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `ieum …` with a data directory that is never made: asking for help opens no database. */
function ieum(args: string[]) {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    cwd: root,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'DATABASE_URL')),
      IEUM_DATA_DIR: path.join(tmpdir(), 'ieum-cli-help-no-database'),
    },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ieum --help', () => {
  it('prints the whole usage on standard output and exits 0 for --help, -h and help', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = ieum(args);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.stdout).toMatch(/^사용법 \/ usage:\n/);
      expect(result.stdout).toContain('ieum user create --email E');
      expect(result.stdout).toContain('ieum guides check [DIR]');
      expect(result.stdout).toContain('ieum companies import FILE');
    }
  });

  it("prints one command's own usage for `ieum <command> --help` and `ieum help <command>`", () => {
    for (const args of [
      ['guides', '--help'],
      ['guides', 'check', '-h'],
      ['help', 'guides'],
    ]) {
      const result = ieum(args);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('ieum guides check [DIR]');
      expect(result.stdout).not.toContain('ieum user create');
    }
    const token = ieum(['token', 'create', '--help']);
    expect(token.status).toBe(0);
    expect(token.stdout).toContain('ieum token revoke --id ID');
    expect(token.stdout).not.toContain('ieum guides check');
  });

  it('still treats no command, or an unknown one, as a usage error (exit 2) and prints the usage with it', () => {
    const none = ieum([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^ieum: no command given\n\n사용법 \/ usage:\n/);
    expect(none.stderr).toContain('ieum guides check [DIR]');

    const unknown = ieum(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('ieum: unknown command: frobnicate');
    expect(unknown.stderr).toContain('ieum user create --email E');
  });

  it('says what was wrong with a guides or kakao command once, above its usage, not the usage twice', () => {
    for (const [args, said] of [
      [['guides', 'foo'], 'ieum: unknown command: guides foo\n'],
      [['guides', 'check', 'a', 'b'], 'ieum: guides check takes at most one DIR\n'],
      [['kakao', 'tok'], 'ieum: unknown command: kakao tok\n'],
    ] as const) {
      const result = ieum([...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.startsWith(said), result.stderr).toBe(true);
      expect(result.stderr).not.toContain('ieum: usage:');
    }
  });
});
