import { asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRecordsPageSchema } from '../../src/contract/reports/reportRecordsPageSchema.ts';
import { kakaoUserIndex } from '../../src/server/crypto/kakaoUserIndex.ts';
import { kakaoConversations } from '../../src/server/db/kakaoSchema.ts';
import { consentRecords } from '../../src/server/db/privacySchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { transfers } from '../../src/server/db/transferSchema.ts';
import { consultationRepository } from '../../src/server/repositories/consultationRepository.ts';
import { abandonIdleConsultations } from '../../src/server/services/consultations/abandonIdleConsultations.ts';
import { ensureKakaoBotUser } from '../../src/server/services/kakao/ensureKakaoBotUser.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-after-hours-saved-token-0123456789';
const CLOSED = '2026-11-25T20:00:00+09:00';
const RANGE = 'from=2026-11-25&to=2026-11-25';
// The path step the bot ends an out-of-hours hand-off's path with (no node of the guide).
const HANDOFF_STEP = 'kakao:handoff-callback';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

/**
 * Out of hours nobody picks a handed-off chat up in the console, so the bot saves it as it ends:
 * with the callback number taken, completed with the transfer it filed (outcome transfer, linked,
 * once); with the number refused, completed declined with nothing filed and no number — each with
 * its consent record, in the path the hand-off's callback step, and left alone by the abandonment
 * job, which would otherwise have called them abandoned two hours later. Recorded Open Builder
 * bodies over the real skill endpoint.
 */
