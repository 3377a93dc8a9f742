import { expect, type Page, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

async function openAdminTab(page: Page, tab: string): Promise<void> {
  await consoleActions.signIn(page, e2eUsers.admin);
  await page.getByRole('button', { name: '관리', exact: true }).click();
  await page.getByRole('tab', { name: tab }).click();
}

// What the admin screen says about times and days the business calendar cannot take as asked.
// Nothing here is saved, so the other specs on the @open server (Wednesday 2026-11-25 10:00) keep
// their settings and closures.
test.describe('admin screen: due times and closures against the business calendar', { tag: '@open' }, () => {
  test('a next-business-day time outside business hours is refused under the field, which names the hours', async ({
    page,
  }) => {
    await openAdminTab(page, '이관 담당·기한');
    await page.getByRole('button', { name: '9번 유형 편집' }).click();
    const editor = page.getByTestId('transfer-type-editor');
    await editor.getByText('다음 영업일 시각').click();
    const time = editor.getByLabel('다음 영업일 몇 시까지');
    await expect(editor.getByText('영업시간 09:00~18:00 안의 시각')).toBeVisible();
    await time.fill('20:00');
    await page.keyboard.press('Enter');
    await expect(
      editor.getByText('다음 영업일 기한은 영업시간(09:00~18:00) 안의 시각이어야 합니다: 20:00'),
    ).toBeVisible();
    await expect(time).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.getByTestId('transfer-settings-saved')).toHaveCount(0);
  });
});
