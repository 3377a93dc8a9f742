import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { describeStep } from '../src/domain/flow/describeStep.ts';
import { enumerateFlowPaths } from '../src/domain/flow/enumerateFlowPaths.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eGuide } from './e2eGuide.ts';
import { e2eUsers } from './e2eUsers.ts';

// Hangul syllables: the English UI's own words must hold none (the guide's sentences, the guide's
// field labels and the people's names are data and stay as written).
const hangul = /[\uAC00-\uD7A3]/;
const password = 'an english speaking agent at ieum';

/**
 * A new agent for this spec alone, made by the admin through the API: the language is per user,
 * and the shared e2e agent must stay Korean for the other specs.
 */
async function createAgent(request: APIRequestContext, name: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', {
    data: { email: e2eUsers.admin.email, password: e2eUsers.admin.password },
  });
  expect(login.status()).toBe(200);
  const { csrfToken } = await login.json();
  const email = `english-${Date.now()}-${Math.floor(Math.random() * 1e6)}@ieum.test`;
  const created = await request.post('/api/v1/users', {
    headers: { 'x-csrf-token': csrfToken },
    data: { email, name, role: 'agent', password },
  });
  expect(created.status(), await created.text()).toBe(201);
  return email;
}

/**
 * Signs the new agent in from a browser set to English (the login page follows it): an account
 * that has never chosen a language keeps the login page's, so the console is English at once, and
 * after a reload too (the server stored it as theirs).
 */
