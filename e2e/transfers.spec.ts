import { type Browser, expect, type Page, request, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

type Account = (typeof e2eUsers)[keyof typeof e2eUsers];

/** A fresh browser context signed in as `user` (each role in its own context, like two PCs). */
async function signIn(browser: Browser, baseURL: string, user: Account, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel('이메일').fill(user.email);
  await page.getByLabel('비밀번호').fill(user.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(user.name);
  return page;
}

// Outside business hours (the closed server, Wednesday 20:00) the guide sends the case to the
// business team as a transfer: the agent files it, the team works it live.
test.describe('transfers (이관) and the live queue', { tag: '@closed' }, () => {
  test('an agent files a transfer; the business team sees it live, takes it, comments, works it; the agent sees the status', async ({
    browser,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    // The admin names the business-team member on duty for inquiry type 9 (the form's mention).
    const api = await request.newContext({ baseURL });
    const login = await api.post('/api/v1/auth/login', {
      data: { email: e2eUsers.admin.email, password: e2eUsers.admin.password },
    });
    expect(login.ok()).toBe(true);
    const csrfToken: string = (await login.json()).csrfToken;
    const settings = await api.get('/api/v1/transfer-settings');
    const handlerId = (await settings.json()).candidates.find(
      (person: { name: string }) => person.name === e2eUsers.backoffice.name,
    ).id;
    const saved = await api.put('/api/v1/transfer-settings', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        types: [
          {
            inquiryType: 9,
            sla: { kind: 'next-business-day', time: '12:00' },
            assignees: [{ userId: handlerId, onDuty: true }],
          },
        ],
      },
    });
    expect(saved.ok()).toBe(true);
    await api.dispose();

    const handler = await signIn(browser, baseURL, e2eUsers.backoffice, '/queue');
    await expect(handler.getByRole('heading', { name: /이관 큐/ })).toBeVisible();

    const agent = await signIn(browser, baseURL, e2eUsers.agent, '/?caller=010-2222-3333');
    await consoleActions.startAndPick(agent, 9);
    await agent.keyboard.press('n');
    await agent.keyboard.type('PC 웹 택시 호출 설정 방법 문의');
    await agent.keyboard.press('Enter');
    await agent.keyboard.press('y');
    await consoleActions.expectNode(agent, 'q1-transfer');
    await agent.keyboard.press('Enter');

    // The transfer form is filled from the record and names the assignee who will be mentioned.
    const form = agent.getByTestId('transfer-form');
    await expect(form).toContainText('[ 비즈니스 ] 이관_KD로 이관');
    await expect(form).toContainText('010-2222-3333');
    await expect(form).toContainText('PC 웹 택시 호출 설정 방법 문의');
    await expect(agent.getByTestId('transfer-mention')).toContainText(`@${e2eUsers.backoffice.name}`);
    await expect(agent.getByTestId('transfer-mention')).toContainText('11월 26일 (목) 12:00');
    await agent.getByTestId('record-companyName').fill('이음상사');
    await agent.getByTestId('record-contactName').fill('홍길동');

    // One keystroke saves the record and files the transfer.
    await agent.keyboard.press('Control+Enter');
    const confirmation = agent.getByTestId('saved-confirmation');
    await expect(confirmation).toContainText(/이관 T-2026-\d{6} 접수/);
    const filedAt = Date.now();
    const number = /T-2026-\d{6}/.exec((await confirmation.textContent()) ?? '')?.[0];
    if (!number) throw new Error('no transfer number in the confirmation');

    // The business team's queue shows it without a reload, within a second.
    const row = handler.locator(`[data-number="${number}"]`);
    await expect(row).toBeVisible({ timeout: 1_000 });
    expect(Date.now() - filedAt).toBeLessThan(1_000);
    await expect(row).toContainText('홍*동');
    await expect(row).toContainText('010-****-3333');
    await expect(row).toContainText(e2eUsers.backoffice.name);
    await expect(row).toContainText('3시간 남음');
    await expect(handler.getByTestId('transfer-notice')).toContainText(
      `${number} 건의 담당자로 지정되었습니다`,
    );

    const myRow = agent.getByTestId('my-transfers').locator(`[data-number="${number}"]`);
    await expect(myRow.getByTestId('my-transfer-status')).toHaveText('접수');

    // The handler opens it from the keyboard (J/K move, Enter opens) and starts work (S).
    const numbers = await handler
      .locator('[data-number]')
      .evaluateAll((rows) => rows.map((element) => element.getAttribute('data-number')));
    // The same keys work with the IME left in 한글 (ㅓ/ㅏ) and with Shift or Caps Lock on.
    const rows = handler.locator('[data-number]');
    await handler.locator('body').focus();
    await consoleActions.pressHangulKey(handler, 'j');
    await expect(rows.nth(Math.min(1, numbers.length - 1))).toHaveAttribute('aria-selected', 'true');
    await consoleActions.pressHangulKey(handler, 'k');
    await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
    await handler.keyboard.press('Shift+J');
    await expect(rows.nth(Math.min(1, numbers.length - 1))).toHaveAttribute('aria-selected', 'true');
    await handler.keyboard.press('K');
    await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
    for (let i = 0; i < numbers.indexOf(number); i++) await handler.keyboard.press('j');
    await handler.keyboard.press('Enter');
    const drawer = handler.getByRole('dialog');
    await expect(drawer).toContainText(number);
    // S in 한글 mode (ㄴ) starts work.
    await consoleActions.pressHangulKey(handler, 's');
    await expect(handler.getByTestId('drawer-status')).toHaveText('처리중');
    await expect(myRow.getByTestId('my-transfer-status')).toHaveText('처리중');

    // Esc closes the drawer and gives focus back to the row it was opened from, so J/K and Enter
    // go on from there.
    await handler.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(row).toBeFocused();
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await handler.keyboard.press('Enter');
    await expect(drawer).toContainText(number);

    // Comment with an @mention; Ctrl+Enter posts it.
    await handler.keyboard.press('c');
    await expect(handler.getByTestId('comment-input')).toBeFocused();
    await handler.keyboard.type(`@${e2eUsers.admin.name} 고객 부재 시 재연락 예정`);
    await handler.keyboard.press('Control+Enter');
    await expect(handler.getByTestId('transfer-comments')).toContainText('고객 부재 시 재연락 예정');
    await expect(handler.getByTestId('transfer-comments')).toContainText(`멘션: ${e2eUsers.admin.name}`);

    // 연락불가 with a retry time, then 처리중 again, 연락완료 and 종결.
    await handler.getByTestId('comment-input').blur();
    await handler.keyboard.press('u');
    await expect(handler.getByTestId('retry-at')).toBeFocused();
    await handler.getByTestId('retry-at').fill('2026-11-26T10:00');
    // Saved from the keyboard, focus stays in the drawer (not on <body>), so its keys go on working.
    await handler.getByTestId('confirm-unreachable').focus();
    await handler.keyboard.press('Enter');
    await expect(handler.getByTestId('drawer-status')).toHaveText('연락불가');
    await expect(handler.getByTestId('retry-at')).toHaveCount(0);
    await expect(drawer).toBeFocused();
    await expect(myRow.getByTestId('my-transfer-status')).toHaveText('연락불가');
    await handler.keyboard.press('s');
    await expect(handler.getByTestId('drawer-status')).toHaveText('처리중');
    // Shift+D moves to 연락완료 too; here its button, pressed from the keyboard: the button goes
    // away with the move, and focus stays in the drawer (not on <body>), so X still closes it.
    await handler.getByTestId('move-contacted').focus();
    await handler.keyboard.press('Enter');
    await expect(handler.getByTestId('drawer-status')).toHaveText('연락완료');
    await expect(handler.getByTestId('move-contacted')).toHaveCount(0);
    await expect(drawer).toBeFocused();
    await expect(myRow.getByTestId('my-transfer-status')).toHaveText('연락완료');
    await handler.keyboard.press('x');
    await expect(handler.getByTestId('drawer-status')).toHaveText('종결');

    // The agent sees the final status live, and the history says who did what.
    await expect(myRow.getByTestId('my-transfer-status')).toHaveText('종결');
    const history = handler.getByTestId('transfer-history');
    for (const line of ['이관 접수', '접수 → 처리중', '처리중 → 연락불가', '연락완료 → 종결']) {
      await expect(history).toContainText(line);
    }
    await handler.screenshot({ path: 'test-results/transfer-queue.png', fullPage: true });
    await agent.context().close();
    await handler.context().close();
  });
});
