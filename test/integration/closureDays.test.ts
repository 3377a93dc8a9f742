import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

// A closure on a past day is refused (due times and figures computed over it would change); one on
// a day the calendar keeps closed anyway (Saturday, 기독탄신일) is added and the answer says so.
// The test clock is Wednesday 2026-11-25 10:00 in Seoul.
describe.each(testBackends())('closure days on $name', (backend) => {
  let t: TestApp;
  let admin: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const add = (date: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/closures',
      headers: { ...admin.headers, ...headers },
      payload: { date, name: '휴무' },
    });
  const listedDates = async () =>
    (await t.app.inject({ url: '/api/v1/closures', headers: admin.headers }))
      .json()
      .items.map((item: { date: string }) => item.date);

  it('refuses a day before today, saying why at the date, in Korean and English, and keeps nothing', async () => {
    const ko = await add('2026-11-24');
    expect(ko.statusCode).toBe(400);
    expect(ko.headers['content-type']).toContain('application/problem+json');
    expect(ko.json()).toMatchObject({
      code: 'validation-failed',
      detail:
        '지난 날(2026-11-24)은 휴무일로 등록할 수 없습니다. 오늘(2026-11-25) 이후 날짜를 고르세요: 이미 계산된 기한과 통계가 바뀝니다.',
      errors: [{ where: '/date', message: '오늘(2026-11-25) 이후 날짜여야 합니다' }],
    });
    const en = await add('2026-01-02', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json()).toMatchObject({
      detail:
        'A past day (2026-01-02) cannot be added as a closure: due times and figures already computed would change. Pick today (2026-11-25) or later.',
      errors: [{ where: '/date', message: 'must be today (2026-11-25) or later' }],
    });
    expect(await listedDates()).toEqual([]);
  });

  it('adds today and a business day as closing them (alreadyClosed null)', async () => {
    for (const date of ['2026-11-25', '2026-12-24']) {
      const added = await add(date);
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ date, name: '휴무', alreadyClosed: null });
    }
  });

  it('adds a Saturday and a public holiday, saying the day was closed already', async () => {
    const saturday = await add('2026-11-28');
    expect(saturday.statusCode, saturday.body).toBe(201);
    expect(saturday.json()).toMatchObject({
      date: '2026-11-28',
      alreadyClosed: { reason: 'weekend', names: [] },
    });
    const christmas = await add('2026-12-25');
    expect(christmas.statusCode, christmas.body).toBe(201);
    expect(christmas.json()).toMatchObject({
      date: '2026-12-25',
      alreadyClosed: { reason: 'holiday', names: ['기독탄신일'] },
    });
    // The list keeps its shape: the days, with no new field.
    const list = (await t.app.inject({ url: '/api/v1/closures', headers: admin.headers })).json();
    expect(list.items.find((item: { date: string }) => item.date === '2026-12-25')).toEqual({
      id: christmas.json().id,
      date: '2026-12-25',
      name: '휴무',
      createdAt: christmas.json().createdAt,
    });
  });
});
