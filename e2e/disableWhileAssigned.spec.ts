import { expect, request, test } from '@playwright/test';
import { adminApi } from './adminApi.ts';
import { businessTeamHolding } from './businessTeamHolding.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

// On the @guides server: the @open server's queue specs count the transfers they see. The account
// made here is disabled, which no other spec counts on.
test.describe('disabling an account while its person is at work', { tag: '@guides' }, () => {
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

  test('warns that an agent with a call open may be on the line', async ({ page, baseURL }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const email = `oncall.${Date.now()}@ieum.test`;
    const password = 'ieum-e2e-oncall-pass-2026';
    const created = await admin.api.post('/api/v1/users', {
      headers: admin.headers,
      data: { name: '통화중', email, role: 'agent', password },
    });
    expect(created.status(), await created.text()).toBe(201);
    // The agent starts a call from their own session.
    const agent = await request.newContext({ baseURL });
    const login = await agent.post('/api/v1/auth/login', { data: { email, password } });
    expect(login.ok(), await login.text()).toBe(true);
    const started = await agent.post('/api/v1/consultations', {
      headers: { 'x-csrf-token': (await login.json()).csrfToken },
      data: { channel: 'call' },
    });
    expect(started.status(), await started.text()).toBe(201);

    await consoleActions.signIn(page, e2eUsers.admin);
    await page.goto('/admin');
    const row = page.getByTestId('accounts').locator(`tr[data-email="${email}"]`);
    await row.getByRole('button', { name: '사용 중지' }).click();
    const dialog = page.getByRole('dialog', { name: '통화중 계정 사용 중지' });
    await expect(dialog.getByTestId('disable-in-call')).toContainText('진행 중인 상담 1건');
    await expect(dialog.getByTestId('disable-in-call')).toContainText(
      '통화중 님이 지금 상담 중일 수 있습니다. 사용 중지하면 바로 로그아웃되어 그 상담을 저장하지 못하고',
    );
    // Not now: the admin waits for the call to end.
    await dialog.getByRole('button', { name: '취소' }).click();
    await expect(dialog).toHaveCount(0);
    await agent.dispose();
    await admin.api.dispose();
  });
});
