import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { twoGuidesDir } from '../helpers/twoGuidesDir.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `ieum guides check …` as an admin would, with no database configured at all. */
function check(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', 'guides', 'check', ...args], {
    cwd: root,
    env: {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !['DATABASE_URL', 'IEUM_DATA_DIR'].includes(key)),
      ),
      // A data directory that does not exist: the check must not open (or create) a database.
      IEUM_DATA_DIR: path.join(tmpdir(), 'ieum-guides-check-no-database'),
      ...env,
    },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npx ieum guides check', () => {
  const two = twoGuidesDir();
  const broken = mkdtempSync(path.join(tmpdir(), 'ieum-guides-broken-'));
  writeFileSync(
    path.join(broken, 'business-inquiry.json'),
    readFileSync(path.join(root, 'content/guides/business-inquiry.json'), 'utf8').replace(
      '"opens": "09:00"',
      '"opens": "19:00"',
    ),
  );
  afterAll(() => {
    two.remove();
    rmSync(broken, { recursive: true, force: true });
  });

  it('lists every guide of a valid directory with what an admin checks before a restart, and exits 0', () => {
    const result = check([two.dir], { IEUM_DEFAULT_GUIDE: 'business-inquiry' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^business-inquiry {2}버전 \S+ {2}\(기본 가이드\)$/m);
    expect(result.stdout).toMatch(/^partner-inquiry {2}버전 \S+$/m);
    expect(result.stdout).toContain('이관 유형 10개');
    expect(result.stdout).toContain('제휴 상담센터 1588-0000: weekdays 10:00–17:00 Asia/Seoul');
    expect(result.stdout).toContain(`${two.dir}의 가이드 2개가 올바릅니다`);
    expect(existsSync(path.join(tmpdir(), 'ieum-guides-check-no-database'))).toBe(false);
  });

  it('checks IEUM_GUIDES_DIR by default, and refuses a broken guide by file, line and place with exit 1', () => {
    const shipped = check([]);
    expect(shipped.status, shipped.stderr).toBe(0);
    expect(shipped.stdout).toContain('의 가이드 1개가 올바릅니다');

    const refused = check([], { IEUM_GUIDES_DIR: broken });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`ieum: ${broken}의 가이드 내용에 문제 1건:`);
    expect(refused.stderr).toMatch(
      /business-inquiry\.json:\d+ \/supportLine\/hours\/closes: 마감 시각\(closes\)은 시작 시각\(opens\)보다 늦어야 합니다/,
    );
    expect(refused.stdout).toBe('');
  });

  it('refuses a default guide that is not in the directory, as the start would', () => {
    const result = check([two.dir], { IEUM_DEFAULT_GUIDE: 'no-such-guide' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `IEUM_DEFAULT_GUIDE "no-such-guide"은(는) ${two.dir}의 가이드가 아닙니다 (있는 가이드: business-inquiry, partner-inquiry)`,
    );
  });

  it('speaks one language: the summary and headers are Korean like the problems the validator words', () => {
    const valid = check([two.dir]);
    const refused = check([], { IEUM_GUIDES_DIR: broken });
    for (const english of [
      'guide(s) valid',
      'inquiry type(s)',
      'version ',
      '(default)',
      'Invalid guide content',
    ])
      expect(`${valid.stdout}${refused.stderr}`).not.toContain(english);
  });

  it("refuses a directory that is not there as a wrong use, in the words of the CLI's other usage errors", () => {
    const missing = path.join(tmpdir(), 'ieum-no-such-guides-dir');
    const named = check([missing]);
    expect(named.status).toBe(2);
    expect(named.stderr).toMatch(new RegExp(`^ieum: no such directory: ${missing}\n`));
    expect(named.stderr).toContain('ieum guides check [DIR]');
    expect(named.stderr).not.toContain('ENOENT');

    const fromEnv = check([], { IEUM_GUIDES_DIR: missing });
    expect(fromEnv.status).toBe(2);
    expect(fromEnv.stderr).toContain(`ieum: no such directory: ${missing} (IEUM_GUIDES_DIR)`);

    const file = check([path.join(root, 'package.json')]);
    expect(file.status).toBe(2);
    expect(file.stderr).toContain(`ieum: not a directory: ${path.join(root, 'package.json')}`);
  });
});
