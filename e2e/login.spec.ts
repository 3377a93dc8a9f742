import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

// Sign-in does not depend on business hours, so it runs once, in the @open project.
test.describe('sign-in', { tag: '@open' }, () => {
  test('a wrong password shows the server message and stays on the login screen', async ({ page }) => {
    // The admin account takes the failures, so the lock-out never reaches the agent the other specs use.
    const { email } = e2eUsers.admin;
    const probe = await page.request.post('/api/v1/auth/login', {
      data: { email, password: 'wrong-password-1' },
    });
    expect(probe.status()).toBe(401);
    const { detail } = await probe.json();
    expect(typeof detail === 'string' && detail.length > 0).toBe(true);

    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: '로그인' })).toBeVisible();
    // The field's show/hide button speaks Korean too (Mantine's own name is English).
    await expect(page.getByRole('button', { name: '입력한 글자 보기/숨기기' })).toHaveCount(1);
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호').fill('wrong-password-2');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('로그인하지 못했습니다');
    await expect(alert).toContainText(detail);
    await expect(page.getByLabel('비밀번호')).toHaveValue('');
    await expect(page).toHaveURL(/\/login/);
  });

  test('an agent signs in by keyboard and signs out', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await page.getByRole('button', { name: '로그아웃' }).click();
    await expect(page.getByRole('heading', { name: '로그인' })).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });
});
