import { expect, test } from '@playwright/test';
import { adminApi } from './adminApi.ts';
import { businessTeamHolding } from './businessTeamHolding.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

// On the @guides server: the @open server's queue specs count the transfers they see. The account
// made here is disabled, which no other spec counts on.
test.describe('disabling an account that is given work while the dialog is open', { tag: '@guides' }, () => {
  test('hands over what the person holds when disabled, not what the dialog counted', async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const member = await businessTeamHolding(admin, '늦배정', 0);

    await consoleActions.signIn(page, e2eUsers.admin);
    await page.goto('/admin');
    const row = page.getByTestId('accounts').locator(`tr[data-email="${member.email}"]`);
    await row.getByRole('button', { name: '사용 중지' }).click();
    const dialog = page.getByRole('dialog', { name: '늦배정 계정 사용 중지' });
    await expect(dialog.getByTestId('disable-open-items')).toContainText('늦배정');
    await expect(dialog.getByRole('radio')).toHaveCount(0);

    // A colleague gives the person a transfer while the admin reads the dialog.
    const filed = await admin.api.post('/api/v1/transfers', {
      headers: admin.headers,
      data: {
        inquiryType: 3,
        channel: 'call',
        companyName: '늦배정상사',
        contactName: '홍길동',
        phone: '010-3333-4444',
        inquiry: '사용 중지 중 배정된 이관',
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const transfer: { id: string } = await filed.json();
    const assigned = await admin.api.post(`/api/v1/transfers/${transfer.id}/assign`, {
      headers: admin.headers,
      data: { assigneeId: member.id },
    });
    expect(assigned.ok(), await assigned.text()).toBe(true);

    await dialog.getByRole('button', { name: '사용 중지' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('account-disabled')).toContainText('이관 1건·가입 리드 0건 가운데');
    const read = await admin.api.get(`/api/v1/transfers/${transfer.id}`, { headers: admin.headers });
    const after: { assignee: { id: string } | null } = await read.json();
    expect(after.assignee?.id ?? null).not.toBe(member.id);
    await admin.api.dispose();
  });
});
