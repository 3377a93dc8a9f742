import { type Browser, expect, type Page, test } from '@playwright/test';
import { type AdminApi, adminApi } from './adminApi.ts';
import { e2eUsers } from './e2eUsers.ts';

/**
 * The business team's transfer drawer open on a screen that no longer hears the live events (a proxy
 * dropping the stream, a laptop waking up): what it shows is what the transfer was, and a colleague
 * has moved on meanwhile. Its next click must not undo the colleague's work.
 */
async function staleDrawer(browser: Browser, baseURL: string, transferId: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  await context.route('**/api/v1/events**', (route) => route.abort());
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('이메일').fill(e2eUsers.backoffice.email);
  await page.getByLabel('비밀번호').fill(e2eUsers.backoffice.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(e2eUsers.backoffice.name);
  await page.goto(`/queue?transfer=${transferId}`);
  await expect(page.getByTestId('drawer-status')).toHaveText('접수');
  return page;
}

/** A transfer filed by the admin and put back unassigned, as a fresh one without a rotation is. */
async function unassignedTransfer({ api, headers }: AdminApi, companyName: string): Promise<string> {
  const filed = await api.post('/api/v1/transfers', {
    headers,
    data: {
      inquiryType: 3,
      channel: 'call',
      companyName,
      contactName: '홍길동',
      phone: '010-3333-4444',
      inquiry: '동시 작업 점검용 이관',
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const id: string = (await filed.json()).id;
  const unassigned = await api.post(`/api/v1/transfers/${id}/assign`, {
    headers,
    data: { assigneeId: null },
  });
  expect(unassigned.ok(), await unassigned.text()).toBe(true);
  return id;
}

// On the @guides server: the @open server's queue specs count the transfers they see.
test.describe('a transfer drawer left behind by a colleague', { tag: '@guides' }, () => {
  test('내가 담당 on a transfer a colleague took meanwhile is refused, naming who has it', async ({
    browser,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const id = await unassignedTransfer(admin, '선점상사');
    const page = await staleDrawer(browser, baseURL, id);
    await expect(page.getByTestId('drawer-assignee')).toHaveText('미배정');

    // The admin (covering for the team) takes it while the drawer still shows it unassigned.
    const taken = await admin.api.post(`/api/v1/transfers/${id}/assign`, {
      headers: admin.headers,
      data: { assigneeId: 'me' },
    });
    expect(taken.ok(), await taken.text()).toBe(true);

    await page.getByTestId('take-transfer').click();
    await expect(page.getByRole('alert')).toHaveText(
      `다른 사람이 먼저 담당자를 바꿨습니다 (현재 담당: ${e2eUsers.admin.name}). 새로 고쳐 확인하세요.`,
    );
    const read = await admin.api.get(`/api/v1/transfers/${id}`, { headers: admin.headers });
    expect((await read.json()).assignee.name).toBe(e2eUsers.admin.name);
    await admin.api.dispose();
  });

  test('a move refused as changed meanwhile shows the transfer as it now is, with the moves left', async ({
    browser,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const id = await unassignedTransfer(admin, '상태변경상사');
    const page = await staleDrawer(browser, baseURL, id);

    const started = await admin.api.post(`/api/v1/transfers/${id}/status`, {
      headers: admin.headers,
      data: { status: 'in-progress', expectedStatus: 'received' },
    });
    expect(started.ok(), await started.text()).toBe(true);

    await page.getByTestId('move-in-progress').click();
    await expect(page.getByRole('alert')).toHaveText(
      '다른 사람이 먼저 상태를 바꿨습니다 (현재: 처리중). 새로 고쳐 확인하세요.',
    );
    // Read again without a reload: the status, who holds it and the moves from 처리중.
    await expect(page.getByTestId('drawer-status')).toHaveText('처리중');
    await expect(page.getByTestId('drawer-assignee')).toHaveText(e2eUsers.admin.name);
    await expect(page.getByTestId('move-in-progress')).toHaveCount(0);
    await expect(page.getByTestId('move-contacted')).toBeVisible();
    await expect(page.getByTestId('transfer-drawer').getByRole('dialog')).toBeFocused();
    await admin.api.dispose();
  });
});
