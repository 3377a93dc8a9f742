import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRecordsPageSchema } from '../../src/contract/reports/reportRecordsPageSchema.ts';
import { reportSummarySchema } from '../../src/contract/reports/reportSummarySchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const DAY = 'from=2026-12-08&to=2026-12-08';

/**
 * Missed calls become callbacks in the business queue (부재중 전화), due at once during business
 * hours and at the next opening otherwise. The supervisor's figures counted only the sign-up
 * leads' callbacks, so callbacks of missed calls due and overdue showed nowhere on /dashboard:
 * they are figures of their own, beside the leads'. Calls replayed through the real CTI endpoint.
 */
describe.each(testBackends())('missed calls in the supervisor figures on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let backoffice: User;
  let supervisor: User;
  let token: string;

  const missed = async (callId: string, from: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/${token}`,
      payload: { event: 'hangup', from, to: '16447391', direction: 'in', callId, cause: 'noAnswer' },
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
    backoffice = await t.userWithToken('backoffice');
    supervisor = await t.userWithToken('supervisor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cti/tokens',
      headers: admin.headers,
      payload: { name: '본사 PBX' },
    });
    expect(created.statusCode, created.body).toBe(201);
    token = created.json().token;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function summary(query = '') {
    const response = await t.app.inject({
      url: `/api/v1/reports/summary?${DAY}${query}`,
      headers: supervisor.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = reportSummarySchema.parse(response.json());
    return (id: string) => report.figures.find((figure) => figure.id === id)?.value;
  }

  async function records(figure: string) {
    const response = await t.app.inject({
      url: `/api/v1/reports/records?${DAY}&figure=${figure}`,
      headers: supervisor.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return reportRecordsPageSchema.parse(response.json());
  }

  it('counts missed-call callbacks due and overdue apart from the leads’ callbacks, with their records, masked', async () => {
    // Monday 19:00, after hours: due at Tuesday's opening, 09:00.
    t.setNow('2026-12-07T19:00:00+09:00');
    await missed('evening', '01020201111');
    // Tuesday during business hours: three missed calls, due at once; one of them is called back.
    t.setNow('2026-12-08T10:00:00+09:00');
    await missed('morning-1', '01077778888');
    await missed('morning-2', '01077779999');
    await missed('morning-3', '01077770000');
    // One whose number a data-subject request erased: its callback closed, nobody to call.
    await missed('erased', '01030303030');
    const erased = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/delete',
      headers: admin.headers,
      payload: { phone: '010-3030-3030', reason: '정보주체 삭제 요청' },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const list = await t.app.inject({ url: '/api/v1/cti/missed-calls', headers: backoffice.headers });
    const calledBack = list
      .json()
      .items.find((item: { callerNumber: string }) => item.callerNumber === '010-****-0000');
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/missed-calls/${calledBack.id}/done`,
      headers: backoffice.headers,
    });
    expect(done.statusCode, done.body).toBe(200);
    t.setNow('2026-12-08T10:30:00+09:00');

    const figure = await summary();
    // Due today: the evening call (09:00) and the three of the morning, one of them called back.
    expect(figure('missedCallbacks.due')).toBe(4);
    // Overdue now: still open and past due — not the one called back, not the erased one.
    expect(figure('missedCallbacks.overdue')).toBe(3);
    // The sign-up leads' callbacks stay their own figures.
    expect(figure('callbacks.due')).toBe(0);
    expect(figure('callbacks.overdue')).toBe(0);

    const due = await records('missedCallbacks.due');
    expect(due.total).toBe(4);
    expect(
      due.items.map((item) => (item.kind === 'missed-call' ? item.callbackStatus : item.kind)).sort(),
    ).toEqual(['done', 'open', 'open', 'open']);
    const overdue = await records('missedCallbacks.overdue');
    expect(overdue.total).toBe(3);
    // The longest overdue first: the evening call, due at 09:00.
    expect(overdue.items[0]).toMatchObject({
      kind: 'missed-call',
      callerNumber: '010-****-1111',
      callbackDueAt: '2026-12-08T09:00:00+09:00',
      callbackStatus: 'open',
    });
    expect(JSON.stringify([due, overdue])).not.toMatch(/7777-8888|2020-1111/);
    const doneRecord = due.items.find(
      (item) => item.kind === 'missed-call' && item.callbackStatus === 'done',
    );
    expect(doneRecord?.kind === 'missed-call' && doneRecord.callbackDoneBy?.id).toBe(backoffice.id);

    // A missed call has no guide, type, agent or outcome, and is a call: narrowed reports hold none.
    expect((await summary('&inquiryType=1'))('missedCallbacks.due')).toBe(0);
    expect((await summary('&channel=chat'))('missedCallbacks.overdue')).toBe(0);
    expect((await summary('&channel=call'))('missedCallbacks.overdue')).toBe(3);
    // A range before the evening call: nothing due, nothing came yet.
    const before = await t.app.inject({
      url: '/api/v1/reports/summary?from=2026-12-01&to=2026-12-06',
      headers: supervisor.headers,
    });
    const earlier = reportSummarySchema.parse(before.json()).figures;
    expect(earlier.find((entry) => entry.id === 'missedCallbacks.due')?.value).toBe(0);
    expect(earlier.find((entry) => entry.id === 'missedCallbacks.overdue')?.value).toBe(0);
  });
});
