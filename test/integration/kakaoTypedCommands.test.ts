import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kakaoUserIndex } from '../../src/server/crypto/kakaoUserIndex.ts';
import { kakaoConversationRepository } from '../../src/server/repositories/kakaoConversationRepository.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-commands-test-token-0123456789';
const OPEN = '2026-11-25T10:00:00+09:00';
const CLOSED = '2026-11-25T20:00:00+09:00';
const MENU = '문의 유형을 골라 주세요.';

/**
 * The bot's own commands typed at a step that takes text (QA-11 H3): 처음으로 starts a new chat —
 * nothing filed, what was typed dropped — and a hand-off word hands off; neither is ever filed as
 * a value (a sign-up lead with 업체명 "처음으로"). Recorded Open Builder bodies over the real skill
 * endpoint, as in the QA report's reproduction.
 */
describe.each(testBackends())('KakaoTalk commands at text steps on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;
  let backoffice: { headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    backoffice = await t.userWithToken('backoffice');
    t.setNow(OPEN);
  });
  afterAll(async () => {
    await t?.close();
  });

  const storedChat = async (user: string) => {
    const rows = await kakaoConversationRepository.findLatestForUser(
      t.ctx.database.db,
      t.ctx.fieldCodec,
      kakaoUserIndex(t.ctx.fieldKeys, user),
    );
    return rows;
  };

  const companyNames = async (): Promise<string[]> => {
    const response = await t.app.inject({ url: '/api/v1/leads?limit=200', headers: backoffice.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((lead: { companyName: string }) => lead.companyName);
  };

  it('처음으로 at 업체명 and 담당자 starts over; no lead is filed with 업체명 "처음으로"', async () => {
    const user = 'botUserKey-commands-lead';
    const c = kakaoChat(baseUrl, TOKEN, user);
    await c.type('6');
    await c.press('네');
    expect((await c.press('동의')).texts).toContain('업체명을 입력해 주세요.');
    const restarted = await c.type('처음으로');
    expect(restarted.texts).toContain('안녕하세요, 카카오 T 비즈니스 채팅상담입니다.');
    expect(restarted.texts).toContain(MENU);
    expect(restarted.texts).not.toContain('담당자를 입력해 주세요.');
    // Kakao's retry of the same message answers alike and restarts nothing more.
    expect((await c.resend()).texts).toBe(restarted.texts);
    const stored = await storedChat(user);
    expect(stored?.status).toBe('active');
    expect(JSON.parse(stored?.state ?? '{}')).toMatchObject({
      stage: 'pick-type',
      collected: {},
      consents: [],
    });

    // The new chat, with 처음으로 at 담당자 this time, then the real values.
    await c.type('6');
    await c.press('네');
    await c.press('동의');
    await c.type('처음상사');
    expect((await c.type('처음으로')).texts).toContain(MENU);
    expect(JSON.parse((await storedChat(user))?.state ?? '{}').collected).toEqual({});
    await c.type('6');
    await c.press('네');
    await c.press('동의');
    await c.type('명령상사');
    await c.type('홍길동');
    await c.type('010-5555-1234');
    expect((await c.type('command@example.com')).texts).toContain('소중한 정보 확인 감사합니다.');

    const names = await companyNames();
    expect(names).toContain('명령상사');
    expect(names).not.toContain('처음으로');
    expect(names).not.toContain('처음상사');
  });

  it('처음으로 at the 문의 내용 and at a 네/아니요 step starts over instead of being taken or refused', async () => {
    const user = 'botUserKey-commands-inquiry';
    const c = kakaoChat(baseUrl, TOKEN, user);
    await c.type('1');
    expect((await c.press('아니요')).texts).toContain('문의 내용을 입력해 주세요.');
    const restarted = await c.type('처음으로');
    expect(restarted.texts).toContain(MENU);
    expect(restarted.texts).not.toContain('카카오 T 앱 내의 등록된 연락처로');
    expect(JSON.parse((await storedChat(user))?.state ?? '{}').collected).toEqual({});

    // A 네/아니요 step: the type's first question.
    const asked = await c.type('1');
    expect(asked.labels).toContain('네');
    const again = await c.type('처음');
    expect(again.texts).not.toContain('버튼을 눌러 답해 주세요.');
    expect(again.texts).toContain(MENU);
  });

  it('a hand-off word hands off from 업체명, and is re-asked, not filed, as the inquiry of a hand-off under way', async () => {
    const user = 'botUserKey-commands-handoff';
    const c = kakaoChat(baseUrl, TOKEN, user);
    await c.type('6');
    await c.press('네');
    await c.press('동의');
    const handed = await c.type('상담원 연결');
    expect(handed.texts).toContain('상담직원에게 연결해 드리겠습니다.');
    const stored = await storedChat(user);
    expect(stored?.status).toBe('handed-off');
    expect(JSON.parse(stored?.state ?? '{}').collected).toEqual({});

    // Out of hours the hand-off takes a number and the inquiry: the words again are no inquiry.
    t.setNow(CLOSED);
    try {
      const late = kakaoChat(baseUrl, TOKEN, 'botUserKey-commands-closed');
      await late.type('9');
      await late.press('상담직원 연결');
      await late.press('동의');
      expect((await late.type('010-2323-4545')).texts).toContain('문의 내용을 입력해 주세요.');
      const again = await late.type('상담원 연결');
      expect(again.texts).toBe('상담직원 연결을 요청하셨습니다.\n문의 내용을 입력해 주세요.');
      const waiting = await storedChat('botUserKey-commands-closed');
      expect(waiting?.status).toBe('active');
      expect(JSON.parse(waiting?.state ?? '{}').collected.inquiry).toBeUndefined();
      expect((await late.type('PC 호출 설정 문의')).texts).toContain('접수되었습니다.');
    } finally {
      t.setNow(OPEN);
    }
  });
});
