import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

// The queue's letter keys reach past the tab they are typed on: D (callbacks due) works from the
// first tab, 이관, as the README promises — while inside an open transfer D still means 연락완료.
test.describe('the queue keys', { tag: '@open' }, () => {
  test('D on the 이관 tab shows the 가입 리드 callbacks due; in the transfer drawer D marks 연락완료', async ({
    page,
  }) => {
    await consoleActions.signIn(page, e2eUsers.backoffice);
    await page.goto('/queue');
    const transfersTab = page.getByTestId('tab-transfers');
    await expect(transfersTab).toHaveAttribute('aria-selected', 'true');
    // The tab's key line says so.
    await expect(page.getByText(/M\s*내 담당 · D\s*콜백 시간 된 리드/)).toBeVisible();

    await page.keyboard.press('d');
    await expect(page.getByTestId('tab-leads')).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/\/queue\?view=leads&filter=due$/);
    await expect(
      page.getByTestId('lead-filter').getByRole('radio', { name: '콜백 시간 된 리드' }),
    ).toBeChecked();
    // D there goes on toggling the lead list, as before.
    await page.keyboard.press('d');
    await expect(page.getByTestId('lead-filter').getByRole('radio', { name: '진행 중' })).toBeChecked();

    // A transfer of our own to open: D inside its drawer is 연락완료, and the queue stays on it.
    const csrfToken: string = await page.evaluate(
      async () => (await (await fetch('/api/v1/auth/session')).json()).csrfToken,
    );
    const filed = await page.request.post('/api/v1/transfers', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        inquiryType: 1,
        channel: 'call',
        companyName: 'D키상사',
        phone: '010-3300-4400',
        inquiry: 'D 키 확인',
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const transfer: { id: string } = await filed.json();
    await page.goto(`/queue?transfer=${transfer.id}`);
    const status = page.getByTestId('drawer-status');
    await expect(status).toHaveText('접수');
    await page.keyboard.press('s');
    await expect(status).toHaveText('처리중');
    await page.keyboard.press('d');
    await expect(status).toHaveText('연락완료');
    await expect(page).toHaveURL(new RegExp(`/queue\\?transfer=${transfer.id}$`));
    await expect(transfersTab).toHaveAttribute('aria-selected', 'true');
  });

  test("Enter on a focused tab or button is that control's, not the row under the cursor's", async ({
    page,
  }) => {
    await consoleActions.signIn(page, e2eUsers.backoffice);
    const csrfToken: string = await page.evaluate(
      async () => (await (await fetch('/api/v1/auth/session')).json()).csrfToken,
    );
    const filed = await page.request.post('/api/v1/transfers', {
      headers: { 'x-csrf-token': csrfToken },
      data: { inquiryType: 1, channel: 'call', phone: '010-3300-4401', inquiry: 'Enter 키 확인' },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    await page.goto('/queue');
    await expect(page.getByTestId('drawer-status')).toHaveCount(0);
    // The 가입 리드 tab, clicked and so focused, and back: Enter on the focused 이관 tab.
    await page.getByTestId('tab-leads').click();
    await page.getByTestId('tab-transfers').click();
    await expect(page.getByTestId('tab-transfers')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tab-transfers')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('drawer-status')).toHaveCount(0);
    await expect(page).not.toHaveURL(/transfer=/);
    // From the page itself Enter still opens the row under the cursor.
    await page.locator('h1').first().click();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('drawer-status')).toBeVisible();
  });
});
