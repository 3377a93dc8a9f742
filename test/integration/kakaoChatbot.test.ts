import { count, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../src/server/db/jobsSchema.ts';
import { kakaoConversations } from '../../src/server/db/kakaoSchema.ts';
import { leads } from '../../src/server/db/leadSchema.ts';
import { consentRecords, destructionLog } from '../../src/server/db/privacySchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { transfers } from '../../src/server/db/transferSchema.ts';
import { abandonIdleConsultations } from '../../src/server/services/consultations/abandonIdleConsultations.ts';
import { expireKakaoConversations } from '../../src/server/services/kakao/expireKakaoConversations.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat, kakaoFixture } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-skill-test-token-0123456789';
const OPEN = '2026-11-25T10:00:00+09:00';
const CLOSED = '2026-11-25T20:00:00+09:00';

let userCounter = 0;
const newUser = () => {
  userCounter += 1;
  return `botUserKey-${Date.now().toString(36)}-${userCounter}`;
};

describe.each(testBackends())('KakaoTalk chatbot (Open Builder skill) on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;
  let agent: { id: string; headers: { authorization: string } };
  let admin: { id: string; headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    agent = await t.userWithToken('agent');
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const chat = () => kakaoChat(baseUrl, TOKEN, newUser());
  const rows = async (table: typeof leads | typeof transfers | typeof consentRecords | typeof emailOutbox) =>
    Number((await t.ctx.database.db.select({ n: count() }).from(table))[0]?.n ?? 0);

  /** Opens a chat and lands on the type's script, whether the bot proposed a type or showed the menu. */
  async function startOnType(c: ReturnType<typeof kakaoChat>, first: string, typeNumber: number) {
    const hello = await c.type(first);
    expect(hello.texts).toContain('카카오 T 비즈니스 채팅상담');
    expect(hello.texts).toContain('평일 / 09 ~ 18');
    const label = t.ctx.guides.defaultGuide().inquiryTypes.find((type) => type.number === typeNumber)?.label;
    if (hello.texts.includes('로 보입니다. 맞으실까요?')) {
      if (label && hello.texts.includes(`"${label}"`)) return c.press('네');
      await c.press('아니요');
    }
    return c.type(String(typeNumber));
  }

  it('answers 404 for a wrong token and 400 for a malformed body, touching nothing', async () => {
    const wrong = await fetch(`${baseUrl}/api/v1/channels/kakao/not-the-token-at-all/skill`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(kakaoFixture('first-utterance')),
    });
    expect(wrong.status).toBe(404);
    const before = Number((await t.ctx.database.db.select({ n: count() }).from(kakaoConversations))[0]?.n);
    const malformed = await fetch(`${baseUrl}/api/v1/channels/kakao/${TOKEN}/skill`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(kakaoFixture('malformed-no-user')),
    });
    expect(malformed.status).toBe(400);
    const problem = await malformed.json();
    expect(problem.code).toBe('validation-failed');
    // The token is the endpoint's only credential: not sent back, not logged (as the CTI token).
    expect(problem.instance).toBe('/api/v1/channels/kakao/[redacted]/skill');
    expect(t.log.join('\n')).toContain('/api/v1/channels/kakao/[redacted]/skill');
    expect(t.log.join('\n')).not.toContain('skill-test-token');
    const broken = await fetch(`${baseUrl}/api/v1/channels/kakao/${TOKEN}/skill`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"userRequest": ',
    });
    expect(broken.status).toBe(400);
    const after = Number((await t.ctx.database.db.select({ n: count() }).from(kakaoConversations))[0]?.n);
    expect(after).toBe(before);
  });

  it('Q4-Y: consent notice verbatim, four values one by one, a bad phone re-asked, the lead filed like the console', async () => {
    t.setNow(OPEN);
    const c = chat();
    const signup = await startOnType(c, '비즈니스 가입은 어떻게 하나요?', 6);
    expect(signup.texts).toContain('비즈니스 서비스 이용 및 가입 문의가 맞으실까요?');
    expect(signup.labels).toEqual(['네', '아니요', '상담직원 연결']);
    const notice = await c.press('네');
    expect(notice.texts).toContain(t.ctx.guides.defaultGuide().consentNotice.text);
    expect(notice.labels.slice(0, 2)).toEqual(['동의', '동의 안 함']);
    expect((await c.press('동의')).texts).toContain('업체명을 입력해 주세요.');
    expect((await c.type('이음상사')).texts).toContain('담당자를 입력해 주세요.');
    // A number is no name: re-asked with the console's intake rule.
    const notAName = await c.type('12345');
    expect(notAName.texts).toContain('이름은 글자로 입력해 주세요. 숫자나 기호는 쓸 수 없습니다');
    expect(notAName.texts).toContain('담당자를 입력해 주세요.');
    expect((await c.type('홍길동')).texts).toContain('연락처를 입력해 주세요.');
    const bad = await c.type('12345');
    expect(bad.texts).toContain('전화번호 형식이 올바르지 않습니다');
    expect(bad.texts).toContain('연락처를 입력해 주세요.');
    expect((await c.type('010-2345-6789')).texts).toContain('이메일주소를 입력해 주세요.');
    const leadsBefore = await rows(leads);
    const done = await c.type('buyer@example.com');
    expect(done.texts).toContain('소중한 정보 확인 감사합니다.');
    expect(await rows(leads)).toBe(leadsBefore + 1);
    const [lead] = await t.ctx.database.db
      .select()
      .from(leads)
      .orderBy(leads.createdAt)
      .limit(1)
      .offset(leadsBefore);
    expect(lead?.status).toBe('new');
    const [consultation] = await t.ctx.database.db
      .select()
      .from(consultations)
      .where(eq(consultations.id, lead?.consultationId ?? ''));
    expect(consultation?.channel).toBe('chat');
    expect(consultation?.status).toBe('completed');
    expect(consultation?.outcome).toBe('lead');
    const outbox = await t.ctx.database.db.select({ n: count() }).from(emailOutbox);
    expect(Number(outbox[0]?.n)).toBeGreaterThan(0);
    // Nothing personal in clear in the conversation row.
    const [row] = await t.ctx.database.db
      .select()
      .from(kakaoConversations)
      .where(eq(kakaoConversations.consultationId, consultation?.id ?? ''));
    expect(row?.status).toBe('resolved');
    expect(row?.state).not.toContain('010-2345-6789');
    expect(row?.state).not.toContain('buyer@example.com');
    // Sealed at rest; opened, the transcript shows the customer's name and number masked.
    const transcript = await t.app.inject({
      method: 'GET',
      url: `/api/v1/channels/kakao/consultations/${consultation?.id}/transcript`,
      headers: admin.headers,
    });
    const said = JSON.stringify(transcript.json().turns);
    expect(said).not.toContain('홍길동');
    expect(said).not.toContain('010-2345-6789');
    expect(said).toContain('이음상사');
  });

  it('Q4 consent refused: the closing sentence, and nothing personal stored', async () => {
    const c = chat();
    await startOnType(c, '가입 문의드려요', 6);
    await c.press('네');
    const [leadsBefore, transfersBefore, mailsBefore] = [
      await rows(leads),
      await rows(transfers),
      await rows(emailOutbox),
    ];
    const refused = await c.press('동의 안 함');
    expect(refused.texts).toContain(
      '카카오 T 비즈니스 관련하여 문의가 필요한 경우 언제든지 문의해 주시길 바랍니다.',
    );
    expect(await rows(leads)).toBe(leadsBefore);
    expect(await rows(transfers)).toBe(transfersBefore);
    expect(await rows(emailOutbox)).toBe(mailsBefore);
    expect(refused.texts).not.toContain('1644-7391');
    const [saved] = await t.ctx.database.db
      .select()
      .from(consultations)
      .where(eq(consultations.outcome, 'declined'))
      .orderBy(consultations.startedAt);
    expect(saved?.callerNumber).toBeNull();
  });

  it('Q1-Y in business hours: the support line verbatim, resolved by the bot', async () => {
    t.setNow(OPEN);
    const c = chat();
    const ask = await startOnType(c, '관리자 기능 문의', 1);
    expect(ask.texts).toContain(
      '실례지만, 비즈니스 관리시스템에 등록된 관리책임자 또는 운영 담당자가 맞으실까요?',
    );
    const end = await c.press('네');
    expect(end.texts).toContain(
      '비즈니스 전용 상담센터 1644-7391 (평일/09~18)로 문의하여 상담을 부탁드립니다.',
    );
    expect(end.texts).toContain('관리시스템에 등록된 연락처가 아닌 경우');
    expect(end.labels).toEqual(['처음으로']);
  });

  it('Q1-N: inquiry taken, callback consented, a bad number re-asked, the transfer filed on chat', async () => {
    t.setNow(OPEN);
    const c = chat();
    await startOnType(c, '정산 관련 문의', 1);
    const inquiry = await c.press('아니요');
    expect(inquiry.texts).toContain('문의 내용을 입력해 주세요.');
    const consent = await c.type('12월 정산서가 안 보입니다');
    expect(consent.texts).toContain('카카오 T 앱 내의 등록된 연락처로 안내 도와드려도 괜찮으실까요?');
    const notice = await c.press('네');
    // The callback is promised once the number is taken, not before the customer may refuse.
    expect(notice.texts).not.toContain('담당 부서에서 순차적으로 연락드릴 예정으로');
    // The guide's notice, naming the one item a callback collects.
    expect(notice.texts).toContain('소비자보호에 관한 법률에 따라 3년간 보관됩니다.');
    expect(notice.texts).toContain('동의하신다면 [연락처] 말씀 부탁드립니다.');
    expect(notice.texts).not.toContain('[업체명/담당자/연락처/이메일주소]');
    await c.press('동의');
    expect((await c.type('02-12')).texts).toContain('전화번호 형식이 올바르지 않습니다');
    const before = await rows(transfers);
    const filed = await c.type('010-3456-7890');
    expect(filed.texts).toContain(
      '접수되었습니다.\n담당 부서에서 순차적으로 연락드릴 예정으로 시간이 소요될 수 있으니 양해 부탁드립니다.',
    );
    expect(await rows(transfers)).toBe(before + 1);
    const [transfer] = await t.ctx.database.db
      .select()
      .from(transfers)
      .orderBy(transfers.createdAt)
      .offset(before);
    expect(transfer?.channel).toBe('chat');
    expect(transfer?.inquiryType).toBe(1);
  });

  it('Q1-N, no number given: told why one is needed and that nothing was filed, not left waiting for a call', async () => {
    t.setNow(OPEN);
    const c = chat();
    await startOnType(c, '정산 관련 문의', 1);
    await c.press('아니요');
    await c.type('1월 정산서 문의입니다');
    const notice = await c.press('네');
    expect(notice.texts).toContain('연락받으실 번호를 남겨 주셔야 담당 부서에 접수됩니다.');
    const before = await rows(transfers);
    const refused = await c.press('동의 안 함');
    expect(refused.texts).toContain('연락받으실 번호가 없어 담당 부서에 접수하지 않았습니다.');
    expect(refused.texts).not.toContain('1644-7391');
    // Nothing in the chat promised a call: the notice came without the guide's callback sentence.
    expect(notice.texts).not.toContain('연락드릴 예정');
    expect(refused.texts).not.toContain('연락드릴 예정');
    expect(await rows(transfers)).toBe(before);
  });

  it('Q3-N: the company admin sentences; Q2 out of hours routes to the callback path', async () => {
    t.setNow(OPEN);
    const c = chat();
    await startOnType(c, '미수금이 뭐예요', 2);
    const end = await c.press('아니요');
    expect(end.texts).toContain('번거로우시겠지만, 비즈니스 시스템 담당 관리자를 통하여 문의 부탁드립니다.');
    // Not a registered contact: the support line would not connect this customer (guide, section 2 ①).
    expect(end.texts).not.toContain('1644-7391');

    t.setNow(CLOSED);
    const d = chat();
    await startOnType(d, '이용내역 메일이 안 와요', 8);
    const closed = await d.press('네');
    expect(closed.texts).toContain('문의 내용을 입력해 주세요.');
    t.setNow(OPEN);
  });

  it('a retried request changes nothing and gets the same answer; a second, equal answer to the next question is not a retry', async () => {
    t.setNow(OPEN);
    const c = chat();
    await startOnType(c, '관리자 기능', 1);
    await c.press('아니요');
    await c.type('세금계산서 재발행 문의');
    const notice = await c.press('네');
    const consentsBefore = await rows(consentRecords);
    const [before] = await t.ctx.database.db
      .select()
      .from(kakaoConversations)
      .orderBy(desc(kakaoConversations.lastActivityAt))
      .limit(1);
    const retried = await c.resend();
    expect(retried.body).toEqual(notice.body);
    const [after] = await t.ctx.database.db
      .select()
      .from(kakaoConversations)
      .where(eq(kakaoConversations.id, before?.id ?? ''));
    expect(after?.turns).toBe(before?.turns);
    expect(await rows(consentRecords)).toBe(consentsBefore);
    // The same typed text twice within the window is one request; after it, a new one.
    const typedFirst = await c.type('아무 말');
    expect((await c.resend()).body).toEqual(typedFirst.body);
  });

  it('hand-off in business hours: operator button, then the chat waits in the agents’ list with transcript and type', async () => {
    t.setNow(OPEN);
    const c = chat();
    await startOnType(c, '교통유발금 서류 요청', 5);
    const handed = await c.press('상담직원 연결');
    const card = handed.body.template.outputs.find((output) => 'textCard' in output);
    expect(card && 'textCard' in card ? card.textCard.buttons?.[0]?.action : null).toBe('operator');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/channels/kakao/handoffs',
      headers: agent.headers,
    });
    expect(list.statusCode).toBe(200);
    const item = list
      .json()
      .items.find(
        (candidate: { inquiryType: number; waiting: boolean }) =>
          candidate.inquiryType === 5 && candidate.waiting,
      );
    expect(item?.open).toBe(true);
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/v1/channels/kakao/handoffs/${item.conversationId}/claim`,
      headers: agent.headers,
    });
    expect(claim.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/channels/kakao/handoffs/${item.conversationId}/claim`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(409);
    const transcript = await t.app.inject({
      method: 'GET',
      url: `/api/v1/channels/kakao/consultations/${item.consultationId}/transcript`,
      headers: agent.headers,
    });
    expect(transcript.statusCode).toBe(200);
    expect(transcript.json().inquiryTypeLabel).toBe('교통유발금 서류 요청');
    expect(transcript.json().turns.some((turn: { text: string }) => turn.text.includes('상담직원'))).toBe(
      true,
    );
    const draft = await t.app.inject({
      method: 'GET',
      url: `/api/v1/consultations/${item.consultationId}/draft`,
      headers: agent.headers,
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().draft.inquiryType).toBe(5);
  });

  it('hand-off out of hours: consent, number, inquiry, the callback transfer filed and the next opening told', async () => {
    t.setNow(CLOSED);
    const c = chat();
    await startOnType(c, 'PC 웹 택시 호출 설정', 9);
    const asked = await c.press('상담직원 연결');
    expect(asked.texts).toContain('지금은 상담 시간이 아닙니다');
    expect(asked.texts).toContain('11월 26일(목) 09:00');
    expect(asked.texts).toContain('동의하신다면 [연락처] 말씀 부탁드립니다.');
    await c.press('동의');
    await c.type('010-4567-8901');
    const before = await rows(transfers);
    const filed = await c.type('PC에서 택시 호출 설정 방법');
    expect(filed.texts).toContain('11월 26일(목) 09:00 이후 담당 부서에서 연락드리겠습니다.');
    expect(await rows(transfers)).toBe(before + 1);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/channels/kakao/handoffs',
      headers: agent.headers,
    });
    expect(
      list
        .json()
        .items.some((item: { inquiryType: number; open: boolean }) => item.inquiryType === 9 && !item.open),
    ).toBe(true);
    t.setNow(OPEN);
  });

  it('the admin list is masked and counts bot-resolved vs handed-off; idle conversations expire after a day', async () => {
    t.setNow(OPEN);
    const idle = chat();
    await idle.type('안녕하세요');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/channels/kakao/conversations',
      headers: admin.headers,
    });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.summary.botResolved).toBeGreaterThan(0);
    expect(body.summary.handedOff).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain('botUserKey-');
    const forbidden = await t.app.inject({
      method: 'GET',
      url: '/api/v1/channels/kakao/conversations',
      headers: agent.headers,
    });
    expect(forbidden.statusCode).toBe(403);
    t.advance(25 * 60 * 60_000);
    const swept = await expireKakaoConversations(t.ctx);
    expect(swept.expired).toBeGreaterThan(0);
    const destroyed = await t.ctx.database.db
      .select()
      .from(destructionLog)
      .where(eq(destructionLog.recordKind, 'kakao-conversation.personal-data'));
    expect(destroyed.length).toBeGreaterThanOrEqual(swept.expired);
    expect(destroyed[0]).toMatchObject({ reason: 'retention-ended', actorId: null });
    // An erased user key is worded in the caller's language.
    const erasedUsers = async (language: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/channels/kakao/conversations',
        headers: { ...admin.headers, 'accept-language': language },
      });
      return new Set(
        response
          .json()
          .items.filter((item: { status: string }) => item.status === 'expired')
          .map((item: { user: string }) => item.user),
      );
    };
    expect(await erasedUsers('ko')).toEqual(new Set(['(삭제됨)']));
    expect(await erasedUsers('en')).toEqual(new Set(['(erased)']));
    t.setNow(OPEN);
  });

  it('a chat whose filing failed, answered again after the abandonment job closed its consultation, files on a new one', async () => {
    t.setNow('2026-11-27T10:00:00+09:00');
    const c = chat();
    await startOnType(c, '비즈니스 가입은 어떻게 하나요?', 6);
    await c.press('네');
    await c.press('동의');
    await c.type('늦은상사');
    await c.type('고길동');
    await c.type('010-3456-7890');
    const db = t.ctx.database.db;
    // The database refuses the lead once, as an outage would: the attempt starts and ties the chat
    // consultation, then its filing rolls back.
    await db.execute(sql`create function refuse_lead() returns trigger language plpgsql as $$
      begin raise exception 'lead refused for the test'; end $$`);
    await db.execute(
      sql`create trigger refuse_lead before insert on leads for each row execute function refuse_lead()`,
    );
    const leadsBefore = await rows(leads);
    let failed: Awaited<ReturnType<typeof c.type>>;
    try {
      failed = await c.type('late@example.com');
    } finally {
      await db.execute(sql`drop trigger refuse_lead on leads`);
      await db.execute(sql`drop function refuse_lead()`);
    }
    expect(failed.texts).toContain('잠시 후 다시 말씀해 주세요');
    expect(await rows(leads)).toBe(leadsBefore);
    const [tied] = await db
      .select({ id: kakaoConversations.id, consultationId: kakaoConversations.consultationId })
      .from(kakaoConversations)
      .orderBy(desc(kakaoConversations.startedAt))
      .limit(1);
    const firstId = tied?.consultationId ?? '';
    expect(firstId).not.toBe('');

    // The customer answers again only after IEUM_ABANDON_AFTER_MINUTES: the tied consultation is closed.
    t.advance((t.ctx.env.IEUM_ABANDON_AFTER_MINUTES + 1) * 60_000);
    expect(await abandonIdleConsultations(t.ctx)).toBeGreaterThan(0);
    const status = async (id: string) =>
      (
        await db.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, id))
      )[0]?.status;
    expect(await status(firstId)).toBe('abandoned');

    const done = await c.type('late@example.com');
    expect(done.texts).toContain('소중한 정보 확인 감사합니다.');
    expect(await rows(leads)).toBe(leadsBefore + 1);
    const [conversation] = await db
      .select()
      .from(kakaoConversations)
      .where(eq(kakaoConversations.id, tied?.id ?? ''));
    expect(conversation?.status).toBe('resolved');
    const secondId = conversation?.consultationId ?? '';
    expect(secondId).not.toBe(firstId);
    expect(await status(secondId)).toBe('completed');
    const [lead] = await db.select().from(leads).where(eq(leads.consultationId, secondId));
    expect(lead?.status).toBe('new');
    // The abandoned one stays as the job left it, for reports.
    expect(await status(firstId)).toBe('abandoned');
    t.setNow(OPEN);
  });

  // Last: it replaces the token every test above uses.
  it('rotates the skill token: the new one answers at once, the old one (IEUM_KAKAO_SKILL_TOKEN) is gone', async () => {
    const skill = (token: string) =>
      fetch(`${baseUrl}/api/v1/channels/kakao/${token}/skill`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(kakaoFixture('first-utterance')),
      });
    // The token in force is remembered between turns; rotating must not leave it accepted.
    expect((await skill(TOKEN)).status).toBe(200);
    const refused = await fetch(`${baseUrl}/api/v1/channels/kakao/skill-token`, {
      method: 'POST',
      headers: agent.headers,
    });
    expect(refused.status).toBe(403);
    const rotated = await fetch(`${baseUrl}/api/v1/channels/kakao/skill-token`, {
      method: 'POST',
      headers: admin.headers,
    });
    expect(rotated.status).toBe(201);
    const { token, skillUrl } = (await rotated.json()) as { token: string; skillUrl: string };
    expect(skillUrl).toContain(`/api/v1/channels/kakao/${token}/skill`);
    expect((await skill(TOKEN)).status).toBe(404);
    expect((await skill(token)).status).toBe(200);
    // Rotated again: the first rotated token stops too.
    const again = await fetch(`${baseUrl}/api/v1/channels/kakao/skill-token`, {
      method: 'POST',
      headers: admin.headers,
    });
    const next = ((await again.json()) as { token: string }).token;
    expect((await skill(token)).status).toBe(404);
    expect((await skill(next)).status).toBe(200);
  });
});
