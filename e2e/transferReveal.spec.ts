import { expect, type Page, test } from '@playwright/test';
import { e2eUsers } from './e2eUsers.ts';

const customer = { name: '윤재통', phone: '010-7777-8812' };

async function signIn(page: Page, user: { email: string; password: string; name: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('이메일').fill(user.email);
  await page.getByLabel('비밀번호').fill(user.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(user.name);
}

/** An agent files a transfer through the API (nothing from a consultation): the business team sees it masked. */
async function fileTransferAsAgent(page: Page): Promise<{ id: string; number: string }> {
  const login = await page.request.post('/api/v1/auth/login', {
    data: { email: e2eUsers.agent.email, password: e2eUsers.agent.password },
  });
  const { csrfToken } = await login.json();
  const headers = { 'x-csrf-token': csrfToken };
  const filed = await page.request.post('/api/v1/transfers', {
    headers,
    data: {
      inquiryType: 1,
      channel: 'call',
      companyName: '이음물산',
      contactName: customer.name,
      phone: customer.phone,
      inquiry: '정산 내역 재확인 요청, 회신 바람',
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const { id, number } = await filed.json();
  await page.request.post('/api/v1/auth/logout', { headers });
  await page.context().clearCookies();
  return { id, number };
}

test.describe('transfer reveal', { tag: '@open' }, () => {
  test('the business team reveals a transfer’s phone and the comments naming the customer in the queue drawer, and the access log has it', async ({
    page,
  }) => {
    const transfer = await fileTransferAsAgent(page);

    await signIn(page, e2eUsers.backoffice);
    await page.goto('/queue');
    await page.locator(`tr[data-transfer-id="${transfer.id}"]`).click();
    const drawer = page.getByTestId('transfer-drawer');
    await expect(drawer).toContainText(transfer.number);
    await expect(drawer.getByTestId('transfer-phone')).toHaveText('010-****-8812');
    await expect(drawer.getByTestId('transfer-contactName')).toHaveText('윤*통');

    // A comment naming the customer is shown masked like the contact, even to the one who wrote it.
    await drawer.getByTestId('comment-input').fill(`${customer.name} 님 오후 재통화 희망, 재통 님께 문자`);
    await drawer.getByTestId('post-comment').click();
    const comments = drawer.getByTestId('transfer-comments');
    await expect(comments).toContainText('윤*통 님 오후 재통화 희망, *통 님께 문자');
    await expect(comments).not.toContainText(customer.name);

    await drawer.getByTestId('transfer-reveal').click();
    const reason = drawer.getByTestId('transfer-reveal-reason');
    await expect(drawer.getByRole('button', { name: '열람', exact: true })).toBeDisabled();
    await reason.fill('고객 재통화 (정산 회신)');
    await drawer.getByRole('button', { name: '열람', exact: true }).click();
    await expect(drawer.getByTestId('transfer-phone')).toHaveText(customer.phone);
    await expect(drawer.getByTestId('transfer-contactName')).toHaveText(customer.name);
    await expect(drawer.getByTestId('transfer-revealed-note')).toBeVisible();
    await expect(comments).toContainText(`${customer.name} 님 오후 재통화 희망, 재통 님께 문자`);

    // Closing forgets the values: reopened, the drawer is masked again.
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await page.locator(`tr[data-transfer-id="${transfer.id}"]`).click();
    await expect(page.getByTestId('transfer-drawer').getByTestId('transfer-phone')).toHaveText(
      '010-****-8812',
    );
    await expect(page.getByTestId('transfer-drawer').getByTestId('transfer-comments')).not.toContainText(
      customer.name,
    );
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '로그아웃' }).click();

    await signIn(page, e2eUsers.admin);
    await page.goto('/privacy');
    await page.getByRole('tab', { name: '접속기록' }).click();
    const entry = page
      .getByTestId('access-log')
      .locator('tr[data-action="personal-data.reveal"]')
      .filter({ hasText: `transfer:${transfer.id}` });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(e2eUsers.backoffice.email);
    await expect(entry).toContainText('고객 재통화 (정산 회신)');
    await expect(entry).not.toContainText(customer.phone);
  });
});
