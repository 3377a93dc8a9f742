import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumerateFlowPaths } from '../../src/domain/flow/enumerateFlowPaths.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const record = {
  summary: '정산 문의',
  companyName: '이음상사',
  contactName: '홍길동',
  phone: '010-2468-1357',
  inquiry: '월 정산 내역 확인 요청 (회신 hong@example.com)',
  title: '[비즈니스] 정산 문의',
  body: 'ㄴ 기업명 : 이음상사\nㄴ 담당자 이름 : 홍길동\nㄴ 연락처 : 010-2468-1357\nㄴ 문의 내용 : 월 정산 내역 확인 요청',
};
const CLEAR = [
  '010-2468-1357',
  '01024681357',
  '2468-1357',
  '홍길동',
  'hong@example.com',
  '01099998888',
  '9999-8888',
];

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

describe.each(testBackends())('no clear personal data without an access-log entry on $name', (backend) => {
  let t: TestApp;
  let agent: User;
  let admin: User;
  let backoffice: User;
  let otherBackoffice: User;
  let supervisor: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    admin = await t.userWithToken('admin');
    backoffice = await t.userWithToken('backoffice');
    otherBackoffice = await t.userWithToken('backoffice');
    supervisor = await t.userWithToken('supervisor');
  });
  afterAll(async () => {
    await t?.close();
  });

  const transferPath = () => {
    const guide = t.ctx.guides.get('business-inquiry');
    const history = guide
      ? enumerateFlowPaths(guide, 'q1').find(
          (path) =>
            path.outcome === 'transfer' &&
            !path.history.some((e) => e.answer === 'open' || e.answer === 'closed'),
        )?.history
      : undefined;
    if (!history) throw new Error('no q1 transfer path');
    return history;
  };
  const saveCall = () =>
    recordConsultation(t.app, agent.headers, {
      channel: 'call',
      callerNumber: '01099998888',
      scriptId: 'q1',
      inquiryType: 1,
      history: transferPath(),
      record,
    });

  it('an admin replaying /complete on another agent’s consultation gets it masked; the agent still gets it in clear', async () => {
    const id = await saveCall();
    const body = { scriptId: 'q1', inquiryType: 1, history: transferPath(), record };
    const replayed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/complete`,
      headers: admin.headers,
      payload: body,
    });
    expect(replayed.statusCode, replayed.body).toBe(200);
    for (const clear of CLEAR) expect(replayed.body).not.toContain(clear);
    expect(replayed.json().callerNumber).toBe('010-****-8888');
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/complete`,
      headers: agent.headers,
      payload: body,
    });
    expect(own.json().callerNumber).toBe('010-9999-8888');
  });

  it('the business team filing a transfer from an agent’s consultation gets the contact masked', async () => {
    const id = await saveCall();
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: backoffice.headers,
      payload: { consultationId: id },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().masked).toBe(true);
    for (const clear of CLEAR) expect(filed.body).not.toContain(clear);
  });

  it('reveals a transfer’s contact with a reason, logged; to the business team and admins only', async () => {
    // Filed through the API by one member, with nothing from a consultation: another member calls back.
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: backoffice.headers,
      payload: {
        inquiryType: 1,
        channel: 'call',
        companyName: '이음상사',
        contactName: '홍길동',
        phone: '010-2468-1357',
        inquiry: '월 정산 내역 확인 요청',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const transferId: string = filed.json().id;
    const url = `/api/v1/transfers/${transferId}/reveal`;

    const noReason = await t.app.inject({
      method: 'POST',
      url,
      headers: otherBackoffice.headers,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers['content-type']).toContain('application/problem+json');
    for (const user of [agent, supervisor]) {
      const refused = await t.app.inject({
        method: 'POST',
        url,
        headers: user.headers,
        payload: { reason: '재통화' },
      });
      expect(refused.statusCode).toBe(403);
    }

    const revealed = await t.app.inject({
      method: 'POST',
      url,
      headers: otherBackoffice.headers,
      payload: { reason: '고객 재통화 (정산 문의 회신)' },
    });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({
      transferId,
      contactName: '홍길동',
      phone: '010-2468-1357',
      email: null,
      inquiry: '월 정산 내역 확인 요청',
      comments: [],
      notes: [],
    });

    const log = await t.app.inject({
      url: `/api/v1/access-log?action=personal-data.reveal&subject=transfer:${transferId}`,
      headers: admin.headers,
    });
    expect(log.json().items).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: otherBackoffice.id }),
        reason: '고객 재통화 (정산 문의 회신)',
        subject: `transfer:${transferId}`,
      }),
    ]);
    // Found by whose data it was, too.
    const byPhone = await t.app.inject({
      url: `/api/v1/access-log?phone=${encodeURIComponent('01024681357')}&subject=transfer:${transferId}`,
      headers: admin.headers,
    });
    expect(byPhone.json().items).toHaveLength(1);
    expect((await t.app.inject({ url: '/api/v1/access-log/verify', headers: admin.headers })).json().ok).toBe(
      true,
    );

    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers/00000000-0000-4000-8000-000000000000/reveal',
      headers: admin.headers,
      payload: { reason: '재통화' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