async function signInInEnglish(
  browser: Browser,
  baseURL: string,
  email: string,
  name: string,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(name);
  await expect(page.getByRole('heading', { name: 'Start a new consultation' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Start a new consultation' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  return page;
}

/** The header and the start panel speak English: no Hangul outside the guide's data. */
async function expectEnglishChrome(page: Page): Promise<void> {
  const header = page.getByRole('banner');
  await expect(header).toContainText('Sign out');
  await expect(header).toContainText('Agent');
  // The language switch names Korean in Korean (한국어), so someone who reads only that finds it.
  expect(((await header.textContent()) ?? '').replace('한국어', '')).not.toMatch(hangul);
}

test.describe('the console in English', { tag: '@open' }, () => {
  test('Q1-N: an agent set to English files a transfer by keyboard; the guide sentences stay Korean', async ({
    browser,
    baseURL,
    request,
  }) => {
    test.setTimeout(120_000);
    if (!baseURL) throw new Error('baseURL missing');
    const name = 'Alex Q1';
    const page = await signInInEnglish(browser, baseURL, await createAgent(request, name), name);
    await expectEnglishChrome(page);

    // Every API request carries the UI's language, so the server can answer errors in it.
    const anyRequest = page.waitForRequest((candidate) => candidate.url().includes('/api/v1/'));
    await page.goto('/?caller=010-2222-3333');
    expect((await anyRequest).headers()['accept-language']).toMatch(/^en-US/);
    await expect(page.getByLabel('Caller number (optional)')).toHaveValue('010-2222-3333');

    const path = enumerateFlowPaths(e2eGuide, 'q1').find(
      (candidate) => candidate.outcome === 'transfer' && candidate.history[0]?.answer === 'no',
    );
    if (!path) throw new Error('the guide has no Q1-N transfer path');
    const inquiryType = e2eGuide.inquiryTypes.find((type) => type.scriptId === 'q1');
    if (!inquiryType) throw new Error('no inquiry type opens Q1');

    await expect(
      page.locator('form[aria-labelledby="start-title"] input[type="radio"]:checked'),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Choose the inquiry type' })).toBeVisible();
    await page.keyboard.press(String(inquiryType.number));
    await expect(page.getByTestId('flow-step')).toBeVisible();

    // Q1: the guide's question, in Korean as the guide wrote it, with the guide's answer labels.
    await consoleActions.expectNode(page, 'q1-registered');
    await expect(page.getByTestId('script-lines')).toContainText(
      '실례지만, 비즈니스 관리시스템에 등록된 관리책임자 또는 운영 담당자가 맞으실까요?',
    );
    await expect(page.getByText('Previous step (this is the first)')).toBeVisible();
    await expect(page.getByText('Choose another type')).toBeVisible();
    await page.keyboard.press('n');

    // N: take down the inquiry (the guide's field label), then the callback consent.
    await consoleActions.expectNode(page, 'q1-transfer-inquiry');
    await expect(page.getByRole('textbox', { name: '문의 내용', exact: true })).toBeFocused();
    await page.keyboard.type('Invoice reissue request');
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, 'q1-callback-consent');
    await expect(page.getByTestId('flow-path')).toContainText('등록 담당자 아님(N)');
    await page.keyboard.press('y');

    await consoleActions.expectNode(page, path.endNodeId);
    await expect(page.getByTestId('flow-outcome')).toHaveText('Transfer');
    for (const line of describeStep(e2eGuide, path.state).lines)
      await expect(page.getByTestId('script-lines')).toContainText(line);
    await expect(page.getByText('Write the record')).toBeVisible();

    // The record and the transfer form, in English around the guide's own record labels.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('record-summary')).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Consultation record' })).toBeVisible();
    // Titled by what was asked (the guide's "[비즈니스] 문의 내용 요약").
    await expect(page.getByLabel('Summary')).toHaveValue('Invoice reissue request');
    const transferForm = page.getByTestId('transfer-form');
    await expect(transferForm.getByLabel('Transfer to the business team on saving')).toBeChecked();
    await expect(transferForm).toContainText('Transfer type');
    await expect(transferForm).toContainText('Assignee mention:');
    await expect(page.getByTestId('save-record')).toContainText('Save');

    const finish = page.waitForResponse(
      (response) => response.request().method() === 'POST' && /\/finish$/.test(response.url()),
    );
    await page.keyboard.press('Control+Enter');
    const response = await finish;
    expect(response.status()).toBe(200);
    const finished: { transfer: { number: string } | null; lead: unknown } = await response.json();
    const transfer = finished.transfer;
    if (!transfer) throw new Error('the finish filed no transfer');
    expect(finished.lead).toBeNull();

    const confirmation = page.getByTestId('saved-confirmation');
    await expect(confirmation).toContainText('Consultation record saved');
    await expect(confirmation).toContainText(`Transfer ${transfer.number} filed`);
    await expect(page.getByRole('heading', { name: 'Start a new consultation' })).toBeVisible();
    await expect(page.getByTestId('recent-consultations')).toContainText('Transfer');
    await expect(page.getByRole('heading', { name: /Recent consultations/ })).toBeVisible();
    await expectEnglishChrome(page);
    await page.screenshot({ path: 'test-results/english-q1-n.png', fullPage: true });
    await page.context().close();
  });

  test('Q4-Y: an agent set to English files a sign-up lead; intake messages come from the English catalogue', async ({
    browser,
    baseURL,
    request,
  }) => {
    test.setTimeout(120_000);
    if (!baseURL) throw new Error('baseURL missing');
    const name = 'Alex Q4';
    const page = await signInInEnglish(browser, baseURL, await createAgent(request, name), name);
    const inquiryType = e2eGuide.inquiryTypes.find((type) => type.scriptId === 'q4');
    if (!inquiryType) throw new Error('no inquiry type opens Q4');

    await expect(
      page.locator('form[aria-labelledby="start-title"] input[type="radio"]:checked'),
    ).toBeFocused();
    // A language switch clicked in the header gives focus back to where it was (the start form),
    // not to its own radio: a type's number starts the call, without clicking back into the panel.
    await consoleActions.switchLanguage(page, '한국어');
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
    await consoleActions.switchLanguage(page, 'English');
    await expect(page.getByRole('heading', { name: 'Start a new consultation' })).toBeVisible();
    await expect(
      page.locator('form[aria-labelledby="start-title"] input[type="radio"]:checked'),
    ).toBeFocused();
    await page.keyboard.press(String(inquiryType.number));

    await consoleActions.expectNode(page, 'q4-signup');
    await expect(page.getByTestId('script-lines')).toContainText(
      '비즈니스 서비스 이용 및 가입 문의가 맞으실까요?',
    );
    await page.keyboard.press('y');

    // The consent step: the guide's notice verbatim, the decision panel and the choices in English.
    await consoleActions.expectNode(page, 'q4-consent');
    await expect(page.getByTestId('consent-notice')).toContainText('Privacy consent notice');
    await expect(page.getByTestId('consent-decision')).toContainText('Is consent needed?');
    await expect(page.getByTestId('choice-agreed')).toContainText('Agrees');
    await expect(page.getByTestId('choice-refused')).toContainText('Does not agree');
    await page.keyboard.press('y');
    await expect(page.getByTestId('flow-path')).toContainText('Consent given (Y)');

    // The intake: the guide's field labels; a wrong phone gets the English catalogue's message.
    await consoleActions.expectNode(page, 'q4-lead-details');
    const box = (label: string) => page.getByRole('textbox', { name: label, exact: true });
    await expect(box('업체명')).toBeFocused();
    await page.keyboard.type('Ieum Trading');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Minji Kim');
    await page.keyboard.press('Enter');
    await page.keyboard.type('010-12');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lead-intake')).toContainText('Enter a valid Korean phone number');
    await expect(page.getByTestId('lead-intake')).toContainText('Where the sign-up brochure goes');
    const messages = await page.getByTestId('lead-intake').locator('[id$="-error"]').allInnerTexts();
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).not.toMatch(hangul);
    await box('연락처').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('010-1234-5678');
    await page.keyboard.press('Enter');
    await expect(box('이메일주소')).toBeFocused();
    await page.keyboard.type('minji@example.com');
    await expect(box('Business registration number (optional)')).toBeVisible();
    // Enter in the e-mail, the last required field, moves on; the optional number is reached by Tab.
    await page.keyboard.press('Enter');

    await consoleActions.expectNode(page, 'q4-lead');
    await expect(page.getByTestId('flow-outcome')).toHaveText('Sign-up lead');
    const filing = page.getByTestId('lead-filing');
    for (const text of [
      'Company: Ieum Trading',
      'Contact: Minji Kim',
      'Phone: 010-1234-5678',
      'E-mail: minji@example.com',
    ])
      await expect(filing).toContainText(text);

    await page.keyboard.press('Enter');
    await expect(page.getByTestId('record-summary')).toBeFocused();
    const finish = page.waitForResponse(
      (response) => response.request().method() === 'POST' && /\/finish$/.test(response.url()),
    );
    await page.keyboard.press('Control+Enter');
    const response = await finish;
    expect(response.status()).toBe(200);
    const finished: { lead: { number: string } | null } = await response.json();
    if (!finished.lead) throw new Error('the finish filed no lead');
    await expect(page.getByTestId('saved-confirmation')).toContainText(
      `Sign-up lead ${finished.lead.number} filed · brochure e-mail queued`,
    );
    await expectEnglishChrome(page);
    await page.screenshot({ path: 'test-results/english-q4-y.png', fullPage: true });
    await page.context().close();
  });
});
