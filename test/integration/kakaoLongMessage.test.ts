import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-long-message-token-0123456789';

/**
 * QA-11 M4: a message over 2,000 characters got a 400 problem document — no skill response, so
 * Kakao showed the customer its own error, and the bot's "문의 내용은 4000자 이하입니다" was never
 * reached. Recorded Open Builder bodies over the real endpoint.
 */
describe.each(testBackends())('a long KakaoTalk message on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    t.setNow('2026-11-25T10:00:00+09:00');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is answered by the bot in a bubble: taken up to 4000 characters, asked to be shorter beyond', async () => {
    const c = kakaoChat(baseUrl, TOKEN, 'botUserKey-long-message');
    await c.type('1');
    expect((await c.press('아니요')).texts).toContain('문의 내용을 입력해 주세요.');
    const tooLong = await c.type('정산 문의입니다. '.repeat(500));
    expect(tooLong.status).toBe(200);
    expect(tooLong.texts).toContain('문의 내용은 4000자 이하입니다');
    const long = await c.type('정산 문의입니다. '.repeat(250));
    expect(long.status).toBe(200);
    expect(long.texts).toContain('카카오 T 앱 내의 등록된 연락처로 안내 도와드려도 괜찮으실까요?');
  });

  it('as a first message, is answered at once with the type menu or a suggestion, not an error', async () => {
    const c = kakaoChat(baseUrl, TOKEN, 'botUserKey-long-first');
    const started = performance.now();
    const first = await c.type('세금계산서 발행 문의드립니다. '.repeat(5000));
    expect(first.status).toBe(200);
    expect(first.labels.length).toBeGreaterThan(0);
    // Kakao waits 5 s for an answer; a long message must not come near it.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
