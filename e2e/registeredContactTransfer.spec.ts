import { expect, test } from '@playwright/test';
import { adminApi } from './adminApi.ts';
import { consoleActions } from './consoleActions.ts';

// QA-9 H1. Q1's callback goes to the contact the business account registered in the Kakao T app
// ("카카오 T 앱 내의 등록된 연락처로 안내"): nothing new is collected, so no number may be asked for.
// Type 4 (이용 기록·자료 요청, the Q1 script) is no other spec's.
test.describe("a callback to the account's registered contact", { tag: '@closed' }, () => {
  test('is transferred without a number when none came with the call: the company names the account', async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const stamp = Date.now();
    const agent = {
      email: `registered.agent.${stamp}@ieum.test`,
      name: `등록연락${stamp % 1000}`,
      password: 'ieum-e2e-registered-contact-2026',
      role: 'agent',
    };
    const created = await admin.api.post('/api/v1/users', { headers: admin.headers, data: agent });
    expect(created.status(), await created.text()).toBe(201);

    // No phone system: the call comes with no number.
    await consoleActions.signIn(page, agent);
    await page.goto('/');
    await consoleActions.startAndPick(page, 4);
    await page.keyboard.press('n');
    await page.keyboard.type('지난달 이용 기록 자료 요청');
    await page.keyboard.press('Enter');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-transfer');
    await page.keyboard.press('Enter');

    const form = page.getByTestId('transfer-form');
    await expect(form).toContainText('카카오 T 앱 등록 연락처로 연락');
    // The form asks for the company, not for a number.
    await expect(form).toContainText('이관하려면 상담이력에 기업명을 입력하세요.');
    await expect(form).not.toContainText('연락처를 입력하세요');
    await page.getByTestId('record-companyName').fill('(주)누리테크');
    await expect(form).not.toContainText('기업명을 입력하세요');

    await page.keyboard.press('Control+Enter');
    const confirmation = page.getByTestId('saved-confirmation');
    await expect(confirmation).toContainText(/이관 T-2026-\d{6} 접수/);
    const number = /T-2026-\d{6}/.exec((await confirmation.textContent()) ?? '')?.[0];

    // The business team reads how to reach the caller.
    const listed = await admin.api.get('/api/v1/transfers?limit=200&sort=recent', { headers: admin.headers });
    const transfer = (await listed.json()).items.find((item: { number: string }) => item.number === number);
    expect(transfer).toMatchObject({
      companyName: '(주)누리테크',
      phone: null,
      email: null,
      reachVia: 'registered-contact',
    });
    await admin.api.dispose();
  });
});
