import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type Listed = {
  id: string;
  number: string;
  status: string;
  kind: string;
  inquiryType: number;
  createdAt: string;
};
type Page = { items: Listed[]; total: number; limit: number; offset: number };

// Issue 14 item 5: an agent sees all of their transfers, open and recently closed, by page, filtered
// by status, type and filing date — not only the ten most urgent open ones.
describe.each(testBackends())('my transfers (내 이관) on $name', (backend) => {
  let t: TestApp;
  let agent: User;
  let otherAgent: User;
  let handler: User;
  const open: Listed[] = [];
  const done: Listed[] = [];

  const inject = (user: User, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

  const list = async (user: User, query: string): Promise<Page> => {
    const response = await inject(user, 'GET', `/api/v1/transfers?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  const file = async (by: User, inquiryType: number): Promise<Listed> => {
    const response = await inject(by, 'POST', '/api/v1/transfers', {
      inquiryType,
      companyName: '이음상사',
      phone: '010-1234-5678',
      inquiry: '정산 내역 확인 요청',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  const moveTo = async (transfer: Listed, statuses: string[]): Promise<void> => {
    for (const status of statuses) {
      t.advance(60_000);
      const response = await inject(handler, 'POST', `/api/v1/transfers/${transfer.id}/status`, { status });
      expect(response.statusCode, response.body).toBe(200);
    }
  };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    otherAgent = await t.userWithToken('agent');
    handler = await t.userWithToken('backoffice');
    // Three filed the day before (Tuesday), then fifteen more on Wednesday; of the eighteen, three are
    // handled to the end (연락완료, 종결). Types 1 and 4 alternate.
    t.setNow('2026-11-24T15:00:00+09:00');
    for (let index = 0; index < 3; index++) done.push(await file(agent, 1));
    t.setNow('2026-11-25T10:00:00+09:00');
    for (let index = 0; index < 15; index++) {
      open.push(await file(agent, index % 2 === 0 ? 1 : 4));
      t.advance(60_000);
    }
    await moveTo(done[0] as Listed, ['in-progress', 'contacted']);
    await moveTo(done[1] as Listed, ['in-progress', 'contacted', 'closed']);
    await moveTo(done[2] as Listed, ['in-progress', 'contacted', 'closed']);
    await file(otherAgent, 1);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an agent with 15 open transfers sees all 15 and the closed ones, page by page', async () => {
    const first = await list(agent, 'scope=mine&limit=10&offset=0');
    const second = await list(agent, 'scope=mine&limit=10&offset=10');
    expect(first.total).toBe(18);
    expect(second.total).toBe(18);
    expect(first.items).toHaveLength(10);
    expect(second.items).toHaveLength(8);
    const seen = [...first.items, ...second.items];
    expect(new Set(seen.map((item) => item.id)).size).toBe(18);
    expect(seen.map((item) => item.id).sort()).toEqual([...open, ...done].map((item) => item.id).sort());
    // Open ones first (most urgent first), then those handled to the end.
    expect(
      seen.slice(0, 15).every((item) => ['received', 'in-progress', 'unreachable'].includes(item.status)),
    ).toBe(true);
    expect(
      seen
        .slice(15)
        .map((item) => item.status)
        .sort(),
    ).toEqual(['closed', 'closed', 'contacted']);
    // Another agent's transfer is never among them.
    expect(
      seen.every((item) => open.some((o) => o.id === item.id) || done.some((d) => d.id === item.id)),
    ).toBe(true);
  });

  it('filters by status, kind, inquiry type and filing date', async () => {
    const openOnly = await list(agent, 'scope=mine&status=received,in-progress,unreachable&limit=50');
    expect(openOnly.total).toBe(15);
    expect(openOnly.items.map((item) => item.id).sort()).toEqual(open.map((item) => item.id).sort());

    const finished = await list(agent, 'scope=mine&status=contacted,closed&limit=50');
    expect(finished.items.map((item) => item.id).sort()).toEqual(done.map((item) => item.id).sort());

    const typeFour = await list(agent, 'scope=mine&inquiryType=4&limit=50');
    expect(typeFour.total).toBe(7);
    expect(typeFour.items.every((item) => item.inquiryType === 4)).toBe(true);

    expect((await list(agent, 'scope=mine&kind=transfer&limit=1')).total).toBe(18);
    expect((await list(agent, 'scope=mine&kind=lead&limit=1')).total).toBe(0);

    // Filing dates are Seoul days: Tuesday holds the three filed at 15:00, Wednesday the fifteen.
    const tuesday = await list(agent, 'scope=mine&from=2026-11-24&to=2026-11-24&limit=50');
    expect(tuesday.items.map((item) => item.id).sort()).toEqual(done.map((item) => item.id).sort());
    expect((await list(agent, 'scope=mine&from=2026-11-25&limit=50')).total).toBe(15);
    expect((await list(agent, 'scope=mine&to=2026-11-23&limit=50')).total).toBe(0);
  });

  it('sort=recent puts the last changed first: what the business team just did is on the first page', async () => {
    const recent = await list(agent, 'scope=mine&sort=recent&limit=5');
    expect(recent.total).toBe(18);
    expect(recent.items.map((item) => item.id)).toEqual(
      [done[2], done[1], done[0], open[14], open[13]].map((item) => item?.id),
    );
    expect(recent.items[0]?.status).toBe('closed');
  });

  it('refuses a malformed date with a 400 naming the field', async () => {
    const response = await inject(agent, 'GET', '/api/v1/transfers?scope=mine&from=2026-13-01');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].where).toBe('querystring/from');
    // A reversed range is a typo, refused as reports refuse it, not an empty queue (QA-8 L4).
    const reversed = await inject(agent, 'GET', '/api/v1/transfers?scope=mine&from=2026-12-10&to=2026-12-01');
    expect(reversed.statusCode, reversed.body).toBe(400);
    expect(reversed.json()).toMatchObject({
      messageKey: 'validation.fromAfterTo',
      errors: [{ where: 'querystring/from' }],
    });
  });
});
