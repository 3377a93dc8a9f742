import { type Browser, expect, test } from '@playwright/test';
import { signUpLeadPath } from '../test/helpers/signUpLeadPath.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

/** An agent finishes a Q4-Y call through the API (the console's one request); answers the lead. */
async function fileLeadThroughApi(
  browser: Browser,
  baseURL: string,
  companyName: string,
  email: string,
): Promise<{ id: string; number: string }> {
  const context = await browser.newContext({ baseURL });
  try {
    const login = await context.request.post('/api/v1/auth/login', {
      data: { email: e2eUsers.agent.email, password: e2eUsers.agent.password },
    });
    expect(login.ok(), await login.text()).toBe(true);
    const headers = { 'x-csrf-token': (await login.json()).csrfToken };
    const started = await context.request.post('/api/v1/consultations', {
      headers,
      data: { channel: 'call', guideId: 'business-inquiry' },
    });
    expect(started.status(), await started.text()).toBe(201);
    const fields = { companyName, contactName: '한가입', phone: '010-5821-3370', email };
    const finished = await context.request.post(`/api/v1/consultations/${(await started.json()).id}/finish`, {
      headers,
      data: {
        ...signUpLeadPath,
        record: {
          summary: '비즈니스 가입 문의',
          companyName,
          contactName: fields.contactName,
          phone: fields.phone,
          inquiry: `이메일주소: ${email}`,
          title: '[비즈니스] 비즈니스 가입 문의',
          body: `ㄴ 기업명 : ${companyName}`,
        },
        collected: fields,
      },
    });
    expect(finished.status(), await finished.text()).toBe(200);
    return (await finished.json()).lead;
  } finally {
    await context.close();
  }
}

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
