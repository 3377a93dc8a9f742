import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';
import { fileLeadThroughApi } from './fileLeadThroughApi.ts';

// QA M3 on the @guides server (the @open server's lead specs count the leads they file): a customer
// asking to sign up again while their first lead is worked is a 재문의 of it, held by the same person.
test.describe('a repeat sign-up lead', { tag: '@guides' }, () => {
  test('goes to the open lead’s holder without a brochure or callback of its own, and says so in the list and drawer', async ({
    page,
    browser,
    baseURL,
  }) => {
    const first = await fileLeadThroughApi(browser, baseURL ?? '', '(주)재문의상사', 'again@jaemun.test');
    await consoleActions.signIn(page, e2eUsers.backoffice);
    // The business team member takes the first lead: they hold the customer now.
    const csrf = await page.evaluate(async () => {
      const session = await fetch('/api/v1/auth/session').then((response) => response.json());
      return String(session.csrfToken);
    });
    const taken = await page.request.post(`/api/v1/transfers/${first.transferId}/assign`, {
      headers: { 'x-csrf-token': csrf },
      data: { assigneeId: 'me' },
    });
    expect(taken.status(), await taken.text()).toBe(200);

    const repeat = await fileLeadThroughApi(browser, baseURL ?? '', '재문의상사', 'Again@Jaemun.test');
    await page.goto(`/queue?view=leads&lead=${repeat.id}`);
    const drawer = page.getByTestId('lead-drawer');
    await expect(drawer.getByTestId('lead-assignee')).toContainText(e2eUsers.backoffice.name);
    const notice = drawer.getByTestId('lead-repeat');
    await expect(notice).toContainText(`같은 고객의 진행 중인 리드 ${first.number} 건에 이어 접수되었습니다`);
    await expect(notice).toContainText('콜백을 함께 진행합니다');
    await expect(drawer.getByTestId('lead-brochure-sent-with')).toContainText(
      `같은 고객의 진행 중인 리드 ${first.number} 건으로 소개서가 이미 발송(또는 발송 대기)되어 다시 보내지 않았습니다.`,
    );
    await expect(drawer.getByTestId('lead-callback-due')).toHaveText('없음');

    const row = page.getByTestId('lead-table').locator(`[data-number="${repeat.number}"]`);
    await expect(row.getByTestId('lead-repeat-of')).toHaveText(`${first.number} 건의 재문의`);
    await expect(row.getByTestId('lead-brochure')).toHaveText(`${first.number} 건과 함께 발송`);

    // The first lead opens from the notice, in the same drawer.
    await notice.getByTestId('lead-repeat-open').click();
    await expect(page).toHaveURL(new RegExp(`lead=${first.id}`));
    await expect(drawer.getByTestId('lead-repeat')).toHaveCount(0);
  });
});
