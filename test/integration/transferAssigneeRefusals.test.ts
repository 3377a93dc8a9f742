import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const english = { 'accept-language': 'en' };

// A refused assignee is told why — not a business-team or admin account, or listed twice — in the
// caller's language, by the per-type settings as by the bulk endpoint; and the single transfer's
// refusal says who may be assigned (admins are accepted there too).
describe.each(testBackends())('refused transfer assignees on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;
  let member: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    member = await t.userWithToken('backoffice');
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (
    user: User,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({ method, url, headers: { ...user.headers, ...headers }, ...(payload ? { payload } : {}) });

  const settingsWith = (assignees: Array<{ userId: string }>) => ({
    types: [{ inquiryType: 1, sla: { kind: 'next-business-day', time: '12:00' }, assignees }],
  });

  it('PUT /transfer-settings names an agent as not eligible and a person listed twice, in English and Korean', async () => {
    const before = (await send(admin, 'GET', '/api/v1/transfer-settings')).body;
    const body = settingsWith([{ userId: agent.id }, { userId: member.id }, { userId: member.id }]);
    const en = await send(admin, 'PUT', '/api/v1/transfer-settings', body, english);
    expect(en.statusCode).toBe(400);
    expect(en.headers['content-type']).toContain('application/problem+json');
    expect(en.json().errors).toEqual([
      expect.objectContaining({
        where: '/types/0/assignees/2/userId',
        message: 'The same person is listed twice',
      }),
      expect.objectContaining({
        where: '/types/0/assignees/0/userId',
        message: 'Only active business-team (back-office) or admin accounts can be assignees',
      }),
    ]);
    expect(en.json().detail).toBe('The transfer settings cannot be saved (2 problems)');

    const ko = await send(admin, 'PUT', '/api/v1/transfer-settings', body);
    expect(ko.json().errors.map((error: { message: string }) => error.message)).toEqual([
      '같은 사람이 두 번 있습니다',
      '활성 상태의 비즈니스팀(백오피스) 또는 관리자만 담당자가 될 수 있습니다',
    ]);
    expect(ko.json().detail).toBe('이관 설정을 저장할 수 없습니다 (문제 2건)');
    expect((await send(admin, 'GET', '/api/v1/transfer-settings')).body).toBe(before);
  });

  it('PUT /transfer-settings says what is wrong with a type in English too', async () => {
    const en = await send(
      admin,
      'PUT',
      '/api/v1/transfer-settings',
      {
        types: [
          { inquiryType: 1, sla: { kind: 'business-minutes', minutes: 60 }, assignees: [] },
          { inquiryType: 1, sla: { kind: 'business-minutes', minutes: 60 }, assignees: [] },
          { inquiryType: 99, sla: { kind: 'business-minutes', minutes: 60 }, assignees: [] },
          {
            guideId: 'no-such-guide',
            inquiryType: 1,
            sla: { kind: 'business-minutes', minutes: 60 },
            assignees: [],
          },
        ],
      },
      english,
    );
    expect(en.statusCode).toBe(400);
    const messages = Object.fromEntries(
      en.json().errors.map((error: { where: string; message: string }) => [error.where, error.message]),
    );
    expect(messages).toEqual({
      '/types/1/inquiryType': 'The same type is listed twice',
      '/types/2/inquiryType': expect.stringMatching(
        /^Type 99 is not a type of the guide .+ \(one of 1, 2, .*9\)$/,
      ),
      '/types/3/guideId': 'No guide "no-such-guide"',
    });
  });

  it('POST /transfers/{id}/assign says business-team or admin accounts may be assignees, and takes an admin', async () => {
    const filed = await send(agent, 'POST', '/api/v1/transfers', {
      inquiryType: 1,
      channel: 'call',
      companyName: '이음상사',
      phone: '010-1234-5678',
      inquiry: '정산 문의',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const url = `/api/v1/transfers/${filed.json().id}/assign`;
    const en = await send(member, 'POST', url, { assigneeId: agent.id }, english);
    expect(en.statusCode).toBe(400);
    expect(en.json()).toMatchObject({
      detail: 'Only active business-team (back-office) or admin accounts can be assignees.',
      errors: [{ where: '/assigneeId', message: 'not an active business-team or admin account' }],
    });
    const ko = await send(member, 'POST', url, { assigneeId: agent.id });
    expect(ko.json()).toMatchObject({
      detail: '활성 상태의 비즈니스팀(백오피스) 또는 관리자만 담당자로 지정할 수 있습니다.',
      errors: [{ where: '/assigneeId', message: '활성 비즈니스팀 또는 관리자 계정이 아님' }],
    });
    // What the message says is what the server does: an admin is taken.
    const toAdmin = await send(member, 'POST', url, { assigneeId: admin.id });
    expect(toAdmin.statusCode, toAdmin.body).toBe(200);
    expect(toAdmin.json().assignee).toMatchObject({ id: admin.id });
  });
});
