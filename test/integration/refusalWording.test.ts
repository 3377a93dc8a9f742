import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = Record<string, string>;

/**
 * Workflow refusals say why in either language: the English answer carries the same facts as the
 * Korean one (which status to which, what is allowed, which time is wrong), and errors[].message is
 * a sentence, never a bare reason code — the codes travel as messageKey and params.
 */
describe.each(testBackends())('refusals worded in the caller’s language on $name', (backend) => {
  let t: TestApp;
  let agent: Headers;
  let backoffice: Headers;
  const english = { 'accept-language': 'en-US,en;q=0.9' };
  const korean = { 'accept-language': 'ko-KR' };
  const hangul = /[\uAC00-\uD7A3]/;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = (await t.userWithToken('agent')).headers;
    backoffice = (await t.userWithToken('backoffice')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (headers: Headers, url: string, payload: object, language: Headers) =>
    t.app.inject({ method: 'POST', url, headers: { ...headers, ...language }, payload });

  it('names the statuses of a refused transfer move, and the ones allowed, in each language', async () => {
    const filed = await send(
      agent,
      '/api/v1/transfers',
      { inquiryType: 1, phone: '010-2222-3333', inquiry: '정산 문의' },
      korean,
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const url = `/api/v1/transfers/${filed.json().id}/status`;
    const ko = await send(backoffice, url, { status: 'closed' }, korean);
    const en = await send(backoffice, url, { status: 'closed' }, english);
    for (const response of [ko, en]) {
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'conflict',
        messageKey: 'transfers.moveNotAllowed',
        params: { from: 'received', to: 'closed', allowed: 'in-progress' },
        errors: [{ where: '/status', messageKey: 'transfers.moveNotAllowed' }],
      });
    }
    expect(ko.json().detail).toBe('접수에서 종결 상태로 바꿀 수 없습니다. 가능한 상태: 처리중');
    expect(ko.json().errors[0].message).toBe(ko.json().detail);
    expect(en.json().detail).toBe(
      'A transfer cannot go from Received to Closed. Possible next statuses: In progress',
    );
    expect(en.json().errors[0].message).toBe(en.json().detail);
    expect(en.body).not.toMatch(hangul);
  });

  it('says why a callback outcome was refused in each language, not as a reason code', async () => {
    const started = await send(
      agent,
      '/api/v1/consultations',
      { channel: 'call', guideId: 'business-inquiry' },
      korean,
    );
    const consultationId: string = started.json().id;
    const finished = await send(
      agent,
      `/api/v1/consultations/${consultationId}/finish`,
      {
        ...signUpLeadPath,
        record: {
          summary: '비즈니스 가입 문의',
          companyName: '이음상사',
          contactName: '김민지',
          phone: '010-1234-5678',
          inquiry: '가입 소개서 요청',
          title: '[비즈니스] 비즈니스 가입 문의',
          body: 'ㄴ 기업명 : 이음상사',
        },
        email: 'minji@example.com',
      },
      korean,
    );
    expect(finished.statusCode, finished.body).toBe(200);
    const leadId: string = finished.json().lead.id;
    const url = `/api/v1/leads/${leadId}/callback-outcome`;
    const body = { outcome: 'no-answer', retryAt: '2020-01-01T00:00:00Z' };
    const ko = await send(backoffice, url, body, korean);
    const en = await send(backoffice, url, body, english);
    for (const response of [ko, en]) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'validation-failed',
        messageKey: 'leads.retryInPast',
        errors: [{ where: '/retryAt', messageKey: 'leads.retryInPast' }],
      });
    }
    expect(ko.json().detail).toBe('재통화 시각은 지금 이후여야 합니다.');
    expect(ko.json().errors[0].message).toBe(ko.json().detail);
    expect(en.json().detail).toBe('The time to call again must be later than now.');
    expect(en.json().errors[0].message).toBe(en.json().detail);
    expect(en.body).not.toMatch(hangul);
  });

  const record = {
    summary: '정산 문의',
    companyName: '이음상사',
    contactName: '김민지',
    phone: '010-1234-5678',
    inquiry: '정산 내역 확인',
    title: '[비즈니스] 정산 문의',
    body: 'ㄴ 기업명 : 이음상사',
  };
  const startCall = async () => {
    const started = await send(
      agent,
      '/api/v1/consultations',
      { channel: 'call', guideId: 'business-inquiry' },
      korean,
    );
    expect(started.statusCode, started.body).toBe(201);
    return started.json().id as string;
  };

  it('refuses an unknown script at /scriptId, naming it and the type’s script, on finish and complete', async () => {
    const id = await startCall();
    const body = { scriptId: 'q9', inquiryType: 9, history: [], businessHoursOpen: true, record };
    for (const action of ['finish', 'complete']) {
      const ko = await send(agent, `/api/v1/consultations/${id}/${action}`, body, korean);
      const en = await send(agent, `/api/v1/consultations/${id}/${action}`, body, english);
      for (const response of [ko, en]) {
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json()).toMatchObject({
          code: 'validation-failed',
          messageKey: 'consultations.unknownScript',
          params: { script: 'q9', inquiryType: 9, typeScript: 'q1', scripts: 'q1, q2, q3, q4' },
          errors: [{ where: '/scriptId', messageKey: 'consultations.unknownScriptDetail' }],
        });
      }
      expect(ko.json().detail).toBe(
        '비즈니스 문의 가이드에 q9 스크립트가 없습니다. 이관 유형 9의 스크립트는 q1입니다 (가이드의 스크립트: q1, q2, q3, q4).',
      );
      expect(ko.json().errors[0].message).toBe('없는 스크립트: q9');
      expect(en.json().detail).toMatch(
        /has no script q9\. Inquiry type 9 uses script q1 \(the guide’s scripts: q1, q2, q3, q4\)\.$/,
      );
      expect(en.json().errors[0].message).toBe('unknown script: q9');
    }
  });

  it('refuses a script that is not the inquiry type’s own at /scriptId, in each language', async () => {
    const id = await startCall();
    const body = { scriptId: 'q4', inquiryType: 3, history: [], businessHoursOpen: true, record };
    for (const action of ['finish', 'complete']) {
      const ko = await send(agent, `/api/v1/consultations/${id}/${action}`, body, korean);
      const en = await send(agent, `/api/v1/consultations/${id}/${action}`, body, english);
      for (const response of [ko, en]) {
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json()).toMatchObject({
          code: 'validation-failed',
          messageKey: 'consultations.scriptNotOfType',
          params: { script: 'q4', inquiryType: 3, typeScript: 'q3' },
          errors: [{ where: '/scriptId', messageKey: 'consultations.scriptNotOfTypeDetail' }],
        });
      }
      expect(ko.json().detail).toBe(
        'q4 스크립트는 이관 유형 3의 스크립트가 아닙니다. 이 유형은 q3 스크립트로 상담합니다.',
      );
      expect(ko.json().errors[0].message).toBe('이관 유형 3의 스크립트는 q3입니다');
      expect(en.json().detail).toBe(
        'Script q4 is not the script of inquiry type 3: that type is consulted with script q3.',
      );
      expect(en.json().errors[0].message).toBe('inquiry type 3 uses script q3');
      expect(en.body).not.toMatch(hangul);
    }
  });

  it('words a path the script does not allow in each language, with no reason code as the message', async () => {
    const id = await startCall();
    const tampered = [{ nodeId: 'q4-signup', answer: 'yes' }];
    const body = { scriptId: 'q1', inquiryType: 1, history: tampered, businessHoursOpen: true, record };
    for (const action of ['finish', 'complete']) {
      const ko = await send(agent, `/api/v1/consultations/${id}/${action}`, body, korean);
      const en = await send(agent, `/api/v1/consultations/${id}/${action}`, body, english);
      for (const response of [ko, en]) {
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json()).toMatchObject({
          code: 'validation-failed',
          messageKey: 'consultations.replayWrongNode',
          params: { index: 0, expected: 'q1-registered', given: 'q4-signup' },
          errors: [{ where: '/history/0', messageKey: 'consultations.replayWrongNode' }],
        });
      }
      expect(ko.json().detail).toBe('0번째 단계는 "q1-registered" 단계여야 하는데 "q4-signup"입니다.');
      expect(ko.json().errors[0].message).toBe(ko.json().detail);
      expect(en.json().detail).toBe('Step 0 should be "q1-registered" but is "q4-signup".');
      expect(en.json().errors[0].message).toBe(en.json().detail);
      expect(en.body).not.toMatch(hangul);
    }
  });
});
