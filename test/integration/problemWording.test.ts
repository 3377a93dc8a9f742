import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Problem = { detail: string; errors: Array<{ where: string; message: string }> };

// The wording of validation problems in both languages: counts agree with their nouns in English,
// and a datetime without its offset is told as that (qa-report-4 L3).
describe.each(testBackends())('problem wording on $name', (backend) => {
  let t: TestApp;
  let admin: { id: string; headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  async function send(method: 'POST' | 'PUT', url: string, payload: object, language: 'en' | 'ko') {
    const answer = await t.app.inject({
      method,
      url,
      headers: { ...admin.headers, 'accept-language': language },
      payload,
    });
    expect(answer.statusCode, answer.body).toBe(400);
    return answer.json() as Problem;
  }

  const messages = (problem: Problem) => problem.errors.map((error) => error.message);

  it('counts in agreement: "at least 1 item" in English, 항목 1개 in Korean', async () => {
    const body = { url: 'https://hooks.example.com/ieum', eventTypes: [] };
    expect(messages(await send('POST', '/api/v1/webhooks', body, 'en'))).toContain(
      'eventTypes must hold at least 1 item',
    );
    expect(messages(await send('POST', '/api/v1/webhooks', body, 'ko'))).toContain(
      '받을 이벤트를 하나 이상 고르세요',
    );
  });

  it('says "(1 problem)" for one problem and "(2 problems)" for two', async () => {
    const agent = await t.userWithToken('agent');
    const one = await send(
      'PUT',
      '/api/v1/transfer-settings/assignees',
      { assignees: [{ userId: agent.id }] },
      'en',
    );
    expect(one.detail).toBe('The assignees cannot be set (1 problem)');
    const two = await send(
      'PUT',
      '/api/v1/transfer-settings/assignees',
      { assignees: [{ userId: agent.id }], types: [{ inquiryType: 999 }] },
      'en',
    );
    expect(two.detail).toBe('The assignees cannot be set (2 problems)');
    const korean = await send(
      'PUT',
      '/api/v1/transfer-settings/assignees',
      { assignees: [{ userId: agent.id }] },
      'ko',
    );
    expect(korean.detail).toBe('담당자를 지정할 수 없습니다 (문제 1건)');
  });

  it('tells a datetime without its offset as that, in both languages; other bad values keep the format sentence', async () => {
    const local = { expiresAt: '2026-12-07T10:00:00' };
    expect(messages(await send('POST', '/api/v1/tokens', local, 'en'))).toEqual([
      'expiresAt lacks its UTC offset (Z or +09:00), e.g. 2026-12-07T10:00:00+09:00',
    ]);
    expect(messages(await send('POST', '/api/v1/tokens', local, 'ko'))).toEqual([
      'expiresAt에 시간대(Z 또는 +09:00)가 빠졌습니다 (예: 2026-12-07T10:00:00+09:00)',
    ]);
    const notADate = { expiresAt: 'next tuesday' };
    expect(messages(await send('POST', '/api/v1/tokens', notADate, 'en'))).toEqual([
      'expiresAt must be a valid datetime',
    ]);
    expect(messages(await send('POST', '/api/v1/tokens', notADate, 'ko'))).toEqual([
      '만료 시각은 ISO 8601 형식(예: 2027-01-01T00:00:00+09:00)입니다',
    ]);
  });
});
