import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

/** A fresh browser context (another PC) signed in through its own API session; returns it with the CSRF token. */
async function signedInContext(
  browser: Browser,
  baseURL: string,
  user: { email: string; password: string },
): Promise<{ context: BrowserContext; csrf: Record<string, string> }> {
  const context = await browser.newContext({ baseURL, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const login = await context.request.post('/api/v1/auth/login', {
    data: { email: user.email, password: user.password },
  });
  expect(login.ok(), await login.text()).toBe(true);
  return { context, csrf: { 'x-csrf-token': (await login.json()).csrfToken } };
}

/** The value a figure tile shows. */
const tileValue = (page: Page, figure: string) =>
  page.locator(`[data-figure="${figure}"] [data-testid="figure-value"]`);

async function readCount(page: Page, figure: string): Promise<number> {
  const text = (await tileValue(page, figure).textContent()) ?? '';
  return Number(text.replaceAll(',', ''));
}

// Business hours open (Wednesday 10:00 on the server's clock): the floor counts live work.
test.describe('supervisor dashboard', { tag: '@open' }, () => {
  test('a supervisor opens the dashboard, clicks a chart point and sees its records; a transfer filed elsewhere moves the live floor without reload', async ({
    browser,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');

    // A new agent of this test (other specs may leave the shared agent's calls open), on another PC,
    // handles a call today, so today's bar has a record behind it.
    const admin = await signedInContext(browser, baseURL, e2eUsers.admin);
    const newAgent = {
      email: `dashboard-${Date.now()}@ieum.test`,
      name: '최대시',
      role: 'agent',
      password: 'ieum-e2e-dashboard-agent',
    } as const;
    const created = await admin.context.request.post('/api/v1/users', {
      headers: admin.csrf,
      data: newAgent,
    });
    expect(created.status(), await created.text()).toBe(201);
    await admin.context.close();
    const agent = await signedInContext(browser, baseURL, newAgent);
    const started = await agent.context.request.post('/api/v1/consultations', {
      headers: agent.csrf,
      data: { channel: 'call', callerNumber: '010-4321-8765' },
    });
    expect(started.status(), await started.text()).toBe(201);
    const consultationId: string = (await started.json()).id;
    const completed = await agent.context.request.post(`/api/v1/consultations/${consultationId}/complete`, {
      headers: agent.csrf,
      data: {
        scriptId: 'q4',
        inquiryType: 6,
        history: [{ nodeId: 'q4-signup', answer: 'no' }],
        record: { title: '[비즈니스] 가입 문의', body: 'ㄴ 가입 원하지 않음' },
      },
    });
    expect(completed.status(), await completed.text()).toBe(200);

    // The supervisor signs in and takes the header link to the dashboard.
    const supervisorContext = await browser.newContext({
      baseURL,
      locale: 'ko-KR',
      timezoneId: 'Asia/Seoul',
    });
    const page = await supervisorContext.newPage();
    await page.goto('/');
    await page.getByLabel('이메일').fill(e2eUsers.supervisor.email);
    await page.getByLabel('비밀번호').fill(e2eUsers.supervisor.password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('current-user')).toContainText(e2eUsers.supervisor.name);
    // Supervisors take no calls: they land on the dashboard, at its address, with no console to
    // start one from. The dashboard is its own chunk (charts): the first load may take a while on
    // a busy machine.
    await expect(page.getByRole('heading', { level: 1, name: '대시보드' })).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId('nav-console')).toHaveCount(0);
    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByRole('heading', { level: 1, name: '대시보드' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('floor-live')).toHaveText('실시간', { timeout: 30_000 });

    // Every figure has its formula in Korean (tooltip on hover and focus).
    const started30 = page.locator('[data-figure="consultations.started"]');
    await expect(started30).toBeVisible({ timeout: 30_000 });
    await started30.hover();
    await expect(page.getByRole('tooltip')).toContainText('기간(서울 시각) 안에 시작된 상담');

    // Today is the last bar of the consultations chart: clicking it lists that day's consultations.
    const chart = page.locator('[data-chart="dashboard.chart.consultations"]');
    // Series bars carry the series' key as their name (recharts draws them in a layer of their own).
    const todaysBar = chart.locator('path.recharts-rectangle[name="consultations_started"]').last();
    await todaysBar.click();
    const drawer = page.getByTestId('drill-down');
    await expect(drawer).toBeVisible();
    await expect(page.getByRole('dialog')).toContainText('시작된 상담 · 11월 25일');
    const record = drawer.locator(`[data-record-id="${consultationId}"]`);
    await expect(record).toBeVisible();
    // Masked, and a supervisor has no reveal.
    await expect(record.getByTestId('drill-down-caller')).toHaveText('010-****-8765');
    await expect(record.getByRole('button', { name: '열람' })).toHaveCount(0);
    // The type by its guide's label, and how the call ended in words, not its code (declined).
    await expect(record).toContainText('6. 가입 문의');
    await expect(record).toContainText('종료 안내');
    await expect(record).not.toContainText('declined');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // The live floor follows work done elsewhere without a reload.
    await page.evaluate(() => {
      document.body.dataset.loadedOnce = 'yes';
    });
    await expect(tileValue(page, 'floor.openTransfers')).toHaveText(/^\d[\d,]*$/);
    const waitingBefore = await readCount(page, 'floor.openTransfers');
    const onCallBefore = await readCount(page, 'floor.agentsOnCall');

    const call = await agent.context.request.post('/api/v1/consultations', {
      headers: agent.csrf,
      data: { channel: 'call' },
    });
    expect(call.status(), await call.text()).toBe(201);
    const filed = await agent.context.request.post('/api/v1/transfers', {
      headers: { ...agent.csrf, 'idempotency-key': `dashboard-e2e-${Date.now()}` },
      data: {
        inquiryType: 1,
        companyName: '이음상사',
        contactName: '홍길동',
        phone: '010-2468-1357',
        inquiry: '정산 문의',
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);

    await expect(tileValue(page, 'floor.openTransfers')).toHaveText(String(waitingBefore + 1));
    await expect(tileValue(page, 'floor.agentsOnCall')).toHaveText(String(onCallBefore + 1));
    await expect(page.getByTestId('floor-agents')).toContainText(newAgent.name);
    await expect(page.getByTestId('floor-age-under-4h')).not.toHaveText('0');
    // Same document: nothing reloaded.
    expect(await page.evaluate(() => document.body.dataset.loadedOnce)).toBe('yes');

    // The handle-time breakdown words each path as the console does, not by node id.
    const byPath = page.getByTestId('handle-time-by-path');
    await expect(byPath).toContainText('접수 원하지 않음(N)');
    await expect(byPath).not.toContainText('q4-signup');
    // In English the callback outcomes are the queue's English words, not the server's Korean labels.
    await consoleActions.switchLanguage(page, 'English');
    const outcomes = page.locator('[data-chart="callbackOutcomes"]');
    await outcomes.getByRole('button', { name: 'Show as table' }).click();
    await expect(outcomes.getByTestId('report-chart-table')).toContainText('Not interested');
    await expect(outcomes.getByTestId('report-chart-table')).not.toContainText('관심 없음');
    // The shared supervisor account goes back to Korean for the other specs.
    await consoleActions.switchLanguage(page, '한국어');

    await agent.context.close();
    await supervisorContext.close();
  });

  test('an admin says why before downloading the consultations with caller numbers in clear; the access log keeps the reason', async ({
    browser,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await signedInContext(browser, baseURL, e2eUsers.admin);
    const page = await admin.context.newPage();
    await page.goto('/dashboard');
    const exportButton = page.getByTestId('report-export');
    // Not a plain link any more: a link cannot carry the reason.
    await expect(exportButton).not.toHaveAttribute('href');
    await exportButton.click();
    const reason = page.getByTestId('report-export-reason');
    await expect(reason).toBeFocused();
    await expect(reason).toHaveAttribute('maxlength', '500');
    await expect(page.getByText('사유는 이 다운로드와 함께 접속기록에 남습니다.')).toBeVisible();
    const reasonText = `상담 품질 월간 점검 ${Date.now()}`;
    await reason.fill(reasonText);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    await expect(reason).toHaveCount(0);
    expect(readFileSync(await file.path(), 'utf8').length).toBeGreaterThan(0);

    const logged = await admin.context.request.get('/api/v1/access-log?action=personal-data.export&limit=50');
    expect(logged.ok(), await logged.text()).toBe(true);
    const entries: { reason: string | null }[] = (await logged.json()).items;
    expect(entries.map((entry) => entry.reason)).toContain(reasonText);
    await page.goto('/privacy');
    await page.getByRole('tab', { name: '접속기록' }).click();
    await expect(
      page
        .getByRole('region', { name: '접속기록 목록' })
        .getByTestId('access-log')
        .locator('tr[data-action="personal-data.export"]')
        .filter({ hasText: reasonText }),
    ).toHaveCount(1);
    await admin.context.close();
  });

  test('a supervisor downloads the masked CSV by the plain link, without a reason', async ({
    browser,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const supervisor = await signedInContext(browser, baseURL, e2eUsers.supervisor);
    const page = await supervisor.context.newPage();
    await page.goto('/dashboard');
    const href = await page.getByTestId('report-export').getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/reports\/export\.csv\?/);
    const csv = await supervisor.context.request.get(href ?? '');
    expect(csv.headers()['content-type']).toContain('text/csv');
    await expect(page.getByTestId('report-export-reason')).toHaveCount(0);
    await supervisor.context.close();
  });

  test('an agent sees the plain refusal', async ({ browser, baseURL }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const agent = await signedInContext(browser, baseURL, e2eUsers.agent);
    const page = await agent.context.newPage();
    await page.goto('/dashboard');
    await expect(page.getByTestId('forbidden')).toContainText('권한이 없습니다');
    await expect(page.getByTestId('forbidden-screen')).toContainText('대시보드');
    await expect(page.getByTestId('nav-dashboard')).toHaveCount(0);
    await agent.context.close();
  });
});
