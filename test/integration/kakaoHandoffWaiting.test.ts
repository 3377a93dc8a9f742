import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kakaoUserIndex } from '../../src/server/crypto/kakaoUserIndex.ts';
import { kakaoConversations } from '../../src/server/db/kakaoSchema.ts';
import { abandonIdleConsultations } from '../../src/server/services/consultations/abandonIdleConsultations.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-waiting-test-token-0123456789';
const OPEN = '2026-11-25T10:00:00+09:00';
const CLOSED = '2026-11-25T20:00:00+09:00';

/**
 * After the chat is handed over, the customer's next message (typed instead of Kakao's operator
 * button) is told the request waits for a person, on the same conversation, with 처음으로 to start
 * anew; nothing about the hand-off changes. Recorded Open Builder bodies over the real endpoint.
 */
describe.each(testBackends())('KakaoTalk chat waiting after a hand-off on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;
  let agent: { headers: { authorization: string } };
  let admin: { headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  const conversationsOf = (user: string) =>
    t.ctx.database.db
      .select()
      .from(kakaoConversations)
      .where(eq(kakaoConversations.userIndex, kakaoUserIndex(t.ctx.fieldKeys, user)))
      .orderBy(desc(kakaoConversations.startedAt));

  it('in hours: waits for an agent (operator button again, 처음으로); 처음으로 greets anew', async () => {
    t.setNow(OPEN);
    const user = 'botUserKey-waiting-open';
    const c = kakaoChat(baseUrl, TOKEN, user);
    await c.type('5');
    await c.press('상담직원 연결');
    const [handed] = await conversationsOf(user);
    t.advance(60_000);
    const again = await c.type('아직 연결이 안 됐어요');
    expect(again.texts).toContain('상담직원 연결을 요청하셨습니다.');
    expect(again.texts).not.toContain('안녕하세요');
    expect(again.labels).toEqual(['처음으로']);
    const card = again.body.template.outputs.find((output) => 'textCard' in output);
    expect(card && 'textCard' in card ? card.textCard.buttons?.[0]?.action : null).toBe('operator');
    // The same conversation, still handed off at the same time; the message is in its transcript.
    const [after] = await conversationsOf(user);
    expect(after?.id).toBe(handed?.id);
    expect(after?.status).toBe('handed-off');
    expect(after?.endedAt?.toISOString()).toBe(handed?.endedAt?.toISOString());
    expect(after?.retentionEndsAt?.toISOString()).toBe(handed?.retentionEndsAt?.toISOString());
    const transcript = await t.app.inject({
      method: 'GET',
      url: `/api/v1/channels/kakao/consultations/${after?.consultationId}/transcript`,
      headers: admin.headers,
    });
    expect(transcript.statusCode).toBe(200);
    expect(JSON.stringify(transcript.json().turns)).toContain('아직 연결이 안 됐어요');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/channels/kakao/handoffs',
      headers: agent.headers,
    });
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ conversationId: handed?.id, waiting: true }),
    );

    const fresh = await c.press('처음으로');
    expect(fresh.texts).toContain('안녕하세요');
    expect(await conversationsOf(user)).toHaveLength(2);
  });

  it('a hand-off nobody took yet is not abandoned as idle: it waits in the list, to be taken, for the day it is listed (QA-11 H1)', async () => {
    t.setNow(OPEN);
    const user = 'botUserKey-waiting-long';
    const c = kakaoChat(baseUrl, TOKEN, user);
    await c.type('5');
    await c.press('상담직원 연결');
    const [handed] = await conversationsOf(user);
    const listed = async () =>
      (
        await t.app.inject({ method: 'GET', url: '/api/v1/channels/kakao/handoffs', headers: agent.headers })
      ).json().items as Array<{ conversationId: string; waiting: boolean }>;
    // Past IEUM_ABANDON_AFTER_MINUTES (120) with nobody free: the sweep leaves it waiting.
    t.advance(125 * 60_000);
    await abandonIdleConsultations(t.ctx);
    expect(await listed()).toContainEqual(
      expect.objectContaining({ conversationId: handed?.id, waiting: true }),
    );
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/v1/channels/kakao/handoffs/${handed?.id}/claim`,
      headers: agent.headers,
    });
    expect(claim.statusCode, claim.body).toBe(200);

    // One nobody took for longer than the list shows hand-offs is given up as before.
    const other = kakaoChat(baseUrl, TOKEN, 'botUserKey-waiting-forgotten');
    await other.type('5');
    await other.press('상담직원 연결');
    const [forgotten] = await conversationsOf('botUserKey-waiting-forgotten');
    t.advance(24 * 60 * 60_000 + 60_000);
    await abandonIdleConsultations(t.ctx);
    expect(await listed()).not.toContainEqual(expect.objectContaining({ conversationId: forgotten?.id }));
    // The chat that was taken is the agent's now, and idle like any call of theirs: abandoned too.
    const taken = await t.app.inject({
      url: `/api/v1/consultations/${handed?.consultationId}`,
      headers: admin.headers,
    });
    expect(taken.json().status).toBe('abandoned');
    const dropped = await t.app.inject({
      url: `/api/v1/consultations/${forgotten?.consultationId}`,
      headers: admin.headers,
    });
    expect(dropped.json().status).toBe('abandoned');
    t.setNow(OPEN);
  });

  it('out of hours: the filed callback is waiting, and when; a day later a message starts a new chat', async () => {
    t.setNow(CLOSED);
    const user = 'botUserKey-waiting-closed';
    const c = kakaoChat(baseUrl, TOKEN, user);
    await c.type('9');
    await c.press('상담직원 연결');
    await c.press('동의');
    await c.type('010-1111-2222');
    const filed = await c.type('PC에서 택시 호출 설정 방법');
    expect(filed.labels).toEqual(['처음으로']);
    const waiting = await c.type('언제 연락 오나요?');
    expect(waiting.texts).toContain(
      '상담직원 연결 요청이 접수되어 있습니다. 11월 26일(목) 09:00 이후 담당 부서에서 연락드리겠습니다.',
    );
    expect(waiting.labels).toEqual(['처음으로']);
    expect(await conversationsOf(user)).toHaveLength(1);

    // A day later the request is no longer "just made": the customer is greeted as usual.
    t.advance(25 * 60 * 60_000);
    const later = await c.type('안녕하세요');
    expect(later.texts).toContain('안녕하세요, 카카오 T 비즈니스 채팅상담입니다.');
    expect(await conversationsOf(user)).toHaveLength(2);
    t.setNow(OPEN);
  });

  it('once the agent who took the chat saved it, the next message starts a new chat', async () => {
    t.setNow(OPEN);
    const user = 'botUserKey-waiting-done';
    const c = kakaoChat(baseUrl, TOKEN, user);
    await c.type('5');
    await c.press('상담직원 연결');
    const [handed] = await conversationsOf(user);
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/v1/channels/kakao/handoffs/${handed?.id}/claim`,
      headers: agent.headers,
    });
    expect(claim.statusCode).toBe(200);
    const finish = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${handed?.consultationId}/finish`,
      headers: agent.headers,
      payload: {
        scriptId: 'q1',
        inquiryType: 5,
        history: [
          { nodeId: 'q1-registered', answer: 'yes' },
          { nodeId: 'q1-hours', answer: 'open' },
        ],
        record: { summary: '교통유발금 서류', title: '[비즈니스] 교통유발금 서류', body: '상담센터 안내' },
      },
    });
    expect(finish.statusCode).toBe(200);
    const next = await c.type('감사합니다');
    expect(next.texts).toContain('안녕하세요, 카카오 T 비즈니스 채팅상담입니다.');
    expect(await conversationsOf(user)).toHaveLength(2);
  });
});
