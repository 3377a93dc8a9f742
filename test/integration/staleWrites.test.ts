import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

/**
 * Two business-team members on the same transfer or lead, one of them acting on a screen that still
 * shows what the other has already changed: the late write is refused with a 409 that says, in the
 * caller's language and in the words the screen uses, what the record is now.
 */
describe.each(testBackends())('writes from a stale screen on $name', (backend) => {
  let t: TestApp;
  let agent: User;
  let first: User;
  let second: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    first = await t.userWithToken('backoffice');
    second = await t.userWithToken('backoffice');
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (user: User, url: string, payload: object, locale = 'ko') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...user.headers, 'accept-language': locale },
      payload,
    });

  async function fileTransfer(): Promise<string> {
    const filed = await post(agent, '/api/v1/transfers', {
      inquiryType: 1,
      companyName: '동시상사',
      contactName: '홍길동',
      phone: '010-2345-6789',
      inquiry: '한도 변경 요청',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    return filed.json().id;
  }

  it('taking a transfer a colleague took meanwhile is a 409 naming who holds it, not a silent takeover', async () => {
    const id = await fileTransfer();
    const url = `/api/v1/transfers/${id}/assign`;
    // Filed with no rotation set: unassigned on both screens; the first take wins.
    const taken = await post(first, url, { assigneeId: 'me', expectedAssigneeId: null });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().assignee.id).toBe(first.id);

    const late = await post(second, url, { assigneeId: 'me', expectedAssigneeId: null });
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json()).toMatchObject({
      messageKey: 'transfers.assigneeChangedMeanwhile',
      errors: [{ where: '/expectedAssigneeId' }],
    });
    expect(late.json().detail).toMatch(/^다른 사람이 먼저 담당자를 바꿨습니다 \(현재 담당: backoffice \d+\)/);
    const english = await post(second, url, { assigneeId: 'me', expectedAssigneeId: null }, 'en');
    expect(english.json().detail).toMatch(
      /^Someone else changed the assignee first \(now held by backoffice \d+\)/,
    );

    // Still held by the first taker; nothing was recorded for the refused takes.
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/transfers/${id}`,
      headers: first.headers,
    });
    expect(read.json().assignee.id).toBe(first.id);
    expect(
      read.json().history.filter((entry: { action: string }) => entry.action === 'assigned'),
    ).toHaveLength(1);

    // The same take pressed twice is no conflict; a take from a fresh view goes through.
    expect((await post(first, url, { assigneeId: 'me', expectedAssigneeId: null })).statusCode).toBe(200);
    const handOver = await post(second, url, { assigneeId: 'me', expectedAssigneeId: first.id });
    expect(handOver.statusCode, handOver.body).toBe(200);
    expect(handOver.json().assignee.id).toBe(second.id);

    // Put back unassigned meanwhile: the refusal says so.
    expect((await post(second, url, { assigneeId: null })).statusCode).toBe(200);
    const gone = await post(first, url, { assigneeId: 'me', expectedAssigneeId: second.id });
    expect(gone.statusCode).toBe(409);
    expect(gone.json().detail).toBe(
      '다른 사람이 먼저 담당자를 바꿨습니다 (현재: 미배정). 새로 고쳐 확인하세요.',
    );
  });

  it("a status change from a stale screen names the current status in the caller's words", async () => {
    const id = await fileTransfer();
    const url = `/api/v1/transfers/${id}/status`;
    expect((await post(first, url, { status: 'in-progress', expectedStatus: 'received' })).statusCode).toBe(
      200,
    );
    const late = await post(second, url, { status: 'in-progress', expectedStatus: 'received' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      detail: '다른 사람이 먼저 상태를 바꿨습니다 (현재: 처리중). 새로 고쳐 확인하세요.',
      params: { status: 'in-progress' },
      errors: [{ where: '/expectedStatus', message: '현재 상태: 처리중' }],
    });
    const english = await post(second, url, { status: 'in-progress', expectedStatus: 'received' }, 'en');
    expect(english.json()).toMatchObject({
      detail: 'Someone else changed the status first (now: In progress). Reload to check.',
      errors: [{ message: 'current status is In progress' }],
    });
  });

  /** Files a sign-up lead through the console's finish; answers the lead. */
  async function fileLead(
    companyName: string,
    email: string,
  ): Promise<{ id: string; status: string; callback: { attempts: number } }> {
    const started = await post(agent, '/api/v1/consultations', {
      channel: 'call',
      guideId: 'business-inquiry',
    });
    const collected = { companyName, contactName: '홍길동', phone: '010-3456-7890', email };
    const finished = await post(agent, `/api/v1/consultations/${started.json().id}/finish`, {
      ...signUpLeadPath,
      record: {
        summary: '비즈니스 가입 문의',
        ...collected,
        inquiry: `이메일주소: ${collected.email}`,
        title: '[비즈니스] 비즈니스 가입 문의',
        body: `ㄴ 기업명 : ${collected.companyName}`,
      },
      collected,
    });
    expect(finished.statusCode, finished.body).toBe(200);
    return finished.json().lead;
  }

  it("a callback outcome from a stale screen names the lead's current status in the caller's words", async () => {
    const lead = await fileLead('동시상사', 'buyer@example.com');
    const url = `/api/v1/leads/${lead.id}/callback-outcome`;
    const reached = await post(first, url, { outcome: 'reached', expectedStatus: lead.status });
    expect(reached.statusCode, reached.body).toBe(200);
    const late = await post(second, url, { outcome: 'not-interested', expectedStatus: lead.status });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      detail: '다른 사람이 먼저 결과를 기록했습니다 (현재: 통화 완료). 새로 고쳐 확인하세요.',
      errors: [{ where: '/expectedStatus', message: '현재 상태: 통화 완료' }],
    });
    const english = await post(second, url, { outcome: 'not-interested', expectedStatus: lead.status }, 'en');
    expect(english.json()).toMatchObject({
      detail: 'Someone else recorded a result first (now: Called). Reload to check.',
      errors: [{ message: 'current status is Called' }],
    });
  });

  it('two people recording 부재중 on the same lead at once: one is kept, the other told (the attempt count guard)', async () => {
    const lead = await fileLead('부재상사', 'absent@example.com');
    const url = `/api/v1/leads/${lead.id}/callback-outcome`;
    // The screens saw the first call not yet recorded; 부재중 keeps the lead 신규, so the status
    // guard alone let both through.
    const seen = { expectedStatus: lead.status, expectedAttempts: lead.callback.attempts };
    expect(seen).toEqual({ expectedStatus: 'new', expectedAttempts: 0 });
    const both = await Promise.all([
      post(first, url, { outcome: 'no-answer', ...seen }),
      post(second, url, { outcome: 'no-answer', ...seen }),
    ]);
    expect(both.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const late = both.find((answer) => answer.statusCode === 409);
    expect(late?.headers['content-type']).toContain('application/problem+json');
    expect(late?.json()).toMatchObject({
      detail: '다른 사람이 먼저 결과를 기록했습니다 (현재: 1번째 시도 부재중). 새로 고쳐 확인하세요.',
      errors: [{ where: '/expectedAttempts', message: '현재 시도 횟수: 1회' }],
    });
    const kept = await t.app.inject({
      method: 'GET',
      url: `/api/v1/leads/${lead.id}`,
      headers: first.headers,
    });
    expect(kept.json().callback.attempts).toBe(1);
    expect(kept.json().callbacks).toHaveLength(1);

    // In English, and after a result that moved the lead the count is checked all the same.
    const english = await post(second, url, { outcome: 'no-answer', ...seen }, 'en');
    expect(english.statusCode).toBe(409);
    expect(english.json()).toMatchObject({
      detail: 'Someone else recorded a result first (now: attempt 1, No answer). Reload to check.',
      errors: [{ message: 'current callback attempts: 1' }],
    });
    const next = await post(first, url, { outcome: 'no-answer', expectedStatus: 'new', expectedAttempts: 1 });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().callback.attempts).toBe(2);
  });

  it('an outcome sent without expectedAttempts (an integration) is not checked against the count', async () => {
    const lead = await fileLead('연동상사', 'api@example.com');
    const url = `/api/v1/leads/${lead.id}/callback-outcome`;
    for (const attempts of [1, 2]) {
      const answer = await post(first, url, { outcome: 'no-answer', expectedStatus: 'new' });
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json().callback.attempts).toBe(attempts);
    }
  });
});
