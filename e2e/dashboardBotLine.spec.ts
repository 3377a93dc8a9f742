import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { kakaoSkillResponseSchema } from '../src/contract/kakao/kakaoSkillResponseSchema.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eKakaoSkillToken } from './e2eKakao.ts';
import { e2eUsers } from './e2eUsers.ts';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/kakao/${name}.json`, import.meta.url), 'utf8'));

/**
 * A customer the chatbot serves alone through Open Builder: Q1, not a registered contact, the
 * inquiry and a consented number — the bot files the transfer and ends the chat.
 */
async function chatResolvedByTheBot(request: APIRequestContext, baseURL: string): Promise<void> {
  const userId = `e2e-bot-line-${Date.now().toString(36)}`;
  let last: ReturnType<typeof kakaoSkillResponseSchema.parse> | null = null;
  const say = async (utterance: string, extra: Record<string, unknown> | null = null) => {
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
  const press = async (label: string) => {
    const reply = last?.template.quickReplies?.find((candidate) => candidate.label === label);
    expect(reply?.messageText, `quick reply ${label}`).toBeDefined();
    return say(reply?.messageText ?? '', reply?.extra ?? null);
  };
  await say('안녕하세요, 문의가 있어요');
  await say('1');
  await press('아니요');
  await say('정산서 재발행 문의');
  await press('네');
  await press('동의');
  const done = await say('010-4545-6767');
  expect(JSON.stringify(done)).toContain('접수되었습니다');
}

const tileValue = (page: Page, figure: string) =>
  page.locator(`[data-figure="${figure}"] [data-testid="figure-value"]`);

test.describe('the chatbot line of the dashboard', { tag: '@open' }, () => {
  test("shows what the chatbot resolved and handed off apart from the agents' figures, in Korean and English", async ({
    page,
    request,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    await chatResolvedByTheBot(request, baseURL);

    await consoleActions.signIn(page, e2eUsers.supervisor);
    await expect(page.getByRole('heading', { level: 1, name: '대시보드' })).toBeVisible({ timeout: 30_000 });
    const line = page.getByTestId('bot-line');
    await expect(line.getByRole('heading', { name: '챗봇 (카카오톡)' })).toBeVisible({ timeout: 30_000 });
    // The bot's figures are in its own line, not among the agents' tiles.
    await expect(line.locator('[data-figure="bot.resolved"]')).toContainText('챗봇이 끝낸 대화');
    await expect(line.locator('[data-figure="bot.handedOff"]')).toContainText('상담직원 연결');
    await expect(line.locator('[data-figure="bot.resolutionRate"]')).toContainText('챗봇 해결률');
    await expect(page.getByTestId('report-tiles').locator('[data-figure^="bot."]')).toHaveCount(0);
    await expect(line).toContainText('챗봇이 혼자 처리한 대화가 들어가지 않습니다');
    await expect(tileValue(page, 'bot.resolved')).not.toHaveText('0');

    // Its records: the consultations the bot saved, filed by 카카오톡 챗봇.
    await line.locator('[data-figure="bot.resolved"]').getByRole('button').click();
    const drawer = page.getByTestId('drill-down');
    await expect(drawer).toContainText('카카오톡 챗봇');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    await consoleActions.switchLanguage(page, 'English');
    try {
      await expect(line.getByRole('heading', { name: 'Chatbot (KakaoTalk)' })).toBeVisible();
      await expect(line.locator('[data-figure="bot.resolved"]')).toContainText('Resolved by the chatbot');
      await expect(line.locator('[data-figure="bot.handedOff"]')).toContainText('Handed off to an agent');
      await expect(line).toContainText('leave out what the chatbot handled alone');
      // The formulas beside the figures (tooltips) are English too, read again in the new language:
      // a report figure and a live-floor one.
      await line.locator('[data-figure="bot.resolutionRate"]').hover();
      await expect(
        page.getByRole('tooltip').filter({ hasText: 'Conversations the chatbot ended ÷' }),
      ).toBeVisible();
      await page.locator('[data-figure="floor.agentsOnCall"]').hover();
      await expect(
        page.getByRole('tooltip').filter({ hasText: 'Number of agents with a consultation open now' }),
      ).toBeVisible();
    } finally {
      // The supervisor account is shared by the specs: put its language back.
      await consoleActions.switchLanguage(page, '한국어');
    }
  });
});
