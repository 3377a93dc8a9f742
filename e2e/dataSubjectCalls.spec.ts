import { expect, type Page, request, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

// A caller nobody else in the e2e run uses: one answered call and one missed call from it.
const PHONE = '010-7373-8282';
const PBX_FROM = '01073738282';

/** The PBX reports the calls through the real CTI endpoint, with a token the admin makes. */
async function reportCalls(baseURL: string): Promise<void> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', {
    data: { email: e2eUsers.admin.email, password: e2eUsers.admin.password },
  });
  expect(login.ok()).toBe(true);
  const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
  const created = await api.post('/api/v1/cti/tokens', { headers, data: { name: 'e2e 정보주체 PBX' } });
  expect(created.status(), await created.text()).toBe(201);
  const token: string = (await created.json()).token;
  // An agent of this spec's own, with an extension no other spec uses, answers the first call.
  const agent = await api.post('/api/v1/users', {
    headers,
    data: {
      email: `subject-calls-${Date.now()}@ieum.test`,
      name: '한통화',
      role: 'agent',
      password: 'ieum-e2e-subject-calls-agent',
      extension: '1777',
    },
  });
  expect(agent.status(), await agent.text()).toBe(201);
  await api.dispose();
  // The PBX holds no session: its events carry the token only.
  const pbx = await request.newContext({ baseURL });
  const events = [
    { event: 'newCall', callId: 'subject-answered' },
    { event: 'answer', callId: 'subject-answered', answeringNumber: '1777' },
    { event: 'hangup', callId: 'subject-answered', cause: 'normalClearing' },
    { event: 'hangup', callId: 'subject-missed', cause: 'noAnswer' },
  ];
  for (const event of events) {
    const sent = await pbx.post(`/api/v1/cti/${token}`, {
      data: { from: PBX_FROM, to: '16447391', direction: 'in', ...event },
    });
    expect(sent.status(), await sent.text()).toBe(200);
  }
  await pbx.dispose();
}

/** Opens the data-subject tab and looks the number up with a reason. */
async function lookUp(page: Page, labels: { tab: string; phone: string; reason: string; find: string }) {
  await page.getByRole('tab', { name: labels.tab }).click();
  await page.getByRole('textbox', { name: labels.phone }).fill(PHONE);
  await page.getByRole('textbox', { name: labels.reason }).fill('e2e 정보주체 열람 요청');
  await page.getByRole('button', { name: labels.find, exact: true }).click();
}

test.describe('data-subject requests', { tag: '@open' }, () => {
  test('a lookup shows the CTI calls and missed calls holding the number, masked, in Korean and English; the delete says it erased them', async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    await reportCalls(baseURL);
    await consoleActions.signIn(page, e2eUsers.admin);
    await page.goto('/privacy');

    await lookUp(page, { tab: '정보주체 요청', phone: '전화번호', reason: '요청 근거', find: '조회' });
    await expect(page.getByText('전화 2건 (부재중 1건)')).toBeVisible();
    const calls = page.getByTestId('subject-calls');
    await expect(page.getByRole('heading', { name: '전화 기록 (CTI)' })).toBeVisible();
    await expect(calls.locator('tbody tr')).toHaveCount(2);
    await expect(calls.locator('tbody tr', { hasText: '부재중' })).toContainText('010-****-8282');
    await expect(calls.locator('tbody tr', { hasText: '부재중' })).toContainText('콜백 대기');
    await expect(calls.locator('tbody tr', { hasText: '통화 종료' })).toContainText('수신');
    await expect(calls).not.toContainText('7373');

    await consoleActions.switchLanguage(page, 'English');
    try {
      await lookUp(page, {
        tab: 'Data-subject requests',
        phone: 'Phone number',
        reason: 'Grounds for the request',
        find: 'Look up',
      });
      await expect(page.getByText('calls 2 (1 missed)')).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Phone calls (CTI)' })).toBeVisible();
      const missed = page.getByTestId('subject-calls').locator('tbody tr', { hasText: 'missed' });
      await expect(missed).toContainText('Inbound');
      await expect(missed).toContainText('to call back');
    } finally {
      // The admin account is shared by the specs: put its language back.
      await consoleActions.switchLanguage(page, '한국어');
    }

    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: '삭제', exact: true }).click();
    await expect(page.getByText('전화 2건의 개인정보를 파기했습니다.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: '조회', exact: true }).click();
    await expect(page.getByText('전화 0건 (부재중 0건)')).toBeVisible();
    await expect(page.getByTestId('subject-calls')).toHaveCount(0);
  });
});
