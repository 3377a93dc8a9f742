import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { kakaoSkillResponseSchema } from '../src/contract/kakao/kakaoSkillResponseSchema.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eKakaoSkillToken } from './e2eKakao.ts';
import { e2eUsers } from './e2eUsers.ts';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/kakao/${name}.json`, import.meta.url), 'utf8'));

test.describe('a KakaoTalk chat handed off by the chatbot', { tag: '@open' }, () => {
  test('appears in the agent console live, is picked up, and opens with the transcript and the type', async ({
    page,
    request,
    baseURL,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.expectStartPanelReady(page);

    // The customer, through Open Builder: a first message, the type by number, then 상담직원 연결.
    const userId = `e2e-${Date.now().toString(36)}`;
    let last: ReturnType<typeof kakaoSkillResponseSchema.parse> | null = null;
    const say = async (utterance: string, extra: Record<string, unknown> | null) => {
      const body = fixture(last ? 'quick-reply' : 'first-utterance');
      const userRequest = Object(body.userRequest);
      userRequest.utterance = utterance;
      userRequest.user = { ...Object(userRequest.user), id: userId };
      body.action = { ...Object(body.action), clientExtra: extra };
      const response = await request.post(`${baseURL}/api/v1/channels/kakao/${e2eKakaoSkillToken}/skill`, {
        data: body,
      });
      expect(response.status()).toBe(200);
      last = kakaoSkillResponseSchema.parse(await response.json());
      return last;
    };
    await say('안녕하세요, 문의가 있어요', null);
    const script = await say('5', null);
    const handoff = script.template.quickReplies?.find((reply) => reply.label === '상담직원 연결');
    expect(handoff?.messageText).toBeDefined();
    const handed = await say(handoff?.messageText ?? '', handoff?.extra ?? null);
    expect(JSON.stringify(handed)).toContain('"action":"operator"');

    // The start panel lists it without a reload (live event), with its type.
    const panel = page.getByTestId('kakao-handoffs');
    await expect(panel).toContainText('교통유발금 서류 요청');
    await panel.getByTestId('kakao-pick-up').first().click();

    // The consultation opens where the bot left it, the bot transcript beside it.
    await consoleActions.expectNode(page, 'q1-registered');
    const transcript = page.getByTestId('chat-transcript');
    await expect(transcript).toContainText('문의 유형: 교통유발금 서류 요청');
    await expect(transcript).toContainText('상담직원 연결');
    await expect(transcript).toContainText(
      '실례지만, 비즈니스 관리시스템에 등록된 관리책임자 또는 운영 담당자가 맞으실까요?',
    );
    await expect(page).toHaveURL(/[?&]consultation=/);
  });

  test('admins list the bot conversations masked with their outcome; supervisors see bot-resolved vs handed-off', async ({
    page,
  }) => {
    await consoleActions.signIn(page, e2eUsers.admin);
    await page.goto('/admin');
    await page.getByRole('tab', { name: '카카오톡 챗봇' }).click();
    const table = page.getByTestId('kakao-conversations');
    await expect(table).toContainText('상담직원 연결');
    await expect(table).toContainText('교통유발금 서류 요청');
    // The user key is shown shortened, never whole.
    await expect(table).not.toContainText('e2e-');
    await expect(page.getByTestId('kakao-handedOff')).not.toHaveText('0');
    await page.getByRole('button', { name: '로그아웃' }).click();

    await page.goto('/login');
    await page.getByLabel('이메일').fill(e2eUsers.supervisor.email);
    await page.getByLabel('비밀번호').fill(e2eUsers.supervisor.password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('current-user')).toContainText(e2eUsers.supervisor.name);
    await page.goto('/funnel');
    await expect(page.getByTestId('kakao-bot-summary')).toContainText('카카오톡 챗봇');
    await expect(page.getByTestId('kakao-handedOff')).not.toHaveText('0');
  });
});
