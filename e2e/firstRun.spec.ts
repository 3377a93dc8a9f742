import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, request, test } from '@playwright/test';
import { type ServerProcess, startServerProcess } from '../test/helpers/startServerProcess.ts';
import { startSmtpServer, type TestSmtpServer } from '../test/helpers/startSmtpServer.ts';

// Its own port, beside the three servers of playwright.config.ts (IEUM_E2E_PORT_BASE + 0…2).
const port = Number(process.env.IEUM_E2E_PORT_BASE ?? 3100) + 9;

const firstAdmin = { name: '최관리', email: 'first.admin@ieum.test', password: 'ieum-first-admin-pass' };
const member = { name: '한업무', email: 'first.member@ieum.test', password: 'ieum-first-member-pass' };

/**
 * A fresh install, as a new customer meets it: an empty data directory (no accounts, no settings),
 * the real loopback SMTP server of the tests, the first admin made from the printed one-time link,
 * then the first-run checklist.
 */
test.describe('first-run setup on a fresh install', { tag: '@firstRun' }, () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let server: ServerProcess | null = null;
  let smtp: TestSmtpServer | null = null;
  let dataDir = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    smtp = await startSmtpServer();
    dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-e2e-first-run-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      IEUM_DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      // Business hours open, like the @open server: the transfer's due time is not what is checked.
      IEUM_FAKE_NOW: '2026-11-25T10:00:00+09:00',
      JOB_POLL_MS: '200',
    };
    delete env.DATABASE_URL;
    server = await startServerProcess(env, port, { readyWithinMs: 90_000 });
  });
  test.afterAll(async () => {
    await server?.kill('SIGTERM');
    await smtp?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('first admin → checklist → a business-team account and bulk assignees → the next transfer filed is assigned', async ({
    page,
  }) => {
    if (!server || !smtp) throw new Error('server not started');
    const base = server.base;
    // The link the first start prints for the first admin.
    await expect.poll(() => /\/setup\?token=[\w-]+/.exec(server?.output() ?? '')?.[0] ?? null).not.toBeNull();
    const setupPath = /\/setup\?token=[\w-]+/.exec(server.output())?.[0] ?? '';
    await page.goto(`${base}${setupPath}`);
    await page.getByLabel('이름').fill(firstAdmin.name);
    await page.getByLabel('이메일').fill(firstAdmin.email);
    // Password and its confirmation: the two new-password fields, in order.
    await page.locator('input[autocomplete="new-password"]').nth(0).fill(firstAdmin.password);
    await page.locator('input[autocomplete="new-password"]').nth(1).fill(firstAdmin.password);
    await page.getByRole('button', { name: '관리자 계정 만들기' }).click();

    // The checklist: nothing is set up on a fresh install.
    await expect(page).toHaveURL(`${base}/first-run`);
    // Focus lands on the checklist's heading, not on <body> (from where Tab starts at the header).
    await expect(page.getByRole('heading', { level: 1, name: '처음 설정 점검' })).toBeFocused();
    await expect(page.getByTestId('first-run-remaining')).toHaveText('5개 중 5개 남음');
    for (const step of ['business-team', 'transfer-assignees', 'smtp', 'brochure', 'closures']) {
      await expect(page.getByTestId(`first-run-step-${step}`)).toHaveAttribute('data-state', 'to-do');
    }
    // Every inquiry type of the guide is listed as having nobody.
    const guideTypes = (await (await page.request.get(`${base}/api/v1/transfer-settings`)).json()).types;
    expect(guideTypes.length).toBeGreaterThan(1);
    await expect(page.getByTestId('first-run-unassigned').getByRole('listitem')).toHaveCount(
      guideTypes.length,
    );

    // 1. A business-team account, made in place.
    const accounts = page.getByTestId('first-run-step-business-team');
    const accountForm = accounts.getByTestId('first-run-account-form');
    await accountForm.getByLabel('이름').fill(member.name);
    await accountForm.getByLabel('이메일').fill(member.email);
    await accountForm.getByLabel('처음 비밀번호').fill(member.password);
    await accountForm.getByRole('button', { name: '비즈니스팀 계정 만들기' }).click();
    await expect(accounts).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('first-run-remaining')).toHaveText('5개 중 4개 남음');

    // 2. Bulk: the new member on every inquiry type at once.
    const assignees = page.getByTestId('first-run-step-transfer-assignees');
    await assignees.getByRole('checkbox', { name: `${member.name} (비즈니스팀)` }).check();
    await assignees.getByRole('button', { name: '담당자 지정' }).click();
    await expect(assignees.getByTestId('first-run-assignees-saved')).toContainText(
      `${guideTypes.length}개 유형에 담당자를 지정했습니다.`,
    );
    await expect(assignees).toHaveAttribute('data-state', 'done');

    // 3. The SMTP test mail goes to the loopback server and the step follows its delivery.
    const smtpStep = page.getByTestId('first-run-step-smtp');
    await expect(smtpStep.getByLabel('받는 주소')).toHaveValue(firstAdmin.email);
    await smtpStep.getByRole('button', { name: '테스트 메일 보내기' }).click();
    await expect(smtpStep.getByTestId('first-run-test-mail-status')).toHaveAttribute('data-status', 'sent');
    await expect(smtpStep).toHaveAttribute('data-state', 'done');
    expect(smtp.messages.some((message) => message.envelopeTo.includes(firstAdmin.email))).toBe(true);
    await expect(page.getByTestId('first-run-remaining')).toHaveText('5개 중 2개 남음');

    // The next transfer filed, of any inquiry type, is assigned to the member, not 미배정.
    // Filed through the API by an integration signed in as the admin (its own session and CSRF token).
    const api = await request.newContext({ baseURL: base });
    const login = await api.post('/api/v1/auth/login', {
      data: { email: firstAdmin.email, password: firstAdmin.password },
    });
    expect(login.status()).toBe(200);
    const { csrfToken } = await login.json();
    const lastType = guideTypes.at(-1);
    const filed = await api.post('/api/v1/transfers', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        inquiryType: lastType.inquiryType,
        channel: 'call',
        companyName: '이음상사',
        contactName: '고객한',
        phone: '010-3456-7890',
        inquiry: '처음 설정 후 첫 이관',
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const transfer = await filed.json();
    expect(transfer.assignee).toMatchObject({ name: member.name });
    await api.dispose();
    await page.goto(`${base}/queue`);
    const row = page.locator(`[data-transfer-id="${transfer.id}"]`);
    await expect(row).toContainText(member.name);
    await expect(row).not.toContainText('미배정');

    // The checklist stays until done: the admin signs in again and lands on it.
    await page.getByRole('button', { name: '로그아웃' }).click();
    // Signing in afresh (no page to return to), as someone opening the app in the morning.
    await page.goto(`${base}/login`);
    await page.getByLabel('이메일').fill(firstAdmin.email);
    await page.getByLabel('비밀번호').fill(firstAdmin.password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${base}/first-run`);

    // The last two: the brochure is skipped (the sample stays for now), the closures reviewed.
    const brochure = page.getByTestId('first-run-step-brochure');
    await brochure.getByRole('button', { name: '이 항목 건너뛰기' }).click();
    await expect(brochure).toHaveAttribute('data-state', 'skipped');
    const closures = page.getByTestId('first-run-step-closures');
    await closures.getByRole('button', { name: '휴무일 확인 완료' }).click();
    await expect(closures).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('first-run-complete')).toBeVisible();

    // Done: signing in now goes straight to the console.
    await page.getByRole('button', { name: '로그아웃' }).click();
    // Signing in afresh (no page to return to), as someone opening the app in the morning.
    await page.goto(`${base}/login`);
    await page.getByLabel('이메일').fill(firstAdmin.email);
    await page.getByLabel('비밀번호').fill(firstAdmin.password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('current-user')).toContainText(firstAdmin.name);
    await expect(page).toHaveURL(`${base}/`);
  });
});
