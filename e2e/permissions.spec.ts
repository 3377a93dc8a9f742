import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';

// A screen the role may not open answers with one permission page, never a silent redirect.
test.describe('the permission page', { tag: '@open' }, () => {
  test('an agent opening /funnel, /privacy or /admin is told so, stays on the address, and gets back by keyboard', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    for (const [path, screen] of [
      ['/funnel', '리드 퍼널'],
      ['/privacy', '개인정보'],
      ['/admin', '관리'],
    ] as const) {
      await page.goto(path);
      const forbidden = page.getByTestId('forbidden');
      await expect(forbidden.getByRole('heading', { level: 1, name: '권한이 없습니다' })).toBeFocused();
      await expect(page.getByTestId('forbidden-screen')).toHaveText(`요청한 화면: ${screen}`);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      // Nothing of the screen itself: no funnel, no tabs, no console.
      await expect(page.getByRole('tab')).toHaveCount(0);
      await expect(page.getByRole('heading', { name: '새 상담 시작' })).toHaveCount(0);
      await expect(page.getByRole('main')).toHaveCount(1);
    }
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('forbidden-home')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/$/);
    await consoleActions.expectStartPanelReady(page);
  });
});
