import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';

// What a screen reader announces for the console's regions and the header's business hours: each
// name one phrase, with no two headings run together and no stray separator.
test.describe('accessible names', { tag: '@open' }, () => {
  test("the console's regions are named by their headings alone, their captions describe them, and the hours status reads as one phrase", async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.expectStartPanelReady(page);

    const recent = page.getByRole('region', { name: '최근 상담', exact: true });
    await expect(recent).toBeVisible();
    await expect(recent).toHaveAccessibleDescription('내가 맡은 상담, 최근 순 (최대 20건)');
    await expect(recent.getByRole('heading', { level: 2 })).toHaveAccessibleName('최근 상담');

    const transfers = page.getByRole('region', { name: '내 이관', exact: true });
    await expect(transfers).toBeVisible();
    await expect(transfers).toHaveAccessibleDescription(/^실시간 상태 · 모두 \d+건$/);
    await expect(transfers.getByRole('heading', { level: 2 })).toHaveAccessibleName('내 이관');

    // The status's text as assistive technology reads it: label and hours joined by one comma.
    const hours = page.getByTestId('business-hours');
    await expect(hours).toHaveText(/업무시간/);
    const snapshot = await hours.ariaSnapshot();
    expect(snapshot).toContain('업무시간, 비즈니스 전용 상담센터 운영시간: 평일 09:00~18:00');
    expect(snapshot).not.toMatch(/ ,/);
  });
});
