import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSummarySchema } from '../../src/contract/reports/reportSummarySchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

// Monday morning: the lead is filed at 10:00, called at 10:30 without an answer, and its retry falls
// in the same day (IEUM_CALLBACK_RETRY_MINUTES of business time later).
const FILED = '2026-12-07T10:00:00+09:00';
const CALLED = '2026-12-07T10:30:00+09:00';
const DAY = 'from=2026-12-07&to=2026-12-07';

describe.each(testBackends())('callbacks due after an unanswered callback on $name', (backend) => {
  let t: TestApp;
  let supervisor: { id: string; headers: Headers };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    const agent = await t.userWithToken('agent');
    const team = await t.userWithToken('backoffice');
    supervisor = await t.userWithToken('supervisor');
    t.setNow(FILED);
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', guideId: 'business-inquiry' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const collected = {
      companyName: '이음상사',
      contactName: '홍길동',
      phone: '010-2345-6789',
      email: 'buyer@example.com',
    };
    const finished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${started.json().id}/finish`,
      headers: agent.headers,
      payload: {
        ...signUpLeadPath,
        record: {
          summary: '비즈니스 가입 문의',
          companyName: collected.companyName,
          contactName: collected.contactName,
          phone: collected.phone,
          inquiry: `이메일주소: ${collected.email}`,
          title: '[비즈니스] 가입 문의',
          body: `ㄴ 기업명 : ${collected.companyName}`,
        },
        collected,
      },
    });
    expect(finished.statusCode, finished.body).toBe(200);
    t.setNow(CALLED);
    const called = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${finished.json().lead.id}/callback-outcome`,
      headers: team.headers,
      payload: { outcome: 'no-answer' },
    });
    expect(called.statusCode, called.body).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function summary(language: 'ko' | 'en') {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/summary?${DAY}`,
      headers: { ...supervisor.headers, 'accept-language': language },
    });
    expect(response.statusCode, response.body).toBe(200);
    return reportSummarySchema.parse(response.json());
  }

  it('counts the call made and the retry it set, and its formula says the retry counts', async () => {
    const ko = await summary('ko');
    const due = ko.figures.find((figure) => figure.id === 'callbacks.due');
    // The call made at 10:30 (due that day) and the call to make again later that day: two
    // callbacks the team had to make, though the lead has been tried.
    expect(due?.value).toBe(2);
    // So the formula may not say that only leads never tried count (아직 시도하지 않았고 …).
    expect(due?.definition).toContain('부재중 뒤 다시 걸 콜백');
    expect(due?.definition).not.toContain('아직 시도하지 않았고');
    const en = await summary('en');
    const dueEn = en.figures.find((figure) => figure.id === 'callbacks.due');
    expect(dueEn?.value).toBe(2);
    expect(dueEn?.definition).toContain('a retry after no answer');
    expect(dueEn?.definition).not.toContain('leads not yet attempted');
  });
});
