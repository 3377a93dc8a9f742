import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { e2eUsers } from './e2eUsers.ts';

type Account = (typeof e2eUsers)[keyof typeof e2eUsers];

/**
 * axe-core on every screen, as the role that can see it, in each of its states that shows other
 * controls (a step of the script, the record form, a drawer, each admin tab). Any violation fails
 * the spec, whatever impact axe gives it: the moderate and minor ones are what a screen-reader user
 * meets first (a screen with no level-one heading to jump to, a column header read as nothing, an
 * open drawer's title row announced as a second page banner), and every screen is clean of them.
 */

/** What a scan found and what it checked, for the figures in the report. */
const scanned: string[] = [];

async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Let the screen settle: no loader left spinning, no transition mid-way (a dialog fading in has
  // colours between two states), and no hover left by the last click on what is scanned.
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0);
  await page.mouse.move(0, 0);
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const described = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 4)
        .map((node) => `${node.target.join(' ')} ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .join(' | ')}`,
  );
  scanned.push(`${screen}: ${results.passes.length} rules passed, ${results.violations.length} violations`);
  // Soft: one run lists every screen's violations, not only the first screen's.
  expect.soft(described, `${screen}: accessibility violations`).toEqual([]);
  await expect(page.getByRole('main'), `${screen}: exactly one main landmark`).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 }), `${screen}: one level-one heading`).toHaveCount(1);
}

type Language = 'ko' | 'en';

/**
 * In English, the screen's own words — headings, tabs, column headers, labels, buttons — hold no
 * Hangul. Data may (names, the guide's inquiry types, a closure's reason); it sits in cells and
 * text, not in these. The language switch names 한국어 in Korean on purpose.
 */
async function expectEnglishChrome(page: Page, language: Language, screen: string): Promise<void> {
  if (language !== 'en') return;
  const korean = await page.evaluate(() => {
    const hangul = /[\uAC00-\uD7A3]/;
    const ownWords = 'h1, h2, h3, h4, [role="tab"], th, label, button, legend';
    const exempt = '[data-testid="language-switch"], [data-testid="current-user"]';
    return [...document.querySelectorAll(ownWords)]
      .filter((element) => !element.closest(exempt) && element.checkVisibility())
      .map((element) => element.textContent?.trim() ?? '')
      .filter((text) => hangul.test(text));
  });
  expect.soft(korean, `${screen}: Korean words in the English UI`).toEqual([]);
}

/**
 * A fresh browser context (each role in its own, like two PCs) whose browser speaks `language`,
 * signed in as `user`, with the UI switched to `language` (the header's switch) when the user's
 * own setting is another. Locators below are roles, structure and test ids, never wording, so
 * the same walk checks both languages.
 */
async function signIn(
  browser: Browser,
  baseURL: string,
  language: Language,
  user: Account,
  path: string,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: language === 'ko' ? 'ko-KR' : 'en-US',
    timezoneId: 'Asia/Seoul',
  });
  const page = await context.newPage();
  await page.goto(path);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(user.name);
  await switchLanguage(page, language);
  if (language !== 'ko') switchedAccounts.push({ browser, baseURL, user });
  return page;
}

// The language switch is saved on the account, and the shared e2e accounts are used by every other
// spec in Korean: each account switched away from Korean is signed in again and switched back
// when its test ends (the tests close their own pages).
const switchedAccounts: Array<{ browser: Browser; baseURL: string; user: Account }> = [];

async function switchLanguage(page: Page, language: Language): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== language) {
    await page
      .getByTestId('language-switch')
      .locator(
        `label[for="${await page.getByTestId('language-switch').locator(`input[value="${language}"]`).getAttribute('id')}"]`,
      )
      .click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Waits until the flow rests on the node. */
async function expectNode(page: Page, nodeId: string): Promise<void> {
  await expect(page.getByTestId('flow-step')).toHaveAttribute('data-node-id', nodeId);
}

/** Enter on the start panel (focus starts on the channel), then the inquiry type's number key. */
async function startAndPick(page: Page, inquiryTypeNumber: number): Promise<void> {
  await expect(page.locator('form[aria-labelledby="start-title"] input[type="radio"]:checked')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(/^inquiry-type-/).first()).toBeVisible();
  await page.keyboard.press(String(inquiryTypeNumber));
  await expect(page.getByTestId('flow-step')).toBeVisible();
}

/** Each tab of the screen's tab list in turn, checked once selected (and its words, in English). */
async function expectEveryTabAccessible(page: Page, screen: string, language: Language): Promise<void> {
  const tabs = page.getByRole('tab');
  await expect(tabs.first()).toBeVisible();
  const count = await tabs.count();
  expect(count, `${screen}: tabs`).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const tab = tabs.nth(index);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const name = `${screen}: tab ${index + 1} (${(await tab.textContent())?.trim()})`;
    await expectAccessible(page, name);
    await expectEnglishChrome(page, language, name);
  }
}

