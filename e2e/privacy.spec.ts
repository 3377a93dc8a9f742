import { expect, type Page, test } from '@playwright/test';
import { enumerateFlowPaths } from '../src/domain/flow/enumerateFlowPaths.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eGuide } from './e2eGuide.ts';
import { e2eUsers } from './e2eUsers.ts';

const customer = { name: '최고객', phone: '010-4444-5555', email: 'choi.customer@example.com' };

async function signIn(page: Page, user: { email: string; password: string; name: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('이메일').fill(user.email);
  await page.getByLabel('비밀번호').fill(user.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(user.name);
}

/** An agent's Q4 sign-up call with consent, saved through the API in the page's session. */
async function saveSignUpCall(page: Page): Promise<string> {
  const path = enumerateFlowPaths(e2eGuide, 'q4').find((candidate) => candidate.outcome === 'lead');
  if (!path) throw new Error('no Q4 path ending in a lead');
  const login = await page.request.post('/api/v1/auth/login', {
    data: { email: e2eUsers.agent.email, password: e2eUsers.agent.password },
  });
  const { csrfToken } = await login.json();
  const headers = { 'x-csrf-token': csrfToken };
  const started = await page.request.post('/api/v1/consultations', {
    headers,
    data: { channel: 'call', callerNumber: customer.phone },
  });
  expect(started.status()).toBe(201);
  const { id } = await started.json();
  const body = `ㄴ 기업명 : 이음상사\nㄴ 담당자 이름 : ${customer.name}\nㄴ 연락처 : ${customer.phone}\nㄴ 문의 내용 : 가입 소개서 요청 / 이메일주소: ${customer.email}`;
  const completed = await page.request.post(`/api/v1/consultations/${id}/complete`, {
    headers,
    data: {
      scriptId: 'q4',
      inquiryType: 6,
      history: path.history,
      record: {
        summary: '비즈니스 가입 문의',
        companyName: '이음상사',
        contactName: customer.name,
        phone: customer.phone,
        inquiry: `가입 소개서 요청 / 이메일주소: ${customer.email}`,
        title: '[비즈니스] 비즈니스 가입 문의',
        body,
      },
    },
  });
  expect(completed.status(), await completed.text()).toBe(200);
  await page.request.post('/api/v1/auth/logout', { headers });
  await page.context().clearCookies();
  return id;
}

test.describe('personal data', { tag: '@open' }, () => {
  test('at the consent step the console shows the section-3 decision and the rule behind it', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 6);
    await consoleActions.expectNode(page, 'q4-signup');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q4-consent');
    const panel = page.getByTestId('consent-decision');
    await expect(panel.getByTestId('consent-decision-result')).toContainText('동의 필요');
    await expect(panel.locator('tr[data-field="연락처"]')).toContainText('상담이력에 저장하는 경우');
    // A member re-giving data already held needs no consent: the panel asks only then about it.
    await panel.getByText('회원', { exact: true }).click();
    for (const item of e2eGuide.consentNotice.items) await panel.getByLabel(`${item} 이미 보유`).check();
    await expect(panel.getByTestId('consent-decision-result')).toContainText('동의 불필요');
    await expect(panel.locator('tr[data-field="연락처"]')).toContainText('이미 보유한 정보를 재수집');
  });

  test('the business team reveals a number with a reason, and the access log shows it', async ({ page }) => {
    const id = await saveSignUpCall(page);

    await signIn(page, e2eUsers.backoffice);
    await page.getByRole('button', { name: '개인정보' }).click();
    // The list scrolls in a region named for what it holds (the keyboard scrolls it once focused).
    const records = page.getByRole('region', { name: '상담이력 목록' });
    await expect(records.getByTestId('privacy-consultations')).toBeVisible();
    const row = records.locator(`tr[data-consultation-id="${id}"]`);
    await expect(row.getByTestId('masked-caller')).toHaveText('010-****-5555');
    await expect(row).toContainText('최*객');
    await expect(row).not.toContainText(customer.phone);
    await row.getByRole('button', { name: '열람' }).click();
    const dialog = page.getByRole('dialog', { name: '개인정보 열람' });
    await expect(dialog.getByRole('button', { name: '열람' })).toBeDisabled();
    await dialog.getByLabel('열람 사유').fill('가입 소개서 발송 후 OB 통화');
    // Keyboard first: Enter in the reason reveals.
    await dialog.getByLabel('열람 사유').press('Enter');
    const values = dialog.getByTestId('revealed-values');
    await expect(values.locator('[data-field="callerNumber"]')).toHaveText(customer.phone);
    await expect(values.locator('[data-field="contactName"]')).toHaveText(customer.name);
    await dialog.getByRole('button', { name: '닫기' }).click();
    await expect(page.getByText(customer.phone)).toHaveCount(0);
    await page.getByRole('button', { name: '로그아웃' }).click();

    await signIn(page, e2eUsers.admin);
    await page.goto('/privacy');
    await page.getByRole('tab', { name: '접속기록' }).click();
    const entry = page
      .getByRole('region', { name: '접속기록 목록' })
      .getByTestId('access-log')
      .locator('tr[data-action="personal-data.reveal"]')
      .first();
    await expect(entry).toContainText(e2eUsers.backoffice.email);
    await expect(entry).toContainText('개인정보 열람');
    await expect(entry).toContainText(`consultation:${id}`);
    await expect(entry).toContainText('가입 소개서 발송 후 OB 통화');
    await expect(entry).toContainText('127.0.0.1');
    await expect(entry).not.toContainText(customer.phone);
    await page.getByRole('button', { name: '위변조 검증' }).click();
    await expect(page.getByTestId('access-log-verify')).toContainText('해시 체인 정상');
  });

  test('an agent has no reveal, on screen or through the API', async ({ page }) => {
    const id = await saveSignUpCall(page);
    await consoleActions.loginByKeyboard(page);
    await expect(page.getByRole('button', { name: '개인정보' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '열람' })).toHaveCount(0);
    await page.goto('/privacy');
    await expect(page.getByText('이 화면을 볼 권한이 없습니다')).toBeVisible();
    await expect(page.getByRole('button', { name: '열람' })).toHaveCount(0);
    const csrfToken = await page.evaluate(async () => {
      const response = await fetch('/api/v1/auth/session');
      return (await response.json()).csrfToken;
    });
    const reveal = await page.request.post(`/api/v1/consultations/${id}/reveal`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { reason: '궁금해서' },
    });
    expect(reveal.status()).toBe(403);
  });
});
