import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoFixture } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-overlap-test-token-0123456789';
const OPEN = '2026-11-25T10:00:00+09:00';

/**
 * QA-11 M7: rotating the skill token stopped the old one at once, and with it the live chatbot
 * until Open Builder had the new skill URL deployed. A rotation may give the replaced token an
 * overlap; without one (or after a leak) it stops at once, as before. Recorded Open Builder body
 * over the real endpoint.
 */
describe.each(testBackends())('rotating the KakaoTalk skill token with an overlap on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;
  let admin: { headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const skill = async (token: string) =>
    (
      await fetch(`${baseUrl}/api/v1/channels/kakao/${token}/skill`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(kakaoFixture('first-utterance')),
      })
    ).status;
  const rotate = async (body?: unknown, language = 'ko') => {
    const response = await fetch(`${baseUrl}/api/v1/channels/kakao/skill-token`, {
      method: 'POST',
      headers: {
        ...admin.headers,
        'accept-language': language,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };

  it('keeps the replaced token working for the overlap asked, then stops it; a rotation without one stops every older token at once', async () => {
    t.setNow(OPEN);
    expect(await skill(TOKEN)).toBe(200);
    // The environment's token, replaced with an hour's overlap: both answer for that hour.
    const first = await rotate({ previousValidMinutes: 60 });
    expect(first.status).toBe(201);
    expect(first.body.previousValidUntil).toBe('2026-11-25T02:00:00.000Z');
    expect(await skill(TOKEN)).toBe(200);
    expect(await skill(first.body.token)).toBe(200);
    t.advance(59 * 60_000);
    expect(await skill(TOKEN)).toBe(200);
    t.advance(2 * 60_000);
    expect(await skill(TOKEN)).toBe(404);
    expect(await skill(first.body.token)).toBe(200);

    // Rotated again with half an hour: the first rotated token keeps working meanwhile...
    const second = await rotate({ previousValidMinutes: 30 });
    expect(await skill(first.body.token)).toBe(200);
    expect(await skill(second.body.token)).toBe(200);
    // ...until a leak is found: a rotation without a body stops every older token now.
    const third = await rotate();
    expect(third.status).toBe(201);
    expect(third.body.previousValidUntil).toBeNull();
    expect(await skill(first.body.token)).toBe(404);
    expect(await skill(second.body.token)).toBe(404);
    expect(await skill(TOKEN)).toBe(404);
    expect(await skill(third.body.token)).toBe(200);
  });

  it('refuses an overlap that is not whole minutes from 0 to a day, saying where', async () => {
    for (const previousValidMinutes of [-1, 1441, 1.5, '60']) {
      const refused = await rotate({ previousValidMinutes });
      expect(refused.status, String(previousValidMinutes)).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('previousValidMinutes');
    }
    const english = await rotate({ previousValidMinutes: 1441 }, 'en');
    expect(english.status).toBe(400);
    expect(english.body.title ?? english.body.detail).toMatch(/[A-Za-z]/);
  });
});
