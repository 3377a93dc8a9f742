import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSummarySchema } from '../../src/contract/reports/reportSummarySchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { q1TransferFinish } from '../helpers/q1TransferFinish.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

const RANGE = 'from=2026-12-07&to=2026-12-07';

describe.each(testBackends())('the report export’s script path on $name', (backend) => {
  let t: TestApp;
  let supervisor: { id: string; headers: Headers };
  let consultationId: string;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    const agent = await t.userWithToken('agent');
    supervisor = await t.userWithToken('supervisor');
    t.setNow('2026-12-07T10:00:00+09:00');
    consultationId = await recordConsultation(t.app, agent.headers, { channel: 'call', ...q1TransferFinish });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('words the path as the dashboard’s path breakdown does, so a row can be matched to it', async () => {
    const summary = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/summary?${RANGE}`,
      headers: supervisor.headers,
    });
    expect(summary.statusCode, summary.body).toBe(200);
    const [path] = reportSummarySchema.parse(summary.json()).handleTimeByPath;
    expect(path?.pathLabel).toBe('등록 담당자 아님(N) → 문의 내용 청취 → 등록 연락처로 연락 동의(Y)');

    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/export.csv?${RANGE}`,
      headers: supervisor.headers,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const [header = '', ...rows] = exported.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const row = rows.find((line) => line.startsWith(consultationId));
    const cells = row?.split(',') ?? [];
    const pathCell = cells[header.split(',').indexOf('path')];
    // Not 'q1-registered 아니요 → q1-transfer-inquiry 다음 → q1-callback-consent 예'.
    expect(pathCell).toBe(path?.pathLabel);
  });
});
