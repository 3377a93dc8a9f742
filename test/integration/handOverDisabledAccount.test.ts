import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type Listed = { id: string; disabled: boolean; openItemsHeld: { transfers: number; leads: number } };

describe.each(testBackends())('handing over what an already-disabled account holds on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  const inject = (
    user: User,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
    language?: 'en',
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...user.headers, ...(language ? { 'accept-language': language } : {}) },
      ...(payload ? { payload } : {}),
    });
  const handOver = (user: User, id: string, payload: object, language?: 'en') =>
    inject(user, 'POST', `/api/v1/users/${id}/open-items/hand-over`, payload, language);
  const listed = async (id: string): Promise<Listed | undefined> =>
    (await inject(admin, 'GET', '/api/v1/users')).json().items.find((item: Listed) => item.id === id);
  const assigneeOf = async (id: string): Promise<string | null> =>
    (await inject(admin, 'GET', `/api/v1/transfers/${id}`)).json().assignee?.id ?? null;

  /** A disabled business-team member still holding `count` type-1 transfers, as before disabling handed work over. */
  async function disabledHolding(count: number, stayers: User[]): Promise<{ leaver: User; ids: string[] }> {
    const leaver = await t.userWithToken('backoffice');
    const saved = await inject(admin, 'PUT', '/api/v1/transfer-settings', {
      types: [
        {
          inquiryType: 1,
          sla: { kind: 'next-business-day', time: '12:00' },
          assignees: [leaver, ...stayers].map((member) => ({ userId: member.id, onDuty: true })),
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const filed = await inject(agent, 'POST', '/api/v1/transfers', {
        inquiryType: 1,
        companyName: `넘김상사 ${i}`,
        contactName: '홍길동',
        phone: '010-1234-5678',
        inquiry: '정산 내역 확인 요청',
      });
      expect(filed.statusCode, filed.body).toBe(201);
      const id: string = filed.json().id;
      const given = await inject(admin, 'POST', `/api/v1/transfers/${id}/assign`, { assigneeId: leaver.id });
      expect(given.statusCode, given.body).toBe(200);
      ids.push(id);
    }
    const disabled = await inject(admin, 'PATCH', `/api/v1/users/${leaver.id}`, { disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    return { leaver, ids };
  }

  it('lists what each account holds, and hands a disabled one’s work back in rotation, logged', async () => {
    const stayer = await t.userWithToken('backoffice');
    const { leaver, ids } = await disabledHolding(2, [stayer]);
    expect(await listed(leaver.id)).toMatchObject({
      disabled: true,
      openItemsHeld: { transfers: 2, leads: 0 },
    });
    expect((await listed(admin.id))?.openItemsHeld).toEqual({ transfers: 0, leads: 0 });

    const answer = await handOver(admin, leaver.id, { openItems: 'rotation' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({
      openItemsMoved: { transfers: 2, leads: 0, reassigned: 2, unassigned: 0 },
    });
    // The leaver is out of the rotation: both go to the one left on duty.
    expect(await Promise.all(ids.map(assigneeOf))).toEqual([stayer.id, stayer.id]);
    expect(await listed(leaver.id)).toMatchObject({ openItemsHeld: { transfers: 0, leads: 0 } });
    const log = await inject(admin, 'GET', '/api/v1/access-log?action=user.open-items-handed-over');
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items).toContainEqual(
      expect.objectContaining({ action: 'user.open-items-handed-over', subject: `user:${leaver.id}` }),
    );
    // Nothing left: a second hand-over moves nothing.
    const again = await handOver(admin, leaver.id, { openItems: 'rotation' });
    expect(again.json().openItemsMoved).toEqual({ transfers: 0, leads: 0, reassigned: 0, unassigned: 0 });
  });

  it('logs a hand-over made by disabling an already-disabled account again with openItems', async () => {
    const stayer = await t.userWithToken('backoffice');
    const { leaver } = await disabledHolding(1, [stayer]);
    const again = await inject(admin, 'PATCH', `/api/v1/users/${leaver.id}`, {
      disabled: true,
      openItems: 'rotation',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().openItemsMoved).toMatchObject({ transfers: 1, reassigned: 1 });
    const log = await inject(admin, 'GET', '/api/v1/access-log?action=user.open-items-handed-over');
    expect(log.json().items).toContainEqual(
      expect.objectContaining({ action: 'user.open-items-handed-over', subject: `user:${leaver.id}` }),
    );
  });

  it('puts the work back in the queue unassigned when asked', async () => {
    const stayer = await t.userWithToken('backoffice');
    const { leaver, ids } = await disabledHolding(1, [stayer]);
    const answer = await handOver(admin, leaver.id, { openItems: 'unassigned' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().openItemsMoved).toEqual({ transfers: 1, leads: 0, reassigned: 0, unassigned: 1 });
    expect(await assigneeOf(ids[0] ?? '')).toBeNull();
  });

  it('refuses an active account (409), a wrong choice (400), an unknown one (404) and non-admins (403), in the caller’s language, moving nothing', async () => {
    const active = await t.userWithToken('backoffice');
    const { leaver, ids } = await disabledHolding(1, [active]);
    const given = await inject(admin, 'POST', `/api/v1/transfers/${ids[0]}/assign`, {
      assigneeId: active.id,
    });
    expect(given.statusCode, given.body).toBe(200);

    const refused = await handOver(admin, active.id, { openItems: 'rotation' });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toContain('사용 중인 계정');
    const inEnglish = await handOver(admin, active.id, { openItems: 'rotation' }, 'en');
    expect(inEnglish.statusCode).toBe(409);
    expect(inEnglish.body).toContain('active account');
    expect(await assigneeOf(ids[0] ?? '')).toBe(active.id);

    const wrong = await handOver(admin, leaver.id, { openItems: 'everyone' }, 'en');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().errors).toEqual([expect.objectContaining({ where: 'body/openItems' })]);
    expect(wrong.body).not.toMatch(/[가-힣]/);
    expect((await handOver(admin, leaver.id, {})).statusCode).toBe(400);

    const unknown = await handOver(admin, '00000000-0000-4000-8000-000000000000', { openItems: 'rotation' });
    expect(unknown.statusCode).toBe(404);
    expect((await handOver(agent, leaver.id, { openItems: 'rotation' })).statusCode).toBe(403);
  });
});
