import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';
import { fileLeadThroughApi } from './fileLeadThroughApi.ts';

// On the @guides server: the @open server's lead specs count the leads they file.
test.describe("a lead's customer's other leads", { tag: '@guides' }, () => {
  test('the business team sees the same customer’s other lead in the drawer and opens it from there', async ({
    page,
    browser,
    baseURL,
  }) => {
    const first = await fileLeadThroughApi(browser, baseURL ?? '', '(주)한결물산', 'buyer@hangyeol.test');
    const second = await fileLeadThroughApi(browser, baseURL ?? '', '한결물산', 'Buyer@Hangyeol.test');
    await consoleActions.signIn(page, e2eUsers.backoffice);
    await page.goto(`/queue?view=leads&lead=${first.id}`);
    const drawer = page.getByTestId('lead-drawer');
    const others = drawer.getByTestId('same-customer-leads');
    await expect(others).toContainText('같은 업체·이메일의 다른 가입 리드 1건');
    await expect(others).toContainText(second.number);
    await expect(others).toContainText('김상담 접수');
    // Keyboard: the number is a button that opens the other lead in this drawer.
    await others.getByRole('button', { name: second.number }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`lead=${second.id}`));
    await expect(drawer.getByTestId('same-customer-leads')).toContainText(first.number);
  });
});
