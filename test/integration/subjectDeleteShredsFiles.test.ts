import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/openDatabase.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { sealedTracesInDataDir } from '../helpers/sealedTracesInDataDir.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const NAME = '탁서윤';
const PHONE = '010-2468-1357';
const EMAIL = 'seoyun.tak@example.com';
const TRACES = [NAME, PHONE, '01024681357', '2468 1357', EMAIL];
// Someone else, whose records stay: the scan finds them, so it reads the files at all.
const OTHER = '박민준';

// Files only: the embedded database's data directory. On PostgreSQL dead rows, the WAL and base
// backups are the database administrator's (README), so there is no PostgreSQL case.
describe('a data-subject delete leaves none of the person in the embedded data directory', () => {
  let t: TestApp;
  let admin: User;
  let agent: User;
  let backoffice: User;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-shred-'));
    t = await buildTestApp({ name: 'pglite', open: () => openDatabase({ kind: 'pglite', dataDir }) });
    t.setNow('2026-12-08T10:00:00+09:00');
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = async (who: User, url: string, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers: who.headers, payload });
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };

  const tracesInFiles = (traces: readonly string[]) =>
    sealedTracesInDataDir(dataDir, t.ctx.fieldCodec, traces);

  it('rewrites the erased rows and the WAL out of the files; another customer’s values stay', async () => {
    const transfer = await post(agent, '/api/v1/transfers', {
      inquiryType: 1,
      channel: 'call',
      contactName: NAME,
      phone: PHONE,
      email: EMAIL,
      inquiry: '정산 문의',
    });
    await post(backoffice, `/api/v1/transfers/${transfer.id}/comments`, {
      body: `${NAME} 님 010 2468 1357 재통화`,
    });
    await post(backoffice, `/api/v1/transfers/${transfer.id}/reveal`, { reason: `${NAME} 재통화` });
    await post(agent, '/api/v1/transfers', {
      inquiryType: 1,
      channel: 'call',
      contactName: OTHER,
      phone: '010-5555-6666',
      inquiry: '요금 문의',
    });
    expect(tracesInFiles(TRACES).length).toBeGreaterThan(0);

    await post(admin, '/api/v1/data-subjects/delete', { phone: PHONE, reason: '정보주체 삭제 요청' });

    expect(tracesInFiles(TRACES)).toEqual([]);
    expect(tracesInFiles([OTHER]).length).toBeGreaterThan(0);
    // The access log, rewritten with the rest, still verifies.
    const verified = await t.app.inject({ url: '/api/v1/access-log/verify', headers: admin.headers });
    expect(verified.json().ok).toBe(true);
  });
});
