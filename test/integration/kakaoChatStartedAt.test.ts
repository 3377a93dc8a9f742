import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kakaoUserIndex } from '../../src/server/crypto/kakaoUserIndex.ts';
import { kakaoConversations } from '../../src/server/db/kakaoSchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-started-at-token-0123456789';

/**
 * QA-11 M8: a chat's consultation read as started when the bot filed it (its last turn), so its
 * handling time was nil and it counted under the filing's day. It starts with the chat's first
 * message. Recorded Open Builder bodies over the real endpoint.
 */
describe.each(testBackends())('when a KakaoTalk chat’s consultation started on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    // The bot files as its own account, which the first admin's setup makes possible.
    await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is the chat’s first message, not the filing; it completes at the filing', async () => {
    t.setNow('2026-11-25T10:00:00+09:00');
    const user = 'botUserKey-started-at';
    const c = kakaoChat(baseUrl, TOKEN, user);
    await c.type('6');
    t.advance(5 * 60_000);
    await c.press('네');
    await c.press('동의');
    t.advance(20 * 60_000);
    await c.type('이음상사');
    await c.type('홍길동');
    await c.type('010-2345-6789');
    const done = await c.type('buyer@example.com');
    expect(done.texts).toContain('소중한 정보 확인 감사합니다.');
    const [conversation] = await t.ctx.database.db
      .select()
      .from(kakaoConversations)
      .where(eq(kakaoConversations.userIndex, kakaoUserIndex(t.ctx.fieldKeys, user)))
      .orderBy(desc(kakaoConversations.startedAt));
    const [consultation] = await t.ctx.database.db
      .select()
      .from(consultations)
      .where(eq(consultations.id, conversation?.consultationId ?? ''));
    expect(consultation?.startedAt.toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(consultation?.completedAt?.toISOString()).toBe('2026-11-25T01:25:00.000Z');
    expect(consultation?.status).toBe('completed');
  });
});
