import { createHash } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentNoticeFor } from '../../src/domain/consent/consentNoticeFor.ts';
import { kakaoUserIndex } from '../../src/server/crypto/kakaoUserIndex.ts';
import { kakaoConversations } from '../../src/server/db/kakaoSchema.ts';
import { consentRecords } from '../../src/server/db/privacySchema.ts';
import { consultations, users } from '../../src/server/db/schema.ts';
import { transfers } from '../../src/server/db/transferSchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-consent-test-token-0123456789';
const OPEN = '2026-11-25T10:00:00+09:00';
const CLOSED = '2026-11-25T20:00:00+09:00';

let userCounter = 0;
const newUser = () => {
  userCounter += 1;
  return `botUserKey-consent-${Date.now().toString(36)}-${userCounter}`;
};

/**
 * Every consent decision the chatbot takes is a consent record, as the console's finish writes
 * one: the notice as read (narrowed to [연락처] for a callback number), its version and text hash,
 * the answer, the bot's account, channel chat — agreed and refused alike, written with the
 * consultation or filing it belongs to. Conversations replay the recorded Open Builder bodies
 * (test/fixtures/kakao) over the real skill endpoint.
 */
describe.each(testBackends())('KakaoTalk chatbot consent records on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;
  let admin: { id: string; headers: { authorization: string } };
  let agent: { id: string; headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  const chat = () => {
    const user = newUser();
    return { ...kakaoChat(baseUrl, TOKEN, user), user };
  };
  type Chat = ReturnType<typeof chat>;
  const guide = () => t.ctx.guides.defaultGuide();
  const callbackText = () => consentNoticeFor(guide().consentNotice, ['연락처']);
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  async function botId(): Promise<string> {
    const [bot] = await t.ctx.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'kakao-bot@ieum.invalid'));
    return bot?.id ?? '';
  }

  /** The consultation the chat's conversation is tied to. */
  async function chatConsultation(c: Chat): Promise<string> {
    const [row] = await t.ctx.database.db
      .select({ consultationId: kakaoConversations.consultationId })
      .from(kakaoConversations)
      .where(eq(kakaoConversations.userIndex, kakaoUserIndex(t.ctx.fieldKeys, c.user)))
      .orderBy(desc(kakaoConversations.startedAt))
      .limit(1);
    return row?.consultationId ?? '';
  }

  const recordsOf = (consultationId: string) =>
    t.ctx.database.db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.consultationId, consultationId))
      .orderBy(asc(consentRecords.recordedAt));

  async function exportSubject(phone: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/export',
      headers: admin.headers,
      payload: { phone, reason: '정보주체 열람 요청' },
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  /** Q1-N up to the callback consent: the type, N, the inquiry, then 네 to the guide's question. */
  async function q1ToCallbackConsent(c: Chat, inquiry: string) {
    const hello = await c.type('관리자 기능 문의');
    if (hello.texts.includes('"관리자 기능 문의"')) await c.press('네');
    else await c.type('1');
    await c.press('아니요');
    await c.type(inquiry);
    return c.press('네');
  }

  /** An agent claims the chat the bot handed off (its consultation becomes theirs). */
  async function claimHandoff(consultationId: string) {
    const [conversation] = await t.ctx.database.db
      .select({ id: kakaoConversations.id })
      .from(kakaoConversations)
      .where(eq(kakaoConversations.consultationId, consultationId));
    const claimed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/channels/kakao/handoffs/${conversation?.id}/claim`,
      headers: agent.headers,
    });
    expect(claimed.statusCode, claimed.body).toBe(200);
  }

  /** The agent's Q4-Y save of a handed-off chat: the script's path and the record's fields. */
  const signUpSave = (companyName: string, phone: string) => ({
    ...signUpLeadPath,
    record: {
      summary: '비즈니스 가입 문의',
      companyName,
      contactName: '박이음',
      phone,
      inquiry: '가입 소개서 요청',
      title: '[비즈니스] 비즈니스 가입 문의',
      body: '가입 소개서 요청',
    },
  });

  it('Q1-N callback agreed: the [연락처] notice is a consent record with the transfer, and the export lists it', async () => {
    t.setNow(OPEN);
    const c = chat();
    const notice = await q1ToCallbackConsent(c, '12월 정산서가 보이지 않습니다');
    expect(notice.texts).toContain('동의하신다면 [연락처] 말씀 부탁드립니다.');
    await c.press('동의');
    const filed = await c.type('010-4567-8901');
    expect(filed.texts).toContain('접수되었습니다');
    const consultationId = await chatConsultation(c);
    const [transfer] = await t.ctx.database.db
      .select()
      .from(transfers)
      .where(eq(transfers.consultationId, consultationId));
    expect(transfer).toBeDefined();
    const records = await recordsOf(consultationId);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({
      noticeId: 'business-consultation-consent[연락처]',
      noticeVersion: guide().consentNotice.version,
      noticeTextSha256: sha256(callbackText()),
      agreed: true,
      items: ['연락처'],
      agentId: await botId(),
      channel: 'chat',
    });
    expect(record?.recordedAt.toISOString()).toBe(new Date(OPEN).toISOString());
    // The path shows the decision, after the guide's question.
    const [consultation] = await t.ctx.database.db
      .select()
      .from(consultations)
      .where(eq(consultations.id, consultationId));
    expect(consultation?.path.at(-1)).toEqual({ nodeId: 'q1-transfer', answer: 'agreed' });

    const exported = await exportSubject('010-4567-8901');
    expect(exported.consultations.map((item: { id: string }) => item.id)).toContain(consultationId);
    expect(exported.consentRecords).toEqual([
      expect.objectContaining({ consultationId, agreed: true, items: ['연락처'], channel: 'chat' }),
    ]);
  });

  it('a consent is dated when the customer gave it, not when the bot filed what followed (QA-11 M3)', async () => {
    // The callback number's consent, then the number twenty minutes later: a transfer.
    t.setNow(OPEN);
    const c = chat();
    await q1ToCallbackConsent(c, '2월 정산서 문의입니다');
    await c.press('동의');
    t.advance(20 * 60_000);
    expect((await c.type('010-4567-8902')).texts).toContain('접수되었습니다');
    const [callback] = await recordsOf(await chatConsultation(c));
    expect(callback?.recordedAt.toISOString()).toBe(new Date(OPEN).toISOString());
    // Its retention runs from then too: whole years after the answer, to the minute.
    expect(callback?.retentionEndsAt.toISOString().slice(4)).toBe(new Date(OPEN).toISOString().slice(4));

    // The sign-up lead's consent, then the four values half an hour later: a lead.
    t.setNow(OPEN);
    const lead = chat();
    await lead.type('6');
    await lead.press('네');
    t.advance(60_000);
    await lead.press('동의');
    const agreedAt = new Date(Date.parse(OPEN) + 60_000).toISOString();
    t.advance(30 * 60_000);
    await lead.type('시각상사');
    await lead.type('이시각');
    await lead.type('010-6060-7070');
    expect((await lead.type('t@example.com')).texts).toContain('소중한 정보 확인 감사합니다.');
    const records = await recordsOf(await chatConsultation(lead));
    expect(records).toHaveLength(1);
    expect(records[0]?.recordedAt.toISOString()).toBe(agreedAt);
  });

  it('Q1-N callback refused: the refusal is a consent record on the saved chat consultation', async () => {
    t.setNow(OPEN);
    const c = chat();
    await q1ToCallbackConsent(c, '1월 정산서 문의입니다');
    const refused = await c.press('동의 안 함');
    expect(refused.texts).toContain('연락받으실 번호가 없어 담당 부서에 접수하지 않았습니다.');
    const consultationId = await chatConsultation(c);
    const [consultation] = await t.ctx.database.db
      .select()
      .from(consultations)
      .where(eq(consultations.id, consultationId));
    expect(consultation?.status).toBe('completed');
    expect(consultation?.path.at(-1)).toEqual({ nodeId: 'q1-transfer', answer: 'refused' });
    const records = await recordsOf(consultationId);
    expect(records).toEqual([
      expect.objectContaining({
        noticeId: 'business-consultation-consent[연락처]',
        noticeTextSha256: sha256(callbackText()),
        agreed: false,
        items: ['연락처'],
        agentId: await botId(),
        channel: 'chat',
      }),
    ]);
  });

  it('the consent record and the transfer are one transaction: a refused transfer leaves no record, the retry writes both', async () => {
    t.setNow(OPEN);
    const c = chat();
    await q1ToCallbackConsent(c, '세금계산서 재발행 부탁드립니다');
    await c.press('동의');
    const db = t.ctx.database.db;
    await db.execute(sql`create function refuse_transfer() returns trigger language plpgsql as $$
      begin raise exception 'transfer refused for the test'; end $$`);
    await db.execute(
      sql`create trigger refuse_transfer before insert on transfers for each row execute function refuse_transfer()`,
    );
    try {
      const failed = await c.type('010-2121-3434');
      expect(failed.texts).toContain('잠시 후 다시 말씀해 주세요');
    } finally {
      await db.execute(sql`drop trigger refuse_transfer on transfers`);
      await db.execute(sql`drop function refuse_transfer()`);
    }
    const consultationId = await chatConsultation(c);
    expect(await recordsOf(consultationId)).toEqual([]);
    const done = await c.type('010-2121-3434');
    expect(done.texts).toContain('접수되었습니다');
    expect(await recordsOf(consultationId)).toEqual([expect.objectContaining({ agreed: true })]);
  });

  it('after-hours hand-off: the agreed [연락처] consent is recorded with the hand-off, and the export lists it', async () => {
    t.setNow(CLOSED);
    const c = chat();
    await c.type('9');
    const asked = await c.press('상담직원 연결');
    expect(asked.texts).toContain('동의하신다면 [연락처] 말씀 부탁드립니다.');
    await c.press('동의');
    await c.type('010-1111-2222');
    const filed = await c.type('PC에서 택시 호출 설정 방법');
    expect(filed.texts).toContain('접수되었습니다');
    const consultationId = await chatConsultation(c);
    expect(await recordsOf(consultationId)).toEqual([
      expect.objectContaining({
        noticeId: 'business-consultation-consent[연락처]',
        agreed: true,
        items: ['연락처'],
        agentId: await botId(),
        channel: 'chat',
      }),
    ]);
    const exported = await exportSubject('010-1111-2222');
    expect(exported.consentRecords).toEqual([expect.objectContaining({ consultationId, agreed: true })]);
    t.setNow(OPEN);
  });

  it('after-hours hand-off refused: nothing filed, the refusal recorded on the chat consultation', async () => {
    t.setNow(CLOSED);
    const c = chat();
    await c.type('9');
    await c.press('상담직원 연결');
    const transfersBefore = (await t.ctx.database.db.select().from(transfers)).length;
    const refused = await c.press('동의 안 함');
    expect(refused.texts).toContain('언제든지 문의해 주시길 바랍니다.');
    expect((await t.ctx.database.db.select().from(transfers)).length).toBe(transfersBefore);
    const consultationId = await chatConsultation(c);
    expect(consultationId).not.toBe('');
    expect(await recordsOf(consultationId)).toEqual([
      expect.objectContaining({ agreed: false, items: ['연락처'], channel: 'chat', agentId: await botId() }),
    ]);
    t.setNow(OPEN);
  });

  it('in-hours hand-off after the sign-up consent: recorded by the bot; the agent who finishes files the lead on it', async () => {
    t.setNow(OPEN);
    const c = chat();
    const hello = await c.type('가입 문의');
    if (hello.texts.includes('"가입 문의"')) await c.press('네');
    else await c.type('6');
    await c.press('네');
    await c.press('동의');
    await c.type('핸드오프상사');
    await c.press('상담직원 연결');
    const consultationId = await chatConsultation(c);
    const [botRecord] = await recordsOf(consultationId);
    expect(botRecord).toMatchObject({
      noticeId: 'business-consultation-consent',
      agreed: true,
      items: ['업체명', '담당자', '연락처', '이메일주소'],
      agentId: await botId(),
    });
    await claimHandoff(consultationId);
    const finished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${consultationId}/finish`,
      headers: agent.headers,
      payload: {
        ...signUpSave('핸드오프상사', '010-5656-7878'),
        collected: { email: 'handoff@example.com' },
      },
    });
    expect(finished.statusCode).toBe(200);
    expect(finished.json().lead?.status).toBeDefined();
    // One record for the one decision: the bot's stands.
    expect(await recordsOf(consultationId)).toEqual([expect.objectContaining({ id: botRecord?.id })]);
  });
  it('a lead filed on a handed-off chat refers to the sign-up consent the agent took, not the [연락처] one the bot took first', async () => {
    t.setNow(OPEN);
    const c = chat();
    await q1ToCallbackConsent(c, '가입도 하고 싶습니다');
    await c.press('동의');
    // At the number prompt the customer asks for a person: the bot's [연락처] consent stays recorded.
    await c.press('상담직원 연결');
    const consultationId = await chatConsultation(c);
    expect(await recordsOf(consultationId)).toEqual([
      expect.objectContaining({ noticeId: 'business-consultation-consent[연락처]', agreed: true }),
    ]);
    await claimHandoff(consultationId);
    // The agent takes the call on to Q4 (sign-up), saves the record, then files the lead on it.
    t.setNow('2026-11-25T10:05:00+09:00');
    const saved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${consultationId}/complete`,
      headers: agent.headers,
      payload: signUpSave('연결상사', '010-5757-8686'),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const records = await recordsOf(consultationId);
    const signUp = records.find((record) => record.noticeId === 'business-consultation-consent');
    expect(signUp).toMatchObject({ agreed: true, items: ['업체명', '담당자', '연락처', '이메일주소'] });
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: agent.headers,
      payload: {
        consultationId,
        companyName: '연결상사',
        contactName: '박이음',
        phone: '010-5757-8686',
        email: 'connect@example.com',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().consentRecordId).toBe(signUp?.id);
  });
});
