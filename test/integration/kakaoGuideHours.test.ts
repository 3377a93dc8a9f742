import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';
import { twoGuidesDir } from '../helpers/twoGuidesDir.ts';

const TOKEN = 'kakao-skill-guide-hours-token-0123';
// A Wednesday: the business line (09–18) is open, the partner line (10–17) is not yet.
const BEFORE_PARTNER_OPENS = '2026-11-25T09:30:00+09:00';
const PARTNER_OPEN = '2026-11-25T10:30:00+09:00';

// The chatbot runs on the default guide; here the partner test guide, whose support line keeps
// its own hours: the bot routes a customer by them, not by the business line's.
describe.each(testBackends())('KakaoTalk chatbot on a guide with its own hours on $name', (backend) => {
  const guides = twoGuidesDir();
  let t: TestApp;
  let baseUrl: string;
  let users = 0;

  beforeAll(async () => {
    t = await buildTestApp(backend, {
      IEUM_GUIDES_DIR: guides.dir,
      IEUM_DEFAULT_GUIDE: 'partner-inquiry',
      IEUM_KAKAO_SKILL_TOKEN: TOKEN,
    });
    baseUrl = await listenOnLoopback(t.app);
    // The bot files under its own account, made once an admin has set the app up.
    await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
    guides.remove();
  });

  /** A new customer's chat, on the partner guide's type 1 (by its number from the menu). */
  async function onTypeOne() {
    users += 1;
    const c = kakaoChat(baseUrl, TOKEN, `guide-hours-user-${users}`);
    const hello = await c.type('안녕하세요');
    expect(hello.texts).toContain('제휴 채팅상담');
    expect(hello.texts).toContain('평일 / 10 ~ 17');
    await c.type('1');
    return c;
  }

  it('tells a customer at 09:30 that the partner line is closed until 10:00, and hands off at 10:30', async () => {
    t.setNow(BEFORE_PARTNER_OPENS);
    const early = await onTypeOne();
    const closed = await early.press('상담직원 연결');
    expect(closed.texts).toContain('지금은 상담 시간이 아닙니다 (평일 / 10 ~ 17)');
    expect(closed.texts).toContain('11월 25일(수) 10:00 이후 담당 부서에서 연락드리겠습니다');
    // Who calls back is the guide's department, not the business guide's team.
    expect(closed.texts).not.toContain('비즈니스팀');

    t.setNow(PARTNER_OPEN);
    const later = await onTypeOne();
    const handed = await later.press('상담직원 연결');
    const card = handed.body.template.outputs.find((output) => 'textCard' in output);
    expect(card && 'textCard' in card ? card.textCard.buttons?.[0]?.action : null).toBe('operator');
  });
});
