import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/openDatabase.ts';
import { purgeExpiredPersonalData } from '../../src/server/services/privacy/purgeExpiredPersonalData.ts';
import { scheduleRetentionPurge } from '../../src/server/services/privacy/scheduleRetentionPurge.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { sealedTracesInDataDir } from '../helpers/sealedTracesInDataDir.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const NAME = '탁서윤';
const PHONE = '010-2468-1357';
const TRACES = [NAME, PHONE, '2468 1357'];
// A customer of three years later, whose records stay.
const OTHER = '박민준';

// Files only: the embedded database's data directory (no PostgreSQL case; see README).
describe('the nightly retention purge leaves none of what it destroyed in the embedded data directory', () => {
  let t: TestApp;
  let agent: User;
  let backoffice: User;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-purge-shred-'));
    t = await buildTestApp({ name: 'pglite', open: () => openDatabase({ kind: 'pglite', dataDir }) });
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
  const transfer = async (contactName: string, phone: string) => {
    const filed = await post(agent, '/api/v1/transfers', {
      inquiryType: 1,
      channel: 'call',
      contactName,
      phone,
      inquiry: '정산 문의',
    });
    await post(backoffice, `/api/v1/transfers/${filed.id}/comments`, { body: `${contactName} 님 재통화` });
  };
  /** The scheduled purge as the server runs it: its slot's job, worked at the test clock's now. */
  const runPurgeJob = async () => {
    await scheduleRetentionPurge(t.ctx);
    expect(await t.runJobs()).toBeGreaterThan(0);
  };
  const tracesInFiles = (traces: readonly string[]) =>
    sealedTracesInDataDir(dataDir, t.ctx.fieldCodec, traces);

  it('rewrites the destroyed values out in the run before 03:00 (Korea time), not in the day’s runs', async () => {
    t.setNow('2026-12-08T10:00:00+09:00');
    await transfer(NAME, PHONE);

    // Three years on, in the day: the purge destroys the transfer's personal data, the files keep it.
    t.setNow('2030-01-15T10:00:00+09:00');
    await transfer(OTHER, '010-5555-6666');
    const due = await purgeExpiredPersonalData(t.ctx, { dryRun: true });
    expect(due.records.some((record) => record.kind === 'transfer.personal-data')).toBe(true);
    await runPurgeJob();
    expect((await purgeExpiredPersonalData(t.ctx, { dryRun: true })).records).toEqual([]);
    expect(tracesInFiles(TRACES).length).toBeGreaterThan(0);

    // The night's run: rewritten out; the recent customer's values stay.
    t.setNow('2030-01-16T03:00:00+09:00');
    await runPurgeJob();
    expect(tracesInFiles(TRACES)).toEqual([]);
    expect(tracesInFiles([OTHER]).length).toBeGreaterThan(0);
  });
});
