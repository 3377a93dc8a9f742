import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type Page = { items: Array<{ id: string; startedAt: string }>; nextCursor: string | null };

// QA-8 M5: GET /api/v1/consultations gave the latest 200 and no way further back.
describe.each(testBackends())('consultations a page at a time on $name', (backend) => {
  let t: TestApp;
  let supervisor: User;
  let agent: User;
  const started: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp(backend);
    supervisor = await t.userWithToken('supervisor');
    agent = await t.userWithToken('agent');
    // Seven consultations over three Seoul days; two start at the same instant.
    for (const at of [
      '2026-11-23T09:00:00+09:00',
      '2026-11-23T23:59:00+09:00',
      '2026-11-24T10:00:00+09:00',
      '2026-11-24T10:00:00+09:00',
      '2026-11-24T15:00:00+09:00',
      '2026-11-25T00:00:00+09:00',
      '2026-11-25T11:00:00+09:00',
    ]) {
      t.setNow(at);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/consultations',
        headers: agent.headers,
        payload: { channel: 'call', guideId: 'business-inquiry' },
      });
      expect(response.statusCode, response.body).toBe(201);
      started.push(response.json().id);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (query: string, who = supervisor) => {
    const response = await t.app.inject({
      url: `/api/v1/consultations?scope=all&${query}`,
      headers: who.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  };
  async function walk(query: string): Promise<Page['items']> {
    const seen: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it('walks every consultation newest first, two at a time, none twice and none skipped (ties by id)', async () => {
    const first = await list('limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const all = await walk('limit=2');
    expect(all.map((item) => item.id).sort()).toEqual([...started].sort());
    const order = all.map((item) => `${item.startedAt}|${item.id}`);
    expect(order).toEqual([...order].sort().reverse());
    // The last page says there is no more.
    expect((await list('limit=200')).nextCursor).toBeNull();
  });

  it('keeps to the Seoul dates asked, both ends included, page by page', async () => {
    const day = await walk('limit=1&from=2026-11-24&to=2026-11-24');
    expect(day.map((item) => item.id).sort()).toEqual(started.slice(2, 5).sort());
    const fromOn = await walk('limit=3&from=2026-11-24');
    expect(fromOn).toHaveLength(5);
    const upTo = await walk('limit=3&to=2026-11-23');
    expect(upTo.map((item) => item.id).sort()).toEqual(started.slice(0, 2).sort());
  });

  it('refuses a cursor it did not make and a reversed range, naming the parameter', async () => {
    const bad = await t.app.inject({
      url: '/api/v1/consultations?scope=all&cursor=not-a-cursor',
      headers: { ...supervisor.headers, 'accept-language': 'en' },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json()).toMatchObject({
      errors: [{ where: 'querystring/cursor', message: 'not a nextCursor this server made' }],
    });
    const reversed = await t.app.inject({
      url: '/api/v1/consultations?scope=all&from=2026-11-25&to=2026-11-24',
      headers: supervisor.headers,
    });
    expect(reversed.statusCode, reversed.body).toBe(400);
    expect(reversed.json()).toMatchObject({ messageKey: 'validation.fromAfterTo' });
  });
});
