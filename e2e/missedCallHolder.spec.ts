import { expect, type Page, test } from '@playwright/test';
import { adminApi } from './adminApi.ts';
import { consoleActions } from './consoleActions.ts';
import { reportMissedCalls } from './reportMissedCalls.ts';

// QA-6 L2. On the @guides server: the @open server's specs count the missed calls they see.
test.describe("a missed call's callback", { tag: '@guides' }, () => {
  test('revealing the number to call back shows a colleague who is calling, live, and warns them if they reveal it too', async ({
    browser,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const stamp = Date.now();
    const person = (key: string, name: string) => ({
      email: `holder.${key}.${stamp}@ieum.test`,
      name: `${name}${stamp % 1000}`,
      password: `ieum-e2e-holder-${key}-2026`,
      role: 'backoffice' as const,
    });
    const first = person('first', '먼저콜백');
    const second = person('second', '나중콜백');
    for (const user of [first, second]) {
      const created = await admin.api.post('/api/v1/users', { headers: admin.headers, data: user });
      expect(created.status(), await created.text()).toBe(201);
    }
    await admin.api.dispose();
    const caller = `0108383${String(stamp % 10_000).padStart(4, '0')}`;
    await reportMissedCalls(baseURL, `콜백 담당 ${stamp}`, [caller]);

    const open = async (user: typeof first): Promise<Page> => {
      const context = await browser.newContext({ baseURL, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
      const page = await context.newPage();
      await consoleActions.signIn(page, user);
      await page.goto('/queue?view=missed');
      return page;
    };
    const rowOf = (page: Page) => page.getByTestId('missed-call').filter({ hasText: caller.slice(-4) });
    const reveal = async (page: Page) => {
      const row = rowOf(page);
      await row.getByRole('textbox', { name: '번호 열람 사유' }).fill('부재중 콜백');
      await row.getByRole('button', { name: '번호 보기' }).click();
      await expect(row).toContainText(`${caller.slice(0, 3)}-${caller.slice(3, 7)}-${caller.slice(7)}`);
    };

    const firstPage = await open(first);
    const secondPage = await open(second);
    await expect(rowOf(secondPage)).toBeVisible();
    await expect(rowOf(secondPage).getByTestId('callback-holder')).toHaveCount(0);

    // The first member reveals the number to call: the callback is theirs, and the colleague sees it.
    await reveal(firstPage);
    await expect(rowOf(firstPage).getByTestId('callback-holder')).toContainText('내가 콜백 중');
    await expect(rowOf(secondPage).getByTestId('callback-holder')).toContainText(`${first.name} 님 콜백 중`);

    // The colleague reveals it anyway: told who is calling before they dial.
    await reveal(secondPage);
    await expect(rowOf(secondPage).getByTestId('callback-held-warning')).toContainText(`${first.name} 님이`);
    await expect(rowOf(secondPage).getByTestId('callback-holder')).toContainText(`${first.name} 님 콜백 중`);
    await firstPage.context().close();
    await secondPage.context().close();
  });
});
