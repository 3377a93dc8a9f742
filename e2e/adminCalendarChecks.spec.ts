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

  test('a past closure is refused at the date; a Saturday and a public holiday are added with a warning', async ({
    page,
  }) => {
    await openAdminTab(page, '휴무일');
    const form = page.getByTestId('new-closure-form');
    await form.getByLabel('날짜').fill('2026-11-20');
    await form.getByLabel('휴무 사유').fill('지난 날');
    await page.keyboard.press('Enter');
    await expect(form.getByText('오늘(2026-11-25) 이후 날짜여야 합니다')).toBeVisible();
    await expect(page.getByTestId('closures').locator('tr[data-date="2026-11-20"]')).toHaveCount(0);

    const warning = page.getByTestId('closure-already-closed');
    for (const [date, reason, text] of [
      ['2026-11-28', '토요일 워크숍', '2026년 11월 28일 (토)은(는) 주말이라 원래 쉬는 날입니다.'],
      ['2026-12-25', '성탄절', '2026년 12월 25일 (금)은(는) 공휴일(기독탄신일)이라 원래 쉬는 날입니다.'],
    ] as const) {
      await form.getByLabel('날짜').fill(date);
      await form.getByLabel('휴무 사유').fill(reason);
      await page.keyboard.press('Enter');
      const row = page.getByTestId('closures').locator(`tr[data-date="${date}"]`);
      await expect(row).toContainText(reason);
      await expect(warning).toContainText(text);
      await expect(warning).toContainText('기한 계산은 달라지지 않습니다');
      // Added all the same; removed again so the other specs' calendar stays as it was.
      await row.getByRole('button', { name: '삭제' }).click();
      await row.getByRole('button', { name: '한 번 더 누르면 삭제' }).click();
      await expect(row).toHaveCount(0);
    }
  });
});
