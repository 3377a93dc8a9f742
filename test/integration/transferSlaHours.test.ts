import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

// A "next business day at HH:MM" SLA runs on the business day's hours (the default guide's line,
// 09:00–18:00): a time outside them would make the due time and the countdown disagree, so it is
// refused at the field, in the caller's language, and nothing is written.
describe.each(testBackends())('SLA times outside business hours on $name', (backend) => {
  let t: TestApp;
  let admin: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const put = (time: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/transfer-settings',
      headers: { ...admin.headers, ...headers },
      payload: {
        types: [
          { inquiryType: 1, sla: { kind: 'business-minutes', minutes: 60 }, assignees: [] },
          { inquiryType: 9, sla: { kind: 'next-business-day', time }, assignees: [] },
        ],
      },
    });

  it('refuses 20:00 and 08:30 at /types/1/sla/time, naming the hours, in Korean and English', async () => {
    const before = (await t.app.inject({ url: '/api/v1/transfer-settings', headers: admin.headers })).body;
    const ko = await put('20:00');
    expect(ko.statusCode).toBe(400);
    expect(ko.headers['content-type']).toContain('application/problem+json');
    expect(ko.json().errors).toEqual([
      expect.objectContaining({
        where: '/types/1/sla/time',
        message: '다음 영업일 기한은 영업시간(09:00~18:00) 안의 시각이어야 합니다: 20:00',
      }),
    ]);
    const en = await put('08:30', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().errors).toEqual([
      expect.objectContaining({
        where: '/types/1/sla/time',
        message: 'The time on the next business day must be within business hours (09:00–18:00): 08:30',
      }),
    ]);
    expect((await t.app.inject({ url: '/api/v1/transfer-settings', headers: admin.headers })).body).toBe(
      before,
    );
  });

  it('takes the opening and the closing time', async () => {
    for (const time of ['09:00', '18:00']) {
      const saved = await put(time);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().types.find((type: { inquiryType: number }) => type.inquiryType === 9).sla).toEqual({
        kind: 'next-business-day',
        time,
      });
    }
  });
});