describe.each(testBackends())('KakaoTalk out-of-hours hand-offs saved by the bot on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;
  let admin: User;
  let agent: User;
  let supervisor: User;

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    supervisor = await t.userWithToken('supervisor');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function conversationOf(user: string) {
    const [row] = await t.ctx.database.db
      .select()
      .from(kakaoConversations)
      .where(eq(kakaoConversations.userIndex, kakaoUserIndex(t.ctx.fieldKeys, user)))
      .orderBy(desc(kakaoConversations.startedAt))
      .limit(1);
    if (!row?.consultationId) throw new Error(`no chat consultation of ${user}`);
    return { ...row, consultationId: row.consultationId };
  }
  const consultationRow = async (id: string) =>
    (await t.ctx.database.db.select().from(consultations).where(eq(consultations.id, id)))[0];
  const transfersOf = (id: string) =>
    t.ctx.database.db.select().from(transfers).where(eq(transfers.consultationId, id));
  const consentsOf = (id: string) =>
    t.ctx.database.db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.consultationId, id))
      .orderBy(asc(consentRecords.recordedAt));
  const get = async (url: string, user: User) => {
    const response = await t.app.inject({ url, headers: user.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const botRecords = async (figure: string) =>
    reportRecordsPageSchema.parse(await get(`/api/v1/reports/records?${RANGE}&figure=${figure}`, supervisor))
      .items;

  /** An hour and more past IEUM_ABANDON_AFTER_MINUTES (120), then the job's run. */
  async function abandonmentJobLater() {
    t.advance(3 * 60 * 60_000);
    await abandonIdleConsultations(t.ctx);
  }

  it('number taken: completed with the one transfer it filed, the consent recorded; the job leaves it; a message is told the callback waits', async () => {
    t.setNow(CLOSED);
    const user = 'botUserKey-after-hours-saved-agreed';
    const c = kakaoChat(baseUrl, TOKEN, user);
    await c.type('9');
    await c.press('상담직원 연결');
    await c.press('동의');
    await c.type('010-3131-4242');
    const filed = await c.type('PC에서 택시 호출 설정 방법');
    expect(filed.texts).toContain('11월 26일(목) 09:00 이후 담당 부서에서 연락드리겠습니다.');

    const conversation = await conversationOf(user);
    expect(conversation.status).toBe('handed-off');
    expect(conversation.handoffOpen).toBe(false);
    const id = conversation.consultationId;
    const saved = await consultationRow(id);
    expect(saved?.status).toBe('completed');
    expect(saved?.completedAt).not.toBeNull();
    expect(saved?.agentId).toBe((await ensureKakaoBotUser(t.ctx)).id);
    expect(saved?.outcome).toBe('transfer');
    expect(saved?.inquiryType).toBe(9);
    expect(saved?.businessHoursOpen).toBe(false);
    expect(saved?.filedTransfer).toBe(true);
    expect(saved?.path.at(-1)).toEqual({ nodeId: HANDOFF_STEP, answer: 'agreed' });
    const filedTransfers = await transfersOf(id);
    expect(filedTransfers).toHaveLength(1);
    expect(filedTransfers[0]).toMatchObject({ kind: 'transfer', channel: 'chat', inquiryType: 9 });
    expect(await consentsOf(id)).toEqual([
      expect.objectContaining({
        noticeId: 'business-consultation-consent[연락처]',
        agreed: true,
        channel: 'chat',
      }),
    ]);

    // Nobody is asked to pick it up; it is not there to take.
    const handoffs = await get('/api/v1/channels/kakao/handoffs', agent);
    expect(handoffs.items).toContainEqual(
      expect.objectContaining({ conversationId: conversation.id, open: false, waiting: false }),
    );
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/v1/channels/kakao/handoffs/${conversation.id}/claim`,
      headers: agent.headers,
    });
    expect(claim.statusCode).toBe(409);

    // The bot's list and line: handed off (the customer asked for a person), its record saved.
    const list = await get('/api/v1/channels/kakao/conversations', admin);
    expect(list.items).toContainEqual(
      expect.objectContaining({ id: conversation.id, status: 'handed-off', outcome: 'handoff' }),
    );
    expect(await botRecords('bot.handedOff')).toContainEqual(
      expect.objectContaining({ id, status: 'completed', outcome: 'transfer' }),
    );
    const bot = await ensureKakaoBotUser(t.ctx);
    const paths = (await get(`/api/v1/reports/summary?${RANGE}&agentId=${bot.id}`, supervisor))
      .handleTimeByPath as Array<{ outcome: string; pathLabel: string }>;
    expect(paths).toContainEqual(
      expect.objectContaining({ outcome: 'transfer', pathLabel: '상담직원 연결 · 연락처 수집 동의(Y)' }),
    );

    // The data-subject export finds it by the number, with its transfer and consent record.
    const exported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/export',
      headers: admin.headers,
      payload: { phone: '010-3131-4242', reason: '정보주체 열람 요청' },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().consultations).toEqual([
      expect.objectContaining({ id, outcome: 'transfer', completedAt: expect.any(String), draft: null }),
    ]);
    expect(exported.json().transfers).toHaveLength(1);
    expect(exported.json().consentRecords).toEqual([
      expect.objectContaining({ consultationId: id, agreed: true }),
    ]);

    // A message afterwards is told the callback waits, on the same conversation.
    const waiting = await c.type('언제 연락 오나요?');
    expect(waiting.texts).toContain('상담직원 연결 요청이 접수되어 있습니다.');
    expect((await conversationOf(user)).id).toBe(conversation.id);

    await abandonmentJobLater();
    expect((await consultationRow(id))?.status).toBe('completed');
    expect(await transfersOf(id)).toHaveLength(1);
  });

  it('number refused: completed declined with the refusal in its path and consent record, nothing filed, no number; the job leaves it', async () => {
    t.setNow(CLOSED);
    const user = 'botUserKey-after-hours-saved-refused';
    const c = kakaoChat(baseUrl, TOKEN, user);
    await c.type('9');
    await c.press('상담직원 연결');
    const refused = await c.press('동의 안 함');
    expect(refused.texts).toContain('언제든지 문의해 주시길 바랍니다.');

    const conversation = await conversationOf(user);
    expect(conversation.status).toBe('resolved');
    expect(conversation.outcome).toBe('callback-refused');
    const id = conversation.consultationId;
    const saved = await consultationRow(id);
    expect(saved?.status).toBe('completed');
    expect(saved?.completedAt).not.toBeNull();
    expect(saved?.outcome).toBe('declined');
    expect(saved?.inquiryType).toBe(9);
    expect(saved?.filedTransfer).toBe(false);
    expect(saved?.path.at(-1)).toEqual({ nodeId: HANDOFF_STEP, answer: 'refused' });
    expect(saved?.callerNumber).toBeNull();
    expect(await transfersOf(id)).toEqual([]);
    expect(await consentsOf(id)).toEqual([
      expect.objectContaining({
        noticeId: 'business-consultation-consent[연락처]',
        agreed: false,
        items: ['연락처'],
      }),
    ]);
    const opened = await consultationRepository.findById(t.ctx.database.db, t.ctx.fieldCodec, id);
    expect(opened?.consultation.recordFields).toMatchObject({ phone: '' });

    const list = await get('/api/v1/channels/kakao/conversations', admin);
    expect(list.items).toContainEqual(
      expect.objectContaining({ id: conversation.id, status: 'resolved', outcome: 'callback-refused' }),
    );
    expect(await botRecords('bot.resolved')).toContainEqual(
      expect.objectContaining({ id, status: 'completed', outcome: 'declined' }),
    );
    const bot = await ensureKakaoBotUser(t.ctx);
    const paths = (await get(`/api/v1/reports/summary?${RANGE}&agentId=${bot.id}`, supervisor))
      .handleTimeByPath as Array<{ outcome: string; pathLabel: string }>;
    expect(paths).toContainEqual(
      expect.objectContaining({ outcome: 'declined', pathLabel: '상담직원 연결 · 연락처 수집 거부(N)' }),
    );

    await abandonmentJobLater();
    expect((await consultationRow(id))?.status).toBe('completed');
    expect(await consentsOf(id)).toHaveLength(1);
  });
});
