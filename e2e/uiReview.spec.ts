import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';

test.describe('console keys found in the UI review', { tag: '@open' }, () => {
  test('Esc in a step field leaves the field, keeping the text; a second Esc picks another type', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 1);
    await page.keyboard.press('n');
    await consoleActions.expectNode(page, 'q1-transfer-inquiry');
    const inquiry = page.getByRole('textbox', { name: '문의 내용', exact: true });
    await expect(inquiry).toBeFocused();
    await page.keyboard.type('세금계산서 재발행 요청');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('flow-step')).toBeFocused();
    await expect(inquiry).toHaveValue('세금계산서 재발행 요청');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: '문의 유형 선택' })).toBeVisible();
  });

  test('Enter at the end selects the drafted summary, so typing replaces it', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 1);
    await page.keyboard.press('n');
    await page.keyboard.type('세금계산서 재발행 요청');
    await page.keyboard.press('Enter');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-transfer');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('record-summary')).toBeFocused();
    await page.keyboard.type('세금계산서 재발행');
    await expect(page.getByTestId('record-summary')).toHaveValue('세금계산서 재발행');
  });

  test('the next consultation starts on the channel of the last one', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await expect(page.getByRole('radio', { name: '전화' })).toBeChecked();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: '채팅' })).toBeChecked();
    await consoleActions.startAndPick(page, 2);
    await page.keyboard.press('y');
    await expect(page.getByTestId('flow-outcome')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('record-summary')).toBeFocused();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('saved-confirmation')).toBeVisible();
    await expect(page.getByRole('radio', { name: '채팅' })).toBeChecked();
  });
});
