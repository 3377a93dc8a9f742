import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kakaoUserIndex } from '../../src/server/crypto/kakaoUserIndex.ts';
import { kakaoConversations } from '../../src/server/db/kakaoSchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { transfers } from '../../src/server/db/transferSchema.ts';
import { ensureKakaoBotUser } from '../../src/server/services/kakao/ensureKakaoBotUser.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-refused-test-token-0123456789';
const OPEN = '2026-11-25T10:00:00+09:00';
const RANGE = 'from=2026-11-01&to=2026-11-30';

/**
 * A customer who refuses to leave a callback number at a transfer end: the chat is saved as what
 * happened — declined, its path ending in the refusal — not as a transfer never filed, so reports
 * by outcome and by path count it where it belongs. Recorded Open Builder bodies over the real
 * skill endpoint.
 */
describe.each(testBackends())('KakaoTalk callback number refused on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;
  let supervisor: { headers: { authorization: string } };
  let admin: { headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    supervisor = await t.userWithToken('supervisor');
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function q1Chat(user: string, answer: '동의' | '동의 안 함') {
    const c = kakaoChat(baseUrl, TOKEN, user);
    const hello = await c.type('관리자 기능 문의');
    if (hello.texts.includes('"관리자 기능 문의"')) await c.press('네');
    else await c.type('1');
    await c.press('아니요');
    await c.type('정산서 재발행 문의');
    await c.press('네');
    const last = await c.press(answer);
    if (answer === '동의') return c.type('010-4545-6767');
    return last;
  }

  async function conversationOf(user: string) {
    const [row] = await t.ctx.database.db
      .select()
      .from(kakaoConversations)
      .where(eq(kakaoConversations.userIndex, kakaoUserIndex(t.ctx.fieldKeys, user)))
      .orderBy(desc(kakaoConversations.startedAt))
      .limit(1);
    return row;
  }

  it('is saved declined, its path ending 연락처 수집 거부(N), and counted so by reports and the bot list', async () => {
    t.setNow(OPEN);
    await q1Chat('botUserKey-refused-agreeing', '동의');
    const refused = await q1Chat('botUserKey-refused-refusing', '동의 안 함');
    expect(refused.texts).toContain('연락받으실 번호가 없어 담당 부서에 접수하지 않았습니다.');

    const conversation = await conversationOf('botUserKey-refused-refusing');
    expect(conversation?.outcome).toBe('callback-refused');
    const [consultation] = await t.ctx.database.db
      .select()
      .from(consultations)
      .where(eq(consultations.id, conversation?.consultationId ?? ''));
    expect(consultation?.status).toBe('completed');
    expect(consultation?.outcome).toBe('declined');
    expect(consultation?.path.at(-1)).toEqual({ nodeId: 'q1-transfer', answer: 'refused' });
    expect(
      await t.ctx.database.db
        .select()
        .from(transfers)
        .where(eq(transfers.consultationId, consultation?.id ?? '')),
    ).toEqual([]);

    const summary = async (query: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/summary?${RANGE}${query}`,
        headers: supervisor.headers,
      });
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    const completed = (body: { figures: Array<{ id: string; value: number | null }> }) =>
      body.figures.find((figure) => figure.id === 'consultations.completed')?.value;
    // The bot's consultations are its own line, not agents' work: a report for its account counts
    // them — one transfer filed, one consultation under "transfer"; the refusal under "declined".
    const bot = `&agentId=${(await ensureKakaoBotUser(t.ctx)).id}`;
    expect(completed(await summary(`&outcome=transfer${bot}`))).toBe(1);
    expect(completed(await summary(`&outcome=declined${bot}`))).toBe(1);
    expect(completed(await summary('&outcome=transfer'))).toBe(0);
    const paths = (await summary(bot)).handleTimeByPath as Array<{ outcome: string; pathLabel: string }>;
    expect(paths).toContainEqual(
      expect.objectContaining({
        outcome: 'declined',
        pathLabel: '등록 담당자 아님(N) → 문의 내용 청취 → 등록 연락처로 연락 동의(Y) → 연락처 수집 거부(N)',
      }),
    );
    expect(paths).toContainEqual(
      expect.objectContaining({
        outcome: 'transfer',
        pathLabel: '등록 담당자 아님(N) → 문의 내용 청취 → 등록 연락처로 연락 동의(Y) → 연락처 수집 동의(Y)',
      }),
    );

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/channels/kakao/conversations',
      headers: admin.headers,
    });
    const outcomes = list.json().items.map((item: { outcome: string | null }) => item.outcome);
    expect(outcomes.sort()).toEqual(['callback-refused', 'transfer']);
  });
});
