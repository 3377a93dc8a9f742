import { expect, type Page, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';
import { reportMissedCalls } from './reportMissedCalls.ts';

const tileValue = (page: Page, figure: string) =>
  page.locator(`[data-figure="${figure}"] [data-testid="figure-value"]`);

test.describe('missed calls on the dashboard', { tag: '@open' }, () => {
  test('a missed call due during business hours shows in its own callback figures, with its record masked, in Korean and English', async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    // Wednesday 10:00 on the server's clock: due at once, and overdue as soon as it is.
    await reportMissedCalls(baseURL, '부재중', ['01061617272']);

    await consoleActions.signIn(page, e2eUsers.supervisor);
    await expect(page.getByRole('heading', { level: 1, name: '대시보드' })).toBeVisible({ timeout: 30_000 });
    const tiles = page.getByTestId('report-tiles');
    await expect(tiles.locator('[data-figure="missedCallbacks.due"]')).toContainText('예정된 부재중 콜백', {
      timeout: 30_000,
    });
    await expect(tiles.locator('[data-figure="missedCallbacks.overdue"]')).toContainText(
      '지연된 부재중 콜백',
    );
    // The leads' callbacks keep their own tiles and names.
    await expect(tiles.locator('[data-figure="callbacks.due"]')).toContainText('예정된 콜백');
    await expect(tileValue(page, 'missedCallbacks.due')).not.toHaveText('0');
    await expect(tileValue(page, 'missedCallbacks.overdue')).not.toHaveText('0');

    await tiles.locator('[data-figure="missedCallbacks.overdue"]').getByRole('button').click();
    const drawer = page.getByTestId('drill-down');
    const record = drawer.getByTestId('drill-down-record').filter({ hasText: '010-****-7272' });
    await expect(record).toContainText('콜백 대기');
    await expect(drawer).not.toContainText('6161-7272');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    await consoleActions.switchLanguage(page, 'English');
    try {
      await expect(tiles.locator('[data-figure="missedCallbacks.due"]')).toContainText(
        'Missed-call callbacks due',
      );
      await expect(tiles.locator('[data-figure="missedCallbacks.overdue"]')).toContainText(
        'Missed-call callbacks overdue',
      );
    } finally {
      // The supervisor account is shared by the specs: put its language back.
      await consoleActions.switchLanguage(page, '한국어');
    }
  });
});
