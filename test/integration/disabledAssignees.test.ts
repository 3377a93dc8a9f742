import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { readOutbox } from '../helpers/readOutbox.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

/** A transfer's number, assignee and history lines, as the queue and the drawer read them. */
type TransferView = {
  id: string;
  number: string;
  assignee: { id: string; name: string; disabled: boolean } | null;
  history: Array<{ summary: string }>;
};

describe.each(testBackends())('a disabled business-team member’s open work on $name', (backend) => {
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

  const inject = (user: User, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

  async function setRotation(inquiryType: number, members: User[]): Promise<void> {
    const saved = await inject(admin, 'PUT', '/api/v1/transfer-settings', {
      types: [
        {
          inquiryType,
          sla: { kind: 'next-business-day', time: '12:00' },
          assignees: members.map((member) => ({ userId: member.id, onDuty: true })),
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
  }

  /** Files a standalone type-1 transfer and gives it to `holder`; returns its id. */
  async function transferHeldBy(holder: User, company: string): Promise<string> {
    const filed = await inject(agent, 'POST', '/api/v1/transfers', {
      inquiryType: 1,
      companyName: company,
      contactName: '홍길동',
      phone: '010-1234-5678',
      inquiry: '정산 내역 확인 요청',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id: string = filed.json().id;
    const assigned = await inject(admin, 'POST', `/api/v1/transfers/${id}/assign`, { assigneeId: holder.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    return id;
  }

  /** Takes a sign-up lead (its transfer goes to type 6's rotation) and gives it to `holder`. */
  async function leadHeldBy(holder: User): Promise<{ leadId: string; transferId: string }> {
    const consultationId = await recordConsultation(t.app, agent.headers, {
      channel: 'call',
      ...signUpLeadPath,
      record: {
        summary: '비즈니스 가입 문의',
        companyName: '누리테크',
        contactName: '김민수',
        phone: '010-2345-6789',
        inquiry: '가입 소개서 요청',
        title: '[비즈니스] 비즈니스 가입 문의',
        body: 'ㄴ 기업명 : 누리테크',
      },
    });
    const filed = await inject(agent, 'POST', '/api/v1/leads', {
      consultationId,
      companyName: '누리테크',
      contactName: '김민수',
      phone: '010-2345-6789',
      email: 'minsu@nuri.example',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const lead: { id: string; transferId: string } = filed.json();
    const assigned = await inject(admin, 'POST', `/api/v1/transfers/${lead.transferId}/assign`, {
      assigneeId: holder.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    return { leadId: lead.id, transferId: lead.transferId };
  }

  async function nameOf(user: User): Promise<string> {
    const accounts: Array<{ id: string; name: string }> = (await inject(admin, 'GET', '/api/v1/users')).json()
      .items;
    const found = accounts.find((account) => account.id === user.id);
    if (!found) throw new Error(`no account ${user.id}`);
    return found.name;
  }

  async function transfer(id: string): Promise<TransferView> {
    const found = await inject(admin, 'GET', `/api/v1/transfers/${id}`);
    expect(found.statusCode, found.body).toBe(200);
    return found.json();
  }

  it('counts the open transfers and leads an account holds before it is disabled', async () => {
    const holder = await t.userWithToken('backoffice');
    await setRotation(6, [holder]);
    await transferHeldBy(holder, '이음상사');
    const second = await transferHeldBy(holder, '한빛물류');
    await leadHeldBy(holder);
    // A closed transfer is no one's work any more.
    for (const status of ['in-progress', 'contacted', 'closed']) {
      const moved = await inject(admin, 'POST', `/api/v1/transfers/${second}/status`, { status });
      expect(moved.statusCode, moved.body).toBe(200);
    }

    const counted = await inject(admin, 'GET', `/api/v1/users/${holder.id}/open-items`);
    expect(counted.statusCode, counted.body).toBe(200);
    // The first business-team account of this app: disabling it would leave none.
    expect(counted.json()).toEqual({
      transfers: 1,
      leads: 1,
      consultationsInProgress: 0,
      lastActiveBusinessTeam: true,
    });
    await t.userWithToken('backoffice');
    const withColleague = await inject(admin, 'GET', `/api/v1/users/${holder.id}/open-items`);
    expect(withColleague.json().lastActiveBusinessTeam).toBe(false);
    expect((await inject(agent, 'GET', `/api/v1/users/${holder.id}/open-items`)).statusCode).toBe(403);
    const unknown = await inject(
      admin,
      'GET',
      '/api/v1/users/00000000-0000-4000-8000-000000000000/open-items',
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('flags what a disabled account still holds, filters it, and hands it over later', async () => {
    const holder = await t.userWithToken('backoffice');
    await setRotation(6, [holder]);
    const held = await transferHeldBy(holder, '이음상사');
    const lead = await leadHeldBy(holder);
    const other = await t.userWithToken('backoffice');
    const notHeld = await transferHeldBy(other, '다른상사');

    // Disabled as before this change: the items stay with the account, and it is said.
    const disabled = await inject(admin, 'PATCH', `/api/v1/users/${holder.id}`, { disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).not.toHaveProperty('openItemsMoved');
    const holderName = await nameOf(holder);
    expect((await transfer(held)).assignee).toEqual({ id: holder.id, name: holderName, disabled: true });
    expect((await transfer(notHeld)).assignee).toMatchObject({ id: other.id, disabled: false });
    const leadView = await inject(admin, 'GET', `/api/v1/leads/${lead.leadId}`);
    expect(leadView.json().assignee).toEqual({ id: holder.id, name: holderName, disabled: true });

    const flagged = await inject(admin, 'GET', '/api/v1/transfers?assignee=disabled');
    expect(flagged.statusCode, flagged.body).toBe(200);
    const page: { items: TransferView[]; total: number } = flagged.json();
    expect(page.items.map((item) => item.id).sort()).toEqual([held, lead.transferId].sort());
    expect(page.total).toBe(2);
    expect(page.items.every((item) => item.assignee?.disabled === true)).toBe(true);

    // Disabling it again with a choice hands over what it still holds.
    const handedOver = await inject(admin, 'PATCH', `/api/v1/users/${holder.id}`, {
      disabled: true,
      openItems: 'unassigned',
    });
    expect(handedOver.statusCode, handedOver.body).toBe(200);
    expect(handedOver.json()).toMatchObject({
      disabled: true,
      openItemsMoved: { transfers: 1, leads: 1, reassigned: 0, unassigned: 2 },
    });
    const after = await transfer(held);
    expect(after.assignee).toBeNull();
    expect(after.history.at(-1)?.summary).toBe(`담당자 ${holderName} 사용 중지 → 미배정`);
    expect((await inject(admin, 'GET', '/api/v1/transfers?assignee=disabled')).json().total).toBe(0);
  });

  it('puts a disabled member’s open transfers back in rotation in the same request', async () => {
    const leaving = await t.userWithToken('backoffice');
    const first = await t.userWithToken('backoffice');
    const second = await t.userWithToken('backoffice');
    await setRotation(1, [leaving, first, second]);
    // Filing moves the cursor to `second` on the third; all three are then given to `leaving`.
    // A minute apart, so the hand-over (most urgent first, then oldest) takes them in this order.
    const ids: string[] = [];
    for (const company of ['가나상사', '다라상사', '마바상사']) {
      ids.push(await transferHeldBy(leaving, company));
      t.advance(60_000);
    }
    const outboxBefore = (await readOutbox(t.ctx)).length;

    const answer = await inject(admin, 'PATCH', `/api/v1/users/${leaving.id}`, {
      disabled: true,
      openItems: 'rotation',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().openItemsMoved).toEqual({ transfers: 3, leads: 0, reassigned: 3, unassigned: 0 });
    const assignees = await Promise.all(ids.map(async (id) => (await transfer(id)).assignee?.id));
    // Round-robin among those still on duty, from the cursor on (`second` got the last filing).
    expect(assignees).toEqual([first.id, second.id, first.id]);
    const moved = await transfer(ids[0] ?? '');
    expect(moved.history.at(-1)?.summary).toBe(
      `담당자 ${await nameOf(leaving)} 사용 중지 → ${await nameOf(first)} (순번 배정)`,
    );
    // The new assignees are told, as for any assignment; the cursor moved with the hand-over.
    const mails = (await readOutbox(t.ctx)).slice(outboxBefore);
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual(
      [first.email, first.email, second.email].sort(),
    );
    const settings = await inject(admin, 'GET', '/api/v1/transfer-settings');
    const typeOne = settings.json().types.find((type: { inquiryType: number }) => type.inquiryType === 1);
    expect(typeOne.nextAssignee).toMatchObject({ id: second.id });
    expect((await inject(admin, 'GET', `/api/v1/users/${leaving.id}/open-items`)).json()).toMatchObject({
      transfers: 0,
      leads: 0,
    });
  });

  it('leaves an item unassigned when nobody else is on duty for its type', async () => {
    const only = await t.userWithToken('backoffice');
    await setRotation(6, [only]);
    const lead = await leadHeldBy(only);
    const answer = await inject(admin, 'PATCH', `/api/v1/users/${only.id}`, {
      disabled: true,
      openItems: 'rotation',
    });
    expect(answer.json().openItemsMoved).toEqual({ transfers: 0, leads: 1, reassigned: 0, unassigned: 1 });
    expect((await transfer(lead.transferId)).assignee).toBeNull();
  });

  it('refuses openItems without disabling, in the caller’s language', async () => {
    const someone = await t.userWithToken('backoffice');
    const enabling = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${someone.id}`,
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { disabled: false, openItems: 'rotation' },
    });
    expect(enabling.statusCode).toBe(400);
    expect(enabling.json().errors).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('openItems only with disabled: true') }),
    );
    const alone = await inject(admin, 'PATCH', `/api/v1/users/${someone.id}`, { openItems: 'unassigned' });
    expect(alone.statusCode).toBe(400);
    const account = (await inject(admin, 'GET', '/api/v1/users'))
      .json()
      .items.find((item: { id: string }) => item.id === someone.id);
    expect(account.disabled).toBe(false);
  });

  it('says when an account is the last active business-team account', async () => {
    const users: Array<{ id: string; role: string; disabled: boolean }> = (
      await inject(admin, 'GET', '/api/v1/users')
    ).json().items;
    const active = users.filter((user) => user.role === 'backoffice' && !user.disabled);
    const [last, ...others] = active;
    if (!last) throw new Error('no active business-team account');
    for (const other of others) {
      const disabled = await inject(admin, 'PATCH', `/api/v1/users/${other.id}`, { disabled: true });
      expect(disabled.statusCode, disabled.body).toBe(200);
    }
    const counted = await inject(admin, 'GET', `/api/v1/users/${last.id}/open-items`);
    expect(counted.json().lastActiveBusinessTeam).toBe(true);
    const ofAdmin = await inject(admin, 'GET', `/api/v1/users/${admin.id}/open-items`);
    expect(ofAdmin.json().lastActiveBusinessTeam).toBe(false);
  });
});
