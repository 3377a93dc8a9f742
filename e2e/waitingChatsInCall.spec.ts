import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { kakaoSkillResponseSchema } from '../src/contract/kakao/kakaoSkillResponseSchema.ts';
import { adminApi } from './adminApi.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eKakaoSkillToken } from './e2eKakao.ts';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/kakao/${name}.json`, import.meta.url), 'utf8'));

/** A KakaoTalk customer who picks a type and asks for a person (상담직원 연결). */
async function customerAsksForAnAgent(request: APIRequestContext, baseURL: string): Promise<void> {
  const userId = `e2e-wait-${Date.now().toString(36)}`;
  const say = async (name: string, utterance: string, extra: Record<string, unknown> | null) => {
    const body = fixture(name);
    const userRequest = Object(body.userRequest);
    userRequest.utterance = utterance;
    userRequest.user = { ...Object(userRequest.user), id: userId };
    body.action = { ...Object(body.action), clientExtra: extra };
    const response = await request.post(`${baseURL}/api/v1/channels/kakao/${e2eKakaoSkillToken}/skill`, {
      data: body,
    });
    expect(response.status()).toBe(200);
    return kakaoSkillResponseSchema.parse(await response.json());
  };
  await say('first-utterance', '안녕하세요, 문의가 있어요', null);
  // The bot asks the type before it connects anyone; the customer picks 5, then asks for a person.
  const script = await say('quick-reply', '5', null);
  const handoff = script.template.quickReplies?.find((reply) => reply.label === '상담직원 연결');
  expect(handoff?.messageText).toBeDefined();
  const handed = await say('quick-reply', handoff?.messageText ?? '', handoff?.extra ?? null);
  expect(JSON.stringify(handed)).toContain('"action":"operator"');
}

// On the @guides server (its business line open at the start of the run): the @open server's
// KakaoTalk spec picks up the first waiting chat, and its dashboard specs count the calls open.
test.describe('a KakaoTalk chat handed off while the agent is on a call', { tag: '@guides' }, () => {
  test('is announced in the call view, live, and goes when a colleague takes it', async ({
    page,
    request,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const agent = {
      email: `waiting.${Date.now()}@ieum.test`,
      name: '대기확인',
      password: 'ieum-e2e-waiting-pass-2026',
    };
    const created = await admin.api.post('/api/v1/users', {
      headers: admin.headers,
      data: { ...agent, role: 'agent' },
    });
    expect(created.status(), await created.text()).toBe(201);

    await consoleActions.signIn(page, agent);
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '문의 유형 선택' })).toBeVisible();
    await expect(page.getByTestId('waiting-chats')).toHaveCount(0);

    await customerAsksForAnAgent(request, baseURL);
    const notice = page.getByTestId('waiting-chats');
    await expect(notice).toContainText(/카카오톡 상담 연결 대기 1건 · \d{2}:\d{2}부터 기다리는 중/);
    await expect(notice).toContainText('이 상담을 저장하면 시작 화면에서 맡을 수 있습니다.');

    // A colleague (the admin, at the console) takes it: the notice goes without a reload.
    const waiting = await admin.api.get('/api/v1/channels/kakao/handoffs', { headers: admin.headers });
    const item = (await waiting.json()).items.find((entry: { waiting: boolean }) => entry.waiting);
    const claimed = await admin.api.post(`/api/v1/channels/kakao/handoffs/${item.conversationId}/claim`, {
      headers: admin.headers,
    });
    expect(claimed.ok(), await claimed.text()).toBe(true);
    await expect(notice).toHaveCount(0);
    await admin.api.dispose();
  });
});