/** Inquiry type 9 (Q1): N files a transfer; type 6 (Q4): the sign-up lead. */
const transferInquiryType = 9;
const signUpInquiryType = 6;

/**
 * An agent files a transfer through the API, so the business team's queue has a row to open
 * whichever tests ran before (the agent's console test files one too, but tests must not lean on
 * each other's order).
 */
async function fileTransferThroughApi(browser: Browser, baseURL: string): Promise<void> {
  const context = await browser.newContext({ baseURL });
  try {
    const login = await context.request.post('/api/v1/auth/login', {
      data: { email: e2eUsers.agent.email, password: e2eUsers.agent.password },
    });
    expect(login.ok(), await login.text()).toBe(true);
    const { csrfToken } = await login.json();
    const filed = await context.request.post('/api/v1/transfers', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        inquiryType: transferInquiryType,
        channel: 'call',
        companyName: '접근성상사',
        contactName: '한결',
        phone: '010-4821-7730',
        inquiry: '접근성 점검용 이관',
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
  } finally {
    await context.close();
  }
}

for (const language of ['ko', 'en'] as const) {
  test.describe(`accessibility (axe) on every screen, ${language}`, { tag: '@open' }, () => {
    // Many screens per test on a shared two-core machine.
    test.describe.configure({ timeout: 240_000 });

    test.afterEach(async () => {
      for (const { browser, baseURL, user } of switchedAccounts.splice(0)) {
        const page = await signIn(browser, baseURL, 'ko', user, '/');
        await page.context().close();
      }
    });

    test.afterAll(() => {
      console.log(`axe scans (${language}):\n  ${scanned.splice(0).join('\n  ')}`);
    });

    test('signed out: login, and setup once done', async ({ browser, baseURL }) => {
      const context = await browser.newContext({
        baseURL,
        locale: language === 'ko' ? 'ko-KR' : 'en-US',
        timezoneId: 'Asia/Seoul',
      });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.locator('input[name="email"]')).toBeFocused();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expectAccessible(page, 'login');
      await page.locator('input[name="email"]').fill(e2eUsers.agent.email);
      await page.locator('input[name="password"]').fill('not-the-password');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toBeVisible();
      await expectAccessible(page, 'login with an error');
      await page.goto('/setup?token=already-used');
      await expect(page.locator('a[href="/login"]')).toBeVisible();
      await expectAccessible(page, 'setup (already done)');
      await context.close();
    });

    test('agent: console start, search, picker, script steps, transfer and record form, lead intake, permission page', async ({
      browser,
      baseURL,
    }) => {
      if (!baseURL) throw new Error('baseURL missing');
      const agent = await signIn(browser, baseURL, language, e2eUsers.agent, '/?caller=010-2222-3333');
      await expect(agent.locator('form[aria-labelledby="start-title"]')).toBeVisible();
      await expectAccessible(agent, 'console: start');

      await agent.keyboard.press('Control+K');
      const palette = agent.getByRole('dialog');
      await expect(palette).toBeVisible();
      await agent.keyboard.type('ㄱㅌㅇㅂㄱ');
      await expect(palette.getByTestId('search-hit').first()).toBeVisible();
      await expectAccessible(agent, 'console: search palette');
      await agent.keyboard.press('Escape');
      await expect(palette).toBeHidden();

      await agent.locator('form[aria-labelledby="start-title"] input[type="radio"]:checked').focus();
      await agent.keyboard.press('Enter');
      await expect(agent.getByTestId(/^inquiry-type-/).first()).toBeVisible();
      await expectAccessible(agent, 'console: inquiry type picker');
      await agent.keyboard.press(String(transferInquiryType));
      await expect(agent.getByTestId('flow-step')).toBeVisible();
      await expectAccessible(agent, 'console: script step');
      await agent.keyboard.press('n');
      await expectNode(agent, 'q1-transfer-inquiry');
      await agent.keyboard.type('PC 웹 택시 호출 설정 방법 문의');
      await expectAccessible(agent, 'console: step with a typed field');
      await agent.keyboard.press('Enter');
      await agent.keyboard.press('y');
      await expectNode(agent, 'q1-transfer');
      await expectAccessible(agent, 'console: transfer step');
      if ((await agent.getByTestId('record-summary').count()) === 0) await agent.keyboard.press('Enter');
      await expect(agent.getByTestId('transfer-form')).toBeVisible();
      await expect(agent.getByTestId('record-summary')).toBeVisible();
      await expectAccessible(agent, 'console: record and transfer form');
      await agent.getByTestId('record-companyName').fill('이음상사');
      await agent.getByTestId('record-contactName').fill('홍길동');
      await agent.getByTestId('record-summary').focus();
      await agent.keyboard.press('Control+Enter');
      await expect(agent.getByTestId('saved-confirmation')).toContainText(/T-2026-\d{6}/);
      await expectAccessible(agent, 'console: saved, with my transfers');

      await startAndPick(agent, signUpInquiryType);
      await expectNode(agent, 'q4-signup');
      await agent.keyboard.press('y');
      await expectNode(agent, 'q4-consent');
      await expectAccessible(agent, 'console: consent step');
      await agent.keyboard.press('y');
      await expectNode(agent, 'q4-lead-details');
      const intake = agent.getByTestId('lead-intake');
      await expect(intake.getByRole('textbox').first()).toBeFocused();
      await expectAccessible(agent, 'console: lead intake');
      // Wrong values everywhere: Enter through the fields shows every inline message.
      for (let field = 0; field < (await intake.getByRole('textbox').count()); field++) {
        await agent.keyboard.type(field === 2 ? '010-12' : field === 3 ? 'minji@' : '');
        await agent.keyboard.press('Enter');
      }
      await expect(intake.locator('[aria-invalid="true"]').first()).toBeVisible();
      await expectAccessible(agent, 'console: lead intake with errors');

      // A screen the agent may not open.
      await agent.goto('/funnel');
      await expect(agent.getByTestId('forbidden')).toBeVisible();
      await expectAccessible(agent, 'permission page');
      await agent.context().close();
    });

    test('business team: transfer queue and detail, leads, missed calls, privacy records', async ({
      browser,
      baseURL,
    }) => {
      if (!baseURL) throw new Error('baseURL missing');
      await fileTransferThroughApi(browser, baseURL);
      const handler = await signIn(browser, baseURL, language, e2eUsers.backoffice, '/queue');
      await expect(handler.getByTestId('tab-transfers')).toHaveAttribute('aria-selected', 'true');
      await expectAccessible(handler, 'queue: transfers');
      const firstRow = handler.getByTestId('transfer-queue').locator('[data-number]').first();
      await expect(firstRow).toBeVisible();
      await firstRow.click();
      await expect(handler.getByRole('dialog')).toBeVisible();
      await expectAccessible(handler, 'queue: transfer detail');
      await handler.keyboard.press('Escape');
      await expect(handler.getByRole('dialog')).toBeHidden();
      await handler.getByTestId('tab-leads').click();
      await expect(handler.getByTestId('tab-leads')).toHaveAttribute('aria-selected', 'true');
      await expectAccessible(handler, 'queue: sign-up leads');
      await handler.getByTestId('tab-missed-calls').click();
      await expect(handler.getByTestId('tab-missed-calls')).toHaveAttribute('aria-selected', 'true');
      await expectAccessible(handler, 'queue: missed calls');
      await expectEnglishChrome(handler, language, 'queue: missed calls');
      await handler.goto('/privacy');
      await expectEveryTabAccessible(handler, 'privacy (business team)', language);
      await handler.context().close();
    });

    test('supervisor: lead funnel, dashboard', async ({ browser, baseURL }) => {
      if (!baseURL) throw new Error('baseURL missing');
      const supervisor = await signIn(browser, baseURL, language, e2eUsers.supervisor, '/funnel');
      await expect(supervisor.getByTestId('funnel-status')).toBeVisible();
      await expectAccessible(supervisor, 'funnel');
      await expectEnglishChrome(supervisor, language, 'funnel');
      await supervisor.goto('/dashboard');
      // The tiles wait for the month's report, the heaviest read of the screen: more than the
      // default 10 s is allowed on a loaded two-core runner (the scan itself waits for them).
      await expect(supervisor.getByTestId('report-tiles')).toBeVisible({ timeout: 30_000 });
      await expectAccessible(supervisor, 'dashboard');
      await supervisor.context().close();
    });

    test('admin: every admin tab, every privacy tab, the funnel with the brochure', async ({
      browser,
      baseURL,
    }) => {
      if (!baseURL) throw new Error('baseURL missing');
      const admin = await signIn(browser, baseURL, language, e2eUsers.admin, '/admin');
      await expectEveryTabAccessible(admin, 'admin', language);
      await admin.goto('/privacy');
      await expectEveryTabAccessible(admin, 'privacy (admin)', language);
      await admin.goto('/funnel');
      await expect(admin.getByTestId('funnel-status')).toBeVisible();
      await expectAccessible(admin, 'funnel with the brochure (admin)');
      await expectEnglishChrome(admin, language, 'funnel with the brochure (admin)');
      // The export in clear asks why in a dialog first.
      await admin.getByTestId('funnel-export').click();
      await expect(admin.getByTestId('funnel-export-reason')).toBeFocused();
      await expectAccessible(admin, 'funnel: reason for the export');
      await expectEnglishChrome(admin, language, 'funnel: reason for the export');
      await admin.keyboard.press('Escape');
      await expect(admin.getByTestId('funnel-export-reason')).toHaveCount(0);
      // The first-run checklist, and with the closures panel opened in it.
      await admin.goto('/first-run');
      await expect(admin.getByTestId('first-run-step-closures')).toBeVisible();
      await expectAccessible(admin, 'first-run checklist');
      await admin.locator('button[aria-controls="first-run-closures"]').click();
      await expect(admin.getByTestId('new-closure-form')).toBeVisible();
      await expectAccessible(admin, 'first-run checklist with the closures');
      await admin.context().close();
    });
  });
}
