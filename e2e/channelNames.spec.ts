import { type APIRequestContext, expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

const password = 'an agent reading channel names';

/** A new agent for this spec alone (the shared e2e agent must stay Korean for the other specs). */
async function createAgent(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/v1/auth/login', {
    data: { email: e2eUsers.admin.email, password: e2eUsers.admin.password },
  });
  expect(login.status()).toBe(200);
  const { csrfToken } = await login.json();
  const email = `channels-${Date.now()}-${Math.floor(Math.random() * 1e6)}@ieum.test`;
  const created = await request.post('/api/v1/users', {
    headers: { 'x-csrf-token': csrfToken },
    data: { email, name: 'Casey Channels', role: 'agent', password },
  });
  expect(created.status(), await created.text()).toBe(201);
  return email;
}

test.describe('channel names follow the UI language', { tag: '@open' }, () => {
  test('the Korean console shows the guide labels 전화 and 채팅', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.expectStartPanelReady(page);
    const startForm = page.locator('form[aria-labelledby="start-title"]');
    await expect(startForm.getByRole('radio', { name: '전화', exact: true })).toBeChecked();
    await expect(startForm.getByRole('radio', { name: '채팅', exact: true })).toBeAttached();
  });

  test('the English console names the channels Call and Chat: start, picker, calls in progress', async ({
    browser,
    baseURL,
    request,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const email = await createAgent(request);
    const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    const login = await page.request.post('/api/v1/auth/login', { data: { email, password } });
    expect(login.status()).toBe(200);
    const { csrfToken } = await login.json();
    const saved = await page.request.put('/api/v1/me/preferences', {
      headers: { 'x-csrf-token': csrfToken },
      data: { locale: 'en' },
    });
    expect(saved.status(), await saved.text()).toBe(200);

    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Start a new consultation' })).toBeVisible();
    const startForm = page.locator('form[aria-labelledby="start-title"]');
    await expect(startForm.getByRole('radio', { name: 'Call', exact: true })).toBeChecked();
    await expect(startForm.getByRole('radio', { name: 'Chat', exact: true })).toBeAttached();
    await expect(startForm.locator('input[type="radio"]:checked')).toBeFocused();

    const opened = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && response.url().endsWith('/api/v1/consultations'),
    );
    await page.keyboard.press('Enter');
    const pickerTitle = page.getByRole('heading', { name: 'Choose the inquiry type' });
    await expect(pickerTitle).toBeVisible();
    await expect(pickerTitle.locator('..')).toContainText('Call');
    expect((await opened).ok()).toBe(true);

    // The call is still open: another tab's start screen lists it as "… · Call".
    const second = await context.newPage();
    await second.goto('/');
    await expect(second.getByRole('heading', { name: 'Start a new consultation' })).toBeVisible();
    const inProgress = second.getByTestId('resume-calls');
    await expect(inProgress).toContainText('Call');
    await expect(inProgress).not.toContainText(/전화|채팅/);
    await context.close();
  });
});
